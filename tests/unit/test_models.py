"""Domain models: what they accept, what they refuse, and in words a person understands."""

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from slt_tui.domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Dataset,
    Forum,
    Level,
    Meeting,
    MeetingStatus,
    Origin,
    Person,
)
from slt_tui.domain.case_numbers import next_serial
from slt_tui.domain.clock import OSLO
from slt_tui.domain.explain import explain

from strategies import BASE


def error_of(exc: pytest.ExceptionInfo) -> str:
    return explain(exc.value)


def test_empty_title_is_refused_even_when_only_control_characters():
    with pytest.raises(ValidationError) as exc:
        AgendaItem(id="s1", number="01/26", title=" \x1b\x07 \u202e ")
    assert error_of(exc) == "title: must not be empty"


def test_unknown_agency_code_is_refused_with_its_name():
    with pytest.raises(ValidationError) as exc:
        BASE.put(Person(id="x", name="Ny person", agency="XYZ"))
    assert "person x: unknown agency 'XYZ'" in error_of(exc)


def test_agency_code_must_look_like_one():
    with pytest.raises(ValidationError):
        Person(id="x", name="Ny", agency="not a code!")
    assert Person(id="x", name="Ny", agency=" nav ").agency == "NAV"


def test_forum_member_that_does_not_exist_is_refused():
    forum = Forum(id="ny", name="Nytt forum", level=Level.OPERATIONAL, members=("p1", "finnes-ikke"))
    with pytest.raises(ValidationError) as exc:
        BASE.put(forum)
    assert "forum ny: unknown member 'finnes-ikke'" in error_of(exc)


@pytest.mark.parametrize("text", ["31.02.2026", "2026-13-01", "i morgen", "24/11/2026", "", "20261124",
                                  "٢٠٢٦-١١-٢٤", "2026-11-2٤"])
def test_due_dates_that_are_not_dates_are_refused(text):
    with pytest.raises(ValidationError) as exc:
        ActionItem(id="a", title="x", forum="kg", agency="NAV", due=text, origin=Origin(meeting="m", item="s"))
    assert "due:" in error_of(exc)
    assert "date" in error_of(exc) or "not a day in the calendar" in error_of(exc)


@pytest.mark.parametrize("value", [20261124, 1.5, True, None])
def test_due_dates_of_other_types_are_refused(value):
    with pytest.raises(ValidationError):
        ActionItem(id="a", title="x", forum="kg", agency="NAV", due=value, origin=Origin(meeting="m", item="s"))


@pytest.mark.parametrize("text", ["24.11.2026", "2026-11-24", "4.1.2026"])
def test_due_dates_typed_the_norwegian_or_iso_way_are_accepted(text):
    action = ActionItem(id="a", title="x", forum="kg", agency="NAV", due=text, origin=Origin(meeting="m", item="s"))
    assert action.due == (date(2026, 11, 24) if text != "4.1.2026" else date(2026, 1, 4))


def meeting_with(*numbers: str, year: int = 2026) -> Meeting:
    return Meeting(id="m", forum="kg", starts_at=datetime(year, 3, 1, 9, tzinfo=OSLO),
                   agenda=tuple(AgendaItem(id=f"s{i}", number=n, title=f"Sak {i}") for i, n in enumerate(numbers)))


def test_case_numbers_must_follow_each_other():
    with pytest.raises(ValidationError) as exc:
        meeting_with("01/26", "03/26")
    assert "case numbers are out of sequence: 03/26 follows 01/26" in error_of(exc)


def test_case_numbers_must_belong_to_the_meeting_year():
    with pytest.raises(ValidationError) as exc:
        meeting_with("01/25")
    assert "another year" in error_of(exc)


@pytest.mark.parametrize("number", ["1/26", "01-26", "00/26", "ab/26", "001/2026", "٠٧/26", "0٧/26"])
def test_malformed_case_numbers_are_refused(number):
    with pytest.raises(ValidationError):
        AgendaItem(id="s", number=number, title="x")


def test_case_numbers_cannot_repeat_or_run_backwards_across_a_forums_year():
    first = meeting_with("01/26", "02/26").model_copy(update={"id": "m1"})
    april = datetime(2026, 4, 1, tzinfo=OSLO)
    second = meeting_with("02/26", "03/26").model_copy(update={"id": "m2", "starts_at": april})
    with pytest.raises(ValidationError) as exc:
        Dataset(agencies=BASE.agencies, people=BASE.people, forums=BASE.forums, meetings=(first, second))
    assert "case number 02/26 is already used earlier in 2026" in error_of(exc)
    assert "next free is 03/26" in error_of(exc)


def test_case_numbers_restart_at_01_in_a_new_year():
    assert next_serial(["11/25", "12/25"], 2026) == 1
    assert next_serial(["11/25", "01/26", "02/26"], 2026) == 3


def test_meeting_status_needs_its_times():
    with pytest.raises(ValidationError) as exc:
        meeting_with().model_validate({**meeting_with().model_dump(), "status": MeetingStatus.CLOSED})
    assert "started" in error_of(exc)


def test_substitute_needs_a_name():
    with pytest.raises(ValidationError) as exc:
        Attendance(person="p1", status=AttendanceStatus.SUBSTITUTE)
    assert "substitute" in error_of(exc)


def test_confidential_item_needs_a_legal_basis():
    with pytest.raises(ValidationError) as exc:
        AgendaItem(id="s", number="01/26", title="x", confidential=True)
    assert "legal basis" in error_of(exc)


def test_naive_times_are_taken_as_oslo_time_and_others_converted():
    m = meeting_with().model_copy()
    naive = Meeting.model_validate({**m.model_dump(), "starts_at": datetime(2026, 6, 1, 9)})
    utc = Meeting.model_validate({**m.model_dump(), "starts_at": datetime(2026, 6, 1, 7, tzinfo=UTC)})
    assert naive.starts_at == utc.starts_at
    assert naive.starts_at.tzinfo == OSLO and utc.starts_at.hour == 9


def test_models_are_frozen():
    person = Person(id="x", name="Ny", agency="NAV")
    with pytest.raises(ValidationError):
        person.name = "Annen"  # type: ignore[misc]


def test_unknown_fields_are_refused():
    with pytest.raises(ValidationError):
        Person.model_validate({"id": "x", "name": "Ny", "agency": "NAV", "fødselsnummer": "x"})


def test_a_wall_time_in_the_summer_time_gap_becomes_the_moment_it_denotes():
    m = Meeting(id="m", forum="kg", starts_at=datetime(2026, 3, 29, 2, 30, tzinfo=OSLO))
    assert (m.starts_at.hour, m.starts_at.minute) == (3, 30)
    assert Meeting.model_validate(m.model_dump(mode="json")) == m
