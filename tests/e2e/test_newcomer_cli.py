"""The installed `slt-tui` command as a newcomer first tries it: new files, folders, forum names,
languages, no terminal, and reading commands that leave nothing behind."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from slt_tui.cli import has_terminal
from slt_tui.store import Repository

from conftest import assert_one_sentence_error, slt, slt_tui_command
from terminal import Terminal

MEETING = "kg-2026-10-27"
UMASK_000 = 'umask 000; exec "$0" "$@"'  # sh -c: the rest of the command line runs with umask 000


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def slt_umask_000(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", UMASK_000, slt_tui_command(), *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


@pytest.fixture
def app():
    """Start `slt-tui ARGS` in a real pseudo-terminal with umask 000 (the app needs a terminal)."""
    opened: list[Terminal] = []

    def start(*args: str, env: dict | None = None) -> Terminal:
        term = Terminal(["sh", "-c", UMASK_000, slt_tui_command(), *args], env=env)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def ended_with_one_sentence(term: Terminal, *fragments: str) -> None:
    """The app stopped before drawing anything: status 2 and one line, `slt-tui: …`."""
    assert term.wait_exit() == 2
    term.pump(0.2)  # what it wrote just before exiting
    output = bytes(term.output).decode(errors="replace").strip()
    assert output.startswith("slt-tui: ") and "\n" not in output and "\x1b" not in output, output
    for fragment in fragments:
        assert fragment in output, output


# A new database -----------------------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize("how", ["--db", "SLT_TUI_DB"])
def test_the_app_creates_the_file_the_user_named_private_with_the_standard_agencies(app, tmp_path, how):
    db, folder_mode = tmp_path / "ny.json", mode(tmp_path)
    term = app("--db", str(db)) if how == "--db" else app(env={"SLT_TUI_DB": str(db)})
    term.wait_for("SLT", "Ingen forum ennå")
    term.send("q")
    assert term.wait_exit() == 0
    assert mode(db) == 0o600  # with umask 000 too
    assert mode(tmp_path) == folder_mode  # the user's folder is theirs: untouched
    with Repository.open(db, readonly=True) as repo:
        assert {"POL", "BV", "NAV", "PPT"} <= {a.code for a in repo.dataset.agencies}


@pytest.mark.e2e
def test_the_app_never_creates_a_folder_the_user_named(app, tmp_path):
    term = app("--db", str(tmp_path / "ny-mappe" / "ny.json"))
    ended_with_one_sentence(term, "mappen", "ny-mappe", "finnes ikke")
    assert tree(tmp_path) == set()


@pytest.mark.parametrize("lang, fragment", [("nb", "finnes ikke"), ("en", "does not exist")])
def test_init_never_creates_a_folder_the_user_named(tmp_path, lang, fragment):
    done = slt("init", "--db", str(tmp_path / "a" / "b" / "ny.json"), "--lang", lang)
    assert_one_sentence_error(done, str(tmp_path / "a" / "b"), fragment)
    assert tree(tmp_path) == set()


def test_slt_tuis_own_data_folders_are_private_whatever_the_umask(isolated_home):
    done = slt_umask_000("init")
    assert done.returncode == 0, done.stderr
    share = isolated_home / ".local" / "share"
    for folder in (isolated_home / ".local", share, share / "slt-tui"):
        assert mode(folder) == 0o700, folder
    assert mode(share / "slt-tui" / "slt.json") == 0o600


def test_the_settings_folder_is_private_whatever_the_umask(isolated_home, tmp_path):
    code = ("import os; os.umask(0); from pathlib import Path; "
            "from slt_tui.store.settings import remember_export_folder; remember_export_folder(Path('/tmp'))")
    python = Path(slt_tui_command()).parent / "python"
    subprocess.run([str(python), "-c", code], check=True, timeout=60)
    config = isolated_home / ".config"
    assert mode(config) == 0o700 and mode(config / "slt-tui") == 0o700
    assert mode(config / "slt-tui" / "settings.json") == 0o600


# --db naming a folder -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["meetings"], ["actions"], ["forums"], ["check"], ["export", MEETING], ["invite", MEETING], ["plan", "kg"],
    ["init"], [],
], ids=lambda c: c[0] if c else "app")
@pytest.mark.parametrize("lang, sentence", [
    ("nb", "er en mappe, ikke en databasefil."), ("en", "is a folder, not a database file."),
])
def test_db_naming_a_folder_gets_the_same_sentence_from_every_command(tmp_path, command, lang, sentence):
    folder = tmp_path / "data"
    folder.mkdir()
    done = slt("--db", str(folder), "--lang", lang, *command)
    assert_one_sentence_error(done, f"{folder} {sentence}")
    assert tree(tmp_path) == {"data"}


def test_slt_tui_db_naming_a_folder_gets_it_too(tmp_path):
    assert_one_sentence_error(slt("meetings", env={"SLT_TUI_DB": str(tmp_path)}),
                              f"{tmp_path} er en mappe, ikke en databasefil.")


# Forums by id or name -----------------------------------------------------------------------------


def test_forums_lists_ids_names_and_levels(sample_db):
    rows = json.loads(slt("forums", "--db", str(sample_db), "--json").stdout)
    assert rows == [
        {"id": "politiradet", "name": "Politirådet", "level": "styring"},
        {"id": "kg", "name": "Koordineringsgruppa", "level": "koordinering"},
        {"id": "ot-fjordvik-us", "name": "Oppvekstteam Fjordvik ungdomsskole", "level": "utforer"},
    ]
    text = slt("forums", "--db", str(sample_db), "--lang", "en").stdout.splitlines()
    assert text[0].split() == ["ID", "Level", "Name"]
    assert text[2].split() == ["kg", "coordination", "level", "Koordineringsgruppa"]


def test_forums_on_a_new_database_says_there_are_none(tmp_path):
    db = tmp_path / "ny.json"
    assert slt("init", "--db", str(db)).returncode == 0
    done = slt("forums", "--db", str(db))
    assert done.returncode == 0 and done.stdout == "Ingen forum.\n"


def test_plan_and_actions_take_a_forums_name_in_any_case(sample_db):
    db = str(sample_db)
    by_id = json.loads(slt("actions", "--db", db, "--forum", "kg", "--json").stdout)
    by_name = json.loads(slt("actions", "--db", db, "--forum", "  KOORDINERINGSGRUPPA ", "--json").stdout)
    assert by_name == by_id and len(by_id) == 5
    done = slt("plan", " koordineringsgruppa ", "--db", db)
    assert done.returncode == 0, done.stderr
    with Repository.open(sample_db, readonly=True) as repo:
        assert repo.dataset.meeting(done.stdout.strip()).forum == "kg"


@pytest.mark.parametrize("args", [["plan", "Koordinering"], ["actions", "--forum", "Koordinering"]])
@pytest.mark.parametrize("lang, fragment", [
    ("nb", "Fant ingen forum med id eller navn «Koordinering»; velg blant "),
    ("en", "There is no forum with the id or name 'Koordinering'; choose from "),
])
def test_a_forum_that_matches_nothing_is_answered_with_the_choices(sample_db, args, lang, fragment):
    before = sample_db.read_bytes()
    done = slt("--db", str(sample_db), "--lang", lang, *args)
    assert_one_sentence_error(done, fragment, "politiradet (Politirådet)", "kg (Koordineringsgruppa)",
                              "ot-fjordvik-us (Oppvekstteam Fjordvik ungdomsskole)")
    assert sample_db.read_bytes() == before


def test_a_forum_asked_for_in_a_database_without_forums(tmp_path):
    db = tmp_path / "ny.json"
    assert slt("init", "--db", str(db)).returncode == 0
    assert_one_sentence_error(slt("plan", "kg", "--db", str(db)), "databasen har ingen forum ennå")


# -o DIR/ ------------------------------------------------------------------------------------------


def test_export_and_invite_to_a_new_folder_with_a_slash_write_the_default_name_in_it(sample_db, tmp_path):
    db = str(sample_db)
    done = slt("--db", db, "export", MEETING, "-o", f"{tmp_path / 'referater'}/")
    assert done.returncode == 0, done.stderr
    minutes = tmp_path / "referater" / "referat-koordineringsgruppa-2026-10-27-internt.md"
    assert minutes.is_file() and mode(minutes) == 0o600
    done = slt("--db", db, "invite", MEETING, "-o", f"{tmp_path / 'innkallinger'}/")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "innkallinger" / f"innkalling-{MEETING}.ics").is_file()
    assert slt("--db", db, "export", MEETING, "-o", str(tmp_path / "fil")).returncode == 0
    assert (tmp_path / "fil").is_file()  # without the slash: a file of that name, as before


def test_export_to_a_folder_in_a_missing_folder_makes_nothing(sample_db, tmp_path):
    done = slt("--db", str(sample_db), "export", MEETING, "-o", f"{tmp_path / 'a' / 'b'}/")
    assert_one_sentence_error(done, f"Mappen {tmp_path / 'a'} finnes ikke")
    assert tree(tmp_path) == {"slt.json"}


def test_a_public_export_refused_for_personal_data_leaves_no_new_folder(sample_db, tmp_path):
    with Repository.open(sample_db) as repo:
        meeting = repo.dataset.meeting(MEETING)
        item = meeting.agenda[4].model_copy(update={"notes": "Mor kan nås på 912 34 567."})
        repo.save(meeting.model_copy(update={"agenda": (*meeting.agenda[:4], item)}))
    done = slt("--db", str(sample_db), "export", MEETING, "--public", "-o", f"{tmp_path / 'ut'}/")
    assert done.returncode == 2
    assert not (tmp_path / "ut").exists()


# Language -----------------------------------------------------------------------------------------


def test_a_bad_slt_tui_lang_is_refused_like_a_bad_lang(sample_db):
    done = slt("meetings", "--db", str(sample_db), env={"SLT_TUI_LANG": "xx"})
    assert_one_sentence_error(done, "SLT_TUI_LANG=xx", "nb, nn, en")
    assert done.stdout == ""


@pytest.mark.parametrize("value", ["", "  ", "EN", "nb"])
def test_empty_or_known_slt_tui_lang_is_accepted(sample_db, value):
    done = slt("meetings", "--db", str(sample_db), env={"SLT_TUI_LANG": value})
    assert done.returncode == 0
    assert done.stdout.split()[2] == ("Date" if value == "EN" else "Dato")


def test_lang_on_the_command_line_wins_over_the_variable(sample_db):
    done = slt("meetings", "--db", str(sample_db), "--lang", "en", env={"SLT_TUI_LANG": "xx"})
    assert done.returncode == 0 and done.stdout.split()[2] == "Date"


# No terminal --------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["--demo"], ["--follow"], ["--meeting", "kg-2026-12-08"]],
                         ids=["app", "demo", "follow", "meeting"])
@pytest.mark.parametrize("lang, fragment", [("nb", "trenger en terminal"), ("en", "needs a terminal")])
def test_the_app_without_a_terminal_says_so_and_creates_nothing(sample_db, isolated_home, tmp_path, args, lang,
                                                                fragment):
    home_before = tree(isolated_home)
    db_args = [] if args == ["--demo"] else ["--db", str(sample_db)]
    assert_one_sentence_error(slt(*db_args, "--lang", lang, *args), fragment)
    assert tree(tmp_path) == {"slt.json"} and tree(isolated_home) == home_before


def test_the_app_without_a_terminal_does_not_create_the_default_database(isolated_home):
    assert_one_sentence_error(slt(), "trenger en terminal")
    assert tree(isolated_home) == set()


@pytest.mark.e2e
def test_the_app_with_its_output_redirected_says_so(sample_db, tmp_path):
    out = tmp_path / "ut.txt"
    term = Terminal(["sh", "-c", f'exec "$0" --db "$1" > "{out}"', slt_tui_command(), str(sample_db)])
    try:
        assert term.wait_exit() == 2
    finally:
        term.close()
    assert out.read_text() == ""
    assert tree(tmp_path) == {"slt.json", "ut.txt"}


# Reading commands leave nothing behind ------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["meetings"], ["actions", "--forum", "kg"], ["forums"], ["check"], ["export", MEETING], ["invite", MEETING],
], ids=lambda c: c[0])
def test_reading_commands_create_no_lock_backup_or_folder(sample_db, isolated_home, tmp_path, command):
    home_before = tree(isolated_home)
    done = slt("--db", str(sample_db), *command)
    assert done.returncode == 0, done.stderr
    assert tree(tmp_path) == {"slt.json"}
    assert tree(isolated_home) == home_before


@pytest.mark.parametrize("command", [
    ["meetings"], ["actions"], ["forums"], ["check"], ["export", MEETING], ["invite", MEETING],
], ids=lambda c: c[0])
def test_reading_commands_without_a_database_create_no_data_folder(isolated_home, command):
    assert_one_sentence_error(slt(*command), "slt-tui init")
    assert tree(isolated_home) == set()


def test_textual_serve_needs_no_terminal_of_its_own(monkeypatch):
    """`textual serve` runs the app over pipes and names its driver in TEXTUAL_DRIVER."""
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert not has_terminal()
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert has_terminal()
