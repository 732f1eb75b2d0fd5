"""Registers: agencies, people and forums, so that a municipality sets itself up without editing JSON."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, TabbedContent, TabPane

from slt_tui.domain.dataset import key_of
from slt_tui.i18n import t
from slt_tui.ui.modals.questions import Confirm
from slt_tui.ui.modals.register_forms import AgencyForm, DocumentsLanguageForm, ForumForm, PersonForm
from slt_tui.ui.screens.base import SltScreen
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.lists import EditTable
from slt_tui.ui.widgets.tables import refill, selected_key

TABLES = ("agencies", "people", "forums")


class RegistersScreen(SltScreen):
    BINDINGS = [
        Binding("a", "add", "key.new", id="add"),
        Binding("delete", "delete", "key.delete", id="delete"),
        Binding("escape", "close", "key.back", id="back"),
        Binding("m", "documents_language", "key.documents_language", id="documents_language"),
        Binding("right", "tab(1)", "key.next_tab", id="next_tab", priority=True, show=False),
        Binding("left", "tab(-1)", "key.previous_tab", id="previous_tab", priority=True, show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="tabs"):
            for table in TABLES:
                with TabPane(t(f"registers.{table}"), id=f"tab-{table}"):
                    yield EditTable(id=table, cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        columns = {"agencies": ("col.code", "col.name"), "people": ("col.name", "col.agency", "col.role"),
                   "forums": ("col.name", "col.level", "col.members")}
        for table, keys in columns.items():
            self.query_one(f"#{table}", EditTable).add_columns(*(t(k) for k in keys))
        self.refresh_view()
        self.query_one("#agencies", EditTable).focus()

    def refresh_view(self) -> None:
        dataset = self.app.repo.dataset
        rows = {
            "agencies": [(a.code, (a.code, a.name)) for a in dataset.agencies],
            "people": [(p.id, (p.name, p.agency, p.role)) for p in dataset.people],
            "forums": [(f.id, (f.name, t(f"level.{f.level.value}"), str(len(f.members)))) for f in dataset.forums],
        }
        for table, content in rows.items():
            refill(self.query_one(f"#{table}", EditTable), content)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.query_one(f"#{self.current}", EditTable).focus()

    @property
    def current(self) -> str:
        return str(self.query_one(TabbedContent).active).removeprefix("tab-")

    def selected(self) -> str | None:
        return selected_key(self.query_one(f"#{self.current}", EditTable))

    def form(self, record=None):
        dataset, lang = self.slt.repo.dataset, self.slt.repo.minutes_language
        codes = frozenset(a.code for a in dataset.agencies)
        return {"agencies": lambda: AgencyForm(record, codes), "people": lambda: PersonForm(dataset, record),
                "forums": lambda: ForumForm(dataset, record, documents_language=lang)}[self.current]()

    def _save(self, record) -> None:
        if record is not None:
            self.app.writer.submit(lambda: self.app.repo.save(record), lambda saved: self._saved(key_of(saved)))

    def _saved(self, key: str) -> None:
        self.refresh_view()
        table = self.query_one(f"#{self.current}", EditTable)
        if key in table.rows:
            table.move_cursor(row=table.get_row_index(key))

    def action_add(self) -> None:
        if self.app.writable():
            self.app.push_screen(self.form(), self._save)

    def on_data_table_row_selected(self, event: EditTable.RowSelected) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        key = self.selected()
        if key is not None and self.app.writable():
            self.app.push_screen(self.form(self.app.repo.dataset.get(self.current, key)), self._save)

    def action_delete(self) -> None:
        key = self.selected()
        if key is None or not self.app.writable():
            return
        table = self.current

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.writer.submit(lambda: self.app.repo.delete(table, key))

        self.app.push_screen(Confirm(t("confirm.delete", what=key)), answered)

    def action_documents_language(self) -> None:
        """The language of the municipality's documents, whatever language this session speaks."""
        if not self.app.writable():
            return

        def chosen(lang: str | None) -> None:
            if lang is not None:
                self.app.writer.submit(lambda: self.app.repo.set_minutes_language(lang),
                                       lambda _: self.notify(t("registers.documents_language",
                                                               language=t(f"language.{lang}"))))

        self.app.push_screen(DocumentsLanguageForm(self.app.repo.minutes_language), chosen)

    def action_tab(self, offset: int) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = f"tab-{TABLES[(TABLES.index(self.current) + offset) % len(TABLES)]}"

    def action_close(self) -> None:
        self.dismiss(None)
