"""Exporting a document from the app: the minutes, the notice, or an e-mail draft of the public
minutes, as Markdown, HTML or archive PDF (PDF/A); choose, confirm, write.

The folder is remembered between sessions. The work runs on the writer thread, after every save
already asked for, so notes typed a moment ago are in the file. A public document with privacy
findings lists them and asks first; an existing file is never written over without asking. A document
that cannot be made (a PDF on a machine without what it needs) is one notification, and no file: the
file is written whole or not at all (`minutes.export.write_file`).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from slt_tui.domain import MeetingStatus
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import DocumentKind, Export, Format
from slt_tui.store.settings import export_folder, remember_export_folder
from slt_tui.ui.modals.export import Choice, Document, ExportForm
from slt_tui.ui.modals.questions import write_after_asking

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp


def export_document(app: SltApp, meeting_id: str, variant: Variant = Variant.INTERNAL,
                    document: Document | None = None) -> None:
    """Ask what, where and how, then write a document of `meeting_id`, confirming what needs confirming.
    Offered first: `document`, else the notice of a meeting not held, the minutes of one held."""
    dataset = app.repo.dataset
    meeting = dataset.meeting(meeting_id)
    if document is None:
        held = meeting.status in (MeetingStatus.RUNNING, MeetingStatus.CLOSED)
        document = Document.MINUTES if held else Document.NOTICE

    def chosen(choice: Choice | None) -> None:
        if choice is not None:
            app.writer.submit(lambda: prepare(choice), ask)

    def prepare(choice: Choice) -> tuple[Export, Path, list, bool]:
        latest = app.repo.dataset  # after the saves submitted before this one
        export = choice.export(latest.meeting(meeting_id), latest, app.repo.minutes_language, app.repo.municipality)
        path = choice.folder / export.file_name
        return export, path, export.findings(), path.exists()

    def ask(prepared: tuple[Export, Path, list, bool]) -> None:
        export, path, findings, exists = prepared
        write_after_asking(app, path, findings, exists, _privacy_question(export), _saved(export),
                           lambda: write(export, path))

    def write(export: Export, path: Path) -> None:
        export.write(path, overwrite=True, force=True)  # both asked about above
        with suppress(OSError):  # not remembering the folder is no reason to fail the export
            remember_export_folder(path.parent)

    app.push_screen(ExportForm(meeting, dataset, app.repo.minutes_language, export_folder(), document=document,
                               variant=variant), chosen)


def _privacy_question(export: Export) -> str:
    if export.format is Format.EML:
        return "privacy.confirm_mail"
    return "privacy.confirm_notice" if export.kind is DocumentKind.NOTICE else "privacy.confirm"


def _saved(export: Export) -> str:
    if export.format is Format.EML:
        return "saved.email"
    return "saved.notice" if export.kind is DocumentKind.NOTICE else "saved.minutes"
