"""How records are worded for people, the same on the command line, in the app and in the minutes.

Each function speaks the current language unless it is given one (the minutes are rendered in the
language asked for, whatever the app speaks).
"""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time

from slt_tui.domain.clock import format_date, today
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.derived import coverage, forecast
from slt_tui.domain.models import (
    ActionItem,
    Agency,
    AgendaItem,
    Guest,
    ItemKind,
    ItemPurpose,
    Meeting,
    MeetingStatus,
    Presence,
    StandingItem,
)
from slt_tui.domain.series import PlanTitles, plan
from slt_tui.domain.standard import STANDARD_AGENCIES
from slt_tui.i18n import current_language, translate


def say(key: str, lang: str | None = None, /, **params: object) -> str:
    return translate(key, lang or current_language(), **params)


def minutes_long(seconds: int, lang: str | None = None) -> str:
    """A length of time in words' stead: `55 min`, `1 t 55 min` / `1 h 55 min`."""
    hours, minutes = divmod(max(0, int(seconds)) // 60, 60)
    if not hours:
        return say("time.minutes", lang, minutes=minutes)
    return say("time.hours_minutes", lang, hours=hours, minutes=minutes)


def item_time(item: AgendaItem, extra: int = 0, *, running: bool = False, lang: str | None = None) -> str:
    """An item's time, in the one format every clock on the screen uses: `12 min`; running, `▶ 2 min`;
    past its box, `▶ 2 min, 1 over`; `–` for an item not yet discussed."""
    seconds = item.spent_seconds + extra
    if not seconds and not running:
        return "–"
    text = ("▶ " if running else "") + minutes_long(seconds, lang)
    over = item_over(item, extra)
    # "11 over" beside "31 min" (the column stays narrow, the titles keep their room); "1 t 55 min over"
    # past an hour.
    past = minutes_long(over * 60, lang) if over >= 60 else str(over)
    return f"{text}, {say('agenda.over_by', lang, time=past)}" if over else text


def item_over(item: AgendaItem, extra: int = 0) -> int:
    """Whole minutes an item has run past its time box (0 within it), as the clock shows them."""
    return max(0, (item.spent_seconds + extra) // 60 - item.planned_minutes)


def meeting_clock(meeting: Meeting, at: datetime, running: str | None = None, extra: int = 0,
                  lang: str | None = None) -> str:
    """`pågår 1 t 55 min · slutt ca. 11.05, 10 min over plan`; `planlagt 70 min · slutt ca. 10.10`;
    `varte 1 t 20 min`."""
    if meeting.started_at is not None and meeting.ended_at is not None:
        lasted = int((meeting.ended_at - meeting.started_at).total_seconds())
        return say("status.lasted", lang, time=minutes_long(lasted, lang))
    if meeting.status is MeetingStatus.CANCELLED:
        return ""  # no clock: the header says it is cancelled
    expected = forecast(meeting, at, running, extra)
    ends = say("status.ends", lang, time=hhmm(expected.expected_end, lang))
    if meeting.started_at is None:
        planned = sum(i.planned_minutes for i in meeting.agenda) * 60
        return f"{say('status.planned_for', lang, time=minutes_long(planned, lang))} · {ends}"
    late = expected.late_minutes
    against = (say("status.late", lang, time=minutes_long(late * 60, lang)) if late > 0
               else say("status.early", lang, time=minutes_long(-late * 60, lang)) if late < 0
               else say("status.on_time", lang))
    lasted = minutes_long(int((at - meeting.started_at).total_seconds()), lang)
    return f"{say('status.clock', lang, time=lasted)} · {ends}, {against}"


def hhmm(moment: datetime | time, lang: str | None = None) -> str:
    """`09.00` / `09:00`, the time of day as the language writes it."""
    lang = lang or current_language()
    return babel_time(moment, say("format.clock", lang), locale=lang)  # a CLDR pattern, from the catalogue


def clock_time(moment: datetime | time, lang: str | None = None) -> str:
    """`kl. 09.00` / `09:00`."""
    return say("time.clock", lang, time=hhmm(moment, lang))


def date_time(moment: datetime, lang: str | None = None) -> str:
    """`08.12.2026 kl. 09.00` / `08.12.2026 09:00`."""
    return f"{format_date(moment)} {clock_time(moment, lang)}"


def table_date_time(moment: datetime, lang: str | None = None) -> str:
    """`08.12.2026 09.00`: for a table or a status line, where `kl.` would only take room."""
    return f"{format_date(moment)} {hhmm(moment, lang)}"


def long_date(day: date, lang: str | None = None) -> str:
    """`tirsdag 8. desember 2026` / `tysdag 8. desember 2026` / `Tuesday 8 December 2026`."""
    lang = lang or current_language()
    return babel_date(day, say("format.long_date", lang), locale=lang)  # a CLDR pattern, from the catalogue


def agency_label(agency: Agency) -> str:
    """`POL – Politiet`; just `NAV` when the name is the code."""
    return agency.code if agency.name.strip().casefold() == agency.code.casefold() else f"{agency.code} – {agency.name}"


def standard_agencies(lang: str | None = None) -> tuple[Agency, ...]:
    """The agencies a new database starts with, named in the municipality's written form."""
    return tuple(Agency(code=a.code, name=say(f"agency.{a.code}", lang)) for a in STANDARD_AGENCIES)


def standard_agenda(lang: str | None = None) -> tuple[StandingItem, ...]:
    """The items every meeting of a new forum starts with: approving the notice and the agenda, and the
    last meeting's minutes; any other business last."""
    return (StandingItem(title=say("agenda.standard.notice", lang), kind=ItemKind.DECISION, planned_minutes=5),
            StandingItem(title=say("agenda.standard.minutes", lang), kind=ItemKind.DECISION, planned_minutes=5,
                         purpose=ItemPurpose.APPROVE_MINUTES),
            StandingItem(title=say("agenda.standard.other", lang), kind=ItemKind.BRIEFING, planned_minutes=10,
                         purpose=ItemPurpose.OTHER_BUSINESS))


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


def presence(meeting: Meeting, entry: Presence, lang: str | None = None) -> str:
    """`fra sak 12/26`, `til og med sak 13/26`, `sak 12/26–13/26`, or "" for the whole meeting."""
    first = meeting.item(entry.from_item) if entry.from_item else None
    last = meeting.item(entry.until_item) if entry.until_item else None
    if first is not None and last is not None:
        return say("attendance.items_range", lang, first=first.number, last=last.number)
    if first is not None:
        return say("attendance.from_item", lang, number=first.number)
    return say("attendance.until_item", lang, number=last.number) if last is not None else ""


def with_presence(status: str, meeting: Meeting, entry: Presence, lang: str | None = None) -> str:
    """`til stede fra sak 12/26`; the status alone for the whole meeting."""
    part = presence(meeting, entry, lang)
    return f"{status} {part}" if part else status


def guest_name(guest: Guest) -> str:
    """`Kari Fjell (miljøarbeider)`; the name alone when no role is given."""
    return f"{guest.name} ({guest.role})" if guest.role else guest.name


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


def plan_next(dataset: Dataset, forum_id: str, lang: str, on: date | None = None) -> Meeting:
    """The forum's next meeting (see `plan`), its follow-up item titled in the documents' language."""
    titles = PlanTitles(say("minutes.follow_up", lang), say("agenda.standard.minutes", lang))
    return plan(dataset, forum_id, today(), titles, on=on)
