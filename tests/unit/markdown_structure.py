"""The structure of a Markdown document as two independent CommonMark implementations build it.

`structure(markdown)` parses the text with markdown-it-py (what the app renders with: CommonMark and
GFM tables, `slt_tui.minutes.html.parser`) and with cmark-gfm, CommonMark's reference implementation
in C as GitHub runs it (through `cmarkgfm`, with only the table extension, so that both read the same
language); turns each reading into the same plain form, and fails when they differ. A document two
implementations this far apart agree on is one whose headings, lists, paragraphs and table rows do
not hang on a corner of the spec (a lazy continuation line, a list interrupting a paragraph, an
emphasis run) that readers resolve differently.

The plain form is a list of blocks:

- `("h1", text)` … `("h6", text)`, `("p", text)`
- `("ul", tight, items)`, `("ol", start, tight, items)`: each item a list of blocks; `tight` is None
  when the list has no paragraph of its own to tell by
- `("table", rows)`: each row a tuple of cell texts, the header row first
- `("hr",)`, `("code", text)`, `("quote", blocks)`, `("html",)`: what the minutes never write, kept
  so that a difference shows

and the text of a block is what a reader sees with the inline structure written out: `<em>`,
`<strong>`, `<code>`, `<a>` around what they hold, `<img>`, `<html>` for raw HTML, `<br>` before the
newline of a hard break and a bare newline for a soft one. Escapes and entities are resolved, and
the text's own `&` and `<` are written `&amp;` and `&lt;`, so that no text can pass for a tag.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import cmarkgfm

from slt_tui.minutes.html import parser

Block = tuple[Any, ...]


class StructureMismatch(AssertionError):
    """The two implementations read a document differently."""


def structure(markdown: str) -> list[Block]:
    """The blocks of `markdown`, as both implementations read them; StructureMismatch if they differ."""
    ours, theirs = by_markdown_it(markdown), by_cmark(markdown)
    if ours != theirs:
        raise StructureMismatch(_difference(markdown, ours, theirs))
    return ours


def headings(blocks: list[Block]) -> list[tuple[str, str]]:
    """`(tag, text)` of every heading, in order (headings sit at the top level only)."""
    return [(b[0], b[1]) for b in blocks if b[0] in ("h1", "h2", "h3", "h4", "h5", "h6")]


def tables(blocks: list[Block]) -> list[list[tuple[str, ...]]]:
    """The rows of every table, at any depth, in order."""
    found = []
    for b in blocks:
        if b[0] == "table":
            found.append(b[1])
        elif b[0] in ("ul", "ol"):
            for item in b[-1]:
                found += tables(item)
        elif b[0] == "quote":
            found += tables(b[1])
    return found


# markdown-it-py ----------------------------------------------------------------------------------------


def by_markdown_it(markdown: str) -> list[Block]:
    tokens = parser().parse(markdown)
    blocks, _ = _it_blocks(tokens, 0, None)
    return blocks


def _it_blocks(tokens, n: int, until: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while n < len(tokens):
        token = tokens[n]
        kind = token.type
        if kind == until:
            return out, n + 1
        if kind == "heading_open":
            out.append((token.tag, _it_inline(tokens[n + 1])))
            n += 3
        elif kind == "paragraph_open":
            out.append(("p", _it_inline(tokens[n + 1])))
            n += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            close = kind.replace("_open", "_close")
            items, hidden, n = [], [], n + 1
            while tokens[n].type != close:
                hidden += [t.hidden for t in _direct_paragraphs(tokens, n)]
                item, n = _it_blocks(tokens, n + 1, "list_item_close")
                items.append(item)
            n += 1
            tight = all(hidden) if hidden else None
            if kind == "bullet_list_open":
                out.append(("ul", tight, items))
            else:
                out.append(("ol", int(token.attrGet("start") or 1), tight, items))
        elif kind == "table_open":
            rows, n = [], n + 1
            while tokens[n].type != "table_close":
                if tokens[n].type == "tr_open":
                    row = []
                    n += 1
                    while tokens[n].type != "tr_close":
                        if tokens[n].type == "inline":
                            row.append(_it_inline(tokens[n]))
                        n += 1
                    rows.append(tuple(row))
                n += 1
            out.append(("table", rows))
            n += 1
        elif kind == "blockquote_open":
            inner, n = _it_blocks(tokens, n + 1, "blockquote_close")
            out.append(("quote", inner))
        elif kind == "hr":
            out.append(("hr",))
            n += 1
        elif kind in ("code_block", "fence"):
            out.append(("code", token.content))
            n += 1
        elif kind == "html_block":
            out.append(("html",))
            n += 1
        else:
            n += 1
    return out, n


def _direct_paragraphs(tokens, n: int):
    """The paragraphs that are the direct children of the list item opening at `n`."""
    depth = 0
    for token in tokens[n + 1:]:
        if token.type == "list_item_close" and depth == 0:
            return
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif token.type == "paragraph_open" and depth == 0:
            yield token


_IT_MARKS = {"em_open": "<em>", "em_close": "</em>", "strong_open": "<strong>", "strong_close": "</strong>",
             "link_open": "<a>", "link_close": "</a>", "softbreak": "\n", "hardbreak": "<br>\n", "image": "<img>",
             "html_inline": "<html>"}


def _it_inline(token) -> str:
    out, open_tags = [], []
    for child in token.children or []:
        if child.type in ("text", "text_special"):
            out.append(_escape(child.content))
        elif child.type == "code_inline":
            out.append(f"<code>{_escape(child.content)}</code>")
        elif child.type == "strong_open":
            # cmark writes strong inside strong as one <strong> (the page looks the same): so here.
            open_tags.append("" if open_tags and open_tags[-1] in ("<strong>", "") else "<strong>")
            out.append(open_tags[-1])
        elif child.type == "strong_close":
            out.append("</strong>" if open_tags.pop() else "")
        else:
            if child.type.endswith("_open"):
                open_tags.append(child.type)
            elif child.type.endswith("_close"):
                open_tags.pop()
            out.append(_IT_MARKS.get(child.type, f"<{child.type}>"))
    return _tidy("".join(out))


# cmark-gfm -------------------------------------------------------------------------------------------
# cmarkgfm gives HTML only; cmark writes it in one regular form (a block per line, a tight list item's
# text straight in its <li>, raw HTML as a comment), from which the tree is read back.


def by_cmark(markdown: str) -> list[Block]:
    tree = _Tree()
    tree.feed(cmarkgfm.markdown_to_html_with_extensions(markdown, extensions=["table"]))
    tree.close()
    return _cm_blocks(tree.root[1])


class _Tree(HTMLParser):
    """The HTML as nested `[tag, children, attributes]`, text as strings, raw HTML as `["!html", [], {}]`."""

    _VOID = ("br", "hr", "img")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = ["root", [], {}]
        self._open = [self.root]

    def handle_starttag(self, tag, attrs):
        node = [tag, [], dict(attrs)]
        self._open[-1][1].append(node)
        if tag not in self._VOID:
            self._open.append(node)

    def handle_startendtag(self, tag, attrs):
        self._open[-1][1].append([tag, [], dict(attrs)])

    def handle_endtag(self, tag):
        while len(self._open) > 1 and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        self._open[-1][1].append(data)

    def handle_comment(self, data):
        self._open[-1][1].append(["!html", [], {}])


_CM_INLINE = ("em", "strong", "code", "a", "img", "br", "!html")


def _cm_blocks(children: list) -> list[Block]:
    out: list[Block] = []
    run: list = []  # inline content straight in a block (a tight list item's text)

    def paragraph() -> None:
        text = _cm_inline(run)
        if text:
            out.append(("p", text))
        run.clear()

    for child in children:
        if isinstance(child, str) or child[0] in _CM_INLINE:
            run.append(child)
            continue
        paragraph()
        tag, inner, attrs = child
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p"):
            out.append((tag, _cm_inline(inner)))
        elif tag in ("ul", "ol"):
            items = [_cm_blocks(li[1]) for li in inner if not isinstance(li, str)]
            loose = any(not isinstance(c, str) and c[0] == "p" for li in inner if not isinstance(li, str)
                        for c in li[1])
            tight = not loose if any(b[0] == "p" for item in items for b in item) else None
            out.append(("ul", tight, items) if tag == "ul" else ("ol", int(attrs.get("start") or 1), tight, items))
        elif tag == "table":
            rows = [row for part in inner if not isinstance(part, str) for row in part[1] if not isinstance(row, str)]
            out.append(("table", [tuple(_cm_inline(c[1]) for c in row[1] if not isinstance(c, str)) for row in rows]))
        elif tag == "blockquote":
            out.append(("quote", _cm_blocks(inner)))
        elif tag == "hr":
            out.append(("hr",))
        elif tag == "pre":
            out.append(("code", "".join(_text(c) for c in inner)))
        elif tag == "!html":
            out.append(("html",))
    paragraph()
    return out


def _cm_inline(children: list) -> str:
    return _tidy("".join(_cm_piece(c) for c in children))


def _cm_piece(node) -> str:
    if isinstance(node, str):
        return _escape(node)
    tag, inner, _ = node
    if tag in ("br", "img", "!html"):
        return f"<{tag.lstrip('!')}>"
    if tag == "code":
        return f"<code>{_escape(''.join(_text(c) for c in inner))}</code>"
    return f"<{tag}>{''.join(_cm_piece(c) for c in inner)}</{tag}>"


def _text(node) -> str:
    return node if isinstance(node, str) else "".join(_text(c) for c in node[1])


# -------------------------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _tidy(text: str) -> str:
    """White space at the end of a line or of a block is dropped by every reader; implementations differ
    only in when."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n")).strip()


def _difference(markdown: str, ours: list[Block], theirs: list[Block]) -> str:
    first = next((n for n, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
    return (f"markdown-it-py and cmark-gfm read the document differently from block {first}:\n"
            f"  markdown-it-py: {ours[first:first + 2]!r}\n  cmark-gfm:      {theirs[first:first + 2]!r}\n"
            f"--- document ---\n{markdown}")
