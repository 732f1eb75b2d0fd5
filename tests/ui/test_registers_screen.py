"""Setting a municipality up from the app: agencies, people, forums."""

from __future__ import annotations

from textual.widgets import SelectionList

from slt_tui.ui.screens.registers import RegistersScreen
from slt_tui.ui.screens.start import StartScreen

from helpers import meeting_app, on_disk, settle, text_of, type_text


async def open_registers(app, pilot):
    app.pop_screen()  # from the meeting back to the start screen
    await pilot.pause()
    assert isinstance(app.screen, StartScreen)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, RegistersScreen)


async def test_add_a_person_and_a_forum_with_members_and_a_template(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "a")  # people tab, new
        await type_text(pilot, "Kari Prøvesen")
        app.screen.query_one("#agency").value = "POL"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_disk(sample_db).person("kari-provesen").agency == "POL"
        await pilot.press("right", "a")  # forums tab, new
        form = app.screen
        await type_text(pilot, "Oppvekstteam Nordbyen")
        form.query_one("#members", SelectionList).select("kari-provesen")
        form.query_one("#required", SelectionList).select("POL")
        form.query_one("#standing").load_text("Oppfølging; oppfolging; 15\nRunde rundt bordet")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        forum = on_disk(sample_db).forum("oppvekstteam-nordbyen")
        assert forum.members == ("kari-provesen",) and forum.required_agencies == ("POL",)
        assert [(s.title, s.planned_minutes) for s in forum.standing_items] == [("Oppfølging", 15),
                                                                              ("Runde rundt bordet", 10)]
        await pilot.press("escape")
        await pilot.pause()
        forums = app.screen.query_one("#forums")
        assert forums.get_option("oppvekstteam-nordbyen") is not None  # the start screen knows it


async def test_a_bad_template_line_is_named_in_the_form(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "right", "a")
        await type_text(pilot, "Nytt forum")
        app.screen.query_one("#standing").load_text("Sak; tull; 5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "linje 1" in text_of(app, ".form-error")


async def test_someone_still_in_a_forum_cannot_be_deleted(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        before = sample_db.read_bytes()
        await pilot.press("right", "delete", "j")  # the first person is a member of the politiråd
        await settle(app, pilot)
        assert sample_db.read_bytes() == before
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Ugyldig: forum politiradet: ukjent medlem «tone-vikaune»") for m in messages), messages


async def test_an_agency_name_can_be_changed_but_not_its_code(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("enter")
        form = app.screen
        assert form.query_one("#code").disabled
        form.query_one("#name").value = "Kommunens ledelse"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_disk(sample_db).agency("KOM").name == "Kommunens ledelse"
