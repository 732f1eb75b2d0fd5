"""What every slt-tui screen has: it redraws from the store when told the data changed, and hands
over what it holds unsaved when the app is about to end."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp


class DataChanged(Message):
    """The stored data changed (another session saved, or a save failed): redraw from the store."""


class SltScreen(Screen):
    @property
    def slt(self) -> SltApp:
        """The app, typed: every screen's path from a key to the file is visible to a type checker."""
        return cast("SltApp", self.app)

    def refresh_view(self) -> None:
        """Redraw everything from the store."""

    def save_pending(self) -> None:
        """Hand anything typed but not yet saved to the writer (the app is about to end)."""

    def unsaved_text(self) -> str | None:
        """What was typed here and is not in the file, as text to keep elsewhere (the file was lost)."""
        return None

    def on_data_changed(self, message: DataChanged) -> None:
        self.refresh_view()
