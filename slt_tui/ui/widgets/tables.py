"""Small helpers for the DataTables every screen lists things in."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def refill(table: DataTable, rows: Iterable[tuple[str, Iterable]]) -> None:
    """Replace the rows with `(key, cells)` pairs, keeping the cursor where it was (or at the end)."""
    row = table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if table.row_count:
        table.move_cursor(row=min(row, table.row_count - 1))
