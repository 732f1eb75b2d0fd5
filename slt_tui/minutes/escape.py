"""Escaping of user text for the minutes, so that it reads as written and can break nothing.

Three contexts, each with its own rule:

- `inline`: one line in a paragraph, list item or heading. Every character that Markdown could read
  as syntax is backslash-escaped, so the text comes back exactly as typed.
- `cell`: `inline` for a table cell; line breaks fold to spaces and `|` is escaped, so a row keeps
  its columns.
- `block`: notes and decisions, where the spec lets lists and emphasis work. Each line keeps a list
  marker it starts with and `*`/`_` for emphasis; everything that could make a heading, a quote, a
  code block or fence, a table, a thematic break, a link or raw HTML is escaped. A list and the
  paragraphs around it are kept apart by blank lines, and an emphasis mark that CommonMark readers
  resolve differently is escaped, so that every reader sees the same paragraphs, lists and text.

All three drop control characters (a tab becomes spaces), so nothing in the file can steer a
terminal. Whether this holds is checked in the tests against markdown-it-py's token stream, and
against cmark-gfm, CommonMark's reference implementation (`tests/unit/markdown_structure.py`).
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
MAX_LIST_DEPTH = 6
"""Lists nest this deep at most; an item typed deeper stays at this depth. Readers stop somewhere
(markdown-it drops everything below about nine levels), and a note should never lose text to that."""
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
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
    """Multi-line user text in which lists and emphasis work and nothing else does.

    The file says the structure a reader sees, so that every CommonMark reader sees the same: a list
    and the paragraphs around it are kept apart by a blank line (no lazy continuation line may join
    typed text to the last item, no list may have to interrupt a paragraph), and a typed line break
    inside a paragraph or an item is a hard break.
    """
    lines = _clean(text).split("\n")
    out: list[str] = []
    items: set[int] = set()  # the lines of `out` that start a list item
    list_indent: int | None = None  # content column of the last list item, while a list goes on
    open_items: list[tuple[int, int]] = []  # (indent, content column) of the items a new one may nest in
    counters: dict[int, tuple[int, str]] = {}  # per indent: the number shown last, and its delimiter
    for raw in lines:
        line = raw.rstrip()
        if not line:
            out.append("")
            continue
        marker = _LIST_MARKER.match(line)
        if marker:
            if list_indent is None and out and out[-1]:
                out.append("")  # a list typed right under a paragraph starts a block of its own
            indent = len(marker.group(1))
            # Deeper than a list item's content nests; anything more would turn into a code block.
            indent = 0 if list_indent is None else min(indent, list_indent + _INDENT_STEP - 1)
            while open_items and indent < open_items[-1][1]:
                open_items.pop()  # not inside that item: its sibling, or further out
            if len(open_items) >= MAX_LIST_DEPTH:  # deeper still: a sibling of the deepest allowed
                indent = open_items[MAX_LIST_DEPTH - 1][0]
                del open_items[MAX_LIST_DEPTH - 1:]
            bullet = _numbered(marker.group(2), indent, counters)
            rest = _escape_line(line[marker.end():], _ANYWHERE_BUT_EMPHASIS)
            list_indent = indent + len(bullet) + 1
            open_items.append((indent, list_indent))
            items.add(len(out))
            out.append(f"{' ' * indent}{bullet} {rest}")
            continue
        line = _escape_line(line.lstrip(), _ANYWHERE_BUT_EMPHASIS)
        if list_indent is not None and raw.startswith(" "):
            out.append(" " * list_indent + line)  # indented under an item: more of that item
            continue
        if list_indent is not None and out and out[-1]:
            out.append("")  # typed right after a list: a paragraph of its own, not part of the last item
        list_indent = None
        open_items.clear()
        counters.clear()
        out.append(line)
    for number in range(len(out) - 1):
        if out[number] and out[number + 1] and number + 1 not in items:
            out[number] += "\\"  # keep the typed line break: a hard break, not a space
    return "\n".join(_settled(line) for line in out).strip("\n")


def _settled(line: str) -> str:
    """`line` with every `*` or `_` run escaped whose meaning readers may resolve differently, so that
    it is text to all. Two kinds: a run that may both open and close emphasis (`a*b*c`, `**x****y**`),
    where CommonMark's "rule of 3" has been implemented in more than one way; and a run beside a Unicode
    symbol (`¬`, `€`, `©`), which counts as punctuation since CommonMark 0.31 and did not before. What
    is left opens or closes, never both, and reads the same everywhere: `*viktig*`, `**fet**`."""
    if "*" not in line and "_" not in line:
        return line
    out, n = [], 0
    while n < len(line):
        char = line[n]
        if char == "\\":
            out.append(line[n:n + 2])  # an escape: the next character is text
            n += 2
            continue
        end = n + 1
        if char in "*_":
            while end < len(line) and line[end] == char:
                end += 1
            before, after = line[n - 1] if n else "", line[end] if end < len(line) else ""
            new, old = (_delimits(before, after, char, symbols=s) for s in (True, False))
            if new != old or all(new):
                out.append(line[n:end].replace(char, "\\" + char))
                n = end
                continue
        out.append(line[n:end])
        n = end
    return "".join(out)


def _delimits(before: str, after: str, char: str, *, symbols: bool) -> tuple[bool, bool]:
    """Whether a run of `char` between `before` and `after` may open and close emphasis (CommonMark's
    flanking rules), with Unicode symbols counted as punctuation or not."""
    space_before, space_after = _space(before), _space(after)
    punct_before, punct_after = _punctuation(before, symbols), _punctuation(after, symbols)
    left = not space_after and (not punct_after or space_before or punct_before)
    right = not space_before and (not punct_before or space_after or punct_after)
    if char == "*":
        return left, right
    return left and (not right or punct_before), right and (not left or punct_after)


def _space(char: str) -> bool:
    return not char or char in "\t\n\f\r " or unicodedata.category(char) == "Zs"


def _punctuation(char: str, symbols: bool) -> bool:
    if not char:
        return False
    if char.isascii():
        return char in _ASCII_PUNCTUATION
    return unicodedata.category(char).startswith(("P", "S") if symbols else "P")


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
