"""Screenshots of the screens a meeting is run from, at 80×24 and 120×40 (pytest-textual-snapshot).

Each was read by eye once when it was taken. The clock is frozen (8 December 2026, 09.30, the sample's
planned meeting day) and no cursor blinks, so a screenshot changes only when the screen does. To take
them anew after a change meant to show: `pytest tests/ui/test_snapshots.py --snapshot-update`, then read
the new ones in the report before committing them.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from textual.widgets import Input, TextArea

from slt_tui.domain.clock import OSLO, frozen
from slt_tui.i18n import set_language
from slt_tui.store import Repository
from slt_tui.ui.app import SltApp
from slt_tui.ui.widgets.detail import NOTES_LATEST

from helpers import scanned, settle, type_text

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
HELD = "kg-2026-10-27"  # held and closed: its clock says how long it lasted, whatever the day


@pytest.fixture(autouse=True)
def still_clock():
    set_language("nb")
    with frozen(datetime(2026, 12, 8, 9, 30, tzinfo=OSLO)):
        yield


def no_blinking(app) -> None:
    for widget in app.screen.query("TextArea, Input"):
        if isinstance(widget, TextArea | Input):
            widget.cursor_blink = False


def steps(*keys: str, text: str = ""):
    """A `run_before` that presses `keys`, types `text`, and waits for saves, scans and the redraw."""

    async def run(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        no_blinking(app)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            no_blinking(app)  # before anything is typed: a line drawn while blinking off stays cached
        if text:
            await type_text(pilot, text)
            await asyncio.sleep(NOTES_LATEST + 0.2)  # typed notes are saved by now, however loaded the machine
        no_blinking(app)
        await settle(app, pilot)
        await scanned(app, pilot)
        await settle(app, pilot)  # what the save and the scan changed, drawn
        no_blinking(app)

    return run


@pytest.fixture
def app_on(sample_db):
    repos = []

    def make(meeting_id: str = HELD) -> SltApp:
        repo = Repository.open(sample_db)
        repos.append(repo)
        return SltApp(repo, meeting_id=meeting_id)

    yield make
    for repo in repos:
        repo.close()


@pytest.mark.parametrize("size", SIZES)
def test_meeting(snap_compare, app_on, size):
    assert snap_compare(app_on(), terminal_size=size, run_before=steps("down", "down", "down"))


@pytest.mark.parametrize("size", SIZES)
def test_meeting_writing(snap_compare, app_on, size):
    assert snap_compare(app_on("kg-2026-12-08"), terminal_size=size,
                        run_before=steps("n", text="Runde rundt bordet [b] ved kaiområdet"))


@pytest.mark.parametrize("size", SIZES)
def test_attendance(snap_compare, app_on, size):
    assert snap_compare(app_on(), terminal_size=size, run_before=steps("p"))


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare, app_on, size):
    assert snap_compare(app_on("kg-2026-12-08"), terminal_size=size, run_before=steps("o"))


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare, app_on, size):
    assert snap_compare(app_on(), terminal_size=size, run_before=steps("slash", text="kaiomradet"))


@pytest.mark.parametrize("size", SIZES)
def test_minutes_preview(snap_compare, app_on, size):
    assert snap_compare(app_on(), terminal_size=size, run_before=steps("m"))
