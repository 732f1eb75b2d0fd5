"""A forum's meetings as a series: planning the next one from the last, and escalating an item.

Planning proposes the date from the forum's cadence, lays out the standing items, continues the
forum's case numbers for the year (01 again in a new year), keeps chair, minute-taker and place, and
adds a follow-up item when earlier points are still open. Which points that item carries is derived
(`follow_up.reviews_at`), never copied, so a point can neither be lost nor appear twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from slt_tui.domain import case_numbers
from slt_tui.domain.clock import OSLO, format_date
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.follow_up import reviews_at
from slt_tui.domain.meeting_ops import first_serial, new_id, renumbered
from slt_tui.domain.models import AgendaItem, ItemKind, ItemPurpose, ItemRef, Level, Meeting, MeetingStatus
from slt_tui.errors import DomainError, Said, SltError

DEFAULT_TIME = time(9, 0)


class PlanError(SltError):
    """A meeting that cannot be planned as asked; the key says why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(**params)
        self.key = key


def proposed_start(dataset: Dataset, forum_id: str, today: date) -> datetime:
    """The last meeting plus the forum's cadence, moved on by cadences until it is not in the past;
    a forum without meetings: a week from today at 09:00."""
    forum = dataset.forum(forum_id)
    meetings = dataset.meetings_of(forum_id)
    if not meetings:
        return datetime.combine(today + timedelta(weeks=1), DEFAULT_TIME, OSLO)
    last = meetings[-1].starts_at
    day = last.date() + timedelta(weeks=forum.cadence_weeks)
    while day < today:
        day += timedelta(weeks=forum.cadence_weeks)
    return datetime.combine(day, last.timetz().replace(tzinfo=None), OSLO)


def plan(dataset: Dataset, forum_id: str, today: date, titles: PlanTitles, *, on: date | None = None,
         at: time | None = None) -> Meeting:
    """The forum's next meeting, planned on `on` (else the proposed date); refused with a PlanError
    while a meeting of the forum is running, for a day in the past, or not after its last meeting.

    The item that approves the previous minutes is linked to that meeting (and added first when the
    forum's standing items have none); a follow-up item comes before "Eventuelt" when points are open.
    """
    forum = dataset.forum(forum_id)
    meetings = dataset.meetings_of(forum_id)
    check_not_running(dataset, forum_id)
    proposed = proposed_start(dataset, forum_id, today)
    starts = proposed if on is None else datetime.combine(on, proposed.timetz().replace(tzinfo=None), OSLO)
    if at is not None:
        starts = starts.replace(hour=at.hour, minute=at.minute)
    if starts.date() < today:
        raise PlanError("plan.past", date=format_date(starts.date()))
    last = meetings[-1] if meetings else None
    if last is not None and starts.date() <= last.starts_at.date():
        raise PlanError("plan.not_after", forum=forum.name, date=format_date(last.starts_at.date()))

    previous = last_held_or_planned(meetings)
    items = [AgendaItem(id=f"s{n}", number="01/00", title=s.title, kind=s.kind, planned_minutes=s.planned_minutes,
                        approves=previous.id if previous and s.purpose is ItemPurpose.APPROVE_MINUTES else None)
             for n, s in enumerate(forum.standing_items, 1)]
    if previous is not None and not any(i.approves for i in items):
        items.insert(0, AgendaItem(id=f"s{len(items) + 1}", number="01/00", title=titles.approval,
                                   kind=ItemKind.DECISION, planned_minutes=5, approves=previous.id))
    # A forum id may be 64 characters; the meeting's id takes the date and room for a "-2" as well.
    meeting_id = _free_id(dataset, f"{forum_id[:49].rstrip('-')}-{starts:%Y-%m-%d}")
    meeting = Meeting(id=meeting_id, forum=forum_id, starts_at=starts,
                      location=last.location if last else "", chair=last.chair if last else None,
                      minute_taker=last.minute_taker if last else None, previous=previous.id if previous else None)
    if reviews_at(meeting, dataset) and not any(i.kind is ItemKind.FOLLOW_UP for i in items):
        last_ones = [n for n, s in enumerate(forum.standing_items) if s.purpose is ItemPurpose.OTHER_BUSINESS]
        place = len(items) - len(forum.standing_items) + last_ones[0] if last_ones else len(items)
        items.insert(place, AgendaItem(id=f"s{len(items) + 1}", number="01/00", title=titles.follow_up,
                                       kind=ItemKind.FOLLOW_UP, planned_minutes=15))
    earlier = [i.number for m in meetings if m.year == starts.year for i in m.agenda]
    return renumbered(meeting, items, case_numbers.next_serial(earlier, starts.year))


