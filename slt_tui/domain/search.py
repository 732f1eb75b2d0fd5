"""Search across every meeting: case titles, notes, decisions and follow-up points.

Text is folded (NFKC, case-folded, å/aa to a, ø/oe to o, æ to ae) once per dataset, so `Kaiområdet`,
`KAIOMRÅDET`, `kaiomra\u030adet`, `kaiomradet` and `kaiomraadet` all meet. Every word of the query must
occur; hits are ranked by where the words are (a title counts more than a note), how often, whether as
whole words, and how recent the meeting.
"""

from __future__ import annotations

import heapq
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from slt_tui.domain.dataset import Dataset


class Where(StrEnum):
    TITLE = "title"
    DECISION = "decision"
    ACTION = "action"
    NOTES = "notes"


_WEIGHT = {Where.TITLE: 4.0, Where.DECISION: 3.0, Where.ACTION: 3.0, Where.NOTES: 1.0}
SNIPPET = 70


@dataclass(frozen=True)
class Hit:
    meeting: str
    item: str
    where: Where
    text: str
    """The matching text (a note, a decision, a point's title and comments) as stored."""
    score: float

    def snippet(self, query: str) -> str:
        """About `SNIPPET` characters of the text around the first word of the query, on one line."""
        flat = " ".join(self.text.split())
        words = fold(query).split()
        position = fold(flat).find(words[0]) if words else -1
        position = _unfolded_position(flat, position) if position > 0 else position
        start = max(0, position - 12) if position > 0 else 0  # the word near the start: columns are narrow
        piece = flat[start:start + SNIPPET]
        return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(flat) else "")


_LETTERS = str.maketrans({"å": "a", "ø": "o", "æ": "ae"})


def fold(text: str) -> str:
    """Text as the search compares it: composed, case-folded, and the Norwegian letters as they are
    typed on a keyboard without them (å as a or aa, ø as o or oe, æ as ae), so that `kaiomradet`,
    `kaiomraadet` and `kaiområdet` all meet, both ways."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS).replace("aa", "a").replace("oe", "o")


def _unfolded_position(text: str, folded_position: int) -> int:
    """Where in `text` the character at `folded_position` of `fold(text)` comes from (about: a letter
    folded into two counts from its first). The folded length of a prefix never shrinks as it grows."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        if len(fold(text[:middle])) <= folded_position:
            low = middle + 1
        else:
            high = middle
    return max(0, low - 1)


@dataclass(frozen=True)
class _Entry:
    meeting: str
    item: str
    where: Where
    text: str
    folded: str
    recency: float


class SearchIndex:
    """The folded text of one dataset, built once; `search` is then a scan of plain strings."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        order = {m.id: n for n, m in enumerate(sorted(dataset.meetings, key=lambda m: m.starts_at))}
        newest = max(len(order) - 1, 1)
        entries = []
        for meeting in dataset.meetings:
            recency = order[meeting.id] / newest
            for item in meeting.agenda:
                texts = [(Where.TITLE, item.title), (Where.NOTES, item.notes),
                         *((Where.DECISION, d.text) for d in item.decisions)]
                entries += [_Entry(meeting.id, item.id, where, text, fold(text), recency)
                            for where, text in texts if text]
        for action in dataset.actions:
            text = "\n".join([action.title, *(u.comment for u in action.updates if u.comment)])
            recency = order.get(action.origin.meeting, 0) / newest
            entries.append(_Entry(action.origin.meeting, action.origin.item, Where.ACTION, text, fold(text), recency))
        self._entries = entries

    def search(self, query: str, limit: int = 100) -> list[Hit]:
        words = [w for w in fold(query).split() if w]
        if not words:
            return []
        scored = []
        for n, entry in enumerate(self._entries):
            text = entry.folded
            if not all(w in text for w in words):
                continue
            score = sum(min(text.count(w), 3) + _whole_word(text, w) for w in words)
            scored.append((score * _WEIGHT[entry.where] + entry.recency, -n, entry))
        best = heapq.nlargest(limit, scored)  # the order of the index breaks ties
        return [Hit(e.meeting, e.item, e.where, e.text, score) for score, _, e in best]


def _whole_word(text: str, word: str) -> float:
    """1 when the first occurrence of `word` stands alone (no letter or digit either side)."""
    start = text.find(word)
    end = start + len(word)
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return 0.0 if before.isalnum() or after.isalnum() else 1.0
