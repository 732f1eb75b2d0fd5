"""The key bar every screen has: the screen's keys, wrapped onto a second row rather than cut.

Textual's `Footer` is one row and cuts what does not fit: at 80 columns the meeting screen lost its
start, details, review, confidential and export keys. This bar lays the keys out itself, whole entries
per row (a key is never parted from its word), in as many rows as they need (two at most on any
screen at 80 columns; a test keeps it so), and redraws only when the keys or the width change.
Keys that cannot act now are shown dimmed. `?` lists every key, ctrl+p finds any command by name.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from slt_tui.ui.widgets.plain import Plain


class KeyFooter(Plain):
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: auto;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="keys")
        self._shown: tuple = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)
        self.call_after_refresh(self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._keys_changed()

    def entries(self) -> list[tuple[str, str, bool]]:
        """`(key, description, enabled)` for each action the screen shows, in the screen's order."""
        seen: dict[str, tuple[str, str, bool]] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen[binding.action] = (self.app.get_key_display(binding), binding.description, enabled)
        return list(seen.values())

    def _keys_changed(self, *_: object) -> None:
        if not self.is_attached:
            return
        entries, width = self.entries(), self.size.width or self.app.size.width
        if (entries, width) == self._shown:
            return
        self._shown = (entries, width)
        self.update(self.lines(entries, width))

    def lines(self, entries: list[tuple[str, str, bool]], width: int) -> Text:
        variables = self.app.get_css_variables()
        key_style = Style.parse(f"bold {variables.get('footer-key-foreground', 'yellow')}")
        text, used = Text(no_wrap=True, overflow="ellipsis"), 0
        for key, description, enabled in entries:
            size = cell_len(key) + 1 + cell_len(description)
            if used and used + 1 + size > width:
                text.append("\n")
                used = 0
            elif used:
                text.append(" ")
                used += 1
            dim = Style(dim=True) if not enabled else Style()
            text.append(key, key_style + dim)
            text.append(" " + description, dim)
            used += size
        return text
