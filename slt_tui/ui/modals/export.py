"""The export form: folder, version (internal or public) and format of the minutes, and the file name
they will get. The flow that opens it and writes the file is `ui.flows.export`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult

from slt_tui.i18n import t
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import Export, existing_folder
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import Plain, PlainSelect


@dataclass(frozen=True)
class Choice:
    folder: Path
    variant: Variant
    html: bool


class ExportForm(FormModal[Choice]):
    def __init__(self, export: Export, folder: Path) -> None:
        super().__init__()
        self.title = t("export.title")
        self.export, self.folder = export, folder

    def compose_fields(self) -> ComposeResult:
        yield from field(t("export.folder"), LineInput(str(self.folder), id="folder"))
        variants = [(t(f"variant.{v.value}"), v) for v in Variant]
        yield from field(t("export.variant"), PlainSelect(variants, value=self.export.variant, allow_blank=False,
                                                     id="variant"))
        yield from field(t("export.format"), PlainSelect([("Markdown (.md)", False), ("HTML (.html)", True)],
                                                    value=False, allow_blank=False, id="format"))
        yield Plain(id="file-name")

    def on_mount(self) -> None:
        self.show_file_name()

    def on_select_changed(self, event: PlainSelect.Changed) -> None:
        self.show_file_name()

    def chosen_export(self) -> Export:
        return Export(self.export.meeting, self.export.dataset, self.value("variant"), self.value("format"),
                      self.export.lang)

    def show_file_name(self) -> None:
        self.query_one("#file-name", Plain).update(t("export.file", name=self.chosen_export().file_name))

    def build(self) -> Choice:
        typed = self.value("folder").strip()
        if not typed:
            raise ValueError(t("form.required"))  # never "the current folder" by accident
        return Choice(existing_folder(typed), self.value("variant"), self.value("format"))
