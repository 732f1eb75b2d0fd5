"""Exporting the minutes from the app: choose folder, version and format, confirm, write.

The folder is remembered between sessions. The work runs on the writer thread, after every save
already asked for, so notes typed a moment ago are in the file. A public export with privacy
findings lists them and asks first; an existing file is never written over without asking.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import Export
from slt_tui.store.settings import export_folder, remember_export_folder
from slt_tui.ui.modals.export import Choice, ExportForm
from slt_tui.ui.modals.questions import write_after_asking

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp


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
