"""The privacy guard: finds what must not reach public minutes about young people.

It looks for Norwegian national identity numbers (fødselsnummer, with D-numbers, H-numbers and the
synthetic test numbers included: 11 digits whose date is possible and whose two mod-11 control digits
are right), Norwegian phone numbers and e-mail addresses. A finding says where and what kind, never
the number itself, so the warning can be shown on a projector.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from slt_tui.domain.dataset import Dataset
from slt_tui.domain.follow_up import raised_in, reviews_at
from slt_tui.domain.models import Meeting
from slt_tui.minutes.document import Variant, origin_item, shows_action, shows_content
from slt_tui.wording import say

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Eleven digits, also written as the date and the personal number apart: `010190 12345`.
_ELEVEN = re.compile(r"(?<!\d)(?<!\d[.,])(\d{6})[ \-]?(\d{5})(?!\d)(?![.,]\d)")
# Eight digits starting 2–9, as typed in Norway: 91234567, 912 34 567, 91 23 45 67, with +47 or 0047.
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[.,/])(?:(?:\+|00)47[ ]?)?"
    r"(?:[2-9]\d{7}|[2-9]\d\d [0-9]{2} [0-9]{3}|[2-9]\d(?: \d\d){3})"
    r"(?!\w)(?![.,/]\d)")
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")


class Kind(StrEnum):
    NATIONAL_ID = "national_id"
    PHONE = "phone"
    EMAIL = "email"


class Field(StrEnum):
    TITLE = "title"
    NOTES = "notes"
    DECISION = "decision"
    ACTION = "action"


@dataclass(frozen=True)
class Finding:
    number: str
    """The case number of the item the text belongs to."""
    field: Field
    kind: Kind

    def sentence(self, lang: str | None = None) -> str:
        """`Sak 08/26, notater: fødselsnummer`: where and what, never the text found."""
        return say("privacy.finding", lang, number=self.number, field=say(f"privacy.field.{self.field.value}", lang),
                   kind=say(f"privacy.kind.{self.kind.value}", lang))


def national_id_valid(digits: str) -> bool:
    """Whether 11 digits are a possible national identity number: a real date (D-, H- and synthetic
    numbers shift day or month) and both mod-11 control digits right."""
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit():
        return False
    numbers = [int(d) for d in digits]
    for weights, position in ((_WEIGHTS_1, 9), (_WEIGHTS_2, 10)):
        control = 11 - sum(w * n for w, n in zip(weights, numbers, strict=False)) % 11
        if control == 11:
            control = 0
        if control == 10 or control != numbers[position]:
            return False
    day, month = int(digits[:2]), int(digits[2:4])
    day -= 40 if day > 40 else 0  # D-number
    month -= 80 if month > 80 else 40 if month > 40 else 0  # synthetic test number, H-number
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]  # 2000: 29 February is possible


def kinds_in(text: str) -> list[Kind]:
    """The kinds of personal data `text` seems to hold, each once, in a fixed order."""
    found = []
    if any(national_id_valid(m.group(1) + m.group(2)) for m in _ELEVEN.finditer(text)):
        found.append(Kind.NATIONAL_ID)
    if _PHONE.search(text):
        found.append(Kind.PHONE)
    if _EMAIL.search(text):
        found.append(Kind.EMAIL)
    return found


def scan(meeting: Meeting, dataset: Dataset, variant: Variant = Variant.PUBLIC) -> list[Finding]:
    """Every finding in the text the minutes of `variant` would show, in the order of the minutes."""
    return [Finding(number, field, kind) for number, field, text in _texts(meeting, dataset, variant)
            for kind in kinds_in(text)]


def _texts(meeting: Meeting, dataset: Dataset, variant: Variant) -> Iterator[tuple[str, Field, str]]:
    for item in meeting.agenda:
        yield item.number, Field.TITLE, item.title
        if shows_content(item, variant):
            yield item.number, Field.NOTES, item.notes
            for decision in item.decisions:
                yield item.number, Field.DECISION, decision.text
    for action in raised_in(meeting, dataset):
        if shows_action(action, dataset, variant):
            yield origin_item(action, dataset).number, Field.ACTION, action.title
    for review in reviews_at(meeting, dataset):
        if shows_action(review.action, dataset, variant):
            number = origin_item(review.action, dataset).number
            yield number, Field.ACTION, review.action.title
            if review.update:
                yield number, Field.ACTION, review.update.comment
