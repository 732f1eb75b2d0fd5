"""Changes to a meeting during the meeting, as pure functions that return new models.

Nothing here is stored; the repository validates and saves what these return. Case numbers follow the
agenda's order: adding, removing or moving an item renumbers the meeting's items from its first number.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from enum import StrEnum

from slt_tui.domain import case_numbers
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import (
    DEFAULT_LEGAL_BASIS,
    MAX_SPENT_SECONDS,
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Guest,
    ItemKind,
    ItemPurpose,
    Meeting,
    MeetingStatus,
    Origin,
)
from slt_tui.errors import DomainError, Said


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


def first_serial(dataset: Dataset, meeting: Meeting) -> int:
    """Where this meeting's numbering starts: its own first number, else after the forum's earlier ones."""
    if meeting.agenda:
        return case_numbers.split(meeting.agenda[0].number)[0]
    earlier = [i.number for m in dataset.meetings_of(meeting.forum)
               if m.id != meeting.id and m.year == meeting.year and m.starts_at <= meeting.starts_at
               for i in m.agenda]
    return case_numbers.next_serial(earlier, meeting.year)


def revised(stored: Meeting | None, changed: Meeting) -> Meeting:
    """`changed` with its invitation's revision (iCalendar SEQUENCE) one above the stored one when the
    time or place changed or the meeting was cancelled: calendars then replace the invitation they have."""
    if stored is None:
        return changed
    moved = (changed.starts_at != stored.starts_at or changed.location != stored.location
             or (changed.status is MeetingStatus.CANCELLED) != (stored.status is MeetingStatus.CANCELLED))
    sequence = max(stored.sequence, changed.sequence) + moved
    return changed if sequence == changed.sequence else changed.model_copy(update={"sequence": sequence})


def renumbered(meeting: Meeting, agenda: list[AgendaItem], first: int) -> Meeting:
    items = tuple(item.model_copy(update={"number": case_numbers.format_number(first + n, meeting.year)})
                  for n, item in enumerate(agenda))
    return meeting.model_copy(update={"agenda": items})


def add_item(dataset: Dataset, meeting: Meeting, title: str, kind: ItemKind = ItemKind.BRIEFING,
             presenter: str = "", planned_minutes: int = 10) -> tuple[Meeting, AgendaItem]:
    item = AgendaItem(id=new_id("s"), number="01/00", title=title, kind=kind, presenter=presenter,
                      planned_minutes=planned_minutes)
    agenda = list(meeting.agenda)
    place = len(agenda) - 1 if _other_business_last(dataset, meeting) else len(agenda)
    agenda.insert(place, item)
    changed = renumbered(meeting, agenda, first_serial(dataset, meeting))
    return changed, changed.agenda[place]


def _other_business_last(dataset: Dataset, meeting: Meeting) -> bool:
    """Whether the agenda ends with the forum's "Eventuelt", before which a new case goes; not in a held
    meeting, whose cases keep their numbers."""
    if meeting.status is MeetingStatus.CLOSED or not meeting.agenda or not dataset.has("forums", meeting.forum):
        return False
    titles = {s.title for s in dataset.forum(meeting.forum).standing_items if s.purpose is ItemPurpose.OTHER_BUSINESS}
    return meeting.agenda[-1].title in titles


def replace_item(meeting: Meeting, item: AgendaItem) -> Meeting:
    if meeting.item(item.id) is None:
        raise DomainError(detail=Said("meeting.no_item", item=item.id))
    return meeting.model_copy(update={"agenda": tuple(item if i.id == item.id else i for i in meeting.agenda)})


def _numbers_kept(meeting: Meeting) -> None:
    """A held meeting's cases keep their numbers: the minutes went out with them, points refer to them."""
    if meeting.status is MeetingStatus.CLOSED:
        raise DomainError(detail=Said("meeting.numbers_kept"))


def remove_item(meeting: Meeting, item_id: str) -> Meeting:
    if not meeting.agenda:
        return meeting
    _numbers_kept(meeting)
    first = case_numbers.split(meeting.agenda[0].number)[0]
    if meeting.running_item == item_id:
        meeting = meeting.model_copy(update={"running_item": None, "running_since": None})
    meeting = _presence_without(meeting, item_id)
    return _presence_in_order(renumbered(meeting, [i for i in meeting.agenda if i.id != item_id], first))


def _presence_without(meeting: Meeting, item_id: str) -> Meeting:
    """Someone who came at a deleted item came at the item after it; someone who left after it left
    after the item before it: neither is said to have been there for more than they were."""
    ids = [i.id for i in meeting.agenda]
    at = ids.index(item_id)
    after = ids[at + 1] if at + 1 < len(ids) else None
    before = ids[at - 1] if at > 0 else None

    def moved(entry):
        update = {}
        if entry.from_item == item_id and entry.until_item == item_id:  # there for that item alone
            update["from_item"] = update["until_item"] = after or before  # said as its neighbour's
        elif entry.from_item == item_id:
            update["from_item"] = after
        elif entry.until_item == item_id:
            update["until_item"] = before
        return entry.model_copy(update=update) if update else entry

    return meeting.model_copy(update={"attendance": tuple(moved(a) for a in meeting.attendance),
                                      "guests": tuple(moved(g) for g in meeting.guests)})


