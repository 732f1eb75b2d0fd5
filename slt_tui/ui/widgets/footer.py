"""The footer every screen uses: the screen's keys, without Textual's `^p palette` hint.

At 80 columns the hint pushes real keys off the line; ctrl+p works all the same and `?` lists it.
The compact style (no padding around the key) leaves room for one more key on a full screen.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
