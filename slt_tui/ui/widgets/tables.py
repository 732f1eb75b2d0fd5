"""Small helpers for the DataTables every screen lists things in."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual.render import measure

from slt_tui.ui.widgets.plain import PlainTable


def cut_end(text: str, room: int) -> str:
    """`text` in `room` cells, cut at the end with `…`."""
    if cell_len(text) <= room:
        return text
    while text and cell_len(text) > room - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def selected_key(table: PlainTable) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def _width(table: PlainTable, cell: object) -> int:
    if not isinstance(cell, Text):  # a PlainTable shows every string literally
        cell = Text(str(cell))
    return measure(table.app.console, cell, 1)


def fit_columns(table: PlainTable, rows: list[tuple[str, tuple]]) -> None:
    """Size the auto-width columns for `rows` before they are added.

    DataTable measures new rows only when it next goes idle, and caches what it drew before that: when
    a repaint comes first, the rows stay cut to the width of the headings (seen on a loaded CI machine).
    Measured here, the first paint is already right, and a column shrinks again when its long rows go.
    """
    for i, column in enumerate(table.ordered_columns):
        if column.auto_width:
            column.content_width = max([measure(table.app.console, column.label, 1),
                                        *(_width(table, cells[i]) for _, cells in rows)])


def refill(table: PlainTable, rows: Iterable[tuple[str, Iterable]]) -> None:
    """Replace the rows with `(key, cells)` pairs, keeping the cursor where it was (or at the end)."""
    row = table.cursor_row
    rows = [(key, tuple(cells)) for key, cells in rows]
    if rows == getattr(table, "_filled", None):  # a redraw after a save that changed nothing here
        return
    table._filled = rows  # type: ignore[attr-defined]
    table.clear()
    fit_columns(table, rows)
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if table.row_count:
        table.move_cursor(row=min(row, table.row_count - 1))
