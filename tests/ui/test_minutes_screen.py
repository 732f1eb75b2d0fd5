"""Minutes in the app: the preview, the privacy warning while typing, export with its questions, and
the privacy question before a calendar invitation is written."""

from __future__ import annotations

import json
import stat

from textual.widgets import Input, Markdown, Select, TextArea

from slt_tui.minutes.document import Variant
from slt_tui.store import Repository
from slt_tui.store.settings import settings_path
from slt_tui.ui.modals.export import ExportForm
from slt_tui.ui.modals.questions import Confirm
from slt_tui.ui.screens.minutes import MinutesScreen

from helpers import meeting_app, scanned, settle, text_of, type_text

MEETING = "kg-2026-10-27"


async def wait_for_minutes(app, pilot) -> str:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(Markdown).source


async def test_the_preview_renders_both_variants_without_blocking(sample_db):
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("m")
        assert isinstance(app.screen, MinutesScreen)
        source = await wait_for_minutes(app, pilot)
        assert source.startswith("# Referat fra møte i Koordineringsgruppa") and "Drøftet anonymt" in source
        assert app.screen.query_one("#minutes-scroll").loading is False
        await pilot.press("v")
        source = await wait_for_minutes(app, pilot)
        assert "Offentlig referat" in source and "Drøftet anonymt" not in source
        assert text_of(app, "#minutes-variant").startswith("Offentlig referat")
        await pilot.press("escape")
        assert not isinstance(app.screen, MinutesScreen)


async def test_case_numbers_and_dates_stay_whole_in_the_preview_at_80_columns(sample_db):
    import re

    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("m")
        await wait_for_minutes(app, pilot)
        await pilot.pause()
        cells = [c for c in app.screen.query("MarkdownTableCellContents")
                 if re.fullmatch(r"\d\d/\d\d|\d\d\.\d\d\.\d{4}", c.content.plain)]
        assert len(cells) >= 6  # the review table's case numbers and due dates (in the follow-up case)
        for cell in cells:
            assert cell.content_size.width >= len(cell.content.plain), f"{cell.content.plain} is cut"


async def test_typing_a_phone_number_warns_on_the_item(sample_db):
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        warning = app.screen.query_one("#privacy")
        assert warning.display is False
        await pilot.press("down", "n")
        await type_text(pilot, "Mor: 912 34 567")
        await scanned(app, pilot)
        assert warning.display is True
        assert text_of(app, "#privacy") == "⚠ Personvern: ser ut til å inneholde telefonnummer."
        assert "912" not in text_of(app, "#privacy")
        app.screen.query_one("#notes", TextArea).clear()
        await scanned(app, pilot)
        assert warning.display is False



async def export_with(app, pilot, folder, *, public: bool) -> None:
    form = app.screen
    assert isinstance(form, ExportForm)
    if public:
        form.query_one("#variant", Select).value = Variant.PUBLIC
    form.query_one("#folder", Input).value = str(folder)
    await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(app, pilot)


async def test_export_remembers_the_folder_and_asks_before_overwriting(sample_db, tmp_path):
    out = tmp_path / "referater"
    out.mkdir()
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("e")
        await export_with(app, pilot, out, public=False)
        written = out / "referat-koordineringsgruppa-2026-10-27-internt.md"
        assert "Drøftet anonymt" in written.read_text(encoding="utf-8")
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert json.loads(settings_path().read_text(encoding="utf-8"))["export_folder"] == str(out)

        written.write_text("før", encoding="utf-8")
        await pilot.press("e")
        assert app.screen.query_one("#folder", Input).value == str(out)  # remembered
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, Confirm) and "finnes allerede" in app.screen.question
        await pilot.press("n")
        await settle(app, pilot)
        assert written.read_text(encoding="utf-8") == "før"  # declined: untouched
        await pilot.press("e", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        assert written.read_text(encoding="utf-8").startswith("# Referat")


async def test_public_export_lists_privacy_findings_and_asks_first(sample_db, tmp_path):
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("down", "down", "down", "down", "n")  # 09/26, a public case
        await type_text(pilot, "Kontakt: ola@example.no")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("m", "v", "e")
        await export_with(app, pilot, tmp_path, public=True)
        assert isinstance(app.screen, Confirm)
        assert "Sak 09/26: e-postadresse" in app.screen.question
        assert "ola@example.no" not in app.screen.question
        await pilot.press("n")
        await settle(app, pilot)
        assert not (tmp_path / "referat-koordineringsgruppa-2026-10-27.md").exists()
        assert "⚠ Sak 09/26: e-postadresse" in text_of(app, "#minutes-findings")


async def test_a_missing_folder_is_refused_in_the_form(sample_db, tmp_path):
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("e")
        await export_with(app, pilot, tmp_path / "finnes-ikke", public=False)
        assert isinstance(app.screen, ExportForm)
        assert "finnes ikke" in text_of(app, ".form-error")
        await export_with(app, pilot, "", public=False)
        assert isinstance(app.screen, ExportForm) and text_of(app, ".form-error") == "Må fylles ut."


async def test_an_invitation_with_personal_data_lists_it_and_asks_first(sample_db, tmp_path):
    with Repository.open(sample_db) as repo:
        meeting = repo.dataset.meeting("kg-2026-12-08")
        repo.save(meeting.model_copy(update={"location": "Rådhuset, ring 912 34 567"}))
    written = tmp_path / "innkalling-kg-2026-12-08.ics"
    async with meeting_app(sample_db) as (app, pilot):
        for answer in ("n", "j"):
            await pilot.press("k")
            app.screen.query_one(Input).value = str(tmp_path)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, Confirm)
            assert "Kalenderinnkallingen ser ut til å inneholde personopplysninger" in app.screen.question
            assert "• Sted: telefonnummer" in app.screen.question and "912" not in app.screen.question
            await pilot.press(answer)
            await settle(app, pilot)
            assert written.exists() is (answer == "j")  # declined: nothing written
    assert "LOCATION:Rådhuset\\, ring 912 34 567" in written.read_text(encoding="utf-8")
