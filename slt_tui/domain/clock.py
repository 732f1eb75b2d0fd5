"""Dates and times as SLT uses them: Europe/Oslo, dates typed the Norwegian way.

Dates are accepted as `dd.mm.yyyy` (also `d.m.yyyy`) or ISO `yyyy-mm-dd`; anything else, numbers
included, is refused with a message that shows the expected form. Times of day are always timezone
aware and kept in Europe/Oslo; a naive time is taken as Oslo local time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

OSLO = ZoneInfo("Europe/Oslo")

_NORWEGIAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", re.ASCII)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)


def parse_date(text: str) -> date:
    """Parse `dd.mm.yyyy` or `yyyy-mm-dd`; raise ValueError with the expected form otherwise."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        with suppress(ValueError):  # the form the database stores: one C call, no regex
            parsed = date.fromisoformat(text)
            if MIN_YEAR <= parsed.year <= MAX_YEAR:
                return parsed
    text = text.strip()
    if m := _NORWEGIAN.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValueError(f"'{text}' is not a date; write it as dd.mm.yyyy or yyyy-mm-dd")
    try:
        day_ = date(year, month, day)
    except ValueError:
        raise NotInCalendarError(f"'{text}' is not a date in the calendar", text) from None
    if not MIN_YEAR <= day_.year <= MAX_YEAR:
        raise DateRangeError(f"'{text}' is outside the years {MIN_YEAR}–{MAX_YEAR}")
    return day_


_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})$", re.ASCII)


def parse_time(text: str) -> time:
    """`09.30` (as Norwegian writes it) or `09:30`; ValueError otherwise."""
    m = _TIME.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not a time of day")
    return time(int(m.group(1)), int(m.group(2)))  # ValueError past 23.59


class DateRangeError(ValueError):
    """A real date, but in a year no meeting can be in."""


class NotInCalendarError(ValueError):
    """Written as a date, but no such day (31.02.2027); `text` is what was written."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def format_date(value: date) -> str:
    """The Norwegian way: 24.11.2026."""
    return value.strftime("%d.%m.%Y")


_frozen: datetime | None = None


def now() -> datetime:
    return _frozen if _frozen is not None else datetime.now(OSLO)


@contextmanager
def frozen(at: datetime) -> Iterator[None]:
    """Every clock in the program reads `at` (screenshots that must not depend on the day they are taken)."""
    global _frozen  # one clock for the whole program, as the wall has
    before, _frozen = _frozen, at
    try:
        yield
    finally:
        _frozen = before


def today() -> date:
    return now().date()


MIN_YEAR, MAX_YEAR = 1900, 2199
"""The years a meeting or a due date may fall in: far beyond any real one, and far inside what date
arithmetic (a meeting's end, the next meeting, a time zone) can do without overflowing."""


def _in_years(value: date) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError("date_range", "must be in the years {low}–{high}",
                                  {"low": MIN_YEAR, "high": MAX_YEAR})


def _to_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise PydanticCustomError("not_a_date", "must be a date without a time of day")
    if isinstance(value, date):
        _in_years(value)
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except DateRangeError:
            raise PydanticCustomError("date_range", "must be in the years {low}–{high}",
                                      {"low": MIN_YEAR, "high": MAX_YEAR}) from None
        except NotInCalendarError as exc:
            raise PydanticCustomError("not_in_calendar", "'{text}' is not a day in the calendar",
                                      {"text": exc.text}) from None
        except ValueError as exc:
            raise PydanticCustomError("not_a_date", "{reason}", {"reason": str(exc)}) from None
    raise PydanticCustomError("not_a_date", "must be a date (dd.mm.yyyy)")


def _to_oslo(value: Any) -> Any:
    """A moment in Oslo time. A naive time is Oslo local time; a wall time that does not exist (the
    hour skipped when summer time starts) becomes the real moment it denotes, by way of UTC, so that
    what is stored is what comes back."""
    if type(value) is str:
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("not_a_datetime", "'{text}' is not a date and time", {"text": value}) from None
    elif not isinstance(value, datetime):
        raise PydanticCustomError("not_a_datetime", "must be a date and time")
    _in_years(value)  # before any time-zone arithmetic, which overflows near the years 1 and 9999
    if value.tzinfo is None:
        value = value.replace(tzinfo=OSLO)
    if value.tzinfo is OSLO:
        value = value.astimezone(UTC)
    return value.astimezone(OSLO)


Day = Annotated[date, BeforeValidator(_to_date)]
"""A calendar date, typed as dd.mm.yyyy or yyyy-mm-dd."""

OsloTime = Annotated[datetime, BeforeValidator(_to_oslo)]
"""A moment, kept in Europe/Oslo."""
