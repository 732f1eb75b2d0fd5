"""`slt-tui export`: the minutes on standard output or in a file, as a user runs it."""

from __future__ import annotations

import stat

from slt_tui.store import Repository

from conftest import assert_one_sentence_error, slt

MEETING = "kg-2026-10-27"
SECRET_NOTE = "Drøftet anonymt"


def test_internal_minutes_on_standard_output(sample_db):
    done = slt("--db", str(sample_db), "export", MEETING)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Referat fra møte i Koordineringsgruppa\n")
    assert SECRET_NOTE in done.stdout and done.stderr == ""


def test_public_minutes_to_a_folder_get_the_default_name_and_ordinary_permissions(sample_db, tmp_path):
    out = tmp_path / "referater"
    out.mkdir()
    done = slt("--db", str(sample_db), "export", MEETING, "--public", "-o", str(out))
    assert done.returncode == 0, done.stderr
    written = out / "referat-koordineringsgruppa-2026-10-27.md"
    assert str(written) in done.stderr
    text = written.read_text(encoding="utf-8")
    assert "Offentlig referat" in text and SECRET_NOTE not in text
    assert stat.S_IMODE(written.stat().st_mode) & 0o044  # public: readable by others, umask allowing


def test_internal_html_file_is_private_and_never_overwritten_unasked(sample_db, tmp_path):
    target = tmp_path / "referat.html"
    done = slt("--db", str(sample_db), "export", MEETING, "--html", "--minutes-lang", "en", "-o", str(target))
    assert done.returncode == 0, done.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>Minutes of the meeting of Koordineringsgruppa</h1>" in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.write_text("mine", encoding="utf-8")
    assert_one_sentence_error(slt("--db", str(sample_db), "export", MEETING, "-o", str(target)),
                              "finnes allerede", "--overwrite")
    assert target.read_text(encoding="utf-8") == "mine"
    assert slt("--db", str(sample_db), "export", MEETING, "-o", str(target), "--overwrite").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Referat")


def test_bad_requests_get_one_sentence(sample_db, tmp_path):
    assert_one_sentence_error(slt("--db", str(sample_db), "export", "no-such-meeting"), "no-such-meeting")
    assert_one_sentence_error(slt("--db", str(sample_db), "export", MEETING, "-o", str(tmp_path / "no" / "x.md")),
                              str(tmp_path / "no"))


def test_public_export_with_personal_data_writes_nothing_and_lists_where(sample_db, tmp_path):
    with Repository.open(sample_db) as repo:
        meeting = repo.dataset.meeting(MEETING)
        item = meeting.agenda[4].model_copy(update={"notes": "Mor kan nås på 912 34 567 eller mor@example.no."})
        repo.save(meeting.model_copy(update={"agenda": (*meeting.agenda[:4], item)}))
    target = tmp_path / "offentlig.md"
    done = slt("--db", str(sample_db), "export", MEETING, "--public", "-o", str(target))
    assert done.returncode == 2 and not target.exists()
    lines = done.stderr.splitlines()
    assert lines[0].startswith("slt-tui: Det offentlige referatet ble ikke skrevet") and "--force" in lines[0]
    assert lines[1:] == ["  Sak 09/26: telefonnummer", "  Sak 09/26: e-postadresse"]
    assert "912" not in done.stderr and "example" not in done.stderr
    stdout = slt("--db", str(sample_db), "export", MEETING, "--public")
    assert stdout.returncode == 2 and stdout.stdout == ""
    forced = slt("--db", str(sample_db), "export", MEETING, "--public", "--force", "-o", str(target))
    assert forced.returncode == 0 and "912 34 567" in target.read_text(encoding="utf-8")
    assert slt("--db", str(sample_db), "export", MEETING).returncode == 0  # internal minutes are not checked
