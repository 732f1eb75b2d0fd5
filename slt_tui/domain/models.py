"""The SLT domain as pydantic models: agencies, people, forums, meetings and follow-up points.

Models are frozen: a change makes a new model (`model_copy(update=...)`), and the repository
validates it again before it is stored. Rules that need more than one record (does this agency
exist? is this case number taken?) live in `dataset.py`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from slt_tui.domain import case_numbers
from slt_tui.domain.case_numbers import CaseNumber
from slt_tui.domain.clock import Day, OsloTime
from slt_tui.domain.text import AgencyCode, Block, Identifier, Line, Notes, RequiredBlock, Title
from slt_tui.errors import Said

DEFAULT_LEGAL_BASIS = "offl. § 13 jf. fvl. § 13"
MAX_SPENT_SECONDS = 10_000_000
"""About 115 days on one item: any more is a broken file, and every number stays far inside what
the file's encoder writes (64 bits), so a file that loads can always be saved again."""


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Level(StrEnum):
    STEERING = "styring"
    COORDINATION = "koordinering"
    OPERATIONAL = "utforer"


class ItemKind(StrEnum):
    BRIEFING = "orientering"
    DISCUSSION = "drofting"
    DECISION = "vedtak"
    FOLLOW_UP = "oppfolging"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    """A planned meeting called off: its carried points go to the forum's next meeting."""


class ItemPurpose(StrEnum):
    """What a standing item is for, beyond its title: planning links and orders such items."""

    NONE = ""
    APPROVE_MINUTES = "approve_minutes"
    """Godkjenning av referat fra forrige møte: the planned item approves the previous minutes."""
    OTHER_BUSINESS = "other_business"
    """Eventuelt: stays last; a follow-up item is planned before it."""


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class Agency(Model):
    code: AgencyCode
    name: Title


class Person(Model):
    id: Identifier
    name: Title
    agency: AgencyCode
    role: Line = ""
    email: Line = ""


class StandingItem(Model):
    title: Title
    kind: ItemKind = ItemKind.BRIEFING
    planned_minutes: int = Field(default=10, ge=0, le=600)
    purpose: ItemPurpose = ItemPurpose.NONE


class Forum(Model):
    id: Identifier
    name: Title
    level: Level
    members: tuple[Identifier, ...] = ()
    required_agencies: tuple[AgencyCode, ...] = ()
    standing_items: tuple[StandingItem, ...] = ()
    cadence_weeks: int = Field(default=6, ge=1, le=52)
    copy_to: tuple[Line, ...] = ()
    """Whom the minutes go to besides the members ("Kopi til"): a name, an office, an address."""

    @model_validator(mode="after")
    def _no_repeats(self) -> Forum:
        _unique(self.members, "members")
        _unique(self.required_agencies, "required_agencies")
        return self


class Decision(Model):
    id: Identifier
    text: RequiredBlock


class ItemRef(Model):
    """An agenda item somewhere: its meeting and its id."""

    meeting: Identifier
    item: Identifier


Origin = ItemRef
"""Where a follow-up point was agreed."""


class RegisterRecord(Model):
    """The registers as minutes showed them when they were approved: the forum's name, members and
    "Kopi til", and the people and agencies named. Approved minutes are rendered with these, so that
    renaming someone or changing the forum later does not change what was approved."""

    forum_name: Title
    members: tuple[Identifier, ...] = ()
    copy_to: tuple[Line, ...] = ()
    people: tuple[Person, ...] = ()
    agencies: tuple[Agency, ...] = ()


class AgendaItem(Model):
    id: Identifier
    number: CaseNumber
    title: Title
    kind: ItemKind = ItemKind.BRIEFING
    presenter: Line = ""
    planned_minutes: int = Field(default=10, ge=0, le=600)
    spent_seconds: int = Field(default=0, ge=0, le=MAX_SPENT_SECONDS)
    notes: Notes = ""
    confidential: bool = False
    legal_basis: Line = ""
    decisions: tuple[Decision, ...] = ()
    summary: Block = ""
    """A short saksframlegg for the notice: what the case is about and what is asked of the group."""
    approves: Identifier | None = None
    """The meeting whose minutes this item approves (Godkjenning av referat): a decision on it approves them."""
    approved_register: RegisterRecord | None = None
    """The registers as those minutes showed them when the decision approved them (set when it is saved)."""
    sent_to: ItemRef | None = None
    """The item this one was escalated to, in another forum's meeting."""
    sent_from: ItemRef | None = None
    """The item this one was escalated from."""

    @model_validator(mode="after")
    def _legal_basis(self) -> AgendaItem:
        if self.confidential and not self.legal_basis:
            raise PydanticCustomError("legal_basis", "a confidential item needs a legal basis")
        _unique([d.id for d in self.decisions], "decisions")
        return self


class Presence(Model):
    """Part of a meeting only: from the item someone came to, until the last item they stayed for."""

    from_item: Identifier | None = None
    """The agenda item (its id: case numbers change when items move) from which they were there."""
    until_item: Identifier | None = None
    """The last agenda item they were there for."""