@dataclass(frozen=True)
class PlanTitles:
    """The titles of the items planning adds by itself, in the documents' language."""

    follow_up: str
    approval: str


def last_held_or_planned(meetings: list[Meeting]) -> Meeting | None:
    """The last of `meetings` (earliest first) that was not cancelled: the next one's previous."""
    return next((m for m in reversed(meetings) if m.status is not MeetingStatus.CANCELLED), None)


def cancel(dataset: Dataset, meeting_id: str) -> list[Meeting]:
    """Call off a planned meeting. Its open points go to the forum's next meeting by themselves (they
    are derived); the next meeting takes over its links: previous meeting, and the minutes to approve.
    Returns the meetings changed, the cancelled one first."""
    meeting = dataset.meeting(meeting_id)
    if meeting.status is not MeetingStatus.PLANNED:
        raise PlanError("cancel.not_planned", meeting=meeting.id)
    cancelled = meeting.model_copy(update={"status": MeetingStatus.CANCELLED})
    changed = [cancelled]
    handed_on = next((i.approves for i in meeting.agenda if i.approves), None)
    for later in dataset.meetings_of(meeting.forum):
        if later.starts_at <= meeting.starts_at or later.status is MeetingStatus.CANCELLED:
            continue
        agenda = tuple(i.model_copy(update={"approves": handed_on}) if i.approves == meeting.id else i
                       for i in later.agenda)
        previous = meeting.previous if later.previous == meeting.id else later.previous
        if agenda != later.agenda or previous != later.previous:
            changed.append(later.model_copy(update={"agenda": agenda, "previous": previous}))
        break
    return changed


def check_not_running(dataset: Dataset, forum_id: str) -> None:
    """PlanError while one of the forum's meetings is running: it must end before the next is planned."""
    running = next((m for m in dataset.meetings_of(forum_id) if m.status is MeetingStatus.RUNNING), None)
    if running is not None:
        raise PlanError("plan.running", forum=dataset.forum(forum_id).name, meeting=running.id)


def _free_id(dataset: Dataset, wanted: str) -> str:
    candidate, n = wanted, 2
    while dataset.has("meetings", candidate):
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


# Escalation -----------------------------------------------------------------------------------------

# Words that suggest one young person rather than a phenomenon: a steering group discusses trends and
# measures, never individuals (a case about a named child belongs in the school team, with consent).
_INDIVIDUAL = re.compile(
    r"\b(\d{1,2}[ -]?(år|åring|years?[ -]old)|gutt(en)?|jenta|jente(n)?|eleven|en elev|bekymringsmelding|"
    r"enkeltsak|enkeltperson|navngitt|boy|girl|the pupil|individual case)\b",
    re.IGNORECASE)


def looks_individual(*texts: str) -> bool:
    """Whether text reads like one young person's case (an age, 'gutten', 'eleven', 'enkeltsak'…)."""
    return any(_INDIVIDUAL.search(text) for text in texts if text)


def escalate(dataset: Dataset, source: Meeting, item_id: str, target: Meeting) -> tuple[Meeting, Meeting]:
    """Send an item to `target` (another forum's planned meeting): a new item there, linked both ways."""
    item = source.item(item_id)
    if item is None:
        raise DomainError(detail=Said("meeting.no_item", item=item_id))
    if target.status is not MeetingStatus.PLANNED or target.forum == source.forum:
        raise PlanError("escalate.target", meeting=target.id)
    copy = AgendaItem(id=new_id("s"), number="01/00", title=item.title, kind=item.kind,
                      planned_minutes=item.planned_minutes, confidential=item.confidential,
                      legal_basis=item.legal_basis, sent_from=ItemRef(meeting=source.id, item=item.id))
    target = renumbered(target, [*target.agenda, copy], first_serial(dataset, target))
    linked = item.model_copy(update={"sent_to": ItemRef(meeting=target.id, item=copy.id)})
    source = source.model_copy(update={"agenda": tuple(linked if i.id == item.id else i for i in source.agenda)})
    return source, target


def next_planned(dataset: Dataset, forum_id: str) -> Meeting | None:
    """The forum's earliest planned meeting, if any."""
    return next((m for m in dataset.meetings_of(forum_id) if m.status is MeetingStatus.PLANNED), None)


def is_steering(dataset: Dataset, forum_id: str) -> bool:
    return dataset.forum(forum_id).level is Level.STEERING
