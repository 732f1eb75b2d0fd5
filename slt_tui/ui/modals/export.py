"""The export form: folder, document (minutes, notice, or an e-mail draft of the public minutes),
version (internal or public) and format, and the file name the document will get. The flow that opens
it and writes the file is `ui.flows.export`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from textual.app import ComposeResult

from slt_tui.domain import Dataset, Meeting
from slt_tui.i18n import t
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import DocumentKind, Export, Format, existing_folder
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import Plain, PlainSelect


class Document(StrEnum):
    """What the form offers: the two documents, and the e-mail draft that carries the public minutes."""

    MINUTES = "minutes"
    NOTICE = "notice"
    MAIL = "mail"

    @property
    def kind(self) -> DocumentKind:
        return DocumentKind.NOTICE if self is Document.NOTICE else DocumentKind.MINUTES


@dataclass(frozen=True)
class Choice:
    folder: Path
    variant: Variant
    format: Format
    kind: DocumentKind

    def export(self, meeting: Meeting, dataset: Dataset, lang: str, municipality: str = "") -> Export:
        return Export(meeting, dataset, self.variant, self.format, lang, municipality, kind=self.kind)


FILE_FORMATS = (Format.MARKDOWN, Format.HTML, Format.PDF)


def format_label(fmt: Format) -> str:
    return {Format.MARKDOWN: "Markdown (.md)", Format.HTML: "HTML (.html)"}.get(fmt) or t(f"export.format.{fmt.value}")


class ExportForm(FormModal[Choice]):
    def __init__(self, meeting: Meeting, dataset: Dataset, lang: str, folder: Path, *,
                 document: Document = Document.MINUTES, variant: Variant = Variant.INTERNAL) -> None:
        super().__init__()
        self.title = t("export.title")
        self.meeting, self.dataset, self.lang, self.folder = meeting, dataset, lang, folder
        self.document, self.variant = document, variant
        self._variant_before = variant  # what the version was before the e-mail draft fixed it to public

    def compose_fields(self) -> ComposeResult:
        mail = self.document is Document.MAIL
        documents = [(t(f"export.kind.{d.value}"), d) for d in Document]
        variants = [(t(f"variant.{v.value}"), v) for v in Variant]
        yield from field(t("export.folder"), LineInput(str(self.folder), id="folder"))
        yield from field(t("export.document"), PlainSelect(documents, value=self.document, allow_blank=False,
                                                           id="document"))
        yield from field(t("export.variant"), PlainSelect(variants, value=Variant.PUBLIC if mail else self.variant,
                                                          allow_blank=False, id="variant", disabled=mail))
        yield from field(t("export.format"), PlainSelect(self._formats(self.document), value=self._format(),
                                                         allow_blank=False, id="format", disabled=mail))
        yield Plain(t("export.mail_public") if mail else "", id="mail-note", classes="form-note")
        yield Plain(id="file-name")

    @staticmethod
    def _formats(document: Document) -> list[tuple[str, Format]]:
        shown = (Format.EML,) if document is Document.MAIL else FILE_FORMATS
        return [(format_label(f), f) for f in shown]

    def _format(self) -> Format:
        return Format.EML if self.document is Document.MAIL else Format.MARKDOWN

    def on_mount(self) -> None:
        super().on_mount()
        self.show_file_name()

    def on_select_changed(self, event: PlainSelect.Changed) -> None:
        if event.select.id == "document" and event.value != self.document:
            self._document_chosen(Document(event.value))
        self.show_file_name()

    def _document_chosen(self, document: Document) -> None:
        """An e-mail draft is of the public minutes, as an .eml: both fields fixed, and said why."""
        was_mail, self.document = self.document is Document.MAIL, document
        mail = document is Document.MAIL
        variant = self.query_one("#variant", PlainSelect)
        fmt = self.query_one("#format", PlainSelect)
        if mail:
            self._variant_before = variant.value
            variant.value = Variant.PUBLIC
        elif was_mail:
            variant.value = self._variant_before
        if mail or was_mail:
            fmt.set_options(self._formats(document))
            fmt.value = self._format()
        variant.disabled = fmt.disabled = mail
        self.query_one("#mail-note", Plain).update(t("export.mail_public") if mail else "")

    def choice(self, folder: Path) -> Choice:
        document = Document(self.value("document"))
        if document is Document.MAIL:  # whatever the fields show: never the internal minutes by e-mail
            return Choice(folder, Variant.PUBLIC, Format.EML, DocumentKind.MINUTES)
        fmt = self.value("format")
        return Choice(folder, self.value("variant"), fmt if fmt in FILE_FORMATS else Format.MARKDOWN, document.kind)

    def show_file_name(self) -> None:
        name = self.choice(self.folder).export(self.meeting, self.dataset, self.lang).file_name
        self.query_one("#file-name", Plain).update(t("export.file", name=name))

    def build(self) -> Choice:
        typed = self.value("folder").strip()
        if not typed:
            raise ValueError(t("form.required"))  # never "the current folder" by accident
        return self.choice(existing_folder(typed))
