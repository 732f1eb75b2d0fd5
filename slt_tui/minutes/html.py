"""The minutes as a standalone HTML page, and the one Markdown parser the app and the checks use.

The parser is CommonMark with GFM tables and raw HTML turned off, so that even text that slipped past
the escaping could not become markup. The page embeds its CSS and loads nothing from outside: it is
read offline, mailed, printed, and turned into the archive PDF (`slt_tui.minutes.pdf`), which takes
its paper size, running header and page numbers from the print rules here.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape

from markdown_it import MarkdownIt

from slt_tui.domain.clock import OSLO
from slt_tui.i18n import translate

# "DejaVu Sans" before the generic family: a Linux server without the office fonts then draws æøå with
# a font it has, rather than whatever fontconfig substitutes (or boxes).
_STYLE = """
  :root { color-scheme: light;
          font-family: "Segoe UI", Calibri, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
  body { line-height: 1.45; color: #1b1b1b; background: #fff; max-width: 48rem; margin: 2rem auto;
         padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
  th, td { border: 1px solid #999; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  th { background: #eee; }
  ul { padding-left: 1.4rem; }
  @page {
    size: A4; margin: 18mm 16mm 16mm;
    @top-center { content: string(variant); font-size: 8pt; color: #444; }
    @bottom-left { content: string(heading); font-size: 8pt; color: #444; }
    @bottom-right { content: PAGE_OF; font-size: 8pt; color: #444; }
  }
  @media print {
    body { margin: 0; padding: 0; max-width: none; font-size: 10pt; line-height: 1.35; }
    h1 { string-set: heading content(text); }
    h1 + p > em:only-child { string-set: variant content(text); }
    h2, h3 { break-after: avoid; }
    tr, li { break-inside: avoid; }
  }
"""


def parser() -> MarkdownIt:
    """CommonMark, GFM tables, no raw HTML, no linkify: what the minutes are written for."""
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def page(markdown: str, title: str, lang: str, *, author: str = "", created: datetime | None = None) -> str:
    """A complete HTML document for the minutes in `markdown`.

    `author` and `created` become `<meta name="author">` and `<meta name="dcterms.created">`, which the
    archive PDF carries as its author and creation date.
    """
    body = parser().render(markdown)
    meta = ""
    if author:
        meta += f'<meta name="author" content="{escape(author)}">\n'
    if created is not None:
        meta += f'<meta name="dcterms.created" content="{w3c_date(created)}">\n'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{meta}<title>{escape(title)}</title>\n<style>{_style(lang)}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def w3c_date(moment: datetime) -> str:
    """`2026-10-27T09:00:00+01:00`: the W3C date-time that HTML metadata and PDF/XMP dates are read
    from. A time without a zone is taken as Norwegian time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=OSLO)
    return moment.replace(microsecond=0).isoformat()


def _style(lang: str) -> str:
    """The CSS, with the page number worded in `lang` ("side 2 av 5")."""
    return _STYLE.replace("PAGE_OF", _page_of(lang))


def _page_of(lang: str) -> str:
    """`page {page} of {pages}` from the catalogue as CSS content: `"side " counter(page) " av " …`."""
    template = translate("minutes.page_of", lang, page="{page}", pages="{pages}")
    parts = []
    for piece in re.split(r"(\{pages?\})", template):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            # A CSS string inside <style>: its quote and backslash escaped, and no "<" to close the element.
            text = piece.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
            parts.append(f'"{text}"')
    return " ".join(parts)
