"""The item timer: at most one agenda item's clock runs at a time."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass
class ItemTimer:
    item_id: str | None = None
    _since: float = 0.0

    @property
    def running(self) -> bool:
        return self.item_id is not None

    def elapsed(self) -> int:
        """Whole seconds of the running stretch, not yet saved."""
        return int(time.monotonic() - self._since) if self.running else 0

    def start(self, item_id: str) -> None:
        self.item_id, self._since = item_id, time.monotonic()

    def stop(self) -> tuple[str | None, int]:
        """Stop; return the item and the seconds to add to its `spent_seconds`."""
        item, seconds = self.item_id, self.elapsed()
        self.item_id = None
        return item, seconds

    def checkpoint(self) -> tuple[str | None, int]:
        """The seconds so far, to save, while the clock keeps running (a crash then loses little)."""
        item, seconds = self.item_id, self.elapsed()
        if self.running:
            self._since += seconds
        return item, seconds
