"""`?`: every key of the screen below, in the user's language, including those the footer leaves out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from slt_tui.i18n import t


class KeysScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", t("key.close"), id="close")]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        rows = []
        seen: set[str] = set()
        for active in self.below.active_bindings.values():
            binding = active.binding
            if binding.description and binding.action not in seen:
                seen.add(binding.action)
                rows.append(f"{self.app.get_key_display(binding):>12}  {binding.description}")
        rows.append(f"{'ctrl+p':>12}  {t('help.palette')}")
        with VerticalScroll(classes="form"):
            yield Label(t("help.title"), classes="form-title")
            yield Static("\n".join(rows))
            yield Static(t("help.close"), classes="form-hint")
