"""The archive PDF: the Markdown of the minutes or the notice as PDF/A-2b, the format the National
Archives take, with its fonts embedded and its title, author and creation date in the document
information and the XMP metadata.

Typst lays the pages out, with the fonts it carries (nothing comes from the system). User text never
becomes Typst markup: the Markdown is read into a small tree of plain data (`document_tree`), handed
to one fixed template as JSON, and every text in it is set as a string, never evaluated. Each piece
of text names the bundled font that draws it (`pdf_fonts`), since PDF/A allows no undrawn character;
what no font draws is shown as its code point. Typst is imported only when a PDF is asked for, so
that the app starts fast. The bytes are the same for the same Markdown and date. Writing them
(owner-only for the internal minutes) is the caller's business.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from slt_tui.domain.clock import OSLO
from slt_tui.errors import Said, SltError
from slt_tui.i18n import translate
from slt_tui.minutes.html import parser
from slt_tui.minutes.pdf_fonts import CODE_ORDER, SERIF, TEXT_ORDER, code_point, runs

PDF_STANDARD = "a-2b"

# The one template. It reads the tree from `sys.inputs.doc` and sets every text with `text()` as a
# string: whatever the minutes say, it is never read as Typst. Fonts are the bundled ones, each piece
# in the font `pdf_fonts` chose for it, without fallback (which could leave a character undrawn).
TEMPLATE = """
#let doc = json(bytes(sys.inputs.doc))

#let inline(n) = {
  if n.k == "text" {
    let body = if "f" in n { text(font: n.f, n.s) } else { text(n.s) }
    if "b" in n { body = strong(body) }
    if "i" in n { body = emph(body) }
    body
  } else if n.k == "missing" {
    // Spaced from the text around it, so that the code points read (and copy) as words of their own.
    " " + n.s.map(code => box(
      stroke: 0.4pt + luma(45%), inset: (x: 1.2pt), outset: (y: 1.5pt),
      text(font: "DejaVu Sans Mono", size: 0.8em, fill: luma(25%), code),
    )).join(" ") + " "
  } else if n.k == "softbreak" {
    " "
  } else if n.k == "hardbreak" {
    linebreak()
  }
}

#let inlines(ns) = [#for n in ns { inline(n) }]

#let render(b) = {
  if b.k == "par" {
    inlines(b.c)
  } else if b.k == "heading" {
    heading(level: b.level, inlines(b.c))
  } else if b.k == "list" {
    let items = b.items.map(item => [#for (i, x) in item.enumerate() { if i > 0 { parbreak() }; render(x) }])
    if b.start == none {
      list(tight: b.tight, ..items)
    } else {
      enum(start: b.start, tight: b.tight, ..items)
    }
  } else if b.k == "table" {
    let aligns = (left: left, center: center, right: right)
    table(
      columns: b.head.len(),
      align: (x, y) => aligns.at(b.align.at(x)) + top,
      fill: (x, y) => if y == 0 { luma(92%) },
      table.header(..b.head.map(inlines)),
      ..b.rows.map(row => row.map(inlines)).flatten(),
    )
  } else if b.k == "hr" {
    line(length: 100%, stroke: 0.5pt + luma(55%))
  } else if b.k == "quote" {
    block(inset: (left: 8pt), stroke: (left: 1.5pt + luma(70%)),
          [#for (i, x) in b.c.enumerate() { if i > 0 { parbreak() }; render(x) }])
  } else if b.k == "code" {
    block(fill: luma(95%), inset: 6pt, width: 100%, inlines(b.c))
  }
}

#let page-of() = {
  for p in doc.page_of {
    if p.k == "page" { str(counter(page).get().first()) }
    else if p.k == "pages" { str(counter(page).final().first()) }
    else { inline(p) }
  }
}

#set document(
  title: doc.title,
  author: doc.author,
  date: datetime(year: doc.date.at(0), month: doc.date.at(1), day: doc.date.at(2),
                 hour: doc.date.at(3), minute: doc.date.at(4), second: doc.date.at(5)),
)
#set text(font: "Libertinus Serif", fallback: false, size: 10pt, lang: doc.lang, hyphenate: false)
#set par(justify: false, leading: 0.55em, spacing: 0.9em)
#set page(
  paper: "a4",
  margin: (x: 18mm, top: 20mm, bottom: 18mm),
  header: align(center, text(size: 8pt, fill: luma(30%), inlines(doc.header))),
  footer: context text(size: 8pt, fill: luma(30%),
                       grid(columns: (1fr, auto), column-gutter: 12pt, inlines(doc.footer), page-of())),
)
#set list(marker: ([•], [‣], [–]))
#set enum(numbering: "1.")
#set table(stroke: 0.5pt + luma(55%), inset: (x: 4pt, y: 3pt))
#show heading: set block(above: 1.3em, below: 0.6em)
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt)

