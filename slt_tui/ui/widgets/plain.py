"""Widgets that show text literally: the only way the screens put text on the terminal.

Textual reads `[...]` in a string given to `Static`, `Label`, a `DataTable` cell, an option or a
notification as content markup: a decision "Saken utsettes [/b] til januar" then crashes the app, and
`[@click=app.quit]` or `[link=…]` becomes an action or a terminal hyperlink. Names, titles, notes and
paths are data, never markup. The screens import these widgets instead of Textual's (a test keeps it
so); a string given to any of them is shown exactly as it is, and styled text is built as a Rich
`Text`, which is never parsed either. (Notifications are literal in `SltApp.notify`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.widgets import DataTable, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option


def plain(value: Any) -> Any:
    """A string as literal text; anything else (Rich Text, numbers, None) as it is."""
    return Text(value) if isinstance(value, str) else value


class Plain(Static):
    """A `Static` whose strings are never markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        super().__init__(content, markup=False, **kwargs)
        self._said: Any = content

    def say(self, content: Any) -> None:
        """Show `content`, sending nothing to the terminal when it is what is shown already (a redraw
        after every save must not repaint what did not change)."""
        if content != self._said or type(content) is not type(self._said):
            self.update(content)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        self._said = content
        super().update(content, layout=layout)


class PlainLabel(Label):
    """A `Label` whose strings are never markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        super().__init__(content, markup=False, **kwargs)


class PlainTable(DataTable):
    """A `DataTable` whose string cells and headings are never markup."""

    def add_column(self, label: Any, *args: Any, **kwargs: Any):
        return super().add_column(plain(label), *args, **kwargs)

    def add_columns(self, *labels: Any):
        return super().add_columns(*(plain(label) for label in labels))

    def add_row(self, *cells: Any, **kwargs: Any):
        return super().add_row(*(plain(cell) for cell in cells), **kwargs)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:
        super().update_cell(row_key, column_key, plain(value), **kwargs)


class PlainOptionList(OptionList):
    """An `OptionList` whose string prompts are never markup."""

    def __init__(self, *content: Any, **kwargs: Any) -> None:
        super().__init__(*content, markup=False, **kwargs)


class PlainSelect(Select):
    """A `Select` whose string labels are never markup (its drop-down and its current value)."""

    def __init__(self, options: Iterable[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(_plain_options(options), **kwargs)

    def set_options(self, options: Iterable[tuple[Any, Any]]) -> None:
        super().set_options(_plain_options(options))


class PlainSelectionList(SelectionList):
    """A `SelectionList` whose string prompts are never markup."""

    def __init__(self, *selections: tuple[Any, ...], **kwargs: Any) -> None:
        super().__init__(*((plain(prompt), *rest) for prompt, *rest in selections), **kwargs)


def _plain_options(options: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    return [(plain(label), value) for label, value in options]


__all__ = ["Option", "Plain", "PlainLabel", "PlainOptionList", "PlainSelect", "PlainSelectionList", "PlainTable",
           "plain"]
