"""The SLT app: wiring only. Screens live in `screens/`, forms in `modals/`, styles in `app.tcss`."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import termios
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import ModalScreen, Screen

from slt_tui.domain import MeetingStatus
from slt_tui.domain.meeting_ops import Clock
from slt_tui.domain.search import SearchIndex
from slt_tui.errors import SltError
from slt_tui.i18n import t, translate
from slt_tui.store import DatabaseLockedError, ReadOnlyDatabaseError, Repository, StoreConflictError
from slt_tui.store.rescue import rescue
from slt_tui.ui.corrections import MeetingChanges
from slt_tui.ui.item_clock import ItemClock
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.modals.base import FormModal
from slt_tui.ui.screens.base import AfterSave, DataChanged, SltScreen, TypedNotes, TypedText
from slt_tui.ui.screens.help import KeysScreen, own_bindings
from slt_tui.ui.screens.start import StartScreen
from slt_tui.ui.screens.too_small import TooSmallScreen, too_small
from slt_tui.ui.typeahead import KeysInOrder
from slt_tui.ui.widgets.palette import Palette
from slt_tui.ui.writer import Saved, SaveFailed, Writer

FOLLOW_EVERY = 0.3  # seconds between looks at the file when another session writes it
HANGUP_LIMIT = 1.0  # seconds from SIGHUP/SIGTERM to the process being gone, whatever happens
QUIT_LIMIT = 1.5  # seconds quit waits for saves in flight (a dead network disk) before it gives up
HANGUP_SAVE_LIMIT = 0.6  # of HANGUP_LIMIT, the seconds a hangup waits for saves, before keeping notes aside


class SltApp(KeysInOrder, KeysInLanguage, App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "SLT"
    BINDINGS = [
        Binding("q", "quit", "key.quit", id="quit"),
        Binding("question_mark", "keys", "key.help", id="help", key_display="?"),
        Binding("h", "home", "key.home", id="home", show=False),
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
        self.meeting_changes = MeetingChanges(self)
        """Every change to a meeting goes through it: the corrections of approved minutes are made there."""
        self.clock = ItemClock(self)
        self._hanging_up = False
        self._quitting = False
        self._old_handlers: dict[int, object] = {}
        self._watchdog: threading.Timer | None = None
        self._lost_file = False
        self.unsaved: SltError | None = None
        """Why changes were left unsaved when the app ended, if they were; said on stderr after it."""
        self._waiting_said = False
        self.at_exit: list[Callable[[], None]] = []  # also run when a hangup ends the process at once
        self.search_index: SearchIndex | None = None  # built by the search screen, kept while the data is
        self.title = " — ".join(filter(None, [t("app.title"), repo.municipality]))
        self.sub_title = " · ".join(filter(None, [
            t("app.demo") if demo else "",
            t("app.following") if follow else t("app.read_only") if repo.readonly else ""]))

    def on_mount(self) -> None:
        self._watch_signals()
        self.clock.resume()
        self.set_interval(1, self.clock.tick)  # the checkpoint runs whatever screen is open
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
        """Below the minimum size a message covers the screen, rather than a layout cut to pieces. A
        screen pushed over the cover meanwhile (a question after a save) gets a cover of its own at the
        next resize, and a cover left under another one goes when it comes back to the top in a terminal
        big enough again (`TooSmallScreen.on_screen_resume`)."""
        width, height = size or self.size
        covered = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height):
            if covered:
                self.screen.show_size(width, height)
            else:
                self.push_screen(TooSmallScreen())
        elif covered:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Behind the too-small cover only quitting works: no palette or key list on top of it. Home is
        for screens, not for a question or a form, which are answered or cancelled first."""
        if isinstance(self.screen, TooSmallScreen) and action not in ("quit", "help_quit"):
            return False
        if action == "home" and isinstance(self.screen, ModalScreen):
            return False
        return super().check_action(action, parameters)

    def action_home(self) -> None:
        """`h` from anywhere: back to the start screen, what was typed on the way handed to the writer
        first, as leaving each screen with escape would."""
        above = self.screen_stack[self.screen_stack.index(self._start_screen()) + 1:]
        for screen in above:
            if isinstance(screen, SltScreen):
                screen.save_pending()
        for _ in above:
            self.pop_screen()

    def _start_screen(self) -> Screen:
        return next(s for s in self.screen_stack if isinstance(s, StartScreen))

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

    def refresh_screens(self, *, failed: bool = False) -> None:
        """Tell every screen the data changed: those in sight redraw now, the rest when they are back."""
        for screen in self.screen_stack:
            if isinstance(screen, SltScreen) and not screen.in_sight():
                screen.changed_while_hidden(failed=failed)
            else:
                screen.post_message(DataChanged(failed=failed))

    def on_saved(self, message: Saved) -> None:
        """A save landed: every screen is told, and redraws what changed. What the code that asked for the
        save does next goes to the uppermost of our screens after that, so it finds the screen redrawn."""
        self.refresh_screens()
        if message.done is not None:
            ours = next((s for s in reversed(self.screen_stack) if isinstance(s, SltScreen)), None)
            if ours is None:
                message.done(message.result)
            else:
                ours.post_message(AfterSave(message.done, message.result))

    def on_save_failed(self, message: SaveFailed) -> None:
        """Nothing shows what is not saved: say why, and redraw every screen from the store."""
        error = message.error
        if isinstance(error, StoreConflictError | DatabaseLockedError | ReadOnlyDatabaseError) and self._lost_file:
            return  # saves queued before the session let go of the file; said once already
        if isinstance(error, StoreConflictError | DatabaseLockedError):
            self.let_go_of_file(error)
            return
        self.notify(error.sentence(), severity="error", timeout=15)
        self.refresh_screens(failed=True)

    def let_go_of_file(self, error: SltError) -> None:
        """Something else wrote the file (its lock was deleted, another program): this session saves no
        more, keeps what was typed and not saved in a file of its own, and follows the file read-only."""
        self._lost_file = True
        typed = self.typed_notes()

        def let_go() -> SltError | None:
            self.repo.close()  # on the writer thread: after the saves queued before it
            return self.keep_aside(typed)

        def done(kept: SltError | None) -> None:
            self.sub_title = t("app.read_only")
            self.set_interval(FOLLOW_EVERY, self.follow_file)
            said = t("app.conflict", reason=error.sentence())
            self.notify(f"{said} {kept.sentence()}" if kept else said, severity="error", timeout=60)
            self.refresh_screens(failed=True)

        self.writer.submit(let_go, done)

    def typed_notes(self) -> list[TypedNotes | TypedText]:
        """Every editor's notes not yet in the file, and what open forms hold unsaved (on the loop: it
        reads the widgets)."""
        typed: list[TypedNotes | TypedText | None] = []
        for screen in self.screen_stack:
            if isinstance(screen, SltScreen):
                typed.append(screen.typed_notes())
            elif isinstance(screen, FormModal):
                typed.append(screen.typed_text())
        return [t for t in typed if t is not None]

    def keep_aside(self, typed: list[TypedNotes | TypedText]) -> SltError | None:
        """Of `typed`, what the file does not hold once the writer is done goes to a file of its own;
        says where (or that even that failed). None when everything reached the file."""
        left = [n for n in typed if not n.saved_in(self.repo.dataset)]
        if not left:
            return None
        kept = rescue(self.repo.path, "\n\n".join(f"{n.heading}\n\n{n.text}" for n in left))
        return NotesKeptAside(path=kept, db_path=self.repo.path, reason=self.writer.failure) if kept else NotesLost(
            reason=self.writer.failure or "")

    def save_everything(self) -> None:
        """Hand every pending change to the writer: notes being typed, the running item clock."""
        for screen in self.screen_stack:
            if isinstance(screen, SltScreen):
                screen.save_pending()
        self.clock.stop(Clock.PAUSED)

    async def action_quit(self) -> None:
        """Save what is pending and end; never longer than QUIT_LIMIT, whatever the disk does."""
        if self._quitting or self._hanging_up:
            return
        self._quitting = True
        self.writer.failure = None  # what counts now is whether what quit hands over lands
        typed = [] if self.repo.readonly else self.typed_notes()
        if not self.repo.readonly:
            self.save_everything()
        # On a thread: the loop stays free, and a save stuck on a dead disk cannot hold quit.
        self.unsaved = await asyncio.to_thread(self._finish, typed, QUIT_LIMIT)
        self.exit(return_code=0 if self.unsaved is None else 1)

    def _finish(self, typed: list[TypedNotes | TypedText], limit: float) -> SltError | None:
        """On a thread, as the app ends: let the saves handed over land (at most `limit` seconds),
        keep aside what typed text did not, release the file. Returns what was not saved, if anything."""
        landed = self.writer.close(limit)
        failure = self.writer.failure or (None if landed else SaveTimeoutError())
        kept = self.keep_aside(typed)
        if landed:
            self.repo.close()  # else the kernel releases the lock as the process ends
        return kept or failure

    def _watch_signals(self) -> None:
        """SIGHUP (the SSH connection dropped) and SIGTERM end the app, whatever the loop is doing.

        A plain signal handler, not the loop's: it runs even if the loop were stuck, and starts the
        watchdog that ends the process HANGUP_LIMIT seconds later whatever happens.
        """
        for sig in (signal.SIGHUP, signal.SIGTERM):
            self._old_handlers[sig] = signal.signal(sig, self._on_signal)

    def _on_signal(self, sig: int, _frame: object) -> None:
        self._start_watchdog()
        if self._loop is not None:
            with suppress(RuntimeError):  # the loop is closed: the watchdog ends the process
                self._loop.call_soon_threadsafe(self.hang_up, sig)

    def on_unmount(self) -> None:
        for sig, handler in self._old_handlers.items():
            signal.signal(sig, handler)  # the app is done; a test runner goes on with its own

    def hang_up(self, sig: int = signal.SIGHUP) -> None:
        """SIGHUP or SIGTERM: save, release the lock and be gone at once.

        Textual installs no handler for either: the default kills the process with nothing saved, and
        an ignored SIGHUP leaves the input loop spinning on the closed terminal. The saving happens on
        a thread that needs neither the terminal nor this loop.
        """
        if self._hanging_up:
            return
        self._hanging_up = True
        self._start_watchdog()
        typed = [] if self.repo.readonly else self.typed_notes()
        if not self.repo.readonly:
            self.save_everything()
        self.writer.silence()  # no more redraws: the screen may be gone
        threading.Thread(target=self._close_after_hangup, args=(sig, typed), daemon=True).start()

    def _start_watchdog(self) -> None:
        """Whatever hangs, the process is gone HANGUP_LIMIT seconds after a hangup began."""
        if self._watchdog is None:
            self._watchdog = threading.Timer(HANGUP_LIMIT, os._exit, (0,))
            self._watchdog.daemon = True
            self._watchdog.start()

    def _close_after_hangup(self, sig: int, typed: list[TypedNotes | TypedText]) -> None:
        self.unsaved = self._finish(typed, HANGUP_SAVE_LIMIT)  # leaves the watchdog time to keep aside
        for cleanup in self.at_exit:
            cleanup()
        status = 0 if self.unsaved is None else 1
        if sig == signal.SIGHUP:
            os._exit(status)  # no terminal to put back (or to read a message); Textual's shutdown would wait
        if self._loop is not None:  # SIGTERM: the terminal, if any, is restored, and the message said
            with suppress(RuntimeError):
                self._loop.call_soon_threadsafe(lambda: self.exit(return_code=status))

    def panic(self, *renderables: RenderableType) -> None:
        """The input thread dies on the closed terminal, perhaps before SIGHUP arrives: a hangup too."""
        if _terminal_gone():
            self.hang_up()
        else:
            super().panic(*renderables)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notification shows its text literally: messages carry names and titles people typed."""
        kwargs = {} if timeout is None else {"timeout": timeout}
        super().notify(message, title=title, severity=severity, markup=False, **kwargs)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (in a text field it copies): say which key does, in the run's language."""
        self.notify(t("app.quit_hint"))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette())

    def action_keys(self) -> None:
        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen by its description. Textual's own commands
        (theme, screenshot, …) are left out: their names are English, and everything here is one key."""
        for node, binding in own_bindings(screen):
            yield SystemCommand(t(binding.description), f"{t('palette.key')}: {self.get_key_display(binding)}",
                                lambda node=node, action=binding.action: self.run_action(action, node))


class NotesKeptAside(SltError):
    """Typed notes did not reach the database, and were written to a file of their own."""

    key = "app.notes_kept"

    def __init__(self, *, path: Path, db_path: Path, reason: SltError | None) -> None:
        super().__init__(path=path, where=_Where(path, db_path), reason=reason or "")
        if reason is not None:
            self.key = "app.notes_kept_because"


class _Where:
    """Where kept notes are: by name when beside the database (a message must fit 80x24), else in full."""

    def __init__(self, path: Path, db_path: Path) -> None:
        self.path, self.db_path = path, db_path

    def sentence(self, lang: str = "en") -> str:
        if self.path.parent == self.db_path.parent:
            return translate("app.beside_database", lang, name=self.path.name)
        return str(self.path)


class NotesLost(SltError):
    """Typed notes reached neither the database nor a file of their own."""

    key = "app.notes_lost"


class SaveTimeoutError(SltError):
    """Quit gave up waiting for the disk; what was in flight may not have been saved."""

    key = "error.save_timeout"


def _terminal_gone() -> bool:
    """True when the controlling terminal has hung up (every ioctl on it then fails with EIO)."""
    try:
        termios.tcgetattr(0)
    except termios.error as exc:
        return exc.args[0] == errno.EIO
    return False
