"""The minutes as a standalone HTML page, and the one Markdown parser the app and the checks use.

The parser is CommonMark with GFM tables and raw HTML turned off, so that even text that slipped past
the escaping could not become markup. The page embeds its CSS and loads nothing from outside: it is
read offline, mailed, and printed.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

_STYLE = """
  :root { color-scheme: light; }
  body { font-family: "Segoe UI", Calibri, "Helvetica Neue", Arial, sans-serif; line-height: 1.45;
         color: #1b1b1b; background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
  th, td { border: 1px solid #999; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  th { background: #eee; }
  ul { padding-left: 1.4rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2, h3 { break-after: avoid; }
    tr, li { break-inside: avoid; }
  }
"""


def parser() -> MarkdownIt:
    """CommonMark, GFM tables, no raw HTML, no linkify: what the minutes are written for."""
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def page(markdown: str, title: str, lang: str) -> str:
    """A complete HTML document for the minutes in `markdown`."""
    body = parser().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
