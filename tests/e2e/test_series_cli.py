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
    past = slt("--db", str(sample_db), "plan", "kg", "--date", "2020-01-01")
    assert_one_sentence_error(past, "01.01.2020 er passert")
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


def test_invite_with_personal_data_writes_nothing_and_lists_where(sample_db, tmp_path):
    with Repository.open(sample_db) as repo:
        meeting = repo.dataset.meeting("kg-2026-12-08")
        item = meeting.agenda[3].model_copy(update={"title": "Eleven (fnr. 148389 971 80)"})
        repo.save(meeting.model_copy(update={"agenda": (*meeting.agenda[:3], item, *meeting.agenda[4:]),
                                             "location": "Rådhuset, ring 912 34 567"}))
    out = tmp_path / "out"
    out.mkdir()
    done = slt("--db", str(sample_db), "invite", "kg-2026-12-08", "-o", str(out))
    assert done.returncode == 2 and list(out.iterdir()) == []
    lines = done.stderr.splitlines()
    assert lines[0].startswith("slt-tui: Kalenderinnkallingen ble ikke skrevet") and "--force" in lines[0]
    assert lines[1:] == ["  Sak 14/26: fødselsnummer eller D-nummer", "  Sted: telefonnummer"]
    assert "912" not in done.stderr and "148389" not in done.stderr
    stdout = slt("--db", str(sample_db), "invite", "kg-2026-12-08")
    assert stdout.returncode == 2 and stdout.stdout == ""
    english = slt("--db", str(sample_db), "--lang", "en", "invite", "kg-2026-12-08")
    assert english.stderr.splitlines()[1:] == ["  Case 14/26: national identity number or D-number",
                                               "  Place: phone number"]
    forced = slt("--db", str(sample_db), "invite", "kg-2026-12-08", "--force", "-o", str(out))
    assert forced.returncode == 0, forced.stderr
    event = next(iter(icalendar.Calendar.from_ical((out / "innkalling-kg-2026-12-08.ics").read_bytes())
                      .walk("VEVENT")))
    assert str(event["location"]) == "Rådhuset, ring 912 34 567"
    assert_one_sentence_error(slt("--db", str(sample_db), "invite", "kg-2026-12-08", "--force", "-o", str(out)),
                              "finnes allerede")  # --force lets personal data through, not over a file


def test_actions_filter_by_status_and_overdue_and_show_history(sample_db):
    done = json.loads(slt("--db", str(sample_db), "actions", "--status", "done", "--json").stdout)
    assert [a["id"] for a in done] == ["a-kai-kartlegging"]
    late = json.loads(slt("--db", str(sample_db), "actions", "--overdue", "--json", "--history").stdout)
    assert [a["id"] for a in late] == ["a-foreldremote"]
    assert late[0]["updates"][0]["meeting"] == "kg-2026-10-27"
    text = slt("--db", str(sample_db), "actions", "--forum", "kg", "--history").stdout
    assert "Dato ikke satt ennå; ny frist." in text and "kg-2026-10-27" in text
