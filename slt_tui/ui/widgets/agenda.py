"""The agenda as a table: case number, title, kind, planned minutes and time used."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from slt_tui.domain import AgendaItem, Meeting
from slt_tui.i18n import t
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.widgets.plain import PlainTable
from slt_tui.ui.widgets.tables import fit_columns, selected_key
from slt_tui.wording import duration

COLUMNS = ("number", "title", "planned", "used")
FIXED = 6 + 3 + 11 + 2 * len(COLUMNS)  # number, minutes, used ("▶ 12:05 over"), and cell padding


class AgendaTable(KeysInLanguage, PlainTable):
    """One row per item, keyed by item id; `show_used` redraws only the time cell of one row."""

    BINDINGS = [Binding("enter", "select_cursor", "key.edit_item", id="edit_item", show=False)]

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for key in COLUMNS:
            self.add_column(t(f"col.agenda.{key}"), key=key)

    def show(self, meeting: Meeting, running: str | None = None, running_extra: int = 0) -> None:
        """Fill from `meeting`, keeping the cursor on the same item."""
        self._shown = (meeting, running, running_extra)
        selected = self.selected_id
        rows = [(item.id, self.cells(item, running=item.id == running,
                                     extra=running_extra if item.id == running else 0)) for item in meeting.agenda]
        self.clear()
        fit_columns(self, rows)
        for key, cells in rows:
            self.add_row(*cells, key=key)
        if selected and meeting.item(selected) is not None:
            self.move_cursor(row=self.get_row_index(selected))

    def on_resize(self) -> None:
        if getattr(self, "_shown", None):
            self.show(*self._shown)

    def cells(self, item: AgendaItem, *, running: bool = False, extra: int = 0) -> tuple:
        room = max(8, self.size.width - FIXED)  # titles give way, so that the times always show
        text = (t("agenda.exempt") + " " if item.confidential else "") + item.title  # U.off., as municipalities mark it
        title = Text(text if len(text) <= room else text[: room - 1] + "…", no_wrap=True)
        return (item.number, title, f"{item.planned_minutes}", self.used(item, running=running, extra=extra))

    def used(self, item: AgendaItem, *, running: bool, extra: int) -> Text:
        seconds = item.spent_seconds + extra
        # A running item shows whole minutes: the table repaints whole on each change (see tick()).
        text = Text(f"▶ {seconds // 60} min" if running else duration(seconds))
        if seconds > item.planned_minutes * 60:
            text.append(" " + t("agenda.over"))
            text.stylize(f"bold {self.app.current_theme.warning or 'yellow'}")
        return text

    def show_used(self, item: AgendaItem, *, running: bool, extra: int) -> None:
        if item.id in self.rows:
            self.update_cell(item.id, "used", self.used(item, running=running, extra=extra))

    @property
    def selected_id(self) -> str | None:
        return selected_key(self)
