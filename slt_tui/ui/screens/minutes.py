"""The minutes preview: the rendered minutes of one meeting, internal or public, ready to export.

The Markdown is written in a thread worker and Textual's Markdown widget parses it off the loop, so
long minutes never freeze the app. The public version shows the privacy guard's findings on top.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Markdown
from textual.worker import get_current_worker

from slt_tui.i18n import t
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.html import parser
from slt_tui.minutes.privacy import Finding, scan_markdown
from slt_tui.ui.flows.export import export_document
from slt_tui.ui.modals.export import Document
from slt_tui.ui.screens.base import SltScreen
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.plain import Plain

SHORT = 12
"""A column whose every cell is at most this long (a case number, a date, a status) is never cut."""


def keep_short_columns_whole(table: Widget) -> None:
    """Short columns as wide as their longest cell, the others sharing what is left: at 80 columns a
    case number or a date stays whole (`02/26`, `20.10.2026`), and the text columns wrap instead.

    `table` is the Markdown widget's grid of cells (`MarkdownTableContent`, with its `headers` and
    `rows`), found by its CSS type name: Textual does not export the class."""
    columns = zip(table.headers, *table.rows, strict=False) if table.rows else ([h] for h in table.headers)
    widths = ["auto" if max(cell.cell_length for cell in column) <= SHORT else "1fr" for column in columns]
    table.styles.grid_columns = " ".join(widths)


class MinutesScreen(SltScreen):
    BINDINGS = [
        Binding("v", "toggle_variant", "key.variant", id="variant"),
        Binding("e", "export", "key.export", id="export"),
        Binding("escape", "back", "key.back", id="back"),
    ]

    def __init__(self, meeting_id: str, variant: Variant = Variant.INTERNAL) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.variant = variant

    def compose(self) -> ComposeResult:
        yield Header()
        yield Plain(id="minutes-variant")
        yield Plain(id="minutes-findings")
        with VerticalScroll(id="minutes-scroll"):
            yield Markdown(id="minutes", parser_factory=parser, open_links=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#minutes-scroll").focus()
        self.show()

    def show(self) -> None:
        self.query_one("#minutes-variant", Plain).update(t(f"minutes.screen.{self.variant.value}"))
        self.query_one("#minutes-scroll").loading = True
        self.render_minutes(self.variant)

    @work(thread=True, exclusive=True, group="minutes")
    def render_minutes(self, variant: Variant) -> None:
        dataset = self.app.repo.dataset
        meeting = dataset.meeting(self.meeting_id)
        lang = self.app.repo.minutes_language  # the municipality's written form, as the export will be
        text = render(meeting, dataset, variant, lang, self.app.repo.municipality)
        # The text shown is the text scanned: the same rendering, municipality and language included.
        public = variant is Variant.PUBLIC
        findings = scan_markdown(text, [i.number for i in meeting.agenda], lang) if public else []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.shown, text, findings)

    async def shown(self, text: str, findings: list[Finding]) -> None:
        warning = self.query_one("#minutes-findings", Plain)
        warning.update("\n".join(f"⚠ {f.sentence()}" for f in findings))
        warning.display = bool(findings)
        await self.query_one("#minutes", Markdown).update(text)
        for table in self.query("MarkdownTableContent"):
            keep_short_columns_whole(table)
        self.query_one("#minutes-scroll").loading = False

    def action_toggle_variant(self) -> None:
        self.variant = Variant.PUBLIC if self.variant is Variant.INTERNAL else Variant.INTERNAL
        self.show()

    def action_export(self) -> None:
        export_document(self.app, self.meeting_id, self.variant, Document.MINUTES)  # what is shown here

    def action_back(self) -> None:
        self.app.pop_screen()
