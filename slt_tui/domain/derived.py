"""Figures derived from the records and never stored: agency coverage, overdue points, time used."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

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
    present |= {g.agency for g in meeting.guests}
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
