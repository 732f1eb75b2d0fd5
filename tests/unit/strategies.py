"""Hypothesis strategies for valid SLT records, on top of a small fixed register (`BASE`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from slt_tui.domain import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Dataset,
    Decision,
    Forum,
    Guest,
    ItemKind,
    Level,
    Meeting,
    MeetingStatus,
    Origin,
    Person,
)
from slt_tui.domain.case_numbers import format_number
from slt_tui.domain.clock import OSLO
from slt_tui.domain.standard import STANDARD_AGENCIES

PEOPLE = tuple(
    Person(id=f"p{i}", name=f"Testperson {i}", agency=code)
    for i, code in enumerate(["SLT", "POL", "BV", "NAV", "PPT", "SKOLE"], 1)
)
FORUM = Forum(id="kg", name="Koordineringsgruppa", level=Level.COORDINATION,
              members=tuple(p.id for p in PEOPLE), required_agencies=("SLT", "POL", "BV", "NAV"))
BASE = Dataset(agencies=STANDARD_AGENCIES, people=PEOPLE, forums=(FORUM,))

AGENCY_CODES = [a.code for a in STANDARD_AGENCIES]
PERSON_IDS = [p.id for p in PEOPLE]

# Any text at all, including control characters, pipes, markup, emoji and æøå: the model cleans it.
any_text = st.text(max_size=120)
rich_text = st.text(
    st.characters(codec="utf-8") | st.sampled_from(list("|\\#`<>*_[]\n\r\t\x1b\x07\u202eæøåÆØÅ😀")),
    max_size=400,
)
titles = any_text.map(lambda s: f"Sak {s}")
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
# Drawn in UTC and shown in Oslo time: a wall-clock time that does not exist or comes twice (the DST
# changes) is not a moment, and comparing two of them said a meeting ended before it began.
moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31),
                       timezones=st.just(UTC)).map(lambda moment: moment.astimezone(OSLO))


@st.composite
def agenda_items(draw, year: int, first: int, count: int) -> tuple[AgendaItem, ...]:
    items = []
    for n in range(count):
        confidential = draw(st.booleans())
        items.append(AgendaItem(
            id=f"s{n + 1}",
            number=format_number(first + n, year),
            title=draw(titles),
            kind=draw(st.sampled_from(ItemKind)),
            presenter=draw(any_text),
            planned_minutes=draw(st.integers(0, 600)),
            spent_seconds=draw(st.integers(0, 100_000)),
            notes=draw(rich_text),
            confidential=confidential,
            legal_basis=draw(titles) if confidential else "",
            decisions=tuple(Decision(id=f"d{i}", text=draw(titles)) for i in range(draw(st.integers(0, 2)))),
            summary=draw(rich_text),
        ))
    return tuple(items)


@st.composite
def meetings(draw, meeting_id: str | None = None) -> Meeting:
    starts = draw(moments).astimezone(UTC)  # arithmetic in UTC: wall-clock sums break across DST
    status = draw(st.sampled_from(MeetingStatus))
    held = status in (MeetingStatus.RUNNING, MeetingStatus.CLOSED)
    started = starts + timedelta(minutes=draw(st.integers(-10, 30))) if held else None
    ended = started + timedelta(minutes=draw(st.integers(0, 300))) if status is MeetingStatus.CLOSED else None
    attending = draw(st.lists(st.sampled_from(PERSON_IDS), unique=True))
    attendance = []
    for person in attending:
        state = draw(st.sampled_from(AttendanceStatus))
        name = draw(titles) if state is AttendanceStatus.SUBSTITUTE else ""
        attendance.append(Attendance(person=person, status=state, substitute=name))
    return Meeting(
        id=meeting_id or draw(ids),
        forum="kg",
        starts_at=starts,
        location=draw(any_text),
        chair=draw(st.none() | st.sampled_from(PERSON_IDS)),
        minute_taker=draw(st.none() | st.sampled_from(PERSON_IDS)),
        status=status,
        agenda=draw(agenda_items(starts.astimezone(OSLO).year, draw(st.integers(1, 90)), draw(st.integers(0, 5)))),
        attendance=tuple(attendance),
        guests=tuple(draw(st.lists(st.builds(Guest, name=titles, agency=st.sampled_from(AGENCY_CODES)), max_size=2))),
        started_at=started,
        ended_at=ended,
        next_meeting_at=draw(st.none() | moments),
        archive_ref=draw(any_text),
    )


def action_for(meeting: Meeting, item: AgendaItem, **changes) -> ActionItem:
    fields = dict(id="a-1", title="Følge opp", forum="kg", agency="NAV", due="2026-12-01",
                  status=ActionStatus.OPEN, origin=Origin(meeting=meeting.id, item=item.id))
    fields.update(changes)
    return ActionItem(**fields)
