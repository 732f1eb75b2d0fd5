"""Saving off the event loop, in order, and never waiting for it.

Every change goes through one writer thread, so saves land in the order they were made (a later note
text never loses to an earlier one) and the UI never waits for the disk. The thread in turn never
waits for the event loop: what a save has to say (done, failed) is posted to the app as a message,
which the loop takes when it can. A quit that waits for the writer therefore cannot deadlock against
a save that waits for the loop (which once hung quitting for good).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from textual.message import Message

from slt_tui.errors import SltError, system_reason

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp

log = logging.getLogger(__name__)

Job = Callable[[], Any]
Done = Callable[[Any], None]


class Saved(Message):
    """A save landed (the screens redraw); `done(result)` is what the code that asked for it does next,
    on the loop."""

    def __init__(self, done: Done | None, result: Any) -> None:
        super().__init__()
        self.done, self.result = done, result


class SaveFailed(Message):
    """A save did not land; the file on disk is as it was."""

    def __init__(self, error: SltError) -> None:
        super().__init__()
        self.error = error


class UnexpectedSaveError(SltError):
    """A bug in a save: said as a sentence rather than lost in a thread."""

    key = "error.unexpected"


class DiskError(SltError):
    """A save or a file met an error from the system that nothing before it caught."""

    key = "error.io"


class Writer:
    def __init__(self, app: SltApp) -> None:
        self._app = app
        self._jobs: queue.SimpleQueue[tuple[Job, Done | None, bool] | None] = queue.SimpleQueue()
        # A daemon: a save stuck on a dead disk must not keep the process alive after quit gives up.
        self._thread = threading.Thread(target=self._work, name="slt-save", daemon=True)
        self._thread.start()
        self._closed = False
        self._silent = False
        self._working = False
        self.failure: SltError | None = None
        """Why the last save failed; None once a later one lands."""

    def submit(self, job: Job, done: Done | None = None) -> bool:
        """Run `job` (which saves) on the writer thread, then `done(result)` on the event loop."""
        if self._closed:  # the app is ending, and everything pending was handed over before
            log.warning("a save came after the writer had closed and was not made")
            return False
        self._jobs.put((job, done, True))
        return True

    def _work(self) -> None:
        while (entry := self._jobs.get()) is not None:
            job, done, saves = entry
            self._working = True
            try:
                result = job()
            except SltError as exc:
                self.failure = exc
                self._post(SaveFailed(exc))
            except OSError as exc:  # the disk said no where no one expected it: say what it said
                log.exception("save failed")
                self.failure = DiskError(path=exc.filename or "?", reason=system_reason(exc))
                self._post(SaveFailed(self.failure))
            except Exception as exc:  # a bug; say so rather than die silently in a thread
                log.exception("save failed")
                self.failure = UnexpectedSaveError(reason=repr(exc))
                self._post(SaveFailed(self.failure))
            else:
                if saves:  # waiting for the queue (`flush`) is no save: a failure before it still stands
                    self.failure = None
                    self._post(Saved(done, result))
            finally:
                self._working = False

    @property
    def pending(self) -> bool:
        """Whether a save is queued or being made."""
        return self._working or not self._jobs.empty()

    def _post(self, message: Message) -> None:
        if not self._silent:
            with suppress(RuntimeError):  # the loop is gone: the save itself has landed
                self._app.post_message(message)

    def silence(self) -> None:
        """Saves go on; nothing more is said or redrawn on the screen (the app is ending)."""
        self._silent = True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait (on a thread, not the loop) until every save submitted so far has landed; False on timeout."""
        landed = threading.Event()
        if self._closed:
            return not self._thread.is_alive()
        self._jobs.put((landed.set, None, False))
        return landed.wait(timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Take no more saves, let those handed over land; False if they had not within `timeout`."""
        if not self._closed:
            self._closed = True
            self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()
