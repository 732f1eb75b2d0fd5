"""Lists whose `enter` says what it does, in the footer and under `?`.

The binding sits on the list itself, not as a priority binding on the screen: a priority binding runs
before the list has handled keys already queued for it, so a quick `down` `enter` would open the row
the cursor was leaving.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, OptionList

from slt_tui.i18n import t


class OpenList(OptionList):
    BINDINGS = [Binding("enter", "select", t("key.open"), id="open")]


class OpenTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", t("key.open"), id="open")]


class EditTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", t("key.edit"), id="edit")]
