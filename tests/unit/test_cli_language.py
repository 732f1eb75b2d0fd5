"""The command line speaks one language at a time: its own texts, argparse's, and the errors it wraps
(the system's, the JSON parser's, the models'), under nb, nn and en."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from slt_tui.cli import run
from slt_tui.cli_parser import build_parser
from slt_tui.i18n import LANGUAGES, set_language
from slt_tui.store import Repository

from language import english_in, norwegian_in

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # every command there is


def _said(capsys, argv: list[str], env_lang: str | None = None) -> tuple[int, str]:
    try:
        code = run(argv)
    except SystemExit as exc:  # --help and argparse's own errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out + out.err


def _one_language(text: str, lang: str) -> None:
    # The commands' names (`cancel`, `export`) are the program's words, the same in every language.
    text = re.sub(r"\b(?:" + "|".join(COMMANDS) + r")\b", " ", text)
    if lang == "en":
        assert not norwegian_in(text), text
    else:
        assert not english_in(text), text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_of_every_command_is_in_one_language(capsys, lang, command):
    code, text = _said(capsys, ["--lang", lang, *([command] if command else []), "--help"])
    assert code == 0
    _one_language(text, lang)


def _provoked(tmp_path, sample_db) -> dict[str, list[str]]:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.json"
    broken.write_bytes(sample_db.read_bytes()[:4000])
    nested = tmp_path / "folder"
    nested.mkdir()
    taken = tmp_path / "taken.md"
    taken.write_text("x")
    db = ["--db", str(sample_db)]
    return {
        "a missing argument": ["export", *db],
        "an unknown language": ["--lang", "xx", "meetings"],
        "an unknown command": ["frobnicate"],
        "an unknown option": ["meetings", "--nope", *db],
        "a bad status": ["actions", "--status", "someday", *db],
        "a bad minutes language": ["export", "kg-2026-10-27", "--minutes-lang", "de", *db],
        "no database": ["meetings", "--db", str(tmp_path / "none.json")],
        "an empty database": ["meetings", "--db", str(empty)],
        "a cut-off database": ["meetings", "--db", str(broken)],
        "a folder as database": ["meetings", "--db", str(nested)],
        "an empty --db": ["meetings", "--db", ""],
        "an unknown meeting": ["export", "kg-1999-01-01", *db],
        "a bad date": ["plan", "kg", "--date", "31.02.2027", *db],
        "a file already there": ["export", "kg-2026-10-27", "-o", str(taken), *db],
        "a folder that is not there": ["export", "kg-2026-10-27", "-o", str(tmp_path / "no" / "such" / "x.md"), *db],
        "an unknown forum": ["actions", "--forum", "ingen slik", *db],
        "a day not in the calendar": ["plan", "kg", "--date", "30.02.2030", *db],
        "a database where none can be made": ["init", "--db", "/proc/slt-tui-test/slt.json"],
        "a name too long for the system": ["export", "kg-2026-10-27", "-o", str(tmp_path / ("x" * 300)), *db],
        "a bad written form": ["init", "--minutes-lang", "se", "--db", str(tmp_path / "ny.json")],
        "a shortened option": ["--lan", "nn", "meetings", *db],
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_error_is_one_sentence_in_the_language_asked_for(capsys, tmp_path, sample_db, lang):
    for what, argv in _provoked(tmp_path, sample_db).items():
        code, text = _said(capsys, ["--lang", lang, *argv] if "--lang" not in argv else argv)
        assert code == 2, what
        assert text.startswith("slt-tui: ") and text.count("\n") == 1, (what, text)
        if "xx" not in argv:
            _one_language(text, lang)


def test_an_unknown_slt_tui_lang_is_refused_in_bokmal(capsys, monkeypatch, sample_db):
    monkeypatch.setenv("SLT_TUI_LANG", "se")
    code, text = _said(capsys, ["meetings", "--db", str(sample_db)])
    assert code == 2 and "SLT_TUI_LANG=se" in text
    _one_language(text, "nb")


def test_the_language_of_a_run_is_chosen_per_run_not_at_import(capsys, sample_db):
    """One process, three runs: each speaks its own language (nothing was translated at import)."""
    texts = {lang: _said(capsys, ["--lang", lang, "actions", "--help"])[1] for lang in ("nn", "en", "nb")}
    assert "berre punkt over frist" in texts["nn"]
    assert "only overdue points" in texts["en"]
    assert "bare punkter over frist" in texts["nb"]


def test_a_corrupt_file_is_located_in_the_users_words(capsys, tmp_path):
    path = tmp_path / "slt.json"
    path.write_text('{"meta": {"1": {"schema_version": 3}} "x": {}}')
    code, text = _said(capsys, ["--lang", "nn", "check", "--db", str(path)])
    assert code == 2
    assert "linje 1, kolonne 39: her manglar eit komma" in text


def test_a_database_set_to_nynorsk_exports_nynorsk_minutes_from_a_bokmal_session(capsys, tmp_path, sample_db):
    with Repository.open(sample_db) as repo:
        repo.set_minutes_language("nn")
    out = tmp_path / "out.md"
    code, said = _said(capsys, ["export", "kg-2026-10-27", "-o", str(out), "--db", str(sample_db)])
    assert code == 0 and "Referatet er lagret i" in said  # the session speaks bokmål
    minutes = out.read_text(encoding="utf-8")
    assert minutes.startswith("# Referat frå møte i Koordineringsgruppa")
    assert "- **Møteleiar:**" in minutes and "tysdag 8. desember 2026 kl. 09.00" in minutes

    code, _ = _said(capsys, ["export", "kg-2026-10-27", "--minutes-lang", "en", "--db", str(sample_db)])
    assert code == 0
    assert capsys.readouterr().out == ""  # (read above) — the text went to stdout
    os.remove(out)


def test_minutes_lang_overrides_the_database_once(capsys, sample_db):
    with Repository.open(sample_db) as repo:
        repo.set_minutes_language("nn")
    code, text = _said(capsys, ["export", "kg-2026-10-27", "--minutes-lang", "en", "--db", str(sample_db)])
    assert code == 0 and text.startswith("# Minutes of the meeting of")
    code, text = _said(capsys, ["export", "kg-2026-10-27", "--db", str(sample_db)])
    assert text.startswith("# Referat frå møte i")
    with Repository.open(sample_db, readonly=True) as repo:
        assert repo.minutes_language == "nn"  # the override did not change the setting


def test_an_invitation_follows_the_written_form(capsys, tmp_path, sample_db):
    with Repository.open(sample_db) as repo:
        planned = next(m for m in repo.dataset.meetings if m.status.value == "planned")
        repo.set_minutes_language("nn")
    code, text = _said(capsys, ["invite", planned.id, "--force", "--db", str(sample_db)])
    assert (code == 0 and "Sakliste" in text) or "sakliste" in text


def test_init_writes_the_written_form_and_a_nynorsk_register(capsys, tmp_path):
    path = tmp_path / "ny.json"
    code, _ = _said(capsys, ["init", "--minutes-lang", "nn", "--db", str(path)])
    assert code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert next(iter(data["meta"].values()))["minutes_language"] == "nn"
    names = {a["name"] for a in data["agencies"].values()}
    assert {"Barnevernstenesta", "Skule", "Kommuneleiinga"} <= names


def test_init_without_minutes_lang_takes_the_language_of_the_run(capsys, tmp_path):
    path = tmp_path / "ny.json"
    assert _said(capsys, ["--lang", "nn", "init", "--db", str(path)])[0] == 0
    with Repository.open(path, readonly=True) as repo:
        assert repo.minutes_language == "nn"
    set_language("nb")
    shutil.rmtree(tmp_path / "none", ignore_errors=True)


def test_the_last_lang_wins_and_any_case_is_understood(capsys, sample_db):
    _, text = _said(capsys, ["--lang", "nn", "--lang", "EN", "forums", "--db", str(sample_db)])
    assert text.startswith("ID") and "Level" in text and "Name" in text


def test_an_unknown_slt_tui_lang_is_refused_before_help(capsys, monkeypatch):
    monkeypatch.setenv("SLT_TUI_LANG", "xx")
    code, text = _said(capsys, ["--help"])
    assert code == 2 and "SLT_TUI_LANG=xx" in text and "bruk:" not in text


def test_documents_are_named_in_their_own_language(capsys, tmp_path, sample_db):
    folder = tmp_path / "ut"
    assert _said(capsys, ["export", "kg-2026-10-27", "--minutes-lang", "en", "-o", f"{folder}/",
                          "--db", str(sample_db)])[0] == 0
    assert [p.name for p in folder.iterdir()] == ["minutes-koordineringsgruppa-2026-10-27-internal.md"]
    assert _said(capsys, ["invite", "kg-2026-12-08", "--force", "-o", f"{folder}/", "--db", str(sample_db)])[0] == 0
    assert (folder / "innkalling-kg-2026-12-08.ics").exists()


def test_a_broken_lock_file_is_named_as_the_lock_file(capsys, sample_db):
    sample_db.with_name(sample_db.name + ".lock").mkdir()
    code, text = _said(capsys, ["--lang", "nn", "plan", "kg", "--db", str(sample_db)])
    assert code == 2 and "låsefila" in text and ".lock" in text


def test_an_invitation_that_cannot_be_written_is_not_called_minutes(capsys, tmp_path, sample_db):
    target = tmp_path / "finst-ikkje" / "x.ics"
    code, text = _said(capsys, ["--lang", "nn", "invite", "kg-2026-12-08", "--force", "-o", str(target),
                                "--db", str(sample_db)])
    assert code == 2 and "referat" not in text
