"""Dates and times as SLT uses them: Europe/Oslo, dates typed the Norwegian way.

Dates are accepted as `dd.mm.yyyy` (also `d.m.yyyy`) or ISO `yyyy-mm-dd`; anything else, numbers
included, is refused with a message that shows the expected form. Times of day are always timezone
aware and kept in Europe/Oslo; a naive time is taken as Oslo local time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

OSLO = ZoneInfo("Europe/Oslo")

_NORWEGIAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str) -> date:
    """Parse `dd.mm.yyyy` or `yyyy-mm-dd`; raise ValueError with the expected form otherwise."""
    text = text.strip()
    if m := _NORWEGIAN.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValueError(f"'{text}' is not a date; write it as dd.mm.yyyy or yyyy-mm-dd")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a date in the calendar") from None


def format_date(value: date) -> str:
    """The Norwegian way: 24.11.2026."""
    return value.strftime("%d.%m.%Y")


def now() -> datetime:
    return datetime.now(OSLO)


def today() -> date:
    return now().date()


def _to_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise PydanticCustomError("not_a_date", "must be a date without a time of day")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError as exc:
            raise PydanticCustomError("not_a_date", "{reason}", {"reason": str(exc)}) from None
    raise PydanticCustomError("not_a_date", "must be a date (dd.mm.yyyy)")


def _to_datetime(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("not_a_datetime", "'{text}' is not a date and time", {"text": value}) from None
    if not isinstance(value, datetime):
        raise PydanticCustomError("not_a_datetime", "must be a date and time")
    return value


def _in_oslo(value: datetime) -> datetime:
    """The moment in Oslo time, by way of UTC: a wall time that does not exist (the hour skipped when
    summer time starts) becomes the real moment it denotes, so what is stored is what comes back."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=OSLO)
    return value.astimezone(UTC).astimezone(OSLO)


Day = Annotated[date, BeforeValidator(_to_date)]
"""A calendar date, typed as dd.mm.yyyy or yyyy-mm-dd."""

OsloTime = Annotated[datetime, BeforeValidator(_to_datetime), AfterValidator(_in_oslo)]
"""A moment, kept in Europe/Oslo."""
