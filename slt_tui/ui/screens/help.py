"""`?`: every key of the screen below, in the user's language, including those the footer leaves out."""

from __future__ import annotations

from collections.abc import Iterator

from textual.actions import parse
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from slt_tui.i18n import t
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.widgets.plain import Plain, PlainLabel


def own_bindings(screen: Screen) -> Iterator[tuple[DOMNode, Binding]]:
    """slt-tui's own keys on `screen` and the app (not Textual's built-in, English ones), each action once.

    Read from the classes of the focused widget, its containers, the screen and the app, rather than
    from what is active, so that the list follows the screen, not what Textual's widgets add.
    """
    seen: set[str] = set()
    focused = [w for w in (screen.focused.ancestors_with_self if screen.focused else []) if w is not screen
               and not isinstance(w, App)]
    for node in (*focused, screen, screen.app):
        for cls in type(node).__mro__:
            if not cls.__module__.startswith("slt_tui."):
                continue
            for binding in vars(cls).get("BINDINGS", ()):
                action = binding.action.removeprefix("app.")  # `app.quit` on a screen is the app's `quit`
                if binding.description and action not in seen and _works(node, binding):
                    seen.add(action)
                    yield node, binding


def _works(node: DOMNode, binding: Binding) -> bool:
    """Whether the key does anything here: not one the screen turns off (a review key outside a meeting)."""
    namespace, name, parameters = parse(binding.action)
    target = node.app if namespace == "app" else node
    return target.check_action(name, parameters) is not False


class KeysScreen(KeysInLanguage, ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "key.close", id="close")]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below
        # Read before this screen is on top: which keys work is asked of the screen below (a key list on
        # top of it would turn off `h`, which is off on dialogs).
        app: App = below.app
        self.rows = [f"{app.get_key_display(b):>12}  {t(b.description)}" for _, b in own_bindings(below)]
        self.rows += [f"{'↑ ↓':>12}  {t('help.move')}", f"{'ctrl+p':>12}  {t('help.palette')}"]

    def compose(self) -> ComposeResult:
        rows = self.rows
        with VerticalScroll(classes="form"):
            yield PlainLabel(t("help.title"), classes="form-title")
            yield Plain("\n".join(rows))
            yield Plain(t("help.close"), classes="form-hint")
