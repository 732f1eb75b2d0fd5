"""The SLT app: wiring only. Screens live in `screens/`, styles in `app.tcss`."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from slt_tui.i18n import t
from slt_tui.store import Repository
from slt_tui.ui.screens.start import StartScreen


class SltApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "SLT"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("q", "quit", t("key.quit"), id="quit"),
        Binding("question_mark", "toggle_help", t("key.help"), id="help", key_display="?"),
    ]

    def __init__(self, repo: Repository, *, demo: bool = False, read_only_reason: str = "") -> None:
        super().__init__()
        self.repo = repo
        self.read_only_reason = read_only_reason
        self.title = " — ".join(filter(None, [t("app.title"), repo.municipality]))
        self.sub_title = " · ".join(filter(None, [t("app.demo") if demo else "",
                                                  t("app.read_only") if read_only_reason else ""]))

    def on_mount(self) -> None:
        self.push_screen(StartScreen())
        if self.read_only_reason:
            self.notify(self.read_only_reason, severity="warning", timeout=30)

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()
