"""Escaping of user text for the minutes, so that it reads as written and can break nothing.

Three contexts, each with its own rule:

- `inline`: one line in a paragraph, list item or heading. Every character that Markdown could read
  as syntax is backslash-escaped, so the text comes back exactly as typed.
- `cell`: `inline` for a table cell; line breaks fold to spaces and `|` is escaped, so a row keeps
  its columns.
- `block`: notes and decisions, where the spec lets lists and emphasis work. Each line keeps a list
  marker it starts with and `*`/`_` for emphasis; everything that could make a heading, a quote, a
  code block or fence, a table, a thematic break, a link or raw HTML is escaped.

All three drop control characters (a tab becomes spaces), so nothing in the file can steer a
terminal. Whether this holds is checked against markdown-it-py's token stream in the tests.
"""

from __future__ import annotations

import re
import unicodedata

from slt_tui.domain.text import clean_block

# Characters with a meaning anywhere in a line. `*` and `_` are emphasis; block text keeps them.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|&~#])")
_ANYWHERE_BUT_EMPHASIS = re.compile(r"([\\`\[\]<>|&~#])")
# What starts a block only at the beginning of a line: a list item, or a line of nothing but rule or
# heading-underline characters (`---`, `===`, `* * *`).
_BULLET_START = re.compile(r"^([-+*])(?= |$)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?= |$)")
# A numbered item starts at 1–99 as typed: a larger number (`140309. 97019`) stays text, since a list
# that starts there would show as a number the reader joins with the next (`<ol start=140309>`).
_LIST_MARKER = re.compile(r"^( *)([-+*]|[1-9]\d?[.)])( +)(?=\S)")
_RULE_ONLY = re.compile(r"^[-=*_+ ]+$")
_INDENT_STEP = 4
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# One-line text with nothing to escape or fold, as most titles and names are: returned as it is.
_WORD = "[^\\\\`*_\\[\\]<>|&~#\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000]+"
_PLAIN = re.compile(f"(?![-+=\\d]){_WORD}(?: {_WORD})*")


def inline(text: str) -> str:
    """One line of user text, every Markdown character escaped."""
    if _PLAIN.fullmatch(text) and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return text
    return _escape_line(_one_line(text), _ANYWHERE)


def cell(text: str) -> str:
    """User text for a table cell: one line, pipes and everything else escaped; `—` when empty."""
    return inline(text) or "—"


def block(text: str) -> str:
    """Multi-line user text in which lists and emphasis work and nothing else does."""
    lines = _clean(text).split("\n")
    out: list[str] = []
    list_indent: int | None = None  # content column of the last list item, while a list goes on
    counters: dict[int, tuple[int, str]] = {}  # per indent: the number shown last, and its delimiter
    for number, raw in enumerate(lines):
        line = raw.rstrip()
        if not line:
            out.append("")
            continue
        marker = _LIST_MARKER.match(line)
        if marker:
            indent = len(marker.group(1))
            # Deeper than a list item's content nests; anything more would turn into a code block.
            indent = 0 if list_indent is None else min(indent, list_indent + _INDENT_STEP - 1)
            bullet = _numbered(marker.group(2), indent, counters)
            rest = _escape_line(line[marker.end():], _ANYWHERE_BUT_EMPHASIS)
            list_indent = indent + len(bullet) + 1
            line = f"{' ' * indent}{bullet} {rest}"
        else:
            list_indent = list_indent if raw.startswith(" ") and list_indent is not None else None
            if list_indent is None and (not out or not out[-1]):
                counters.clear()  # a paragraph after a blank line ends the list; one right after an item continues it
            line = _escape_line(line.lstrip(), _ANYWHERE_BUT_EMPHASIS)
            if list_indent is not None:
                line = " " * list_indent + line
        following = lines[number + 1].strip() if number + 1 < len(lines) else ""
        if following and not _LIST_MARKER.match(lines[number + 1]):
            line += "\\"  # keep the typed line break: a hard break, not a space
        out.append(line)
    return "\n".join(out).strip("\n")


def _numbered(bullet: str, indent: int, counters: dict[int, tuple[int, str]]) -> str:
    """The marker as every reader shows it: in a list, each numbered item is one more than the one
    before, whatever was typed (`1.` `1.` shows as 1. 2.); written out so, the file says what is seen,
    and the privacy guard reads the same numbers a reader does."""
    for deeper in [i for i in counters if i > indent]:
        del counters[deeper]
    if bullet in "-+*":
        counters.pop(indent, None)
        return bullet
    typed, delimiter = int(bullet[:-1]), bullet[-1]
    previous = counters.get(indent)
    shown = previous[0] + 1 if previous is not None and previous[1] == delimiter else typed
    counters[indent] = (shown, delimiter)
    return f"{shown}{delimiter}"


def _escape_line(line: str, pattern: re.Pattern[str]) -> str:
    if _RULE_ONLY.match(line):
        return re.sub(r"([-=*_+])", r"\\\1", line)
    line = pattern.sub(r"\\\1", line)
    return _ORDERED_START.sub(r"\1\\\2", _BULLET_START.sub(r"\\\1", line))


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _clean(text: str) -> str:
    text = clean_block(text).replace("\t", " " * _INDENT_STEP)
    return _CONTROLS.sub("", text)
