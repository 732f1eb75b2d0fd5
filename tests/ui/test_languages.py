"""The app in the language of the run (chosen after every module is imported), and the municipality's
written form, set in the registers, deciding the language of its documents."""

from __future__ import annotations

from test_minutes_screen import wait_for_minutes
from test_registers_screen import open_registers

from slt_tui.i18n import set_language, translate
from slt_tui.store import Repository
from slt_tui.ui.screens.minutes import MinutesScreen
from slt_tui.ui.screens.registers import RegistersScreen
from slt_tui.ui.widgets.plain import Plain
from slt_tui.wording import minutes_long

from helpers import meeting_app, settle, text_of


def footer_text(app) -> str:
    from slt_tui.ui.widgets.footer import KeyFooter

    return str(app.screen.query_one(KeyFooter).render())


async def test_the_keys_speak_the_language_chosen_after_import(sample_db):
    for lang in ("nn", "en", "nb"):
        set_language(lang)
        async with meeting_app(sample_db, "kg-2026-10-27") as (app, _pilot):
            shown = footer_text(app)
            for key in ("key.add_item", "key.notes", "key.attendance", "key.minutes"):
                assert translate(key, lang) in shown, (lang, key, shown)
            commands = [c.title for c in app.get_system_commands(app.screen)]
            assert translate("key.decision", lang) in commands


async def test_the_meeting_clock_is_never_cut_off_in_any_language(sample_db):
    for lang in ("nb", "nn", "en"):
        set_language(lang)
        async with meeting_app(sample_db, "kg-2026-10-27") as (app, _pilot):
            app.screen.tick()
            clock = app.screen.query_one("#clock", Plain)
            text = text_of(app, "#clock")
            assert text == translate("status.lasted", lang, time=minutes_long(115 * 60, lang))
            assert len(text) <= clock.content_region.width, (lang, text)


async def test_the_written_form_is_set_in_the_registers_and_decides_the_minutes(sample_db):
    set_language("nb")
    async with meeting_app(sample_db, "kg-2026-10-27") as (app, pilot):
        await open_registers(app, pilot)
        assert isinstance(app.screen, RegistersScreen)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#language").value = "nn"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with Repository.open(sample_db, readonly=True) as repo:
            assert repo.minutes_language == "nn"
        app.push_screen(MinutesScreen("kg-2026-10-27"))
        assert (await wait_for_minutes(app, pilot)).startswith("# Referat frå møte i Koordineringsgruppa")
        assert translate("key.export", "nb") in footer_text(app)  # the session still speaks bokmål


async def test_a_new_forum_starts_with_the_standard_agenda_in_the_written_form(sample_db):
    with Repository.open(sample_db) as repo:
        repo.set_minutes_language("nn")
    async with meeting_app(sample_db, "kg-2026-10-27") as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "right", "a")  # forums tab, new
        await pilot.pause()
        standing = app.screen.query_one("#standing").text
        assert "Godkjenning av innkalling og sakliste" in standing
        assert "Godkjenning av referat frå førre møte" in standing
        assert "Eventuelt" in standing


async def _footer_fits(app, pilot, where: str) -> None:
    from slt_tui.ui.widgets.footer import KeyFooter

    await pilot.pause()
    footer = app.screen.query_one(KeyFooter)
    lines = str(footer.render()).splitlines()
    assert lines, where
    # every key whole on a row of its own width, and every row shown
    assert all(len(line) <= footer.size.width for line in lines), (where, lines)
    assert footer.size.height == len(lines) <= 2, (where, lines)


async def test_every_key_bar_fits_80_columns_in_every_language(sample_db):
    for lang in ("nb", "nn", "en"):
        set_language(lang)
        async with meeting_app(sample_db, "kg-2026-10-27") as (app, pilot):
            await _footer_fits(app, pilot, f"{lang} meeting")
            for key, name in (("p", "attendance"), ("o", "review"), ("m", "minutes")):
                await pilot.press(key)
                await _footer_fits(app, pilot, f"{lang} {name}")
                await pilot.press("escape")
                await pilot.pause()
            app.pop_screen()
            await _footer_fits(app, pilot, f"{lang} start")
            for key, name in (("r", "registers"), ("o", "register"), ("slash", "search")):
                await pilot.press(key)
                await _footer_fits(app, pilot, f"{lang} {name}")
                await pilot.press("escape")
                await pilot.pause()
