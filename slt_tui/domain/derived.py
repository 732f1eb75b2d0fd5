"""Figures derived from the records and never stored: agency coverage, overdue points, time used."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from slt_tui.domain.models import ActionItem, AttendanceStatus, Forum, Meeting, Person

_REPRESENTING = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)


@dataclass(frozen=True)
class Coverage:
    """Which of a forum's required agencies a meeting has in the room."""

    required: tuple[str, ...]
    represented: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def coverage(meeting: Meeting, forum: Forum, people: Mapping[str, Person]) -> Coverage:
    """Required agencies represented by a member present, a substitute, or a guest; the rest missing."""
    present = {people[a.person].agency for a in meeting.attendance if a.status in _REPRESENTING and a.person in people}
    present |= {g.agency for g in meeting.guests if g.agency}
    required = forum.required_agencies
    return Coverage(
        required=required,
        represented=tuple(c for c in required if c in present),
        missing=tuple(c for c in required if c not in present),
    )


def overdue(actions: Iterable[ActionItem], on: date) -> list[ActionItem]:
    """Open points whose due date has passed, the oldest first."""
    return sorted((a for a in actions if a.is_overdue(on)), key=lambda a: (a.due, a.id))


@dataclass(frozen=True)
class AgendaTime:
    planned_seconds: int
    spent_seconds: int

    @property
    def over(self) -> bool:
        return self.spent_seconds > self.planned_seconds


def agenda_time(meeting: Meeting) -> AgendaTime:
    return AgendaTime(
        planned_seconds=sum(i.planned_minutes for i in meeting.agenda) * 60,
        spent_seconds=sum(i.spent_seconds for i in meeting.agenda),
    )


@dataclass(frozen=True)
class Forecast:
    """When a meeting is expected to end, against when its plan says it ends."""

    planned_end: datetime
    expected_end: datetime

    @property
    def late_minutes(self) -> int:
        """Whole minutes behind the plan (negative: ahead of it)."""
        return int((self.expected_end - self.planned_end).total_seconds() // 60)


def forecast(meeting: Meeting, at: datetime, running: str | None = None, extra: int = 0) -> Forecast:
    """The planned end is the start and every item's time box after it (the planned start for a meeting
    not yet started; the real one after, so that "over plan" is time boxes overrun). A running meeting
    is expected to end when what is left of its time boxes has passed from `at`: an item already discussed and left
    is done; the running item (`running`, with `extra` seconds not yet saved) has what is left of its
    box; an item not yet touched, all of it. A planned meeting is expected to end as planned."""
    boxes = timedelta(minutes=sum(i.planned_minutes for i in meeting.agenda))
    planned_end = (meeting.started_at or meeting.starts_at) + boxes
    if meeting.started_at is None or meeting.ended_at is not None:
        return Forecast(planned_end, meeting.ended_at or planned_end)
    left = 0
    for item in meeting.agenda:
        spent = item.spent_seconds + (extra if item.id == running else 0)
        if item.id == running:
            left += max(0, item.planned_minutes * 60 - spent)
        elif spent == 0:
            left += item.planned_minutes * 60
    return Forecast(planned_end, at + timedelta(seconds=left))
