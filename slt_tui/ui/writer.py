"""Saving off the event loop, in order.

Every change goes through one writer thread, so saves land in the order they were made (a later note
text never loses to an earlier one) and the UI never waits for the disk. A failed save becomes an
error notification; what was on disk stays as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from slt_tui.errors import SltError
from slt_tui.i18n import t

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp

log = logging.getLogger(__name__)


class Writer:
    def __init__(self, app: SltApp) -> None:
        self._app = app
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slt-save")
        self._silent = False

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run `job` (which saves) on the writer thread, then `done(result)` on the event loop."""
        try:
            self._pool.submit(self._run, job, done)
        except RuntimeError:  # closed: the app is ending, and everything pending was saved before
            log.warning("a save came after the writer had closed and was not made")

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None] | None) -> None:
        try:
            result = job()
        except SltError as exc:
            self._call(self._app.notify, exc.sentence(), severity="error", timeout=15)
            self._call(self._app.refresh_screens)
            return
        except Exception as exc:  # a bug; say so rather than die silently in a thread
            log.exception("save failed")
            self._call(self._app.notify, t("error.unexpected", reason=repr(exc)), severity="error", timeout=15)
            return
        if done is not None:
            self._call(done, result)

    def silence(self) -> None:
        """Saves go on; nothing more is said or redrawn on the screen (the app is ending)."""
        self._silent = True

    def _call(self, fn: Callable, *args: Any, **kwargs: Any) -> None:
        if self._app.is_running and not self._silent:
            with suppress(RuntimeError):  # the app is closing; the save itself has landed
                self._app.call_from_thread(fn, *args, **kwargs)

    def flush(self) -> None:
        """Block until every save submitted so far has landed (call from a thread, not the loop)."""
        self._pool.submit(lambda: None).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
