"""Hostile input for the real app: text drawn from what breaks programs, and the meeting screen's
actions driven through `App.run_test()` as a person would (keys, pastes, forms).

Shared by the property test in the suite (a small, derandomised budget) and by
`benchmarks/hostile_run.py` (a long run).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st
from textual import events
from textual.widgets import Input, TextArea

from slt_tui.domain.text import NOTES_MAX, clean_block, clean_line, clean_notes
from slt_tui.sample import sample_path
from slt_tui.store import Repository
from slt_tui.ui.app import SltApp
from slt_tui.ui.screens.meeting import MeetingScreen

from helpers import start_meeting

MEETING = "kg-2026-12-08"

FRAGMENTS = [
    # Rich/Textual markup, including what once crashed the app or became an action or a link
    "[b]", "[/b]", "[/x]", "[/]", "[@click=app.quit]", "[@click=app.quit]klikk[/]", "[link=https://example.invalid]",
    "[red on blue]", "[", "]", "\\[b]",
    # Markdown that must stay text in the minutes
    "# ", "## Overskrift", "| a | b |", "**", "_", "`", "```", "<b>", "<script>", "---", "- ", "1. ", "> ", "[x](y)",
    # white space at the edges and inside
    " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028",
    # control, bidi and invisible characters, emoji, Norwegian letters
    "\x1b[31m", "\x1b]8;;https://x\x07", "\x07", "\x00", "\x7f", "\u202e", "\u2066", "\u200b", "\ufeff",
    "👍🏽", "🇳🇴", "æøå ÆØÅ", "e\u0301",
]
class _Long(str):
    """A very long line (4,200 characters), with a short repr in a failure report."""

    def __repr__(self) -> str:
        return "LONG"


LONG = _Long("Ordet " * 700)

hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), st.just(LONG)),
                        min_size=1, max_size=6).map("".join)


@dataclass(frozen=True)
class Step:
    action: str
    text: str = ""
    more: str = ""


steps = st.lists(st.builds(Step, st.sampled_from([
    "notes", "notes_quick", "decision", "action", "new_item", "edit_item", "attendance", "substitute",
    "guest", "timer", "down", "up", "confidential", "search_back", "preview",
]), hostile_text, hostile_text), min_size=1, max_size=6)


@dataclass
class Expected:
    """What the screen said was saved, to be found in the file."""

    notes: dict[str, str] = field(default_factory=dict)
    decisions: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    shown: object = None
    """The records the app held (and showed) when it ended."""


async def _settle(app: SltApp, pilot) -> None:
    await pilot.pause()
    await asyncio.to_thread(app.writer.flush, 5)
    await pilot.pause()
    await pilot.pause()


async def _paste(app: SltApp, pilot, text: str) -> None:
    """A bracketed paste, as the terminal driver delivers it: to the app, which hands it to the focus."""
    app.post_message(events.Paste(text))
    await pilot.pause()


async def _back_to_meeting(app: SltApp, pilot) -> None:
    for _ in range(6):
        if isinstance(app.screen, MeetingScreen):
            if app.screen.focused is not None and app.screen.focused.id == "notes":
                await pilot.press("escape")
            return
        await pilot.press("escape")
        await pilot.pause()


async def _submit(app: SltApp, pilot) -> bool:
    """ctrl+s in a form; True if the form took it (closed), else cancel it."""
    before = app.screen
    await pilot.press("ctrl+s")
    await pilot.pause()
    taken = app.screen is not before
    if not taken:
        await pilot.press("escape")
        await pilot.pause()
    return taken


async def run_step(app: SltApp, pilot, step: Step, expected: Expected) -> None:
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    if step.action in ("notes", "notes_quick"):
        item = screen.selected()
        await pilot.press("n")
        editor = screen.query_one("#notes", TextArea)
        editor.clear()
        await _paste(app, pilot, step.text)
        if step.action == "notes":
            await asyncio.sleep(1.0)  # typing pauses: the note saves itself
        await pilot.press("escape")
        if item is not None and len(clean_notes(editor.text)) <= NOTES_MAX:
            expected.notes[item.id] = clean_notes(editor.text)
    elif step.action == "decision":
        await pilot.press("d")
        await _paste(app, pilot, step.text)
        typed = app.screen.query_one("#decision", TextArea).text
        if await _submit(app, pilot):
            expected.decisions.append(clean_block(typed))
    elif step.action == "action":
        await pilot.press("t")
        await _paste(app, pilot, step.text)
        app.screen.query_one("#agency").value = "POL"
        typed = app.screen.query_one("#title", Input).value
        if await _submit(app, pilot):
            expected.actions.append(clean_line(typed))
    elif step.action in ("new_item", "edit_item"):
        await pilot.press("a" if step.action == "new_item" else "enter")
        title = app.screen.query_one("#title", Input)
        title.value = ""
        await _paste(app, pilot, step.text)
        app.screen.query_one("#presenter", Input).value = step.more[:300]
        typed = title.value
        if await _submit(app, pilot):
            expected.titles.append(clean_line(typed))
    elif step.action in ("attendance", "substitute", "guest"):
        await pilot.press("p")
        if step.action == "attendance":
            await pilot.press("t", "f", "down", "i")
        elif step.action == "substitute":
            await pilot.press("down", "v")
            await _paste(app, pilot, step.text)
            await pilot.press("enter")
        else:
            await pilot.press("g")
            await _paste(app, pilot, step.text)
            await pilot.press("enter")
            await _paste(app, pilot, step.more)
            await pilot.press("enter", "enter")  # the organisation, then the role left empty
        await pilot.pause()
    elif step.action == "timer":
        await start_meeting(app, pilot, "space")
    elif step.action in ("down", "up"):
        await pilot.press(step.action)
    elif step.action == "confidential":
        await pilot.press("c")
        if not isinstance(app.screen, MeetingScreen):
            app.screen.query_one("#answer", Input).value = step.text[:400]
            await pilot.press("enter")
    elif step.action == "preview":  # the minutes, rendered by Textual's Markdown widget, both versions
        await pilot.press("m")
        for _ in range(2):
            await asyncio.sleep(0.3)
            await pilot.pause()
            await pilot.press("v")
        await asyncio.sleep(0.3)
        await pilot.pause()
    elif step.action == "search_back":
        await pilot.press("slash")
        await _paste(app, pilot, step.text)
        await pilot.pause()
    await _back_to_meeting(app, pilot)
    await _settle(app, pilot)


async def play(path: Path, plan: list[Step]) -> Expected:
    """Run `plan` on the meeting in the app at 80x24, then quit with `q`; return what it saved."""
    expected = Expected()
    repo = Repository.open(path)
    app = SltApp(repo, meeting_id=MEETING)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for step in plan:
                await run_step(app, pilot, step, expected)
            await _back_to_meeting(app, pilot)
            await pilot.press("q")
            await asyncio.wait_for(_until_exited(app), 5)
    finally:
        repo.close()
    assert app.return_code == 0, f"quit ended with {app.return_code} ({app.unsaved})"
    expected.shown = repo.dataset
    return expected


async def _until_exited(app: SltApp) -> None:
    while app.is_running:
        await asyncio.sleep(0.05)


def fresh_copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="slt-hostile-"))
    path = folder / "slt.json"
    shutil.copyfile(sample_path(), path)
    path.chmod(0o600)
    return path


def check_file(path: Path, expected: Expected) -> None:
    """The file opens as sound, and holds what the screen said was saved."""
    with Repository.open(path, readonly=True) as repo:
        meeting = repo.dataset.meeting(MEETING)
        for item_id, notes in expected.notes.items():
            item = meeting.item(item_id)
            assert item is not None and item.notes == notes, (item_id, notes[:80])
        stored_decisions = [d.text for i in meeting.agenda for d in i.decisions]
        for decision in expected.decisions:
            assert decision in stored_decisions
        titles = {a.title for a in repo.dataset.actions}
        for title in expected.actions:
            assert title in titles
        if expected.titles:  # an edit may overwrite an earlier title; the last one saved is there
            assert expected.titles[-1] in {i.title for i in meeting.agenda}
        assert repo.dataset == expected.shown, "the app showed something the file does not hold"


def run_plan(plan: list[Step]) -> Expected:
    """One sequence on a fresh copy of the sample: played, quit, and the file checked; then removed."""
    path = fresh_copy()
    try:
        expected = asyncio.run(play(path, plan))
        check_file(path, expected)
        return expected
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