def move_item(meeting: Meeting, item_id: str, offset: int) -> Meeting:
    """Move an item up (-1) or down (+1); the numbers stay in order, the titles move."""
    agenda = list(meeting.agenda)
    index = next(n for n, i in enumerate(agenda) if i.id == item_id)
    target = index + offset
    if not 0 <= target < len(agenda):
        return meeting
    _numbers_kept(meeting)
    agenda[index], agenda[target] = agenda[target], agenda[index]
    return _presence_in_order(renumbered(meeting, agenda, case_numbers.split(meeting.agenda[0].number)[0]))


def _presence_in_order(meeting: Meeting) -> Meeting:
    """Someone there from one item until another still is when the two items swap places: the first of
    them in the agenda is where they came, the last where they left."""
    def ordered(entry):
        if entry.from_item and entry.until_item and _position(meeting, entry.until_item) < _position(
                meeting, entry.from_item):
            return entry.model_copy(update={"from_item": entry.until_item, "until_item": entry.from_item})
        return entry

    return meeting.model_copy(update={"attendance": tuple(ordered(a) for a in meeting.attendance),
                                      "guests": tuple(ordered(g) for g in meeting.guests)})


def set_confidential(item: AgendaItem, confidential: bool, legal_basis: str = DEFAULT_LEGAL_BASIS) -> AgendaItem:
    return item.model_copy(update={"confidential": confidential,
                                   "legal_basis": (legal_basis or DEFAULT_LEGAL_BASIS) if confidential else ""})


def add_decision(item: AgendaItem, text: str) -> AgendaItem:
    return item.model_copy(update={"decisions": (*item.decisions, Decision(id=new_id("d"), text=text))})


def new_action(meeting: Meeting, item: AgendaItem, *, title: str, agency: str, owner: str | None,
               due: date | str) -> ActionItem:
    return ActionItem(id=new_id("a"), title=title, forum=meeting.forum, agency=agency, owner=owner or None,
                      due=due, origin=Origin(meeting=meeting.id, item=item.id))


def default_due(meeting: Meeting, forum_cadence_weeks: int) -> date:
    """The forum's next meeting, else the meeting date plus the forum's cadence."""
    if meeting.next_meeting_at is not None:
        return meeting.next_meeting_at.date()
    return (meeting.starts_at + timedelta(weeks=forum_cadence_weeks)).date()


def start(meeting: Meeting, at: datetime, *, to_that_day: bool = False, dataset: Dataset | None = None) -> Meeting:
    """The meeting running from `at`; `to_that_day` moves a meeting planned for another day to the day
    of `at` (at its planned time of day), so that its minutes carry the day it was held; the times it
    began and ended are `started_at` and `ended_at`, as for any meeting. Moved into another year, its
    cases take that year's next numbers in the forum (from `dataset`)."""
    if meeting.status is MeetingStatus.CLOSED:
        raise DomainError(detail=Said("meeting.already_closed"))
    if meeting.status is MeetingStatus.CANCELLED:
        raise DomainError(detail=Said("meeting.cancelled"))
    if meeting.status is MeetingStatus.RUNNING:
        return meeting
    update: dict[str, object] = {"status": MeetingStatus.RUNNING, "started_at": at}
    if to_that_day:  # at its planned time of day, which the series keeps (the next meeting's time)
        day = at.astimezone(meeting.starts_at.tzinfo).date()
        update["starts_at"] = meeting.starts_at.replace(year=day.year, month=day.month, day=day.day)
    started = meeting.model_copy(update=update)
    if started.year == meeting.year or not meeting.agenda:
        return started
    if dataset is None:
        raise DomainError(detail=Said("meeting.move_year", year=meeting.year))
    return renumbered(started, list(started.agenda), first_serial(dataset, started.model_copy(update={"agenda": ()})))


def held_on_another_day(meeting: Meeting, at: datetime) -> bool:
    """Whether starting the meeting at `at` would start it on another day than it is planned for."""
    day = at.astimezone(meeting.starts_at.tzinfo).date()
    return meeting.status is MeetingStatus.PLANNED and day != meeting.starts_at.date()


def end(meeting: Meeting, at: datetime, next_meeting_at: datetime | None) -> Meeting:
    if meeting.status is not MeetingStatus.RUNNING:
        raise DomainError(detail=Said("meeting.not_running"))
    return meeting.model_copy(update={"status": MeetingStatus.CLOSED, "ended_at": at, "running_item": None,
                                      "running_since": None, "next_meeting_at": next_meeting_at})


