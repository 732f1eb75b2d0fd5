"""The installed `slt-tui` in a real pseudo-terminal at 80×24, as a coordinator starts it."""

from __future__ import annotations

import re

import pytest

from slt_tui.store import Repository

pytestmark = pytest.mark.e2e


def test_demo_shows_the_sample_municipality_and_quits_cleanly(terminal, tmp_path):
    term = terminal("--demo", env={"TMPDIR": str(tmp_path)})
    screen = term.wait_for("Fjordvik kommune", "Politirådet", "Koordineringsgruppa", "Oppvekstteam")
    assert "demo" in screen.splitlines()[0]
    assert "Neste møte: 08.12.2026" in screen and "over frist" in screen
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
    term.wait_for("Forums", "Meetings", "coordination level")  # the koordineringsgruppe, with the next meeting
    screen = term.wait_for("kg-2026-12-08", "kg-2026-10-27", "kg-2026-09-15")
    assert "planned" in screen and "closed" in screen
    term.send("q")
    assert term.wait_exit() == 0


def test_a_database_held_by_another_session_opens_read_only(terminal, sample_db):
    before = sample_db.read_bytes()
    with Repository.open(sample_db):
        term = terminal("--db", str(sample_db))
        screen = term.wait_for("bare lesing")
        term.wait_for_words("i bruk av")
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
        term.wait_for("read-only")
        term.wait_for_words("is in use by", "only one session can write")
        term.send("q")
        assert term.wait_exit() == 0


def test_a_note_typed_in_a_real_terminal_is_in_the_file_after_quitting(terminal, sample_db):
    term = terminal("--db", str(sample_db), "--lang", "en", "--meeting", "kg-2026-12-08")
    term.wait_for("Koordineringsgruppa · 08.12.2026", "planned 1 h 30 min · ends about 10:30", "17/26", "Case 11/26")
    term.send("\x1b[B")  # down to 12/26
    term.send("n")
    term.send("Rektor orienterte; ny plan i januar.")
    term.send("\x1b")  # escape leaves the editor (and saves)
    term.send("q")
    assert term.wait_exit() == 0
    with Repository.open(sample_db, readonly=True) as repo:
        assert repo.dataset.meeting("kg-2026-12-08").agenda[1].notes == "Rektor orienterte; ny plan i januar."


