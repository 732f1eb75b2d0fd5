"""Lists whose `enter` says what it does, in the footer and under `?`.

The binding sits on the list itself, not as a priority binding on the screen: a priority binding runs
before the list has handled keys already queued for it, so a quick `down` `enter` would open the row
the cursor was leaving.
"""

from __future__ import annotations

from textual.binding import Binding

from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.widgets.plain import PlainOptionList, PlainTable


class OpenList(KeysInLanguage, PlainOptionList):
    BINDINGS = [Binding("enter", "select", "key.open", id="open")]


class OpenTable(KeysInLanguage, PlainTable):
    BINDINGS = [Binding("enter", "select_cursor", "key.open", id="open")]


class EditTable(KeysInLanguage, PlainTable):
    BINDINGS = [Binding("enter", "select_cursor", "key.edit", id="edit")]
