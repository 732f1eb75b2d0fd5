"""The meeting screen as a coordinator uses it live (issue 13): room to write, keys in sight, hints that
are true, guests from anywhere, arrivals and departures in the minutes."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, TextArea

from slt_tui.i18n import set_language, translate
from slt_tui.minutes.document import render
from slt_tui.ui.modals.attendance_forms import GuestForm, PresenceForm
from slt_tui.ui.modals.forms import ActionForm, DecisionForm
from slt_tui.ui.screens.help import KeysScreen
from slt_tui.ui.widgets.agenda import AgendaTable, shortened
from slt_tui.ui.widgets.footer import KeyFooter

from helpers import meeting_app, on_disk, scanned, settle, start_meeting, text_of, type_text

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_notes_get_the_free_height_and_the_agenda_narrows_while_writing(sample_db, size):
    async with meeting_app(sample_db, size=size) as (app, pilot):
        screen = app.screen
        editor = screen.query_one("#notes", TextArea)
        body = screen.query_one("#body")
        assert editor.size.height >= body.size.height // 2, "the notes take what the rest leaves"
        width = editor.size.width
        await pilot.press("n")
        await pilot.pause()
        table = screen.query_one(AgendaTable)
        assert [str(c.value) for c in table.columns] == ["number", "used"]
        assert editor.size.width > width + 15, "written wide"
        await pilot.press("escape")
        await pilot.pause()
        assert [str(c.value) for c in table.columns] == ["number", "title", "planned", "used"]
        assert editor.size.width == width


async def test_a_decision_and_a_point_stay_in_sight_under_the_notes_at_80x24(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("d")
        await type_text(pilot, "Saken utsettes [/b] til januar")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        decisions = app.screen.query_one("#decisions")
        assert text_of(app, "#decisions") == "Vedtak:\n• Saken utsettes [/b] til januar"
        assert decisions.region.bottom <= app.screen.query_one("#detail").content_region.bottom
        assert app.screen.query_one("#notes").size.height >= 5


async def test_the_privacy_warning_wraps_whole_at_80x24(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        await type_text(pilot, "Ring 912 34 567")
        await scanned(app, pilot)
        warning = app.screen.query_one("#privacy")
        assert text_of(app, "#privacy") == "⚠ Personvern: ser ut til å inneholde telefonnummer."
        text = text_of(app, "#privacy")
        for writing in (True, False):
            assert warning.size.width * warning.size.height >= len(text), "whole, wrapped if need be"
            assert warning.region.bottom <= app.screen.query_one("#detail").content_region.bottom
            if writing:
                await pilot.press("escape")  # the detail narrows again: the warning wraps
                await pilot.pause()
        assert warning.size.height >= 2


def test_titles_alike_keep_their_ends():
    titles = ["Godkjenning av innkalling og saksliste", "Godkjenning av referat fra forrige møte", "Eventuelt"]
    short = shortened(titles, 18)
    assert len(set(short)) == 3 and short[2] == "Eventuelt"
    assert all(len(s) <= 18 for s in short)
    assert short[0].endswith("saksliste") and short[1].endswith("møte")


async def test_the_agenda_says_overtime_in_words_while_the_clock_runs(sample_db):
    from slt_tui.domain import meeting_ops as ops

    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "space")
        await settle(app, pilot)
        meeting = app.repo.dataset.meeting("kg-2026-12-08")
        item = ops.add_time(meeting, "s1", 7 * 60 + 5).item("s1")  # 5 minutes planned
        table = app.screen.query_one(AgendaTable)
        assert str(table.used(item, running=True, extra=0)) == "▶ 7 min, 2 over"
        row = [str(c) for c in table.get_row("s1")]
        assert row[3].startswith("▶ 0 min")
        assert text_of(app, "#clock").startswith("pågår 0 min · slutt ca. ")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
async def test_every_key_bar_is_whole_at_80_columns_and_shows_the_meeting_keys(sample_db, lang):
    set_language(lang)
    async with meeting_app(sample_db) as (app, pilot):
        bar = app.screen.query_one(KeyFooter)
        text = str(bar.render())
        for key in ("key.start_end", "key.details", "key.register", "key.confidential", "key.export",
                    "key.timer", "key.notes"):
            assert translate(key, lang) in text, (key, text)
        assert all(len(line) <= 80 for line in text.splitlines()) and len(text.splitlines()) <= 2
        for screen_key in ("p", "escape", "o"):  # attendance, then the follow-up register
            await pilot.press(screen_key)
            await pilot.pause()
            lines = str(app.screen.query_one(KeyFooter).render()).splitlines()
            assert lines and all(len(line) <= 80 for line in lines) and len(lines) <= 2, lines


async def test_help_lists_each_key_once(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        for opener in ((), ("p",), ("escape", "o")):
            await pilot.press(*opener)
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, KeysScreen)
            keys = [line.split()[0] for line in text_of(app, "KeysScreen Plain").splitlines() if line.strip()]
            assert len(keys) == len(set(keys)), keys
            assert "h" in keys, "home is listed, though the list itself is a dialog"
            await pilot.press("escape")
            await pilot.pause()


async def test_each_form_says_what_enter_does_in_the_field_with_focus(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)
        assert text_of(app, ".form-hint").startswith("enter: ny linje")
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        assert text_of(app, ".form-hint").startswith("enter: neste felt")
        await pilot.press("tab")
        await pilot.pause()
        assert text_of(app, ".form-hint").startswith("enter: åpne listen")
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert text_of(app, ".form-hint").startswith("enter eller ctrl+s lagrer")


async def test_a_guest_from_an_organisation_outside_the_register_is_saved(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuestForm)
        await type_text(pilot, "Kari Fjell")
        await pilot.press("enter")
        await type_text(pilot, "Utekontakten [b]")
        await pilot.press("enter")
        await type_text(pilot, "miljøarbeider")
        await pilot.press("enter")
        await settle(app, pilot)
        guest = on_disk(sample_db).meeting("kg-2026-12-08").guests[0]
        assert (guest.name, guest.agency, guest.organisation, guest.role) == (
            "Kari Fjell", None, "Utekontakten [b]", "miljøarbeider")
        table = app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row("guest-0")] == ["Utekontakten [b]", "Kari Fjell (miljøarbeider)",
                                                                "gjest"]
        assert "mangler: SLT" in text_of(app, "#coverage"), "an organisation outside the register covers nothing"


async def test_late_arrival_and_early_departure_are_recorded_by_case_number_and_reach_the_minutes(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("down", "down")  # 13/26
        await start_meeting(app, pilot, "space")
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("siri-nygardsli"))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PresenceForm)
        assert app.screen.query_one("#from").value == "s3", "one who comes in now comes to the item running"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert str(table.get_row("siri-nygardsli")[2]) == "til stede fra sak 13/26"
        table.move_cursor(row=table.get_row_index("jonas-tveitan"))
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#from").value = "s4"
        app.screen.query_one("#until").value = "s2"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceForm), "leaving before arriving is refused in the form"
        assert "før" in text_of(app, ".form-error")
    meeting = on_disk(sample_db).meeting("kg-2026-12-08")
    siri = next(a for a in meeting.attendance if a.person == "siri-nygardsli")
    assert (siri.status.value, siri.from_item, siri.until_item) == ("present", "s3", None)
    assert all(a.person != "jonas-tveitan" for a in meeting.attendance), "the refused change saved nothing"
    minutes = render(meeting, on_disk(sample_db), lang="nb")
    assert "| Siri Nygårdsli | til stede fra sak 13/26 |" in minutes


def burst(app, text: str) -> None:
    """Keys that arrive in one read (a slow link sends what was typed in one packet): all handed to the app
    before it has handled the first, as the terminal driver does."""
    from textual import events

    names = {"\r": "enter", " ": "space", "\x13": "ctrl+s", "\t": "tab", "\x7f": "backspace", "↓": "down"}
    for ch in text:
        app.post_message(events.Key(names.get(ch, ch), ch if ch not in names or ch == " " else None))


async def test_keys_that_arrive_together_land_in_the_fields_they_were_typed_for(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p", "g")
        await pilot.pause()
        burst(app, "Per Olsen\rkonfliktrådet\rmekler\r")
        await settle(app, pilot)
        assert not isinstance(app.screen, GuestForm)
        burst(app, "g" + "Liv Lund\tfrivilligsentralen\tleder\r")  # tab moves on as enter does
        await settle(app, pilot)
        burst(app, "a\r↓↓↓\r\x13")  # came late: the drop-down opened, the third item chosen, saved
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        burst(app, "dGodkjent [/b] med én endring\x13")  # the form opens, and takes all that follows
        await settle(app, pilot)
        assert not isinstance(app.screen, DecisionForm)
        burst(app, "aTittel A\t\tInnleder B\t\x7f\x7f7\x13")
        await settle(app, pilot)
    meeting = on_disk(sample_db).meeting("kg-2026-12-08")
    assert [(g.name, g.organisation, g.role) for g in meeting.guests] == [
        ("Per Olsen", "konfliktrådet", "mekler"), ("Liv Lund", "frivilligsentralen", "leder")]
    assert [d.text for d in meeting.agenda[0].decisions] == ["Godkjent [/b] med én endring"]
    assert [(i.title, i.presenter, i.planned_minutes) for i in meeting.agenda][-2] == ("Tittel A", "Innleder B", 7)
    late = [a for a in meeting.attendance if a.from_item is not None]
    assert len(late) == 1 and meeting.item(late[0].from_item).number == "13/26"


async def test_notes_too_long_to_save_are_kept_aside_when_leaving_the_item(sample_db):
    from slt_tui.domain.text import NOTES_MAX

    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("down", "n")
        app.screen.query_one("#notes", TextArea).insert("Lang tekst. " * (NOTES_MAX // 12 + 10))
        await pilot.press("escape", "up")
        await settle(app, pilot)
        kept = sorted(sample_db.parent.glob("*unsaved*"))
        assert len(kept) == 1, "kept in a file of its own"
        assert kept[0].read_text().count("Lang tekst.") == NOTES_MAX // 12 + 10
        assert kept[0].stat().st_mode & 0o077 == 0
    assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[1].notes == ""


async def test_what_a_form_holds_is_kept_aside_when_the_app_ends_with_it_open(sample_db):
    async with meeting_app(sample_db) as (_app, pilot):
        await pilot.press("d")
        await type_text(pilot, "Vedtak som ikke ble lagret")
        await pilot.press("ctrl+q")  # quit, as a dropped connection does (SIGHUP: tests/e2e)
        await pilot.pause(0.5)
    kept = sorted(sample_db.parent.glob("*unsaved*"))
    assert len(kept) == 1 and "Vedtak som ikke ble lagret" in kept[0].read_text()
    assert "Nytt vedtak" in kept[0].read_text()


async def test_a_meeting_opened_directly_is_not_covered_by_the_start_screens_resume_hint(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "s")
        await settle(app, pilot)
    async with meeting_app(sample_db) as (app, pilot):  # --meeting on the running meeting
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert not any("enter" in m for m in said), said
    async with meeting_app(sample_db, None) as (app, pilot):  # the start screen: there it is said
        await pilot.pause()
        assert any("enter" in n.message for n in app._notifications)


async def test_keys_after_a_question_answered_in_the_same_burst_go_to_the_screen_behind_it(sample_db):
    from textual import events

    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "s")
        await settle(app, pilot)
        for key, char in [("down", None), ("delete", None), ("j", "j"), ("d", "d")]:
            app.post_message(events.Key(key, char))
        burst(app, "Saken sjekkes\x13")
        await settle(app, pilot)
        await settle(app, pilot)
    meeting = on_disk(sample_db).meeting("kg-2026-12-08")
    assert [i.id for i in meeting.agenda] == ["s1", "s3", "s4", "s5", "s6", "s7"], "one deleted, none added"
    assert [d.text for i in meeting.agenda for d in i.decisions] == ["Saken sjekkes"]
    assert meeting.status.value == "running", "no letter of the decision ended the meeting"
