"""The installed `slt-tui` in a real pseudo-terminal at 80×24, as a coordinator starts it."""

from __future__ import annotations

import pytest

from slt_tui.store import Repository

from conftest import slt_tui_command
from terminal import Terminal

pytestmark = pytest.mark.e2e


@pytest.fixture
def terminal():
    opened: list[Terminal] = []

    def start(*args: str, **kwargs) -> Terminal:
        term = Terminal([slt_tui_command(), *args], **kwargs)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def test_demo_shows_the_sample_municipality_and_quits_cleanly(terminal, tmp_path):
    term = terminal("--demo", env={"TMPDIR": str(tmp_path)})
    screen = term.wait_for("Fjordvik kommune", "Politirådet", "Koordineringsgruppa", "Oppvekstteam")
    assert "demo" in screen.splitlines()[0]
    assert "Neste møte: 08.12.2026" in screen and "forfalt" in screen
    assert "q Avslutt" in screen.splitlines()[-1] and "? Hjelp" in screen.splitlines()[-1]
    assert list(tmp_path.glob("slt-tui-demo-*")), "the demo works on a scratch copy"
    term.send("q")
    assert term.wait_exit() == 0
    assert not list(tmp_path.glob("slt-tui-demo-*")), "the scratch copy is removed on quit"


def test_the_sample_file_is_never_changed_by_the_demo(terminal):
    from slt_tui.sample import sample_path

    before = sample_path().read_bytes()
    term = terminal("--demo")
    term.wait_for("Fjordvik kommune")
    term.send("q")
    assert term.wait_exit() == 0
    assert sample_path().read_bytes() == before


def test_english_and_the_meetings_of_a_forum(terminal, sample_db):
    term = terminal("--db", str(sample_db), "--lang", "en")
    term.wait_for("Forums", "Meetings", "coordination level")
    term.send("\x1b[B")  # down: the koordineringsgruppe
    screen = term.wait_for("kg-2026-12-08", "kg-2026-10-27", "kg-2026-09-15")
    assert "planned" in screen and "closed" in screen
    term.send("q")
    assert term.wait_exit() == 0


def test_a_database_held_by_another_session_opens_read_only(terminal, sample_db):
    before = sample_db.read_bytes()
    with Repository.open(sample_db):
        term = terminal("--db", str(sample_db))
        screen = term.wait_for("bare lesing", "i bruk av")
        assert "Koordineringsgruppa" in screen
        term.send("q")
        assert term.wait_exit() == 0
    assert sample_db.read_bytes() == before


def test_bare_slt_tui_creates_the_default_database(terminal, isolated_home):
    term = terminal()
    term.wait_for("SLT", "Ingen forum ennå")
    term.send("q")
    assert term.wait_exit() == 0
    created = isolated_home / ".local" / "share" / "slt-tui" / "slt.json"
    with Repository.open(created, readonly=True) as repo:
        assert len(repo.dataset.agencies) == 10


def test_the_read_only_notice_follows_the_language(terminal, sample_db):
    with Repository.open(sample_db):
        term = terminal("--db", str(sample_db), "--lang", "en")
        term.wait_for("read-only", "is in use by")
        term.send("q")
        assert term.wait_exit() == 0