#for (i, b) in doc.body.enumerate() { if i > 0 { parbreak() }; render(b) }
"""


class PdfUnavailableError(SltError):
    """This machine lacks what a PDF needs: the Python package typst, or one that loads."""

    key = "error.pdf_unavailable"


def archive_pdf(markdown: str, *, title: str, author: str, created: datetime, lang: str) -> bytes:
    """The document in `markdown` (the minutes or the notice) as PDF/A-2b bytes.

    `title`, `author` and `created` go into the PDF's metadata; a `created` without a time zone is
    taken as Norwegian time (the file says it in UTC). `lang` is the document's language, which also
    words the page numbers ("side 2 av 5").
    """
    typst = _typst()
    tree = document_tree(markdown, lang)
    tree.update(title=_plain(title), author=[_plain(author)] if author.strip() else [], date=_utc(created),
                lang=lang if re.fullmatch("[a-z]{2,3}", lang) else "und")
    return typst.compile(TEMPLATE.encode(), format="pdf", pdf_standards=[PDF_STANDARD], ignore_system_fonts=True,
                         sys_inputs={"doc": json.dumps(tree, ensure_ascii=False)})


def document_tree(markdown: str, lang: str) -> dict[str, Any]:
    """The Markdown as the template's data: the body's blocks, the running header (the italic line
    right under the title, which says which variant this is), the footer's title, and the page
    number's words."""
    nodes = SyntaxTreeNode(parser().parse(markdown)).children
    header: list[dict[str, Any]] = []
    footer: list[dict[str, Any]] = []
    if nodes and nodes[0].type == "heading" and nodes[0].tag == "h1":
        footer = _inlines(nodes[0].children[0])
        if len(nodes) > 1 and nodes[1].type == "paragraph":
            line = nodes[1].children[0].children
            if len(line) == 1 and line[0].type == "em":
                header = _inlines(line[0], italic=True)
    return {"body": [_block(node) for node in nodes], "header": header, "footer": footer,
            "page_of": _page_of(lang)}


def _typst() -> Any:
    """The typst package, imported now; a missing or broken one as a `PdfUnavailableError`."""
    try:
        import typst
    except (ImportError, OSError) as error:  # not installed, or its compiled part would not load
        raise PdfUnavailableError(reason=Said("pdf.no_typst")) from error
    return typst


def _block(node: SyntaxTreeNode) -> dict[str, Any]:
    kind = node.type
    if kind == "heading":
        return {"k": "heading", "level": int(node.tag[1]), "c": _inlines(node.children[0], bold=True)}
    if kind == "paragraph":
        return {"k": "par", "c": _inlines(node.children[0])}
    if kind in ("bullet_list", "ordered_list"):
        paragraphs = [p for item in node.children for p in item.children if p.type == "paragraph"]
        start = int(node.attrs.get("start", 1)) if kind == "ordered_list" else None
        return {"k": "list", "start": start, "tight": all(p.nester_tokens.opening.hidden for p in paragraphs),
                "items": [[_block(child) for child in item.children] for item in node.children]}
    if kind == "table":
        return _table(node)
    if kind == "hr":
        return {"k": "hr"}
    if kind == "blockquote":
        return {"k": "quote", "c": [_block(child) for child in node.children]}
    # Code blocks and fences (which the minutes' escaping never makes), and anything else: its text.
    out: list[dict[str, Any]] = []
    for number, line in enumerate(node.content.rstrip("\n").split("\n")):
        if number:
            out.append({"k": "hardbreak"})
        _text(out, line, order=CODE_ORDER)
    return {"k": "code", "c": out}


