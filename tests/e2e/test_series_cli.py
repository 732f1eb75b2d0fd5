"""`slt-tui plan`, `invite` and the follow-up register on the command line."""

from __future__ import annotations

import json

import icalendar

from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import now
from slt_tui.store import Repository

from conftest import assert_one_sentence_error, slt


def test_plan_prints_the_new_meetings_id_and_carries_the_open_points(sample_db):
    done = slt("--db", str(sample_db), "plan", "kg", "--date", "2027-01-19")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kg-2027-01-19\n"
    with Repository.open(sample_db, readonly=True) as repo:
        meeting = repo.dataset.meeting("kg-2027-01-19")
    assert [i.number for i in meeting.agenda][:3] == ["01/27", "02/27", "03/27"]
    assert meeting.previous == "kg-2026-12-08" and meeting.chair == "ingrid-solbakk"


def test_plan_refusals_are_one_sentence(sample_db):
    assert_one_sentence_error(slt("--db", str(sample_db), "plan", "kg", "--date", "2020-01-01"), "01.01.2020 har vært")
    assert_one_sentence_error(slt("--db", str(sample_db), "plan", "kg", "--date", "2026-12-01"), "må komme etter")
    assert_one_sentence_error(slt("--db", str(sample_db), "plan", "kg", "--date", "tirsdag"), "«tirsdag»")
    assert_one_sentence_error(slt("--db", str(sample_db), "plan", "nope"), "nope")
    with Repository.open(sample_db) as repo:
        repo.save(ops.start(repo.dataset.meeting("kg-2026-12-08"), now()))
    assert_one_sentence_error(slt("--db", str(sample_db), "--lang", "en", "plan", "kg"), "has a meeting running")


def test_invite_writes_an_ics_that_parses(sample_db, tmp_path):
    done = slt("--db", str(sample_db), "invite", "kg-2026-12-08", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    calendar = icalendar.Calendar.from_ical((tmp_path / "innkalling-kg-2026-12-08.ics").read_bytes())
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["summary"]) == "Møte i Koordineringsgruppa"
    assert_one_sentence_error(slt("--db", str(sample_db), "invite", "kg-2026-12-08", "-o", str(tmp_path)),
                              "finnes allerede")
    stdout = slt("--db", str(sample_db), "invite", "kg-2026-12-08")
    assert stdout.returncode == 0 and stdout.stdout.startswith("BEGIN:VCALENDAR")


def test_actions_filter_by_status_and_overdue_and_show_history(sample_db):
    done = json.loads(slt("--db", str(sample_db), "actions", "--status", "done", "--json").stdout)
    assert [a["id"] for a in done] == ["a-kai-kartlegging"]
    late = json.loads(slt("--db", str(sample_db), "actions", "--overdue", "--json", "--history").stdout)
    assert [a["id"] for a in late] == ["a-foreldremote"]
    assert late[0]["updates"][0]["meeting"] == "kg-2026-10-27"
    text = slt("--db", str(sample_db), "actions", "--forum", "kg", "--history").stdout
    assert "Dato ikke satt ennå; ny frist." in text and "kg-2026-10-27" in text
