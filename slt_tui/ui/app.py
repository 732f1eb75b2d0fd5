"""The SLT app: wiring only. Screens live in `screens/`, forms in `modals/`, styles in `app.tcss`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.search import SearchIndex
from slt_tui.i18n import t
from slt_tui.store import Repository
from slt_tui.ui.screens.help import KeysScreen, own_bindings
from slt_tui.ui.screens.start import StartScreen
from slt_tui.ui.timer import ItemTimer
from slt_tui.ui.writer import Writer


class SltApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "SLT"
    BINDINGS = [
        Binding("q", "quit", t("key.quit"), id="quit"),
        Binding("question_mark", "keys", t("key.help"), id="help", key_display="?"),
    ]

    def __init__(self, repo: Repository, *, demo: bool = False, read_only_reason: str = "",
                 meeting_id: str | None = None) -> None:
        super().__init__()
        self.repo = repo
        self.read_only_reason = read_only_reason
        self.start_meeting = meeting_id
        self.writer = Writer(self)
        self.timer = ItemTimer()
        self.search_index: SearchIndex | None = None  # built by the search screen, kept while the data is
        self.title = " — ".join(filter(None, [t("app.title"), repo.municipality]))
        self.sub_title = " · ".join(filter(None, [t("app.demo") if demo else "",
                                                  t("app.read_only") if repo.readonly else ""]))

    def on_mount(self) -> None:
        self.push_screen(StartScreen())
        if self.start_meeting:
            self.open_meeting(self.start_meeting)
        if self.read_only_reason:
            self.notify(self.read_only_reason, severity="warning", timeout=30)

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
            self.notify(t("app.read_only_refused"), severity="warning")
            return False
        return True

    def refresh_screens(self) -> None:
        """Redraw every screen from the store (after a save failed, so nothing shows what is not saved)."""
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_view"):
                screen.refresh_view()

    def save_timer(self, *, stop: bool, done: Callable[[object], None] | None = None) -> None:
        """Save the running item timer's seconds to its meeting: stopping it, or as a checkpoint."""
        meeting_id, item_id, seconds = self.timer.stop() if stop else self.timer.checkpoint()
        if meeting_id and item_id and seconds and not self.repo.readonly:
            self.writer.submit(
                lambda: self.repo.update("meetings", meeting_id, lambda m: ops.add_time(m, item_id, seconds)), done)

    def save_everything(self) -> None:
        """Hand every pending change to the writer: notes being typed, the running item timer."""
        for screen in self.screen_stack:
            if hasattr(screen, "save_pending"):
                screen.save_pending()
        self.save_timer(stop=True)

    async def action_quit(self) -> None:
        self.save_everything()
        await asyncio.to_thread(self.writer.flush)  # the loop stays free for the writer's callbacks
        self.writer.close()
        self.exit(0)

    def action_keys(self) -> None:
        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen by its description, then Textual's own."""
        for node, binding in own_bindings(screen):
            yield SystemCommand(binding.description, f"{t('palette.key')}: {self.get_key_display(binding)}",
                                lambda node=node, action=binding.action: self.run_action(action, node))
        yield from super().get_system_commands(screen)
