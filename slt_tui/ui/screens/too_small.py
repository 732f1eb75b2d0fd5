"""Shown instead of a broken layout while the terminal is smaller than the app can be used at."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import ModalScreen

from slt_tui.i18n import t
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.widgets.plain import Plain

MIN_WIDTH, MIN_HEIGHT = 80, 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(KeysInLanguage, ModalScreen[None]):
    """Covers whatever screen is open; it goes by itself when the terminal grows (`SltApp.on_resize`).
    Only quitting works meanwhile: nothing is done to a screen the user cannot see."""

    BINDINGS = [Binding("q", "app.quit", "key.quit")]

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Plain(id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def on_screen_resume(self) -> None:
        """Back on top after a screen above it closed, in a terminal that has grown meanwhile."""
        if not too_small(*self.app.size):
            self.dismiss()

    def show_size(self, width: int, height: int) -> None:
        self.query_one("#too-small", Plain).update(
            t("app.too_small", width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT))
