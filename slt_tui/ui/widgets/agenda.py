"""The agenda as a table: case number, title, planned minutes and time used.

Every cell fits the table's width, the time used whole ("▶ 2 min, 1 over"): the title gives way, cut
so that titles alike stay apart ("Godkjenning…saksliste", "Godkjenning…møte"). While notes are written
the table narrows to case number and time (`narrow`), and the notes get the room.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets.data_table import ColumnKey

from slt_tui.domain import AgendaItem, Meeting
from slt_tui.i18n import t
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.widgets.plain import PlainTable
from slt_tui.ui.widgets.tables import cut_end, fit_columns, selected_key
from slt_tui.wording import item_over, item_time

WIDE = ("number", "title", "planned", "used")
NARROW = ("number", "used")
MIN_TITLE = 8
DISTINCT = 6
"""Characters a cut title shows past what it shares with another, or it is cut in the middle."""


def cut_middle(text: str, room: int) -> str:
    """`text` in `room` cells keeping its last words: `Godkjenning…saksliste`."""
    if cell_len(text) <= room:
        return text
    words, tail = text.split(), ""
    while words and cell_len(" ".join([words[-1], tail]).strip()) <= room - 5:
        tail = " ".join([words.pop(), tail]).strip()
    if not tail:  # one long last word: its end
        tail = text[-max(1, (room - 1) // 2):]
    head = cut_end(text, room - cell_len(tail))
    return head[:-1].rstrip() + "…" + tail


def shared_start(a: str, b: str) -> int:
    """How many characters two titles begin with alike."""
    return next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def shortened(titles: list[str], room: int) -> list[str]:
    """Each title in `room` cells. A cut title that would show less than a word past what it shares
    with another title keeps its end instead: "Godkjenning…saksliste", not "Godkjenning av in…"."""
    out = []
    for n, title in enumerate(titles):
        head = cut_end(title, room)
        shared = max((shared_start(title, other) for m, other in enumerate(titles) if m != n),
                     default=0)
        out.append(cut_middle(title, room) if head.endswith("…") and len(head) - 1 < shared + DISTINCT else head)
    return out


class AgendaTable(KeysInLanguage, PlainTable):
    """One row per item, keyed by item id; `show_used` redraws only the time cell of one row."""

    BINDINGS = [Binding("enter", "select_cursor", "key.edit_item", id="edit_item", show=False)]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.narrow = False
        self._shown: tuple[Meeting, str | None, int] | None = None
        self._rows: list[tuple[str, tuple]] = []

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self._columns(WIDE)

    def _columns(self, keys: tuple[str, ...]) -> None:
        self.clear(columns=True)
        self._rows = []
        for key in keys:
            self.add_column(t(f"col.agenda.{key}"), key=key)

    def set_narrow(self, narrow: bool) -> None:
        """Case number and time only (while notes are written), or every column."""
        if narrow != self.narrow:
            self.narrow = narrow
            if self._shown is not None:
                self.show(*self._shown)

    def show(self, meeting: Meeting, running: str | None = None, running_extra: int = 0) -> None:
        """Fill from `meeting`, keeping the cursor on the same item."""
        self._shown = (meeting, running, running_extra)
        selected = self.selected_id
        keys = NARROW if self.narrow else WIDE
        if tuple(str(c.value) for c in self.columns) != keys:
            self._columns(keys)
        used = {i.id: self.used(i, running=i.id == running, extra=running_extra if i.id == running else 0)
                for i in meeting.agenda}
        titles = self.titles(meeting, used)
        rows = []
        for item, title in zip(meeting.agenda, titles, strict=True):
            cells = {"number": item.number, "title": Text(title, no_wrap=True), "planned": f"{item.planned_minutes}",
                     "used": used[item.id]}
            rows.append((item.id, tuple(cells[k] for k in keys)))
        if rows == self._rows:  # a redraw after a save that changed nothing here sends nothing
            return
        self._rows = rows
        self.clear()
        fit_columns(self, rows)
        for key, cells in rows:
            self.add_row(*cells, key=key)
        if selected and meeting.item(selected) is not None:
            self.move_cursor(row=self.get_row_index(selected))

    def titles(self, meeting: Meeting, used: dict[str, Text]) -> list[str]:
        """The titles in what the other columns leave (U.off. first, as municipalities mark it)."""
        if self.narrow:
            return ["" for _ in meeting.agenda]
        others = [max([cell_len(t("col.agenda.number")), *(cell_len(i.number) for i in meeting.agenda)]),
                  max([cell_len(t("col.agenda.planned")), *(len(str(i.planned_minutes)) for i in meeting.agenda)]),
                  max([cell_len(t("col.agenda.used")), *(u.cell_len for u in used.values())])]
        padding = 2 * self.cell_padding * len(WIDE)
        room = max(MIN_TITLE, self.scrollable_content_region.width - sum(others) - padding - 1)
        texts = [(t("agenda.exempt") + " " if i.confidential else "") + i.title for i in meeting.agenda]
        return shortened(texts, room)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def used(self, item: AgendaItem, *, running: bool, extra: int) -> Text:
        text = Text(item_time(item, extra, running=running), no_wrap=True)
        if item_over(item, extra):
            text.stylize(f"bold {self.app.current_theme.warning or 'yellow'}")
        return text

    def show_used(self, item: AgendaItem, *, running: bool, extra: int) -> None:
        """The running item's time, once a minute: its row alone when it still fits its column."""
        if item.id not in self.rows:
            return
        text = self.used(item, running=running, extra=extra)
        if text.cell_len > self.columns[ColumnKey("used")].content_width and self._shown is not None:
            meeting, shown_running, _ = self._shown
            self.show(meeting, shown_running, extra)  # the columns make room: the whole table once
            return
        self.update_cell(item.id, "used", text)
        column = [str(c.value) for c in self.columns].index("used")
        self._rows = [(key, (*cells[:column], text, *cells[column + 1:])) if key == item.id else (key, cells)
                      for key, cells in self._rows]  # what is shown, so that an equal redraw sends nothing

    @property
    def selected_id(self) -> str | None:
        return selected_key(self)
