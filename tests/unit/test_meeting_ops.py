"""The changes made during a meeting, as pure functions on the sample's records."""

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from slt_tui.domain import AttendanceStatus, ItemKind, Meeting, MeetingStatus
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import OSLO
from slt_tui.errors import DomainError
from slt_tui.store import Repository


@pytest.fixture
def dataset(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        return repo.dataset


def numbers(meeting):
    return [i.number for i in meeting.agenda]


def test_a_new_item_gets_the_next_case_number(dataset):
    december = dataset.meeting("kg-2026-12-08")
    changed, item = ops.add_item(dataset, december, "Nytt tiltak", ItemKind.DISCUSSION, "Ola", 15)
    # before "Eventuelt", which stays last (and is renumbered: the meeting has not been held)
    assert item.number == "17/26" and changed.agenda[-2] == item
    assert (changed.agenda[-1].title, changed.agenda[-1].number) == ("Eventuelt", "18/26")
    assert (item.kind, item.presenter, item.planned_minutes) == (ItemKind.DISCUSSION, "Ola", 15)


def test_a_case_added_to_a_held_meeting_goes_last_so_that_every_number_stays(dataset):
    held = dataset.meeting("kg-2026-10-27")
    changed, item = ops.add_item(dataset.remove("meetings", "kg-2026-12-08"), held, "Etterslept sak")
    assert changed.agenda[:-1] == held.agenda and changed.agenda[-1] == item and item.number == "11/26"


def test_the_first_item_of_an_empty_meeting_continues_the_forums_year(dataset):
    empty = dataset.meeting("kg-2026-12-08").model_copy(update={"agenda": ()})
    _, item = ops.add_item(dataset, empty, "Første sak")
    assert item.number == "11/26"  # the October meeting ended at 10/26


def test_removing_and_moving_renumber_in_agenda_order(dataset):
    december = dataset.meeting("kg-2026-12-08")
    removed = ops.remove_item(december, "s2")
    assert numbers(removed) == ["11/26", "12/26", "13/26", "14/26", "15/26", "16/26"]
    assert [i.id for i in removed.agenda] == ["s1", "s3", "s4", "s5", "s6", "s7"]
    moved = ops.move_item(december, "s5", -1)
    assert numbers(moved) == numbers(december)
    assert [i.id for i in moved.agenda] == ["s1", "s2", "s3", "s5", "s4", "s6", "s7"]
    assert ops.move_item(december, "s1", -1) == december  # the top stays the top


def test_confidential_defaults_to_the_usual_legal_basis_and_clears(dataset):
    item = dataset.meeting("kg-2026-12-08").agenda[0]
    secret = ops.set_confidential(item, True, "")
    assert secret.confidential and secret.legal_basis == "offl. § 13 jf. fvl. § 13"
    assert ops.set_confidential(secret, False).legal_basis == ""


def test_start_and_end(dataset):
    at = datetime(2026, 12, 8, 9, 3, tzinfo=OSLO)
    running = ops.start(dataset.meeting("kg-2026-12-08"), at)
    assert running.status is MeetingStatus.RUNNING and running.started_at == at
    assert ops.start(running, datetime(2026, 12, 8, 10, tzinfo=OSLO)).started_at == at  # starting twice: no-op
    closed = ops.end(running, datetime(2026, 12, 8, 11, tzinfo=OSLO), None)
    assert closed.status is MeetingStatus.CLOSED
    with pytest.raises(DomainError):
        ops.start(closed, at)
    with pytest.raises(DomainError):
        ops.end(dataset.meeting("kg-2026-12-08"), at, None)


def test_default_due_is_the_next_meeting_else_the_cadence(dataset):
    assert ops.default_due(dataset.meeting("kg-2026-10-27"), 6) == date(2026, 12, 8)
    assert ops.default_due(dataset.meeting("kg-2026-12-08"), 6) == date(2027, 1, 19)


def test_attendance_replaces_a_members_row(dataset):
    meeting = dataset.meeting("kg-2026-09-15")
    changed = ops.set_attendance(meeting, "jonas-tveitan", AttendanceStatus.SUBSTITUTE, "Henrik Aalvik")
    rows = [a for a in changed.attendance if a.person == "jonas-tveitan"]
    assert len(rows) == 1 and rows[0].substitute == "Henrik Aalvik"
    assert len(changed.attendance) == len(meeting.attendance)


def test_spent_time_only_grows(dataset):
    item = dataset.meeting("kg-2026-12-08").agenda[0]
    assert ops.add_spent(item, 90).spent_seconds == 90
    assert ops.add_spent(item, -5).spent_seconds == 0


AT = datetime(2026, 12, 8, 9, 5, tzinfo=OSLO)


def running(dataset):
    return ops.start(dataset.meeting("kg-2026-12-08"), AT)


def test_the_item_clock_is_recorded_only_in_a_running_meeting(dataset):
    planned = dataset.meeting("kg-2026-12-08")
    assert ops.clock_started(planned, "s1", AT).running_item is None
    meeting = ops.clock_started(running(dataset), "s1", AT)
    assert (meeting.running_item, meeting.running_since) == ("s1", AT)
    with pytest.raises(ValidationError, match="running meeting"):
        Meeting.model_validate({**planned.model_dump(), "running_item": "s1"})
    with pytest.raises(ValidationError, match="needs its item"):
        Meeting.model_validate({**meeting.model_dump(), "running_item": None})


def test_saving_the_clock_adds_its_seconds_and_says_what_it_does_next(dataset):
    later = datetime(2026, 12, 8, 9, 6, tzinfo=OSLO)
    meeting = ops.clock_started(running(dataset), "s1", AT)
    goes_on = ops.clock_saved(meeting, "s1", 60, later, ops.Clock.RUNS)
    assert goes_on.item("s1").spent_seconds == 60 and goes_on.running_since == later
    paused = ops.clock_saved(goes_on, "s1", 5, later, ops.Clock.PAUSED)
    assert (paused.running_item, paused.running_since, paused.item("s1").spent_seconds) == ("s1", None, 65)
    stopped = ops.clock_saved(goes_on, "s1", 5, later, ops.Clock.STOPPED)
    assert (stopped.running_item, stopped.running_since) == (None, None)


def test_removing_the_timed_item_or_ending_the_meeting_stops_the_recorded_clock(dataset):
    meeting = ops.clock_started(running(dataset), "s2", AT)
    assert ops.remove_item(meeting, "s2").running_item is None
    assert ops.remove_item(meeting, "s3").running_item == "s2"
    ended = ops.end(meeting, datetime(2026, 12, 8, 11, 0, tzinfo=OSLO), None)
    assert (ended.running_item, ended.running_since) == (None, None)


def test_presence_from_and_until_an_item_and_its_order(dataset):
    december = dataset.meeting("kg-2026-12-08")  # s1..s5 = 10/26..14/26
    changed = ops.set_presence(december, "elin-rustvik", "s3", "s4")
    elin = next(a for a in changed.attendance if a.person == "elin-rustvik")
    assert (elin.status, elin.from_item, elin.until_item) == (AttendanceStatus.PRESENT, "s3", "s4")
    with pytest.raises(ops.PresenceOrderError):
        ops.set_presence(december, "elin-rustvik", "s4", "s3")
    with pytest.raises(ValueError, match="no agenda item"):
        ops.set_presence(december, "elin-rustvik", "nope", None)
    excused = ops.set_attendance(changed, "elin-rustvik", AttendanceStatus.EXCUSED)
    assert next(a for a in excused.attendance if a.person == "elin-rustvik").from_item is None


def test_deleting_an_item_keeps_presence_to_what_was_attended(dataset):
    december = ops.set_presence(dataset.meeting("kg-2026-12-08"), "elin-rustvik", "s3", "s4")
    without_first = ops.remove_item(december, "s3")  # came at 12/26, now gone: came at the item after it
    elin = next(a for a in without_first.attendance if a.person == "elin-rustvik")
    assert (elin.from_item, elin.until_item) == ("s4", "s4")
    without_last = ops.remove_item(december, "s4")  # left after 13/26, now gone: left after the one before
    elin = next(a for a in without_last.attendance if a.person == "elin-rustvik")
    assert (elin.from_item, elin.until_item) == ("s3", "s3")


def test_moving_an_item_keeps_a_presence_range_in_agenda_order(dataset):
    december = ops.set_presence(dataset.meeting("kg-2026-12-08"), "ola-skarsvag", "s3", "s4")
    moved = ops.move_item(december, "s4", -1)  # 13/26 moves above 12/26
    ola = next(a for a in moved.attendance if a.person == "ola-skarsvag")
    assert (ola.from_item, ola.until_item) == ("s4", "s3")
    assert [i.id for i in moved.agenda].index("s4") < [i.id for i in moved.agenda].index("s3")


def test_a_guest_is_placed_by_agency_code_or_name_or_else_by_organisation(dataset):
    december = dataset.meeting("kg-2026-12-08")
    by_code = ops.add_guest(december, dataset, "Liv", " pol ").guests[-1]
    by_name = ops.add_guest(december, dataset, "Liv", dataset.agency("NAV").name.upper()).guests[-1]
    other = ops.add_guest(december, dataset, "Kari", "Utekontakten  i  Fjordvik", "miljøarbeider").guests[-1]
    assert (by_code.agency, by_name.agency) == ("POL", "NAV")
    assert (other.agency, other.organisation, other.role) == (None, "Utekontakten i Fjordvik", "miljøarbeider")
    with pytest.raises(ValidationError):
        ops.add_guest(december, dataset, "Ola", "  ")


def test_someone_there_for_a_deleted_item_alone_is_said_to_be_there_for_its_neighbour(dataset):
    december = ops.set_presence(dataset.meeting("kg-2026-12-08"), "mona-hauglid", "s3", "s3")
    mona = next(a for a in ops.remove_item(december, "s3").attendance if a.person == "mona-hauglid")
    assert (mona.from_item, mona.until_item) == ("s4", "s4")  # never a range that ends before it starts
    last = ops.set_presence(dataset.meeting("kg-2026-12-08"), "mona-hauglid", "s7", "s7")
    mona = next(a for a in ops.remove_item(last, "s7").attendance if a.person == "mona-hauglid")
    assert (mona.from_item, mona.until_item) == ("s6", "s6")
