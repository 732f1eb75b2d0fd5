"""Case numbers (`saksnummer`) of the form `NN/YY`, sequential per forum and calendar year.

Each forum numbers its agenda items 01/26, 02/26, … through the year and starts again at 01 in a
new year. Within a meeting the numbers follow each other without gaps; a later meeting of the same
forum in the same year continues above the numbers of the earlier ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from slt_tui.errors import Said

_PATTERN = re.compile(r"^(\d{2,3})/(\d{2})$", re.ASCII)


def split(number: str) -> tuple[int, int]:
    """`07/26` → (7, 26)."""
    if len(number) == 5 and number[2] == "/" and number.isascii() and number.replace("/", "").isdigit():
        return int(number[:2]), int(number[3:])  # the usual form, without a regex
    m = _PATTERN.match(number)
    if m is None:
        raise ValueError(f"'{number}' is not a case number of the form NN/YY")
    return int(m.group(1)), int(m.group(2))


def format_number(serial: int, year: int) -> str:
    return f"{serial:02d}/{year % 100:02d}"


def next_serial(numbers: Iterable[str], year: int) -> int:
    """The serial that follows every number of `year` among `numbers` (1 in a fresh year)."""
    serials = [s for s, y in map(split, numbers) if y == year % 100]
    return max(serials, default=0) + 1


def sequence_problem(numbers: list[str], year: int) -> Said | None:
    """Describe why `numbers` (one meeting's agenda, in order) are out of sequence, or None."""
    previous: int | None = None
    for number in numbers:
        serial, yy = split(number)
        if yy != year % 100:
            return Said("case.other_year", number=number, year=year)
        if previous is not None and serial != previous + 1:
            return Said("case.sequence", number=number, previous=format_number(previous, year))
        previous = serial
    return None


def _valid(number: str) -> str:
    try:
        serial, _ = split(number)
    except ValueError:
        raise PydanticCustomError("case_number", "{reason}", {"reason": Said("case.form", number=number)}) from None
    if serial == 0:
        raise PydanticCustomError("case_number", "case numbers start at 01")
    return number


CaseNumber = Annotated[str, AfterValidator(_valid)]
