"""Search every meeting: type, see ranked hits, `enter` opens the meeting on that case.

The index (every text folded once) is built in a thread worker the first time and again only when
the data has changed; each key then searches it in a few milliseconds.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from slt_tui.domain.clock import format_date
from slt_tui.domain.search import Hit, SearchIndex
from slt_tui.i18n import t
from slt_tui.ui.screens.base import SltScreen
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.lists import OpenTable
from slt_tui.ui.widgets.plain import Plain
from slt_tui.ui.widgets.tables import refill, selected_key


class SearchScreen(SltScreen):
    BINDINGS = [
        Binding("escape", "close", "key.back", id="back"),
        Binding("down", "results", "key.results", id="results", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield LineInput(placeholder=t("search.placeholder"), id="query")
        yield Plain(id="search-status")
        yield OpenTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#hits", OpenTable)
        for key in ("date", "forum", "case", "where", "text"):
            table.add_column(t(f"search.col.{key}"), key=key)
        self.hits: dict[str, Hit] = {}
        self.query_one("#query", LineInput).focus()
        self.build_index()

    @work(thread=True, exclusive=True, group="search-index")
    def build_index(self) -> None:
        dataset = self.app.repo.dataset
        index = self.app.search_index
        if index is None or index.dataset is not dataset:
            self.app.search_index = SearchIndex(dataset)
        self.app.call_from_thread(self.show_hits)

    def on_input_changed(self, event: LineInput.Changed) -> None:
        self.show_hits()

    def on_input_submitted(self, event: LineInput.Submitted) -> None:
        self.action_results()

    def show_hits(self) -> None:
        query = self.query_one("#query", LineInput).value
        index = self.app.search_index
        if index is None or index.dataset is not self.app.repo.dataset:
            self.query_one("#search-status", Plain).update(t("search.indexing"))
            return
        hits = index.search(query)
        dataset = self.app.repo.dataset
        self.hits = {f"{n}": hit for n, hit in enumerate(hits)}
        rows = []
        for key, hit in self.hits.items():
            meeting = dataset.meeting(hit.meeting)
            item = meeting.item(hit.item)
            rows.append((key, (format_date(meeting.starts_at), dataset.forum(meeting.forum).name,
                               item.number if item else "", t(f"search.where.{hit.where.value}"),
                               hit.snippet(query))))
        refill(self.query_one("#hits", OpenTable), rows)
        status = t("search.count", count=len(hits)) if query.strip() else t("search.hint")
        self.query_one("#search-status", Plain).update(status)

    def action_results(self) -> None:
        if self.hits:
            self.query_one("#hits", OpenTable).focus()

    def on_data_table_row_selected(self, event: OpenTable.RowSelected) -> None:
        key = selected_key(self.query_one("#hits", OpenTable))
        if key is not None and key in self.hits:
            hit = self.hits[key]
            self.app.open_meeting(hit.meeting, item_id=hit.item)

    def action_close(self) -> None:
        self.dismiss(None)
