"""Approval of the minutes at the next meeting, the lock that follows, recorded corrections, versions,
cancelling, and the invitation's revision: all through the real repository and its TinyDB file."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from slt_tui.domain import Decision, MeetingStatus
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.approval import (
    CorrectionError,
    MinutesApprovedError,
    approval_of,
    content,
    correct,
    versions,
)
from slt_tui.domain.clock import OSLO
from slt_tui.domain.series import PlanError, cancel
from slt_tui.errors import DomainError
from slt_tui.store import Repository
from slt_tui.wording import plan_next

APPROVED, AWAITING, PLANNED = "kg-2026-09-15", "kg-2026-10-27", "kg-2026-12-08"
AT = datetime(2026, 12, 9, 10, 0, tzinfo=OSLO)


def corrected(repo: Repository, change, *, what="Skrivefeil i sak 02/26", why="Feil navn på etaten",
              correction_id=None):
    """Save `change` of the approved meeting as a correction, as the app does."""
    return repo.update("meetings", APPROVED, lambda stored: correct(
        stored, change(stored), by="Ingrid Solbakk", what=what, why=why, session=repo.session, at=AT,
        correction_id=correction_id))


def with_notes(meeting, text):
    item = meeting.agenda[1]
    return ops.replace_item(meeting, item.model_copy(update={"notes": text}))


def test_the_sample_has_minutes_approved_and_minutes_awaiting_approval(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        dataset = repo.dataset
    approval = approval_of(dataset.meeting(APPROVED), dataset)
    assert (approval.meeting.id, approval.item.number) == (AWAITING, "06/26")
    assert approval_of(dataset.meeting(AWAITING), dataset) is None
    assert next(i for i in dataset.meeting(PLANNED).agenda if i.approves).approves == AWAITING


def test_an_edit_of_approved_minutes_is_refused_and_the_file_is_untouched(sample_db):
    before = sample_db.read_bytes()
    with Repository.open(sample_db) as repo:
        with pytest.raises(MinutesApprovedError) as refused:
            repo.update("meetings", APPROVED, lambda m: with_notes(m, "Endret i ettertid."))
        with pytest.raises(MinutesApprovedError):
            repo.delete("meetings", APPROVED)
        assert repo.dataset.meeting(APPROVED).agenda[1].notes != "Endret i ettertid."
    assert refused.value.sentence("nb").startswith("Referatet ble godkjent i møtet 27.10.2026, sak 06/26")
    assert sample_db.read_bytes() == before


def test_until_approval_a_closed_meeting_is_corrected_freely(sample_db):
    with Repository.open(sample_db) as repo:
        repo.update("meetings", AWAITING, lambda m: with_notes(m, "Rettet før godkjenning."))
        assert repo.dataset.meeting(AWAITING).corrections == ()


def test_a_correction_records_what_why_who_when_and_the_record_before(sample_db):
    with Repository.open(sample_db) as repo:
        original = repo.dataset.meeting(APPROVED)
        corrected(repo, lambda m: with_notes(m, "Første rettelse."))
        first = repo.dataset.meeting(APPROVED).corrections[0]
        # more edits under the same correction, in the same session: no second record
        corrected(repo, lambda m: with_notes(m, "Første rettelse, fullført."), correction_id=first.id)
        # the archive reference is given after approval by design, without a correction
        repo.update("meetings", APPROVED, lambda m: m.model_copy(update={"archive_ref": "26/900"}))
    saved = json.loads(sample_db.read_text(encoding="utf-8"))
    meeting = next(m for m in saved["meetings"].values() if m["id"] == APPROVED)
    assert len(meeting["corrections"]) == 1 and meeting["archive_ref"] == "26/900"
    record = meeting["corrections"][0]
    assert (record["by"], record["what"], record["why"]) == ("Ingrid Solbakk", "Skrivefeil i sak 02/26",
                                                              "Feil navn på etaten")
    assert record["before"]["agenda"][1]["notes"] == original.agenda[1].notes
    assert meeting["agenda"][1]["notes"] == "Første rettelse, fullført."


def test_another_session_cannot_go_on_under_a_correction_and_none_can_be_undone(sample_db):
    with Repository.open(sample_db) as repo:
        corrected(repo, lambda m: with_notes(m, "Rettet."))
        made = repo.dataset.meeting(APPROVED).corrections[0]
    with Repository.open(sample_db) as repo:
        with pytest.raises((MinutesApprovedError, CorrectionError)):
            repo.update("meetings", APPROVED, lambda m: correct(
                m, with_notes(m, "Snik."), by="X", what="x", why="y", session=made.session, at=AT,
                correction_id=made.id))
        with pytest.raises(CorrectionError):
            repo.update("meetings", APPROVED, lambda m: m.model_copy(update={"corrections": ()}))
        # a new correction from this session is fine
        corrected(repo, lambda m: with_notes(m, "Rettet igjen."), what="Ny rettelse")
        assert [c.what for c in repo.dataset.meeting(APPROVED).corrections] == ["Skrivefeil i sak 02/26",
                                                                                 "Ny rettelse"]


def test_every_version_since_approval_can_be_rebuilt(sample_db):
    with Repository.open(sample_db) as repo:
        approved = content(repo.dataset.meeting(APPROVED))
        corrected(repo, lambda m: with_notes(m, "Versjon 2."))
        corrected(repo, lambda m: with_notes(m, "Versjon 3."), what="Andre rettelse")
        meeting = repo.dataset.meeting(APPROVED)
    found = versions(meeting)
    assert [v.number for v in found] == [1, 2, 3]
    assert content(found[0].meeting) == approved and found[0].correction is None
    assert [v.meeting.agenda[1].notes for v in found[1:]] == ["Versjon 2.", "Versjon 3."]
    assert [len(v.meeting.corrections) for v in found] == [0, 1, 2]
    assert found[-1].meeting == meeting


def test_minutes_are_approved_only_once_held(sample_db):
    with Repository.open(sample_db) as repo:
        later = plan_next(repo.dataset, "kg", "nb", on=date(2027, 1, 19))
        repo.save(later)
        item = next(i for i in later.agenda if i.approves)
        assert item.approves == PLANNED
        decided = item.model_copy(update={"decisions": (Decision(id="d1", text="Godkjent."),)})
        with pytest.raises(DomainError) as refused:
            repo.update("meetings", later.id, lambda m: ops.replace_item(m, decided))
        assert "ikke er holdt" in refused.value.sentence("nb")


def test_recording_the_decision_approves_the_previous_minutes(sample_db):
    with Repository.open(sample_db) as repo:
        start = datetime(2026, 12, 8, 9, 1, tzinfo=OSLO)
        repo.update("meetings", PLANNED, lambda m: ops.start(m, start))
        item = next(i for i in repo.dataset.meeting(PLANNED).agenda if i.approves)
        decided = item.model_copy(update={"decisions": (Decision(id="d1", text="Godkjent."),)})
        repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, decided))
        approval = approval_of(repo.dataset.meeting(AWAITING), repo.dataset)
    assert (approval.meeting.id, approval.item.number) == (PLANNED, item.number)


def test_the_invitations_revision_grows_with_time_place_and_cancelling_only(sample_db):
    with Repository.open(sample_db) as repo:
        assert repo.dataset.meeting(PLANNED).sequence == 0
        repo.update("meetings", PLANNED, lambda m: with_notes(m, "Et notat."))
        assert repo.dataset.meeting(PLANNED).sequence == 0
        repo.update("meetings", PLANNED, lambda m: m.model_copy(update={"location": "Kulturhuset"}))
        repo.update("meetings", PLANNED, lambda m: m.model_copy(
            update={"starts_at": m.starts_at + timedelta(hours=1)}))
        assert repo.dataset.meeting(PLANNED).sequence == 2
        stale = repo.dataset.meeting(PLANNED).model_copy(update={"sequence": 0, "location": "Rådhuset"})
        assert repo.save(stale).sequence == 3  # an older copy never lowers it
        with repo.batch():
            for meeting in cancel(repo.dataset, PLANNED):
                repo.save(meeting)
        assert repo.dataset.meeting(PLANNED).sequence == 4


def test_a_cancelled_meeting_hands_its_points_and_its_approval_to_the_next(sample_db):
    with Repository.open(sample_db) as repo:
        with pytest.raises(PlanError):
            cancel(repo.dataset, AWAITING)  # held: cannot be cancelled
        with repo.batch():
            for meeting in cancel(repo.dataset, PLANNED):
                repo.save(meeting)
        cancelled = repo.dataset.meeting(PLANNED)
        assert cancelled.status is MeetingStatus.CANCELLED
        with pytest.raises(DomainError):
            ops.start(cancelled, datetime(2026, 12, 8, 9, tzinfo=OSLO))
        nxt = plan_next(repo.dataset, "kg", "nb", on=date(2027, 1, 19))
        repo.save(nxt)
    assert nxt.previous == AWAITING
    assert next(i for i in nxt.agenda if i.approves).approves == AWAITING
    from slt_tui.domain.follow_up import reviews_at
    with Repository.open(sample_db, readonly=True) as repo:
        carried = {r.action.id for r in reviews_at(repo.dataset.meeting(nxt.id), repo.dataset)}
    assert {"a-kai-tiltak", "a-sommerjobb", "a-klubb-evaluering", "a-foreldremote"} <= carried


def test_cancelling_relinks_a_meeting_already_planned_after_it(sample_db):
    with Repository.open(sample_db) as repo:
        later = plan_next(repo.dataset, "kg", "nb", on=date(2027, 1, 19))
        repo.save(later)
        changed = cancel(repo.dataset, PLANNED)
        assert [m.id for m in changed] == [PLANNED, later.id]
        assert changed[1].previous == AWAITING
        assert next(i for i in changed[1].agenda if i.approves).approves == AWAITING


def test_a_file_of_schema_3_gets_its_approval_links(sample_db):
    raw = json.loads(sample_db.read_text(encoding="utf-8"))
    raw["meta"]["1"]["schema_version"] = 3
    for forum in raw["forums"].values():
        forum.pop("copy_to", None)
        for item in forum["standing_items"]:
            item.pop("purpose", None)
    for meeting in raw["meetings"].values():
        for key in ("archive_ref", "sequence", "corrections"):
            meeting.pop(key, None)
        for item in meeting["agenda"]:
            item.pop("approves", None)
            item.pop("summary", None)
    sample_db.write_text(json.dumps(raw), encoding="utf-8")
    with Repository.open(sample_db) as repo:
        dataset = repo.dataset
    assert approval_of(dataset.meeting(APPROVED), dataset).item.number == "06/26"
    assert approval_of(dataset.meeting(AWAITING), dataset) is None
    assert [s.purpose.value for s in dataset.forum("kg").standing_items] == [
        "", "approve_minutes", "", "", "other_business"]
    assert json.loads(sample_db.read_text(encoding="utf-8"))["meta"]["1"]["schema_version"] == 4


def test_a_new_due_date_set_later_does_not_change_the_minutes_that_raised_the_point(sample_db):
    from slt_tui.domain.follow_up import review
    from slt_tui.minutes.document import render

    with Repository.open(sample_db) as repo:
        point = repo.dataset.action("a-kai-tiltak")  # raised at 27.10, due 08.12
        repo.save(review(point, PLANNED, AT, due=date(2027, 3, 1)))
        point = repo.dataset.action("a-kai-tiltak")
        again = review(point, PLANNED, AT + timedelta(minutes=1), due=date(2027, 4, 1))
        repo.save(again)
        dataset = repo.dataset
    assert (again.due, again.agreed_due) == (date(2027, 4, 1), date(2026, 12, 8))
    minutes = render(dataset.meeting(AWAITING), dataset)
    assert "Felles tiltak for gruppen ved kaiområdet – Barnevernstjenesten, Mona Hauglid – frist 08.12.2026" in minutes


def _decided(item, text="Godkjent."):
    return item.model_copy(update={"decisions": (Decision(id="d1", text=text),)})


def test_the_case_that_approved_minutes_keeps_its_decision_once_its_meeting_is_over(sample_db):
    """The attack: deleting 06/26 in the draft minutes of 27.10 un-approved 15.09 and unlocked them."""
    from slt_tui.domain.approval import ApprovalKeptError

    before = sample_db.read_bytes()
    with Repository.open(sample_db) as repo:
        approving = repo.dataset.meeting(AWAITING).item("s2")
        for change in (lambda m: ops.replace_item(m, approving.model_copy(update={"decisions": ()})),
                       lambda m: ops.replace_item(m, approving.model_copy(update={"approves": None})),
                       lambda m: ops.remove_item(m, "s2")):
            with pytest.raises((ApprovalKeptError, DomainError)):
                repo.update("meetings", AWAITING, change)
        with pytest.raises(ApprovalKeptError):
            repo.delete("meetings", AWAITING)
        assert approval_of(repo.dataset.meeting(APPROVED), repo.dataset) is not None
    assert sample_db.read_bytes() == before


def test_while_its_meeting_runs_an_approval_recorded_by_mistake_can_be_taken_back(sample_db):
    with Repository.open(sample_db) as repo:
        repo.update("meetings", PLANNED, lambda m: ops.start(m, datetime(2026, 12, 8, 9, 1, tzinfo=OSLO)))
        item = next(i for i in repo.dataset.meeting(PLANNED).agenda if i.approves)
        repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, _decided(item)))
        assert approval_of(repo.dataset.meeting(AWAITING), repo.dataset) is not None
        repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, item))
        assert approval_of(repo.dataset.meeting(AWAITING), repo.dataset) is None


def test_a_held_meetings_cases_keep_their_numbers(sample_db):
    """The attack: deleting a case of held minutes renumbered 08/26 to 07/26 in every later document."""
    with Repository.open(sample_db, readonly=True) as repo:
        held = repo.dataset.meeting(AWAITING)
    for change in (lambda: ops.remove_item(held, "s4"), lambda: ops.move_item(held, "s4", -1)):
        with pytest.raises(DomainError) as refused:
            change()
        assert "beholder nummeret sitt" in refused.value.sentence("nb")


def test_minutes_are_approved_only_by_a_meeting_being_held(sample_db):
    """The attack: a decision on 12/26 approved 27.10 from a meeting not yet held, and from a cancelled one."""
    from slt_tui.domain.approval import cannot_approve

    with Repository.open(sample_db) as repo:
        item = next(i for i in repo.dataset.meeting(PLANNED).agenda if i.approves)
        assert cannot_approve(repo.dataset.meeting(PLANNED), item, repo.dataset) == "approval.not_held_here"
        with pytest.raises(DomainError) as planned:
            repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, _decided(item)))
        assert "er ikke holdt" in planned.value.sentence("nb")
        with repo.batch():
            for meeting in cancel(repo.dataset, PLANNED):
                repo.save(meeting)
        with pytest.raises(DomainError):
            repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, _decided(item)))
        assert approval_of(repo.dataset.meeting(AWAITING), repo.dataset) is None
        repo.update("meetings", PLANNED, lambda m: m)  # nothing else about it is refused


def test_a_meeting_planned_next_year_and_held_this_year_takes_this_years_case_numbers(sample_db):
    """The attack: starting the January meeting in November ("move it to today?" yes) failed on 01/27."""
    with Repository.open(sample_db) as repo:
        nxt = plan_next(repo.dataset, "kg", "nb", on=date(2027, 1, 19))
        repo.save(nxt)
        at = datetime(2026, 12, 15, 9, 0, tzinfo=OSLO)
        with pytest.raises(DomainError):
            ops.start(nxt, at, to_that_day=True)  # without the records, the numbers cannot be known
        started = repo.update("meetings", nxt.id, lambda m: ops.start(m, at, to_that_day=True, dataset=repo.dataset))
    assert started.starts_at.date() == date(2026, 12, 15)
    assert [i.number for i in started.agenda][:2] == ["18/26", "19/26"]  # after 17/26 of 08.12.2026


def test_approved_minutes_keep_the_names_they_were_approved_with(sample_db):
    """The second attack: renaming Siri Nygårdsli, the forum or adding a member in the registers
    rewrote the approved minutes of 15.09 (every version), with nothing recorded."""
    from slt_tui.minutes.document import render

    with Repository.open(sample_db) as repo:
        approved_before = render(repo.dataset.meeting(APPROVED), repo.dataset)
        repo.save(repo.dataset.person("siri-nygardsli").model_copy(update={"name": "Kari Omdøpt"}))
        forum = repo.dataset.forum("kg")
        repo.save(forum.model_copy(update={"name": "KG nytt navn", "members": (*forum.members, "nora-haugtun"),
                                           "copy_to": ()}))
        dataset = repo.dataset
    assert render(dataset.meeting(APPROVED), dataset) == approved_before
    assert all("Kari Omdøpt" not in render(v.meeting, dataset) for v in versions(dataset.meeting(APPROVED)))
    draft = render(dataset.meeting(AWAITING), dataset)  # not approved yet: it follows the registers
    assert "Kari Omdøpt" in draft and "KG nytt navn" in draft


def test_the_decision_that_approves_records_the_registers_as_they_are_then(sample_db):
    with Repository.open(sample_db) as repo:
        repo.update("meetings", PLANNED, lambda m: ops.start(m, datetime(2026, 12, 8, 9, 1, tzinfo=OSLO)))
        item = next(i for i in repo.dataset.meeting(PLANNED).agenda if i.approves)
        repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, _decided(item)))
        record = repo.dataset.meeting(PLANNED).item(item.id).approved_register
        assert record is not None and record.forum_name == "Koordineringsgruppa"
        assert "Henrik Aalvik" not in [p.name for p in record.people]  # a substitute is named in the meeting
        assert {"siri-nygardsli", "camilla-ovrebotn", "per-ivar-lundeby"} <= {p.id for p in record.people}
        repo.update("meetings", PLANNED, lambda m: ops.replace_item(m, item))  # taken back while it runs
        assert repo.dataset.meeting(PLANNED).item(item.id).approved_register is None
