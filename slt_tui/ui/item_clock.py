"""The item clock: at most one agenda item's clock runs in a session, whichever screen is open.

One object, owned by the app, holds the clock's state, saves it and keeps its checkpoint: the app
calls `tick()` once a second whatever screen is shown, so a crash loses at most `CHECKPOINT` seconds
of clock time. Screens only show it (`running_in`) and ask it to start or stop. The file records
which item's clock runs and since when (`Meeting.running_item`, `running_since`), for a session that
follows, and so that the next session resumes a clock left running when a session ended.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slt_tui.domain import MeetingStatus
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import now
from slt_tui.domain.meeting_ops import Clock

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp

CHECKPOINT = 30
"""Seconds of clock time between saves of a running clock: what a crash may lose at most."""


class ItemClock:
    def __init__(self, app: SltApp) -> None:
        self._app = app
        self.meeting_id: str | None = None
        self.item_id: str | None = None
        self._since = 0.0  # monotonic start of the stretch not yet saved

    @property
    def running(self) -> bool:
        return self.item_id is not None

    def elapsed(self) -> int:
        """Whole seconds of the running stretch, not yet saved."""
        return int(time.monotonic() - self._since) if self.running else 0

    def running_in(self, meeting_id: str) -> tuple[str | None, int]:
        """The item whose clock runs in `meeting_id` here, and its seconds not yet saved."""
        return (self.item_id, self.elapsed()) if self.meeting_id == meeting_id else (None, 0)

    def start(self, meeting_id: str, item_id: str) -> None:
        """Run `item_id`'s clock (stopping any other), and record it in the file."""
        if self.running:
            self.stop()
        self.meeting_id, self.item_id, self._since = meeting_id, item_id, time.monotonic()
        at = now()
        self._save(meeting_id, lambda m: ops.clock_started(m, item_id, at))

    def stop(self, then: Clock = Clock.STOPPED, done: Callable[[Any], None] | None = None) -> None:
        """Save the running stretch and stop (STOPPED) or leave the clock for the next session (PAUSED)."""
        meeting_id, item_id, seconds = self.meeting_id, self.item_id, self.elapsed()
        self.meeting_id = self.item_id = None
        if meeting_id and item_id:
            at = now()
            self._save(meeting_id, lambda m: ops.clock_saved(m, item_id, seconds, at, then), done)

    def discard(self, item_id: str) -> None:
        """The item is being deleted: its clock stops, and its time goes with it."""
        if self.item_id == item_id:
            self.meeting_id = self.item_id = None

    def tick(self) -> None:
        """Once a second, from the app: save the running stretch when it reaches the checkpoint."""
        seconds = self.elapsed()
        if seconds < CHECKPOINT or self.meeting_id is None or self.item_id is None:
            return
        self._since += seconds
        meeting_id, item_id, at = self.meeting_id, self.item_id, now()
        self._save(meeting_id, lambda m: ops.clock_saved(m, item_id, seconds, at, Clock.RUNS))

    def resume(self) -> None:
        """A clock left running by a session that ended (quit, dropped connection) goes on here."""
        if self._app.repo.readonly:
            return
        running = next((m for m in self._app.repo.dataset.meetings
                        if m.status is MeetingStatus.RUNNING and m.running_item), None)
        if running is not None and running.running_item is not None:
            self.start(running.id, running.running_item)

    def _save(self, meeting_id: str, change, done: Callable[[Any], None] | None = None) -> None:
        app = self._app
        if not app.repo.readonly:
            app.meeting_changes.change(meeting_id, change, done)