def add_spent(item: AgendaItem, seconds: int) -> AgendaItem:
    spent = min(MAX_SPENT_SECONDS, item.spent_seconds + max(0, seconds))  # a clock left on for months stops
    return item.model_copy(update={"spent_seconds": spent})


def add_time(meeting: Meeting, item_id: str, seconds: int) -> Meeting:
    """Add timer seconds to one item; a meeting whose item was deleted meanwhile stays as it is."""
    item = meeting.item(item_id)
    return meeting if item is None else replace_item(meeting, add_spent(item, seconds))


class Clock(StrEnum):
    """What an item's clock does after its seconds are saved."""

    RUNS = "runs"  # a checkpoint: it goes on
    PAUSED = "paused"  # the session ends (quit, dropped connection): the next one resumes it
    STOPPED = "stopped"  # stopped on purpose, or another item's clock started


def clock_started(meeting: Meeting, item_id: str, at: datetime) -> Meeting:
    """Record that `item_id`'s clock runs from `at` (nothing is recorded for a meeting not running)."""
    if meeting.status is not MeetingStatus.RUNNING or meeting.item(item_id) is None:
        return meeting
    return meeting.model_copy(update={"running_item": item_id, "running_since": at})


def clock_saved(meeting: Meeting, item_id: str, seconds: int, at: datetime, then: Clock) -> Meeting:
    """Add the seconds of the stretch that ends at `at`, and record what the clock does next."""
    meeting = add_time(meeting, item_id, seconds)
    if meeting.running_item != item_id:
        return meeting
    if then is Clock.RUNS:
        return meeting.model_copy(update={"running_since": at})
    return meeting.model_copy(update={"running_since": None,
                                      "running_item": item_id if then is Clock.PAUSED else None})


def set_attendance(meeting: Meeting, person: str, status: AttendanceStatus, substitute: str = "") -> Meeting:
    """A member's status; arrival and departure stay with one who is there, and go with one who is not."""
    before = next((a for a in meeting.attendance if a.person == person), None)
    there = status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE) and before is not None
    row = Attendance(person=person, status=status,
                     substitute=substitute if status is AttendanceStatus.SUBSTITUTE else "",
                     from_item=before.from_item if there else None, until_item=before.until_item if there else None)
    rows = [a for a in meeting.attendance if a.person != person]
    return meeting.model_copy(update={"attendance": (*rows, row)})


def set_presence(meeting: Meeting, who: str | int, from_item: str | None, until_item: str | None) -> Meeting:
    """Record that a member (their id) or a guest (their place in the list) came to `from_item` and left
    after `until_item` (None: from the start, to the end). A member not marked as there is marked present."""
    for item_id in (from_item, until_item):
        if item_id is not None and meeting.item(item_id) is None:
            raise ValueError(f"no agenda item {item_id}")
    if from_item and until_item and _position(meeting, until_item) < _position(meeting, from_item):
        raise PresenceOrderError
    times = {"from_item": from_item, "until_item": until_item}
    if isinstance(who, int):
        guests = list(meeting.guests)
        guests[who] = guests[who].model_copy(update=times)
        return meeting.model_copy(update={"guests": tuple(guests)})
    before = next((a for a in meeting.attendance if a.person == who), None)
    if before is None or before.status not in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE):
        meeting = set_attendance(meeting, who, AttendanceStatus.PRESENT)
        before = next(a for a in meeting.attendance if a.person == who)
    rows = [a if a.person != who else Attendance.model_validate({**before.model_dump(), **times})
            for a in meeting.attendance]
    return meeting.model_copy(update={"attendance": tuple(rows)})


class PresenceOrderError(ValueError):
    """Someone cannot leave before the item they came to."""


def _position(meeting: Meeting, item_id: str) -> int:
    return next(n for n, i in enumerate(meeting.agenda) if i.id == item_id)


def usual_substitute(dataset: Dataset, meeting: Meeting, person: str) -> str:
    """Who stood in for `person` the last time anyone did, at the forum's earlier meetings; "" if no one."""
    earlier = sorted((m for m in dataset.meetings_of(meeting.forum) if m.starts_at < meeting.starts_at),
                     key=lambda m: m.starts_at, reverse=True)
    for held in earlier:
        entry = next((a for a in held.attendance if a.person == person), None)
        if entry is not None and entry.status is AttendanceStatus.SUBSTITUTE and entry.substitute:
            return entry.substitute
    return ""


def add_guest(meeting: Meeting, dataset: Dataset, name: str, organisation: str, role: str = "",
              from_item: str | None = None) -> Meeting:
    """A guest from an agency in the register (given by its code or name, in any case), which then counts
    for coverage, or from any other organisation, kept as written."""
    typed = " ".join(organisation.split())
    agency = next((a.code for a in dataset.agencies if typed.casefold() in (a.code.casefold(), a.name.casefold())),
                  None)
    guest = Guest(name=name, agency=agency, organisation="" if agency else typed, role=role, from_item=from_item)
    return meeting.model_copy(update={"guests": (*meeting.guests, guest)})
