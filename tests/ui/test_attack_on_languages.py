"""What the attack on the languages found in the app, each now a test: every message in the run's
language (the autouse check in conftest reads each one), and a refused answer keeps the form open."""

from __future__ import annotations

import asyncio

from test_registers_screen import open_registers
from textual.command import CommandInput, CommandList

from slt_tui.i18n import set_language, translate
from slt_tui.ui.modals.attendance_forms import GuestForm
from slt_tui.ui.modals.questions import AskText
from slt_tui.ui.screens.help import KeysScreen
from slt_tui.ui.screens.registers import RegistersScreen

from helpers import meeting_app, on_disk, settle, text_of, type_text


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_ctrl_c_says_how_to_quit_in_the_runs_language_and_literally(sample_db):
    set_language("nn")
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = notices(app)
        assert said == [translate("app.quit_hint", "nn")]
        assert "[b]" not in said[0]


async def test_the_command_palette_speaks_the_runs_language(sample_db):
    set_language("nn")
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == translate("palette.placeholder", "nn")
        await type_text(pilot, "xyzzyq")
        await asyncio.sleep(1.0)  # the palette says "no match" after half a second of searching
        await pilot.pause()
        shown = [str(o.prompt.renderable) for o in app.screen.query_one(CommandList).options]
        assert translate("palette.no_matches", "nn") in shown


async def test_a_new_agency_with_a_code_in_use_is_refused_and_the_old_one_kept(sample_db):
    before = on_disk(sample_db).agency("NAV")
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#code").value = "nav"
        app.screen.query_one("#name").value = "Navn {0}"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, RegistersScreen), "the form stays open"
        assert "NAV" in text_of(app, ".form-error")
    assert on_disk(sample_db).agency("NAV") == before


async def test_a_substitutes_name_too_long_is_said_in_the_form_and_kept(sample_db):
    before = sample_db.read_bytes()
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#answer").value = "Å" * 301
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AskText), "the form stays open, the name still in it"
        assert app.screen.query_one("#answer").value == "Å" * 301
        assert "300" in text_of(app, ".form-error")
    assert sample_db.read_bytes() == before


async def test_a_guest_without_agency_or_organisation_is_said_in_the_form_and_the_name_kept(sample_db):
    set_language("nn")
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("g")
        await type_text(pilot, "Ola")
        await pilot.press("enter", "enter", "enter")  # organisation and role left empty
        await settle(app, pilot)
        assert isinstance(app.screen, GuestForm), "the form stays open"
        assert app.screen.query_one("#name").value == "Ola"
        assert text_of(app, ".form-error") == "skriv etaten eller organisasjonen til gjesten"
        assert on_disk(sample_db).meeting("kg-2026-12-08").guests == ()


async def test_the_time_of_day_is_written_and_read_the_norwegian_way(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#time").value == "09.00"
        app.screen.query_one("#time").value = "10.30"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        starts = on_disk(sample_db).meeting("kg-2026-12-08").starts_at
        assert (starts.hour, starts.minute) == (10, 30)


async def test_a_day_not_in_the_calendar_is_called_that(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#date").value = "31.02.2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, ".form-error") == translate("validation.not_in_calendar", "nb", text="31.02.2027")


async def test_an_empty_agency_code_is_missing_not_a_bad_character(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#name").value = "Ny etat"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert translate("validation.empty_text", "nb") in text_of(app, ".form-error")


async def test_a_refused_new_forum_shows_why_even_when_the_form_is_taller_than_the_screen(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "right", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no name
        await pilot.pause()
        await pilot.pause()
        error = app.screen.query_one(".form-error")
        assert text_of(app, ".form-error")
        form = app.screen.query_one(".form")
        assert form.region.contains_region(error.region), "the reason is on screen"


async def test_the_help_lists_each_key_once(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        lines = [line.split(None, 1)[-1] for line in text_of(app, "KeysScreen Plain").splitlines()]
        assert lines.count(translate("key.quit", "nb")) == 1
