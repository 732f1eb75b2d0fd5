"""The installed `slt-tui` command, run as a user would (no terminal needed for these)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from slt_tui.store import Repository

from conftest import assert_one_sentence_error, slt, slt_tui_command
from terminal import Terminal


def test_init_creates_a_private_database_with_the_standard_agencies(tmp_path):
    db = tmp_path / "slt.json"
    done = slt("init", "--db", str(db), "--municipality", "Testvik kommune")
    assert done.returncode == 0 and str(db) in done.stdout
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    with Repository.open(db, readonly=True) as repo:
        assert {"POL", "BV", "NAV", "PPT"} <= {a.code for a in repo.dataset.agencies}
        assert repo.municipality == "Testvik kommune"


def test_init_refuses_to_overwrite(sample_db):
    before = sample_db.read_bytes()
    assert_one_sentence_error(slt("--db", str(sample_db), "init", "--sample"), "finnes allerede")
    assert sample_db.read_bytes() == before


def test_the_default_database_lives_in_the_users_data_folder(isolated_home):
    done = slt("init", "--sample")
    expected = isolated_home / ".local" / "share" / "slt-tui" / "slt.json"
    assert done.returncode == 0, done.stderr
    assert expected.is_file()
    assert slt("meetings").returncode == 0


def test_slt_tui_db_environment_variable_is_used(tmp_path):
    db = tmp_path / "env.json"
    assert slt("init", env={"SLT_TUI_DB": str(db)}).returncode == 0
    assert db.is_file()


def test_meetings_lists_id_forum_date_and_status(sample_db):
    done = slt("--db", str(sample_db), "meetings")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["ID", "Forum", "Dato", "Status"]
    assert "kg-2026-12-08  Koordineringsgruppa  08.12.2026 09.00  planlagt" in done.stdout


def test_meetings_json_has_the_models_field_names(sample_db):
    done = slt("meetings", "--db", str(sample_db), "--json")
    rows = json.loads(done.stdout)
    assert [r["id"] for r in rows] == ["kg-2026-09-15", "kg-2026-10-27", "kg-2026-12-08"]
    assert set(rows[0]) == {"id", "forum", "starts_at", "status"}
    assert rows[0]["starts_at"] == "2026-09-15T09:00:00+02:00" and rows[2]["status"] == "planned"


def test_actions_filters_and_json(sample_db):
    db = str(sample_db)
    all_rows = json.loads(slt("actions", "--db", db, "--json").stdout)
    assert len(all_rows) == 5
    assert set(all_rows[0]) == {"id", "title", "forum", "agency", "owner", "due", "status"}
    open_rows = json.loads(slt("actions", "--db", db, "--open", "--json").stdout)
    assert {r["id"] for r in open_rows} == {"a-foreldremote", "a-kai-tiltak", "a-klubb-evaluering", "a-sommerjobb"}
    nav = json.loads(slt("actions", "--db", db, "--agency", "nav", "--forum", "kg", "--json").stdout)
    assert [r["id"] for r in nav] == ["a-sommerjobb"] and nav[0]["owner"] is None


def test_actions_text_marks_overdue_and_speaks_english_when_asked(sample_db):
    text = slt("actions", "--db", str(sample_db), "--lang", "en").stdout
    assert text.splitlines()[0].split() == ["ID", "Due", "Status", "Agency", "Owner", "What"]
    line = next(x for x in text.splitlines() if x.startswith("a-foreldremote"))
    assert "open (overdue)" in line and "13.11.2026" in line and "Ola Skarsvåg" in line


def test_language_from_the_environment(sample_db):
    assert "Due" in slt("actions", "--db", str(sample_db), env={"SLT_TUI_LANG": "en"}).stdout


@pytest.mark.parametrize("args, fragment", [
    (["actions", "--forum", "finnes-ikke"], "Fant ingen forum med id eller navn «finnes-ikke»; velg blant "),
    (["actions", "--agency", "XYZ"], "Fant ingen etat med id «XYZ»"),
    (["tull"], "ugyldig valg"),
    (["meetings", "--lang", "de"], "ugyldig valg"),
])
def test_bad_input_gets_one_sentence_and_status_2(sample_db, args, fragment):
    assert_one_sentence_error(slt("--db", str(sample_db), *args), fragment)


def test_a_missing_database_says_how_to_create_one(tmp_path):
    assert_one_sentence_error(slt("check", "--db", str(tmp_path / "nope.json")), "slt-tui init")


def test_check_on_the_sample_is_sound(sample_db):
    done = slt("check", "--db", str(sample_db), "--lang", "en")
    assert done.returncode == 0
    assert "is sound: 10 agencies, 14 people, 3 forums, 3 meetings, 5 follow-up points" in done.stdout


def test_check_works_while_another_session_holds_the_file(sample_db):
    with Repository.open(sample_db):
        assert slt("check", "--db", str(sample_db)).returncode == 0


def test_check_warns_about_a_file_others_can_read(sample_db):
    os.chmod(sample_db, 0o644)
    done = slt("check", "--db", str(sample_db))
    assert done.returncode == 0 and "chmod 600" in done.stderr


def damaged(sample_db: Path, kind: str) -> bytes:
    data = json.loads(sample_db.read_bytes())
    if kind == "corrupt":
        return b"{ not json"
    if kind == "truncated":
        return sample_db.read_bytes()[:-200]
    if kind == "invalid record":
        data["meetings"]["2"]["agenda"][1]["number"] = "99/26"
        return json.dumps(data).encode()
    data["meta"]["1"]["schema_version"] = 99
    return json.dumps(data).encode()


@pytest.mark.parametrize("kind, fragment", [
    ("corrupt", "er skadet"), ("truncated", "er skadet"),
    ("invalid record", "kg-2026-10-27"), ("future schema", "skjemaversjon 99"),
])
@pytest.mark.parametrize("command", [["check"], []], ids=["check", "app"])
def test_bad_files_exit_2_with_a_clear_message_and_stay_byte_for_byte(sample_db, kind, fragment, command):
    content = damaged(sample_db, kind)
    sample_db.write_bytes(content)
    if command:
        assert_one_sentence_error(slt("--db", str(sample_db), *command), str(sample_db), fragment)
    else:
        code, output = app_in_terminal("--db", str(sample_db))
        assert code == 2 and output.startswith("slt-tui: ") and output.count("\n") == 1, output
        assert str(sample_db) in output and fragment in output
    assert sample_db.read_bytes() == content


def app_in_terminal(*args: str) -> tuple[int, str]:
    """Run the app in a real pseudo-terminal (without one it stops before opening the file); its exit
    status and everything it wrote."""
    term = Terminal([slt_tui_command(), *args])
    try:
        code = term.wait_exit()
        term.pump(0.2)  # what it wrote just before exiting
        return code, bytes(term.output).decode(errors="replace")
    finally:
        term.close()


def test_a_broken_reference_is_explained_in_one_language(sample_db):
    data = json.loads(sample_db.read_bytes())
    data["forums"]["2"]["members"].append("finnes-ikke")
    sample_db.write_text(json.dumps(data))
    nb = slt("check", "--db", str(sample_db))
    assert_one_sentence_error(nb, "har en ugyldig post (forum kg: ukjent medlem «finnes-ikke»)")
    en = slt("check", "--db", str(sample_db), "--lang", "en")
    assert_one_sentence_error(en, "has an invalid record (forum kg: unknown member 'finnes-ikke')")


@pytest.mark.parametrize("content", [
    b'{"meta": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    b'{"meta": {"1": {"schema_version": ' + b"7" * 5000 + b"}}}",
    b'{"meta": {"1": {"schema_version": 3}, "1": {"schema_version": 3}}}',
    b'{"meta": {"1": {"schema_version": 3, "x": NaN}}}',
], ids=["nesting", "5000 digits", "a key twice", "NaN"])
def test_check_refuses_what_could_not_be_written_back_in_one_sentence(tmp_path, content):
    path = tmp_path / "slt.json"
    path.write_bytes(content)
    done = slt("check", "--db", str(path))
    assert_one_sentence_error(done, str(path))
    assert path.read_bytes() == content


def test_check_refuses_a_number_past_64_bits_in_a_record(sample_db):
    data = json.loads(sample_db.read_bytes())
    data["meetings"]["1"]["agenda"][0]["spent_seconds"] = 2**64
    sample_db.write_text(json.dumps(data))
    before = sample_db.read_bytes()
    done = slt("check", "--db", str(sample_db))
    assert_one_sentence_error(done, "spent_seconds")
    assert sample_db.read_bytes() == before


# Found by the attack on issue 11 -------------------------------------------------------------------


def test_a_meeting_far_in_the_future_is_refused_in_one_sentence(sample_db):
    done = slt("plan", "politiradet", "--db", str(sample_db), "--date", "9999-12-31")
    assert_one_sentence_error(done, "9999-12-31", "1900–2199")


def test_a_forum_with_the_longest_id_can_be_planned(sample_db):
    data = json.loads(sample_db.read_bytes())
    long_id = "f" * 64
    data["forums"]["1"]["id"] = long_id
    for record in data["meetings"].values():
        if record["forum"] == "politiradet":
            record["forum"] = long_id
    sample_db.write_text(json.dumps(data))
    done = slt("plan", long_id, "--db", str(sample_db))
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip()) <= 64


@pytest.mark.parametrize("target", ["/dev/full", "fifo"])
def test_export_never_replaces_a_device_or_a_pipe(sample_db, tmp_path, target):
    if target == "fifo":
        target = str(tmp_path / "fifo")
        os.mkfifo(target)
    before = os.stat(target)
    done = slt("export", "kg-2026-09-15", "--db", str(sample_db), "-o", target, "--overwrite")
    assert_one_sentence_error(done, "vanlig fil")
    after = os.stat(target)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))


@pytest.mark.parametrize("db", ["", "/dev/null"])
def test_a_database_path_that_is_empty_or_not_a_file_is_said_so(db):
    done = slt("meetings", "--db", db)
    assert_one_sentence_error(done)
    assert ("tom" if not db else "vanlig fil") in done.stderr


def test_a_lock_file_that_is_a_pipe_refuses_the_write_and_plans_nothing(sample_db):
    os.mkfifo(str(sample_db) + ".lock")
    before = sample_db.read_bytes()
    done = slt("plan", "kg", "--db", str(sample_db))
    assert_one_sentence_error(done, "låsefilen")
    assert sample_db.read_bytes() == before


def test_export_does_not_write_through_a_link(sample_db, tmp_path):
    log = tmp_path / "logg.txt"
    log.write_text("før\n")
    link = tmp_path / "lenke.md"
    link.symlink_to(log)
    done = slt("export", "kg-2026-09-15", "--db", str(sample_db), "-o", str(link), "--overwrite")
    assert_one_sentence_error(done, "vanlig fil")
    assert log.read_text() == "før\n" and link.is_symlink()


def test_an_empty_date_is_refused(sample_db):
    before = sample_db.read_bytes()
    assert_one_sentence_error(slt("plan", "politiradet", "--db", str(sample_db), "--date", ""))
    assert sample_db.read_bytes() == before


@pytest.mark.parametrize("meta", [
    {"1": {"schema_version": 3, "municipality": {"a": [1, 2]}}},
    {"1": {"schema_version": 3}, "2": {"schema_version": 3}},
    {"1": {"schema_version": 3, "created_at": "0001-01-01T00:00:00+01:00"}},
], ids=["municipality not text", "two meta records", "created in year 1"])
def test_check_refuses_a_meta_record_that_is_not_sound(sample_db, meta):
    data = json.loads(sample_db.read_bytes())
    data["meta"] = meta
    sample_db.write_text(json.dumps(data))
    before = sample_db.read_bytes()
    assert_one_sentence_error(slt("check", "--db", str(sample_db)))
    assert sample_db.read_bytes() == before


def test_paths_that_cannot_be_used_are_one_sentence(sample_db, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    export = ("--db", str(sample_db), "export", "kg-2026-10-27", "-o")
    assert_one_sentence_error(slt(*export, "~ingen-slik-bruker/referat.md"), "~ingen-slik-bruker")
    assert_one_sentence_error(slt("--db", "~ingen-slik-bruker/slt.json", "meetings"), "~ingen-slik-bruker")
    assert_one_sentence_error(slt(*export, f"{tmp_path / 'a-file'}/"), "er en fil, ikke en mappe")
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "x"