FOOTERS = {  # what each screen's footer must show whole at 80 columns: the key, then its description
    "start": [("⏎", "key.open"), ("q", "key.quit"), ("?", "key.help")],
    "meeting": [("a", "key.add_item"), ("n", "key.notes"), ("d", "key.decision"), ("t", "key.action"),
                ("p", "key.attendance"), ("␣", "key.timer"), ("m", "key.minutes"), ("?", "key.help"),
                ("s", "key.start_end"), ("i", "key.details"), ("o", "key.register"), ("c", "key.confidential"),
                ("e", "key.export")],
    "minutes": [("v", "key.variant"), ("e", "key.export"), ("esc", "key.back"), ("q", "key.quit"), ("?", "key.help")],
    "attendance": [("t", "key.present"), ("f", "key.excused"), ("i", "key.absent"), ("v", "key.substitute"),
                   ("g", "key.guest"), ("a", "key.presence"), ("esc", "key.back")],
    "register": [("1", "action.open"), ("2", "action.in_progress"), ("3", "action.done"), ("4", "action.dropped"),
                 ("k", "key.comment"), ("r", "key.due"), ("esc", "key.back"), ("?", "key.help")],
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_screen_fits_80_by_24_with_its_keys_whole(terminal, sample_db, lang):
    from slt_tui.i18n import translate

    def keys(screen: str) -> list[str]:
        return [f"{key} {translate(message, lang)}" for key, message in FOOTERS[screen]]

    def say(key: str, **params) -> str:
        return translate(key, lang, **params)

    term = terminal("--lang", lang, "--db", str(sample_db))
    term.wait_for("Koordineringsgruppa")
    term.footer(*keys("start"))
    term.send("\r")  # enter opens the forum's next meeting
    screen = term.wait_for(say("detail.case", number="11/26", title="")[:9],
                           say("status.planned_for", time=say("time.hours_minutes", hours=1, minutes=30)))
    term.footer(*keys("meeting"))
    assert f"{say('col.agenda.planned')}  {say('col.agenda.used')}" in screen  # the time columns are not pushed off
    term.send("p")
    term.wait_for("Ingrid Solbakk", say("attendance.title"))
    term.footer(*keys("attendance"))
    term.send("\x1b")
    term.wait_for("11/26")
    term.send("o")
    term.wait_for(say("register.review", forum="Koordineringsgruppa", date="08.12.2026"))
    term.footer(*keys("register"))
    term.send("\x1b")
    term.send("m")
    term.wait_for(translate("minutes.title", "nb", forum="Koordineringsgruppa"))  # the sample's written form
    term.footer(*keys("minutes"))
    term.send("\x1b")
    term.send("?")
    screen = term.wait_for(say("help.title"), say("key.delete_item"), say("key.move_up"))
    term.send("\x1b")
    term.send("q")
    assert term.wait_exit() == 0


def test_no_color_renders_in_greys_and_keeps_words_for_what_colour_shows(terminal, sample_db):
    import re

    term = terminal("--db", str(sample_db), "--meeting", "kg-2026-10-27", env={"NO_COLOR": "1"})
    screen = term.wait_for("? Hjelp", "31 min, 11 over")
    palette = {int(n) for n in re.findall(rb"(?:38|48);5;(\d+)", bytes(term.output))}
    assert palette and palette <= set(range(232, 256)) | {0, 7, 8, 15, 16, 231}, palette
    assert not re.search(rb"(?:38|48);2;", bytes(term.output))  # no true colour either
    assert "17 min, 2 over" in screen
    term.send("q")
    assert term.wait_exit() == 0


def test_keys_typed_quickly_act_in_order(terminal, sample_db):
    term = terminal("--db", str(sample_db))
    term.footer("⏎ Åpne", "q Avslutt")
    term.send("\x1b[A\x1b[B\r")  # up, down and enter in one write, as a quick typist or a paste sends them
    term.wait_for("Sak 11/26", "planlagt 1 t 30 min · slutt ca. 10.30")  # the koordineringsgruppe's meeting
    term.send("q")
    assert term.wait_exit() == 0


def test_minutes_preview_and_public_export_from_the_app(terminal, sample_db, tmp_path):
    out = tmp_path / "ut"
    out.mkdir()
    with Repository.open(sample_db) as repo:  # a municipality that writes its documents in English
        repo.set_minutes_language("en")
    term = terminal("--db", str(sample_db), "--lang", "en", "--meeting", "kg-2026-10-27")
    term.footer("a New case", "t Follow-up", "p Attendance", "m Minutes", "? Help")  # whole in English too
    term.send("m")
    screen = term.wait_for("Minutes of the meeting of Koordineringsgruppa", "Internal minutes (v: show")
    term.scroll_to("Drøftet anonymt")  # the confidential note, internally
    term.send("v")
    term.wait_for("Public minutes (v: show")
    for _ in range(20):  # home, until the public version (made on a thread) is shown from its top
        term.send("\x1b[H")
        term.pump(0.3)
        if "Minutes of the meeting of Koordineringsgruppa" in term.text and "Internal minutes." not in term.text:
            break
    screen = term.scroll_to("Exempt from public access under offl. § 13")
    assert "Only in the internal" not in screen and "Drøftet anonymt" not in screen
    term.scroll_to("Exempt from public access – due 08.12.2026")  # the point raised in the confidential case
    term.send("e")
    term.wait_for("Export a document", "minutes-koordineringsgruppa-2026-10-27.md")
    term.send("\x15")  # ctrl+u clears the folder field
    term.send(str(out) + "\r")
    term.wait_for("The minutes are saved in")
    written = out / "minutes-koordineringsgruppa-2026-10-27.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Minutes of the meeting of Koordineringsgruppa") and "Drøftet anonymt" not in text
    term.send("q")
    assert term.wait_exit() == 0


MOUSE_ON = b"\x1b[?1000h"  # the terminal is asked to report mouse clicks (and, with it, movements)


@pytest.mark.parametrize(("args", "env", "reports"), [
    ((), {}, True),
    (("--no-mouse",), {}, False),
    ((), {"SLT_TUI_MOUSE": "0"}, False),
])
def test_mouse_reporting_can_be_turned_off_for_a_slow_link(terminal, sample_db, args, env, reports):
    term = terminal("--db", str(sample_db), *args, env=env)
    term.wait_for("Koordineringsgruppa", "q Avslutt")
    assert (MOUSE_ON in bytes(term.output)) is reports
    term.send("q")
    assert term.wait_exit() == 0


def _colours(output: bytes) -> tuple[set[int], bool]:
    """The 256-colour indexes used, and whether any 24-bit colour is."""
    codes = re.findall(rb"\x1b\[([0-9;]*)m", output)
    indexes = {int(n) for code in codes for n in re.findall(rb"[34]8;5;(\d+)", code)}
    return indexes, any(re.search(rb"[34]8;2;", code) for code in codes)


@pytest.mark.parametrize("term_name", ["xterm", "linux", "vt100", "screen"])
def test_plain_terminals_get_the_basic_colours_only(terminal, sample_db, term_name):
    term = terminal("--db", str(sample_db), "--meeting", "kg-2026-10-27", env={"TERM": term_name})
    term.footer("a Ny sak", "m Referat", "? Hjelp")
    indexes, truecolour = _colours(bytes(term.output))
    assert not indexes and not truecolour  # 16 colours: what these terminals draw
    term.send("q")
    assert term.wait_exit() == 0


def test_no_color_gives_grey_only(terminal, sample_db):
    term = terminal("--db", str(sample_db), "--meeting", "kg-2026-10-27", env={"NO_COLOR": "1"})
    term.footer("a Ny sak", "m Referat", "? Hjelp")
    indexes, truecolour = _colours(bytes(term.output))
    assert indexes and not truecolour
    assert indexes <= {0, 7, 8, 15, 16, 231, *range(232, 256)}, indexes  # black, white and the grey ramp
    term.send("q")
    assert term.wait_exit() == 0
