"""Driving the app with Pilot: open a meeting, wait for saves, read back what is on disk."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

from textual.widgets import Static

from slt_tui.store import Repository
from slt_tui.ui.app import SltApp


@asynccontextmanager
async def meeting_app(path, meeting_id="kg-2026-12-08", *, readonly=False, size=(80, 24)):
    repo = Repository.open(path, readonly=readonly)
    try:
        app = SltApp(repo, meeting_id=meeting_id)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield app, pilot
    finally:
        repo.close()


async def settle(app, pilot) -> None:
    """Wait until every save handed to the writer has landed and the screen has redrawn."""
    await pilot.pause()
    await asyncio.to_thread(app.writer.flush)
    await pilot.pause()  # the writer's Saved messages, then what they redraw
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def on_disk(path):
    """The dataset as it is in the file now (not as the app holds it)."""
    with Repository.open(path, readonly=True) as repo:
        return repo.dataset


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def scanned(app, pilot) -> None:
    """Wait for the item's scan for personal data, which runs on a thread a moment after the last key."""
    await pilot.pause()  # the last key's change, which starts the scan
    while any(w.is_running for w in app.screen.workers):
        await asyncio.sleep(0.05)
    await pilot.pause()


async def start_meeting(app, pilot, key: str = "space") -> None:
    """Press the key that starts the planned meeting (`space` starts an item's clock and with it the
    meeting, `s` the meeting alone), agreeing to move it to today when asked: the sample's meeting is
    planned for 8 December 2026, not for the day the tests run."""
    from slt_tui.ui.modals.questions import Confirm

    await pilot.press(key)
    await pilot.pause()
    if isinstance(app.screen, Confirm):
        await pilot.press("j")
        await pilot.pause()
