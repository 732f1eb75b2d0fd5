"""The minutes as a reader sees them: the text of each heading, paragraph, list item and table cell.

The privacy guard reads what the Markdown shows, not what it spells: backslash escapes and emphasis
marks are gone, a paragraph's lines and hard breaks join with a space (so a number broken over two
lines reads as one), and a numbered list item keeps its number. It reads the Markdown this package
writes, in which `escape` guarantees that every heading, table and list is the renderer's own, so
a pass over the lines is enough; markdown-it-py's tokens give the same text (the tests hold them to
it) at several times the cost, which a scan on every export and preview would pay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class Piece(NamedTuple):
    tag: str
    """`h1`…`h6`; `p`, a paragraph or list item; `th` or `td`, a table's header or body cell."""
    column: int
    """For a table cell, its column, counted from 1; else 0."""
    text: str


_HEADING = re.compile(r" {0,3}(#{1,6})(?: +|$)")
_LIST_ITEM = re.compile(r" *(?:[-+*]|(\d{1,9})([.)]))(?: +|$)")
_DELIMITER_ROW = re.compile(r"\|(?: *:?-+:? *\|)+ *")
_HARD_BREAK = re.compile(r"\\$", re.MULTILINE)
# A backslash escape shows the character; `*` and `_` are emphasis and show nothing. A lone `*`
# shows in a rendered page, but dropping it can only join what a reader might see apart.
_MARKS = re.compile(r"\\([!-/:-@\[-`{-~])|[*_]")
_MARKERS = ("\\", "*", "_", "\n")


def pieces(markdown: str) -> Iterator[Piece]:
    """The readable pieces of `markdown`, in order."""
    lines: list[str] = []  # the paragraph or list item being read
    in_item = in_table = False
    for line in markdown.split("\n"):
        heading = _HEADING.match(line)
        item = None if heading else _LIST_ITEM.match(line)
        # An ordered list interrupts a paragraph only when it starts at 1 (CommonMark); else the
        # line goes on with the paragraph.
        if item and lines and not in_item and item.group(1) not in (None, "1"):
            item = None
        if lines and (not line.strip() or heading or item or line.startswith("|")):
            yield Piece("p", 0, _inline("\n".join(lines)))
            lines = []
        if line.startswith("|"):
            if not _DELIMITER_ROW.fullmatch(line):
                cells = line.strip().removeprefix("|").removesuffix("|").split(" | ")
                tag = "td" if in_table else "th"
                yield from (Piece(tag, n, _inline(cell.strip())) for n, cell in enumerate(cells, 1))
            in_table = True
            continue
        in_table = False
        if heading:
            yield Piece(f"h{len(heading.group(1))}", 0, _inline(line[heading.end():].strip()))
        elif item:
            in_item = True
            lines.append((item.group(1) + item.group(2) + " " if item.group(1) else "") + line[item.end():])
        elif line.strip():
            in_item = in_item and bool(lines)
            lines.append(line.strip())
    if lines:
        yield Piece("p", 0, _inline("\n".join(lines)))


def _inline(source: str) -> str:
    """What a line or paragraph of inline Markdown shows: line breaks as spaces, no marks."""
    if not any(mark in source for mark in _MARKERS):
        return source  # most names and cells: nothing escaped, emphasised or broken
    return _MARKS.sub(lambda m: m.group(1) or "", _HARD_BREAK.sub("", source)).replace("\n", " ")
