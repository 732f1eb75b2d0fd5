"""How records are worded for people, the same on the command line, in the app and in the minutes.

Each function speaks the current language unless it is given one (the minutes are rendered in the
language asked for, whatever the app speaks).
"""

from __future__ import annotations

from datetime import date, datetime

from slt_tui.domain.clock import format_date
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.derived import coverage
from slt_tui.domain.models import ActionItem, AgendaItem, Meeting
from slt_tui.i18n import current_language, translate


def say(key: str, lang: str | None = None, **params: object) -> str:
    return translate(key, lang or current_language(), **params)


def duration(seconds: int) -> str:
    """`12:05`, or `1:02:05` past an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def date_time(moment: datetime) -> str:
    """`08.12.2026 09:00`."""
    return f"{format_date(moment)} {moment:%H:%M}"


def long_date(day: date, lang: str | None = None) -> str:
    """`tirsdag 8. desember 2026` / `Tuesday 8 December 2026`."""
    return say("date.long", lang, weekday=say(f"weekday.{day.weekday()}", lang), day=day.day,
               month=say(f"month.{day.month}", lang), year=day.year)


def action_status(action: ActionItem, on: date, lang: str | None = None) -> str:
    """`åpen`, or `åpen (forfalt)` when its due date has passed."""
    status = say(f"action.{action.status.value}", lang)
    return f"{status} ({say('action.overdue', lang)})" if action.is_overdue(on) else status


def coverage_line(meeting: Meeting, dataset: Dataset, lang: str | None = None, *, names: bool = False) -> str:
    """`7 av 9 etater representert — mangler: POL, NAV`; empty when the forum requires no agency."""
    cov = coverage(meeting, dataset.forum(meeting.forum), {p.id: p for p in dataset.people})
    if not cov.required:
        return ""
    line = say("coverage.line", lang, present=len(cov.represented), required=len(cov.required))
    if cov.complete:
        return line + say("coverage.complete", lang)
    missing = [dataset.agency(c).name if names and dataset.has("agencies", c) else c for c in cov.missing]
    return line + say("coverage.missing", lang, missing=", ".join(missing))


def linked_items(dataset: Dataset, item: AgendaItem, lang: str | None = None) -> list[str]:
    """`sendt til Politirådet 01.12.2026, sak 04/26` and the like, for an escalated item."""
    out = []
    for key, link in (("detail.sent_to", item.sent_to), ("detail.sent_from", item.sent_from)):
        if link is not None and dataset.has("meetings", link.meeting):
            meeting = dataset.meeting(link.meeting)
            other = meeting.item(link.item)
            out.append(say(key, lang, forum=dataset.forum(meeting.forum).name, date=format_date(meeting.starts_at),
                           number=other.number if other else "?"))
    return out
