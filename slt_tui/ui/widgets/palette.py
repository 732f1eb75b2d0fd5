"""The command palette in the language of the run: Textual's own says "Search for commands…" and
"No matches found" in English whatever the app speaks."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from slt_tui.i18n import t


class Palette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=t("palette.placeholder"))

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its one English sentence translated (textual.command, pinned <9).
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("palette.no_matches"), style="not bold")), disabled=True,
                    id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
