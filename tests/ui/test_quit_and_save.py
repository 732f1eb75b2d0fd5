"""Quitting in every state, saving without loops or waits, and the item clock's one home, through the
real app and the real file."""

from __future__ import annotations

import asyncio
import threading

from textual.widgets import TextArea

from slt_tui.ui import item_clock
from slt_tui.ui.app import QUIT_LIMIT, SaveTimeoutError
from slt_tui.ui.modals.base import FormModal
from slt_tui.ui.modals.questions import Confirm
from slt_tui.ui.screens.meeting import MeetingScreen
from slt_tui.ui.screens.start import StartScreen
from slt_tui.ui.widgets.detail import NOTES_LATEST

from conftest import fill_disk
from helpers import meeting_app, on_disk, scanned, settle, start_meeting

MEETING = "kg-2026-12-08"


async def until_exited(app, limit: float = 10) -> None:
    async def wait() -> None:
        while app.is_running:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(wait(), limit)


async def test_quit_with_a_form_open_saves_the_notes_and_ends(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        app.screen.query_one("#notes", TextArea).insert("Skrevet før skjemaet ")
        await pilot.press("escape", "a")  # the new-item form, with its text field focused
        assert isinstance(app.screen, FormModal)
        await pilot.press("x", "ctrl+q")
        await until_exited(app)
    assert on_disk(sample_db).meeting(MEETING).agenda[0].notes == "Skrevet før skjemaet "
    # what the open form held was never saved: it is kept aside, and the exit status says so
    assert app.return_code == 1 and "ikke kom inn i databasen" in app.unsaved.sentence()
    kept = app.unsaved.params["path"]
    assert kept.read_text().endswith("x") and "Ny sak" in kept.read_text()


async def test_q_in_a_question_quits_too(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        await pilot.press("q")
        await until_exited(app)
    assert app.return_code == 0
    assert len(on_disk(sample_db).meeting(MEETING).agenda) == 7, "quitting did not answer yes"


async def test_quit_with_a_save_stuck_on_the_disk_ends_and_says_what_may_be_lost(sample_db):
    release = threading.Event()
    async with meeting_app(sample_db) as (app, pilot):
        app.writer.submit(lambda: release.wait(30))  # a network disk that stopped answering
        await pilot.press("q")
        await until_exited(app, QUIT_LIMIT + 10)
    release.set()
    assert app.return_code == 1
    assert isinstance(app.unsaved, SaveTimeoutError)


async def test_quit_after_a_failed_save_ends_and_says_why(full_disk, sample_db):
    path = full_disk / "slt.json"
    path.write_bytes(sample_db.read_bytes())
    async with meeting_app(path) as (app, pilot):
        fill_disk(full_disk)
        await pilot.press("n")
        app.screen.query_one("#notes", TextArea).insert("Får ikke plass " * 200)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.writer.failure is not None, "the save failed"  # said on the screen
        await pilot.press("q")
        await until_exited(app)
    assert app.return_code == 1
    assert "the disk is full" in str(app.unsaved)  # why, and where the notes went instead (not the full disk)
    kept = app.unsaved.params["path"]
    assert kept.read_text().endswith("Får ikke plass " * 200) and kept.stat().st_mode & 0o077 == 0


async def test_an_idle_editor_saves_once_and_then_never_again(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        saves = []
        original = app.repo.save
        app.repo.save = lambda record: (saves.append(record), original(record))[1]
        await pilot.press("n")
        app.screen.query_one("#notes", TextArea).insert("  innrykk og mellomrom på slutten  \n\n")
        await asyncio.sleep(NOTES_LATEST + 0.5)
        await settle(app, pilot)
        assert len(saves) == 1
        await asyncio.sleep(1.5)
        await pilot.press("down", "up")  # redraws and a highlight on the same item
        await settle(app, pilot)
        assert len(saves) == 1, "saving started another save"
        assert app.screen.query_one("#notes", TextArea).text == on_disk(sample_db).meeting(MEETING).agenda[0].notes


async def test_typing_that_never_pauses_is_saved_within_a_second(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        editor = app.screen.query_one("#notes", TextArea)
        loop = asyncio.get_running_loop()
        start = loop.time()
        while loop.time() - start < NOTES_LATEST + 0.6:  # a key every 50 ms: never a pause of 0.4 s
            editor.insert("x")
            await asyncio.sleep(0.05)
        await asyncio.to_thread(app.writer.flush)
        assert on_disk(sample_db).meeting(MEETING).agenda[0].notes.startswith("xxx")


async def test_the_item_clock_checkpoints_whatever_screen_is_open(sample_db, monkeypatch):
    monkeypatch.setattr(item_clock, "CHECKPOINT", 1)
    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "space")
        await settle(app, pilot)
        assert app.clock.item_id == "s1"
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        await asyncio.sleep(2.5)
        await settle(app, pilot)
        stored = on_disk(sample_db).meeting(MEETING)
        assert stored.agenda[0].spent_seconds >= 1 and stored.running_item == "s1"
        assert not any(isinstance(s, MeetingScreen) for s in app.screen_stack)


async def test_notes_too_long_to_store_are_kept_aside_at_quit_and_said(sample_db):
    from slt_tui.domain.text import NOTES_MAX

    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        app.screen.query_one("#notes", TextArea).insert("x" * NOTES_MAX + "ZZZ")
        await scanned(app, pilot)
        assert "for langt" in str(app.screen.query_one("#privacy").render())
        await pilot.press("escape", "q")
        await until_exited(app)
    assert app.return_code == 1
    kept = app.unsaved.params["path"]
    assert kept.parent == sample_db.parent and kept.read_text().endswith("ZZZ")
    assert on_disk(sample_db).meeting(MEETING).agenda[0].notes == ""


async def test_leaving_the_meeting_while_the_item_is_scanned_is_fine(sample_db):
    """The scan for personal data ends on a thread; the screen it would warn on may be gone by then."""
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        app.screen.query_one("#notes", TextArea).insert("Tlf 912 34 567")
        await pilot.press("escape", "escape")
        await asyncio.sleep(0.6)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.is_running
    assert app._exception is None


async def test_a_pasted_title_over_two_lines_is_kept_whole_once(sample_db):
    from textual import events
    from textual.widgets import Input

    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("a")
        app.post_message(events.Paste("Sak [/b]\nlinje to "))
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Sak [/b] linje to "
