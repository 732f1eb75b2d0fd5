"""The item timer: at most one agenda item's clock runs at a time, in whichever meeting."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass
class ItemTimer:
    meeting_id: str | None = None
    item_id: str | None = None
    _since: float = 0.0

    @property
    def running(self) -> bool:
        return self.item_id is not None

    def elapsed(self) -> int:
        """Whole seconds of the running stretch, not yet saved."""
        return int(time.monotonic() - self._since) if self.running else 0

    def start(self, meeting_id: str, item_id: str) -> None:
        self.meeting_id, self.item_id, self._since = meeting_id, item_id, time.monotonic()

    def stop(self) -> tuple[str | None, str | None, int]:
        """Stop; return the meeting, the item and the seconds to add to its `spent_seconds`."""
        taken = (self.meeting_id, self.item_id, self.elapsed())
        self.meeting_id = self.item_id = None
        return taken

    def checkpoint(self) -> tuple[str | None, str | None, int]:
        """The seconds so far, to save, while the clock keeps running (a crash then loses little)."""
        taken = (self.meeting_id, self.item_id, self.elapsed())
        if self.running:
            self._since += taken[2]
        return taken
