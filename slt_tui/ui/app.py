"""The SLT app: wiring only. Screens live in `screens/`, forms in `modals/`, styles in `app.tcss`."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import termios
import threading
from collections.abc import Callable, Iterable

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen

from slt_tui.domain import MeetingStatus
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import now
from slt_tui.domain.meeting_ops import Clock
from slt_tui.domain.search import SearchIndex
from slt_tui.errors import SltError
from slt_tui.i18n import t
from slt_tui.store import Repository
from slt_tui.ui.screens.help import KeysScreen, own_bindings
from slt_tui.ui.screens.start import StartScreen
from slt_tui.ui.screens.too_small import TooSmallScreen, too_small
from slt_tui.ui.timer import ItemTimer
from slt_tui.ui.writer import Writer

FOLLOW_EVERY = 0.3  # seconds between looks at the file when another session writes it
HANGUP_LIMIT = 1.0  # seconds from SIGHUP/SIGTERM to the process being gone, whatever happens


class SltApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "SLT"
    BINDINGS = [
        Binding("q", "quit", t("key.quit"), id="quit"),
        Binding("question_mark", "keys", t("key.help"), id="help", key_display="?"),
    ]

    def __init__(self, repo: Repository, *, demo: bool = False, read_only_reason: str = "",
                 meeting_id: str | None = None, follow: bool = False) -> None:
        super().__init__()
        self.animation_level = "none"  # over SSH every frame of an animation crosses the link
        self.repo = repo
        self.follow = follow  # a view of the running meeting that follows the writing session
        self._reloading = False
        self._reload_failed = False
        self.read_only_reason = read_only_reason
        self.start_meeting = meeting_id
        self.writer = Writer(self)
        self.timer = ItemTimer()
        self._hanging_up = False
        self._waiting_said = False
        self.at_exit: list[Callable[[], None]] = []  # also run when a hangup ends the process at once
        self.search_index: SearchIndex | None = None  # built by the search screen, kept while the data is
        self.title = " — ".join(filter(None, [t("app.title"), repo.municipality]))
        self.sub_title = " · ".join(filter(None, [
            t("app.demo") if demo else "",
            t("app.following") if follow else t("app.read_only") if repo.readonly else ""]))

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        self._loop = loop
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, self.hang_up, sig)
        self.resume_timer()
        self.push_screen(StartScreen())
        if self.start_meeting:
            self.open_meeting(self.start_meeting)
        if self.read_only_reason and not self.follow:
            self.notify(self.read_only_reason, severity="warning", timeout=30)
        if self.repo.readonly:
            self.set_interval(FOLLOW_EVERY, self.follow_file)
        if self.follow:
            self.follow_meeting()
        self.cover_if_too_small()

    async def follow_file(self) -> None:
        """Read-only: take in what the writing session saved, and redraw. One stat when nothing changed."""
        if self._reloading or not self.repo.changed_on_disk():
            return
        self._reloading = True
        try:
            changed = await asyncio.to_thread(self.repo.reload)
        except SltError as exc:  # the last good version stays on the screen; said once
            if not self._reload_failed:
                self.notify(t("app.reload_failed", reason=exc.sentence()), severity="error", timeout=15)
            self._reload_failed = True
            return
        finally:
            self._reloading = False
        self._reload_failed = False
        if changed:
            self.search_index = None
            self.refresh_screens()
            if self.follow:
                self.follow_meeting()

    def follow_meeting(self) -> None:
        """--follow: show the running meeting (once one runs), whatever the writing session opens."""
        from slt_tui.ui.screens.meeting import MeetingScreen

        running = next((m for m in self.repo.dataset.meetings if m.status is MeetingStatus.RUNNING), None)
        if running is None:
            if isinstance(self.screen, StartScreen) and not self._waiting_said:
                self._waiting_said = True
                self.notify(t("app.follow_waiting"), timeout=10)
            return
        if not any(isinstance(s, MeetingScreen) and s.meeting_id == running.id for s in self.screen_stack):
            while len(self.screen_stack) > 2:  # back to the start screen, then into the meeting
                self.pop_screen()
            self.open_meeting(running.id)
            self.cover_if_too_small()

    def on_resize(self, event: events.Resize) -> None:
        self.cover_if_too_small(event.size)

    def cover_if_too_small(self, size: Size | None = None) -> None:
        """Below the minimum size a message covers the screen, rather than a layout cut to pieces."""
        width, height = size or self.size
        covered = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height):
            if covered:
                self.screen.show_size(width, height)
            else:
                self.push_screen(TooSmallScreen())
        elif covered:
            self.pop_screen()

    def open_meeting(self, meeting_id: str, item_id: str | None = None) -> None:
        from slt_tui.ui.screens.meeting import MeetingScreen

        self.repo.dataset.meeting(meeting_id)  # UnknownRecordError for an id that does not exist
        self.push_screen(MeetingScreen(meeting_id, item_id=item_id))

    def open_search(self) -> None:
        from slt_tui.ui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def writable(self) -> bool:
        """True when changes can be saved; otherwise says why."""
        if self.repo.readonly:
            self.clear_notifications()  # the long "held by" notice would push this one off an 80x24 screen
            self.notify(t("app.follow_refused" if self.follow else "app.read_only_refused"), severity="warning")
            return False
        return True

    def refresh_screens(self) -> None:
        """Redraw every screen from the store (after a save failed, so nothing shows what is not saved)."""
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_view"):
                screen.refresh_view()

    def start_timer(self, meeting_id: str, item_id: str) -> None:
        """Run `item_id`'s clock here, and record it in the file (for a follower, and to resume)."""
        self.timer.start(meeting_id, item_id)
        at = now()
        self.writer.submit(lambda: self.repo.update("meetings", meeting_id,
                                                    lambda m: ops.clock_started(m, item_id, at)))

    def save_timer(self, then: Clock, done: Callable[[object], None] | None = None) -> None:
        """Save the running item timer's seconds to its meeting, and whether its clock goes on."""
        meeting_id, item_id, seconds = self.timer.checkpoint() if then is Clock.RUNS else self.timer.stop()
        if meeting_id and item_id and (seconds or then is not Clock.RUNS) and not self.repo.readonly:
            at = now()
            self.writer.submit(lambda: self.repo.update(
                "meetings", meeting_id, lambda m: ops.clock_saved(m, item_id, seconds, at, then)), done)

    def resume_timer(self) -> None:
        """A clock left running by a session that ended (quit, dropped connection) goes on here."""
        running = next((m for m in self.repo.dataset.meetings
                        if m.status is MeetingStatus.RUNNING and m.running_item), None)
        if running is not None and not self.repo.readonly:
            self.start_timer(running.id, running.running_item)

    def save_everything(self) -> None:
        """Hand every pending change to the writer: notes being typed, the running item timer."""
        for screen in self.screen_stack:
            if hasattr(screen, "save_pending"):
                screen.save_pending()
        self.save_timer(Clock.PAUSED)

    async def action_quit(self) -> None:
        await self.save_and_close()
        self.exit(0)

    async def save_and_close(self) -> None:
        """Everything pending saved, the writer stopped and the database closed (its lock released)."""
        self.save_everything()
        await asyncio.to_thread(self.writer.flush)  # the loop stays free for the writer's callbacks
        self.writer.close()
        self.repo.close()

    def hang_up(self, sig: int = signal.SIGHUP) -> None:
        """SIGHUP (the SSH connection dropped) or SIGTERM: save, release the lock and be gone at once.

        Textual installs no handler for either: the default kills the process with nothing saved, and
        an ignored SIGHUP leaves the input loop spinning on the closed terminal. The saving happens on
        a thread that needs neither the terminal nor this loop; whatever hangs, the process ends after
        HANGUP_LIMIT seconds.
        """
        if self._hanging_up:
            return
        self._hanging_up = True
        self.save_everything()
        self.writer.silence()  # no more redraws: the screen may be gone
        threading.Thread(target=self._close_after_hangup, args=(sig,), daemon=True).start()

    def _close_after_hangup(self, sig: int) -> None:
        watchdog = threading.Timer(HANGUP_LIMIT, os._exit, (0,))
        watchdog.daemon = True
        watchdog.start()
        self.writer.close()  # waits for every save handed over
        self.repo.close()
        for cleanup in self.at_exit:
            cleanup()
        if sig == signal.SIGHUP:
            os._exit(0)  # no terminal to put back; Textual's own shutdown would only wait on it
        self._loop.call_soon_threadsafe(self.exit, 0)  # SIGTERM: the terminal, if any, is restored

    def panic(self, *renderables: RenderableType) -> None:
        """The input thread dies on the closed terminal, perhaps before SIGHUP arrives: a hangup too."""
        if _terminal_gone():
            self.hang_up()
        else:
            super().panic(*renderables)

    def action_keys(self) -> None:
        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen by its description, then Textual's own."""
        for node, binding in own_bindings(screen):
            yield SystemCommand(binding.description, f"{t('palette.key')}: {self.get_key_display(binding)}",
                                lambda node=node, action=binding.action: self.run_action(action, node))
        yield from super().get_system_commands(screen)


def _terminal_gone() -> bool:
    """True when the controlling terminal has hung up (every ioctl on it then fails with EIO)."""
    try:
        termios.tcgetattr(0)
    except termios.error as exc:
        return exc.args[0] == errno.EIO
    return False