class Attendance(Presence):
    person: Identifier
    status: AttendanceStatus
    substitute: Line = ""
    """Name of the person who came instead, when status is `substitute`."""

    @model_validator(mode="after")
    def _substitute_named(self) -> Attendance:
        if self.status is AttendanceStatus.SUBSTITUTE and not self.substitute:
            raise PydanticCustomError("substitute_unnamed", "a substitute needs the name of who came instead")
        if self.status is not AttendanceStatus.SUBSTITUTE and self.substitute:
            raise PydanticCustomError("substitute_only", "only a substitute has a substitute's name")
        return self


class Guest(Presence):
    """Someone who is not a member: from an agency in the register (it then counts for coverage), or
    from any organisation named in free text (utekontakten, konfliktrådet, a volunteer group)."""

    name: Title
    agency: AgencyCode | None = None
    organisation: Line = ""
    role: Line = ""

    @model_validator(mode="after")
    def _placed(self) -> Guest:
        if self.agency is None and not self.organisation:
            raise PydanticCustomError("guest_unplaced", "a guest needs an agency or an organisation")
        return self

    @property
    def affiliation(self) -> str:
        """The agency's code, or the organisation as written."""
        return self.agency or self.organisation


class Correction(Model):
    """A change to minutes after their approval: what changed, why, when and by whom, and the record
    as it stood before, so that every approved version can be exported again."""

    id: Identifier
    at: OsloTime
    by: Title
    what: Title
    why: Title
    session: str = Field(default="", max_length=64)
    """The session that made it; only that session may go on changing the record under it."""
    before: Meeting


class Meeting(Model):
    id: Identifier
    forum: Identifier
    starts_at: OsloTime
    location: Line = ""
    chair: Identifier | None = None
    minute_taker: Identifier | None = None
    status: MeetingStatus = MeetingStatus.PLANNED
    agenda: tuple[AgendaItem, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    guests: tuple[Guest, ...] = ()
    started_at: OsloTime | None = None
    ended_at: OsloTime | None = None
    previous: Identifier | None = None
    next_meeting_at: OsloTime | None = None
    # The item whose clock runs, kept in the file so that a second session can show it and a dropped
    # session resumes it; `running_since` is when the unsaved stretch began (None: paused, the session
    # that ran it is gone, and the next one to open the meeting for writing starts it again).
    running_item: Identifier | None = None
    running_since: OsloTime | None = None
    archive_ref: Line = ""
    """The case in the municipality's archive system the minutes are journaled under ("26/1234")."""
    sequence: int = Field(default=0, ge=0, le=1_000_000)
    """The invitation's revision (iCalendar SEQUENCE): one more each time the time or place changes."""
    corrections: tuple[Correction, ...] = ()
    """Changes made after the minutes were approved, oldest first."""

    @property
    def year(self) -> int:
        return self.starts_at.year

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.status in (MeetingStatus.RUNNING, MeetingStatus.CLOSED) and self.started_at is None:
            raise PydanticCustomError("meeting_no_start", "a running or closed meeting needs the time it started")
        if self.status is MeetingStatus.CLOSED and self.ended_at is None:
            raise PydanticCustomError("meeting_no_end", "a closed meeting needs the time it ended")
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            raise PydanticCustomError("meeting_end_first", "a meeting cannot end before it started")
        if self.running_item is not None and (self.status is not MeetingStatus.RUNNING
                                              or self.item(self.running_item) is None):
            raise PydanticCustomError("running_item", "only an item of a running meeting can have its clock running")
        if self.status is MeetingStatus.CANCELLED and self.started_at is not None:
            raise PydanticCustomError("meeting_cancelled_held", "a meeting that was held cannot be cancelled")
        if self.running_since is not None and self.running_item is None:
            raise PydanticCustomError("running_clock", "a running clock needs its item")
        _unique([i.id for i in self.agenda], "agenda")
        _unique([a.person for a in self.attendance], "attendance")
        _unique([c.id for c in self.corrections], "corrections")
        problem = case_numbers.sequence_problem([i.number for i in self.agenda], self.year)
        if problem:
            raise PydanticCustomError("case_number", "{reason}", {"reason": problem})
        return self

    def item(self, item_id: str) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == item_id), None)


Correction.model_rebuild()


class ActionUpdate(Model):
    meeting: Identifier
    status: ActionStatus
    comment: Block = ""
    at: OsloTime
    due: Day | None = None
    """A new due date set at this review, if any."""


class ActionItem(Model):
    id: Identifier
    title: Title
    forum: Identifier
    agency: AgencyCode
    owner: Identifier | None = None
    due: Day
    agreed_due: Day | None = None
    """The due date agreed where the point was raised, once a review has set a new one (`due`)."""
    status: ActionStatus = ActionStatus.OPEN
    origin: Origin
    updates: tuple[ActionUpdate, ...] = ()

    @property
    def due_as_agreed(self) -> date:
        """The due date the meeting that raised the point agreed on, whatever reviews set since."""
        return self.agreed_due or self.due

    def is_overdue(self, on: date) -> bool:
        return self.status.is_open and self.due < on


def _unique(values, what: str) -> None:
    """`what` names the list in the catalogue (`list.<what>`), so the error reads in the reader's language."""
    seen: set = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError("duplicate", "{what}: '{value}' appears twice",
                                      {"what": Said(f"list.{what}"), "value": value})
        seen.add(value)
