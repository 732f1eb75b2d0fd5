"""Property tests through the real TinyDB file: valid records come back unchanged, invalid ones are
refused by the repository and never reach the file."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slt_tui.domain import AgendaItem, Meeting
from slt_tui.errors import DomainError
from slt_tui.store import Repository

from strategies import BASE, action_for, meetings

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def fresh_repo():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "slt.json"
        with Repository.create(path, BASE) as repo:
            yield repo


@SETTINGS
@given(meetings())
def test_any_valid_meeting_survives_save_and_load_unchanged(meeting: Meeting):
    with fresh_repo() as repo:
        stored = repo.save(meeting)
        path = repo.path
        repo.close()
        with Repository.open(path, readonly=True) as again:
            loaded = again.dataset.meeting(meeting.id)
    assert stored == meeting
    assert loaded == meeting
    assert loaded.model_dump(mode="json") == meeting.model_dump(mode="json")


@SETTINGS
@given(meetings(meeting_id="m-1"), st.data())
def test_a_saved_meeting_can_be_changed_and_the_change_persists(meeting: Meeting, data):
    with fresh_repo() as repo:
        repo.save(meeting)
        notes = data.draw(st.text(max_size=200))
        changed = meeting.model_copy(update={"location": notes})
        stored = repo.save(changed)
        path = repo.path
        repo.close()
        with Repository.open(path, readonly=True) as again:
            assert again.dataset.meeting("m-1") == stored
            assert len(again.dataset.meetings) == 1


def broken(meeting: Meeting, how: str):
    """Break one rule, with model_copy so that nothing is validated before the repository."""
    item = AgendaItem(id="s1", number=f"05/{meeting.year % 100:02d}", title="Sak")
    match how:
        case "empty title":
            return meeting.model_copy(update={"agenda": (item.model_copy(update={"title": "   "}),)})
        case "case number out of sequence":
            gap = item.model_copy(update={"id": "s2", "number": f"07/{meeting.year % 100:02d}"})
            return meeting.model_copy(update={"agenda": (item, gap)})
        case "unknown chair":
            return meeting.model_copy(update={"chair": "finnes-ikke"})
        case "unknown forum":
            return meeting.model_copy(update={"forum": "finnes-ikke"})
        case "bad id":
            return meeting.model_copy(update={"id": "Not An Id!"})
    raise AssertionError(how)


@SETTINGS
@given(meetings(), st.sampled_from(["empty title", "case number out of sequence", "unknown chair",
                                    "unknown forum", "bad id"]))
def test_invalid_meetings_are_refused_and_never_stored(meeting: Meeting, how: str):
    with fresh_repo() as repo:
        before = repo.path.read_bytes()
        with pytest.raises(DomainError):
            repo.save(broken(meeting, how))
        assert repo.path.read_bytes() == before
        assert repo.dataset.meetings == ()


@SETTINGS
@given(meetings(meeting_id="m-1").filter(lambda m: bool(m.agenda)),
       st.sampled_from(["31.02.2026", "snart", "", "2026-00-10"]))
def test_follow_up_points_with_bad_due_dates_are_never_stored(meeting: Meeting, due: str):
    with fresh_repo() as repo:
        repo.save(meeting)
        before = repo.path.read_bytes()
        action = action_for(meeting, meeting.agenda[0]).model_copy(update={"due": due})
        with pytest.raises(DomainError) as exc:
            repo.save(action)
        assert "due" in str(exc.value)
        assert repo.path.read_bytes() == before
        assert repo.dataset.actions == ()