def _table(node: SyntaxTreeNode) -> dict[str, Any]:
    rows = [row for part in node.children for row in part.children]
    head, body = rows[0], rows[1:]
    width = len(head.children)
    align = []
    for cell in head.children:
        found = re.search(r"text-align:(left|center|right)", str(cell.attrs.get("style", "")))
        align.append(found.group(1) if found else "left")

    def cells(row: SyntaxTreeNode, bold: bool = False) -> list[list[dict[str, Any]]]:
        out = [_inlines(cell.children[0], bold) if cell.children else [] for cell in row.children[:width]]
        return out + [[]] * (width - len(out))

    return {"k": "table", "align": align, "head": cells(head, bold=True), "rows": [cells(row) for row in body]}


def _inlines(node: SyntaxTreeNode, bold: bool = False, italic: bool = False,
             out: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The inline content under `node` as a flat list of pieces, each marked bold and italic as the
    emphasis around it says."""
    out = [] if out is None else out
    for child in node.children:
        kind = child.type
        if kind == "softbreak":
            out.append({"k": "softbreak"})
        elif kind == "hardbreak":
            out.append({"k": "hardbreak"})
        elif kind == "code_inline":
            _text(out, child.content, bold, italic, CODE_ORDER)
        elif kind in ("strong", "em"):
            _inlines(child, bold or kind == "strong", italic or kind == "em", out)
        elif child.children:  # a link or anything else that holds inline content: its text
            _inlines(child, bold, italic, out)
        else:  # text, and any other leaf: what it says
            _text(out, child.content, bold, italic)
    return out


_SPACES = re.compile("[\t\n\v\f\r\x85\u2028\u2029]")
# Typst breaks lines only where the text allows, so a word longer than a line (a pasted link, a row of
# dashes, words tied with no-break spaces) would run off the page: such a word gets a zero-width
# space, where it may break, every _STRETCH characters.
_LONG_WORD = re.compile("[^ \u1680\u2000-\u2006\u2008-\u200b\u205f\u3000]{41,}")
_STRETCH = 20


def _text(out: list[dict[str, Any]], text: str, bold: bool = False, italic: bool = False,
          order: tuple[str, ...] = TEXT_ORDER) -> None:
    """Append `text` as pieces that one font each draws whole, and what none draws as code points.

    Line-breaking characters are spaces here (the tree has its own breaks); soft hyphens go, since
    the PDF never hyphenates."""
    text = _SPACES.sub(" ", text).replace("\u00ad", "")
    if len(text) > 40 and _LONG_WORD.search(text):
        text = _LONG_WORD.sub(lambda word: _breakable(word.group()), text)
    style = ("bold " if bold else "") + ("italic" if italic else "")
    for font, piece in runs(text, order, style.strip() or "regular"):
        node: dict[str, Any] = {"k": "text", "s": piece}
        if font is None:
            node = {"k": "missing", "s": [code_point(c) for c in piece]}
        elif font != SERIF:
            node["f"] = font
        if bold:
            node["b"] = True
        if italic:
            node["i"] = True
        out.append(node)


def _breakable(word: str) -> str:
    """`word` with a zero-width space every `_STRETCH` characters, never before a combining mark or
    after a joiner (which would part what belongs together)."""
    out, since = [], 0
    for char in word:
        if since >= _STRETCH and not unicodedata.category(char).startswith("M") and out[-1] != "\u200d":
            out.append("\u200b")
            since = 0
        out.append(char)
        since += 1
    return "".join(out)


def _page_of(lang: str) -> list[dict[str, Any]]:
    """`page {page} of {pages}` from the catalogue, as pieces: words, and where the numbers go."""
    out: list[dict[str, Any]] = []
    for piece in re.split(r"(\{pages?\})", translate("minutes.page_of", lang, page="{page}", pages="{pages}")):
        if piece in ("{page}", "{pages}"):
            out.append({"k": piece[1:-1]})
        elif piece:
            _text(out, piece)
    return out


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _plain(text: str) -> str:
    """Text for the metadata: one line, without control characters and what no file can encode."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def _utc(created: datetime) -> list[int]:
    """`created` in UTC as [year, month, day, hour, minute, second]: Typst's dates have no zone."""
    if created.tzinfo is None:
        created = created.replace(tzinfo=OSLO)
    moment = created.astimezone(UTC)
    return [moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second]
