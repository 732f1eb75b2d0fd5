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
    term.footer("q Avslutt", "? Hjelp")
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


def test_a_note_typed_in_a_real_terminal_is_in_the_file_after_quitting(terminal, sample_db):
    term = terminal("--db", str(sample_db), "--lang", "en", "--meeting", "kg-2026-12-08")
    term.wait_for("Koordineringsgruppa · 08.12.2026", "planned · used 0/70 min", "14/26", "Case 10/26")
    term.send("\x1b[B")  # down to 11/26
    term.send("n")
    term.send("Rektor orienterte; ny plan i januar.")
    term.send("\x1b")  # escape leaves the editor (and saves)
    term.send("q")
    assert term.wait_exit() == 0
    with Repository.open(sample_db, readonly=True) as repo:
        assert repo.dataset.meeting("kg-2026-12-08").agenda[1].notes == "Rektor orienterte; ny plan i januar."


FOOTERS = {  # what each screen's footer must show whole at 80 columns
    "start": ["⏎ Åpne", "q Avslutt", "? Hjelp"],
    "meeting": ["a Ny sak", "n Notat", "d Vedtak", "t Oppfølging", "p Oppmøte", "␣ Tid", "q Avslutt", "? Hjelp"],
    "attendance": ["t Til stede", "f Forfall", "i Ikke møtt", "v Vara", "g Gjest", "esc Tilbake"],
    "register": ["1 åpen", "2 under arbeid", "3 utført", "4 utgår", "k Kommentar", "f Etat", "esc Tilbake"],
}


def test_every_screen_fits_80_by_24_with_its_keys_whole(terminal, sample_db):
    term = terminal("--db", str(sample_db))
    term.wait_for("Koordineringsgruppa")
    term.footer(*FOOTERS["start"])
    term.send("\x1b[B")
    term.send("\r")  # enter opens the forum's next meeting
    screen = term.wait_for("Sak 10/26", "planlagt · brukt 0/70 min")
    term.footer(*FOOTERS["meeting"])
    assert "Min  Brukt" in screen  # the time columns are not pushed off the table
    term.send("p")
    term.wait_for("Ingrid Solbakk", "etater representert")
    term.footer(*FOOTERS["attendance"])
    term.send("\x1b")
    term.wait_for("Sak 10/26")
    term.send("o")
    term.wait_for("Åpne oppfølgingspunkter i Koordineringsgruppa")
    term.footer(*FOOTERS["register"])
    term.send("\x1b")
    term.send("?")
    screen = term.wait_for("Taster", "Slett sak", "Flytt opp")
    term.send("\x1b")
    term.send("q")
    assert term.wait_exit() == 0


def test_no_color_renders_in_greys_and_keeps_words_for_what_colour_shows(terminal, sample_db):
    import re

    term = terminal("--db", str(sample_db), "--meeting", "kg-2026-10-27", env={"NO_COLOR": "1"})
    screen = term.wait_for("? Hjelp", "31:00 over")
    palette = {int(n) for n in re.findall(rb"(?:38|48);5;(\d+)", bytes(term.output))}
    assert palette and palette <= set(range(232, 256)) | {0, 7, 8, 15, 16, 231}, palette
    assert not re.search(rb"(?:38|48);2;", bytes(term.output))  # no true colour either
    assert "17:00 over" in screen
    term.send("q")
    assert term.wait_exit() == 0


def test_keys_typed_quickly_act_in_order(terminal, sample_db):
    term = terminal("--db", str(sample_db))
    term.footer("⏎ Åpne", "q Avslutt")
    term.send("\x1b[B\r")  # down and enter in one write, as a quick typist or a paste sends them
    term.wait_for("Sak 10/26", "planlagt · brukt 0/70 min")  # the koordineringsgruppe's meeting
    term.send("q")
    assert term.wait_exit() == 0
