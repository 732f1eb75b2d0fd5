"""Domain: pydantic models of SLT and the rules over them. Knows nothing of storage or screens."""

from slt_tui.domain.dataset import TABLES, Dataset
from slt_tui.domain.derived import Coverage, agenda_time, coverage, overdue
from slt_tui.domain.models import (
    DEFAULT_LEGAL_BASIS,
    ActionItem,
    ActionStatus,
    ActionUpdate,
    Agency,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Forum,
    Guest,
    ItemKind,
    ItemRef,
    Level,
    Meeting,
    MeetingStatus,
    Origin,
    Person,
    StandingItem,
)

__all__ = [
    "DEFAULT_LEGAL_BASIS", "TABLES", "ActionItem", "ActionStatus", "ActionUpdate", "Agency", "AgendaItem",
    "Attendance", "AttendanceStatus", "Coverage", "Dataset", "Decision", "Forum", "Guest", "ItemKind", "ItemRef",
    "Level", "Meeting", "MeetingStatus", "Origin", "Person", "StandingItem", "agenda_time", "coverage",
    "overdue",
]
