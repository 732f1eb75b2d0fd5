"""Exporting the minutes from the app: choose folder, version and format, confirm, write.

The folder is remembered between sessions. The work runs on the writer thread, after every save
already asked for, so notes typed a moment ago are in the file. A public export with privacy
findings lists them and asks first; an existing file is never written over without asking.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult

from slt_tui.i18n import t
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import Export, existing_folder
from slt_tui.store.settings import export_folder, remember_export_folder
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.modals.questions import write_after_asking
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import Plain, PlainSelect

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp


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


def export_minutes(app: SltApp, meeting_id: str, variant: Variant = Variant.INTERNAL) -> None:
    """Ask where and how, then write the minutes of `meeting_id`, confirming what needs confirming."""
    dataset = app.repo.dataset
    sketch = Export(dataset.meeting(meeting_id), dataset, variant, lang=app.repo.minutes_language)

    def chosen(choice: Choice | None) -> None:
        if choice is not None:
            app.writer.submit(lambda: prepare(choice), ask)

    def prepare(choice: Choice) -> tuple[Export, Path, list, bool]:
        latest = app.repo.dataset  # after the saves submitted before this one
        export = Export(latest.meeting(meeting_id), latest, choice.variant, choice.html, app.repo.minutes_language,
                        app.repo.municipality)
        path = choice.folder / export.file_name
        return export, path, export.findings(), path.exists()

    def ask(prepared: tuple[Export, Path, list, bool]) -> None:
        export, path, findings, exists = prepared
        write_after_asking(app, path, findings, exists, "privacy.confirm", "saved.minutes", lambda: write(export, path))

    def write(export: Export, path: Path) -> None:
        export.write(path, overwrite=True, force=True)  # both asked about above
        with suppress(OSError):  # not remembering the folder is no reason to fail the export
            remember_export_folder(path.parent)

    app.push_screen(ExportForm(sketch, export_folder()), chosen)
