"""Keys described in the language of the run.

A `Binding`'s description in `BINDINGS` is a catalogue key (`"key.quit"`), because class bodies run at
import, before the language is known. `KeysInLanguage` gives each screen, form and the app a copy of
its bindings with the descriptions translated when it is made, so the footer, the help screen and
the command palette all speak the language chosen for the run.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import BindingsMap

from slt_tui.i18n import t


def in_language(bindings: BindingsMap) -> BindingsMap:
    return BindingsMap.from_keys({
        key: [replace(b, description=t(b.description)) if b.description else b for b in group]
        for key, group in bindings.key_to_bindings.items()
    })


class KeysInLanguage:
    """Mixin, first among the bases: this node's key descriptions in the current language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bindings = in_language(self._bindings)
