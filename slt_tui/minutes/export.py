"""Writing the minutes and the notice to a file: in Markdown, HTML, archive PDF or as an e-mail draft,
under the default name, after the privacy check, never over a file unasked.

`Export` is the one description of a document to write (which meeting, which of its approved versions,
internal or public, which format), used by the command line and the app alike. Internal documents are
written readable by their owner only (they hold confidential notes); public ones get the usual
permissions. A file is written whole or not at all.
"""

from __future__ import annotations

import tempfile
from dataclasses import InitVar, dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from slt_tui.domain.approval import versions
from slt_tui.domain.clock import format_date, now
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Meeting
from slt_tui.domain.registers import slug_id
from slt_tui.errors import SltError, system_reason
from slt_tui.minutes import mail
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.html import page
from slt_tui.minutes.notice import notice_findings, render_notice
from slt_tui.minutes.pdf import archive_pdf
from slt_tui.minutes.privacy import Finding, scan
from slt_tui.store.atomic import FILE_MODE, atomic_write
from slt_tui.store.errors import NotARegularFileError
from slt_tui.store.paths import expand_user
from slt_tui.wording import say

PUBLIC_MODE = 0o644


class ExportExistsError(SltError):
    """The chosen file is there already; the minutes are never written over it unasked."""

    key = "error.export_exists"


class ExportWriteError(SltError):
    """The file could not be written (no such folder, no permission, a full disk); nothing was left."""

    key = "error.export_write"


class MissingFolderError(SltError):
    """The folder to write into does not exist."""

    key = "export.no_folder"


class NotAFolderError(SltError):
    """The place to write into is a file, not a folder."""

    key = "export.not_folder"


class FolderError(SltError):
    """The folder could not be looked at (a name too long, no permission)."""

    key = "export.folder_unreadable"


def existing_folder(typed: str | Path) -> Path:
    """The folder `typed` names (`~` expanded), one a file can be made in; else the error saying why
    documents cannot go there, so that a form can say it before it closes."""
    folder = expand_user(typed)
    try:
        if not folder.is_dir():
            raise (NotAFolderError if folder.exists() else MissingFolderError)(folder=folder)
        # Permissions do not tell (root, a read-only mount, an immutable folder): making a file does.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".slt-tui-"):
            pass
    except OSError as exc:  # ENAMETOOLONG, EACCES, EROFS, EPERM, ELOOP
        raise FolderError(folder=folder, reason=system_reason(exc)) from None
    return folder.resolve()


class PrivacyFindingsError(SltError):
    """Public minutes would carry what looks like personal data; `findings` says where."""

    key = "error.privacy_findings"

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(count=len(findings))
        self.findings = findings


class NoticeFindingsError(PrivacyFindingsError):
    """The public notice would carry what looks like personal data."""

    key = "error.notice_privacy_findings"


class MailFindingsError(PrivacyFindingsError):
    """The e-mail draft would carry what looks like personal data."""

    key = "error.mail_privacy_findings"


class InternalByMailError(SltError):
    """Only the public minutes go in an e-mail: the internal ones hold what may not be sent about."""

    key = "error.mail_internal"


class UnknownVersionError(SltError):
    """The minutes have no such version (see `approval.versions`)."""

    key = "error.unknown_version"


class Format(StrEnum):
    """How a document is written; the value is the file's extension."""

    MARKDOWN = "md"
    HTML = "html"
    PDF = "pdf"
    EML = "eml"

    @property
    def is_text(self) -> bool:
        """Markdown and HTML, which may be shown in a terminal; a PDF or an e-mail draft is not."""
        return self in (Format.MARKDOWN, Format.HTML)


class DocumentKind(StrEnum):
    MINUTES = "minutes"
    NOTICE = "notice"


@dataclass(frozen=True)
class Export:
    """What to write: one meeting's minutes or notice, in a variant, language and format.

    `format` also takes the former `html` flag (True: HTML, False: Markdown), positionally or as
    `html=`. `version` is a version of approved minutes (`approval.versions`, 1 = as approved); None
    is the current record. An e-mail draft is of the public minutes only (`InternalByMailError`).
    """

    meeting: Meeting
    dataset: Dataset
    variant: Variant = Variant.INTERNAL
    format: Format = Format.MARKDOWN
    lang: str = "nb"
    municipality: str = ""
    kind: DocumentKind = DocumentKind.MINUTES
    version: int | None = None
    html: InitVar[bool | None] = None

    def __post_init__(self, html: bool | None) -> None:
        chosen: Format | bool | str = self.format
        if isinstance(chosen, bool):
            chosen = Format.HTML if chosen else Format.MARKDOWN
        if html:
            chosen = Format.HTML
        object.__setattr__(self, "format", Format(chosen))
        object.__setattr__(self, "variant", Variant(self.variant))
        object.__setattr__(self, "kind", DocumentKind(self.kind))
        if self.kind is DocumentKind.NOTICE and (self.format is Format.EML or self.version is not None):
            raise ValueError("a notice has neither versions nor an e-mail draft")

    @cached_property
    def record(self) -> Meeting:
        """The meeting as the document shows it: the version asked for, else as it stands."""
        if self.version is None:
            return self.meeting
        found = versions(self.meeting)
        if not 1 <= self.version <= len(found):
            raise UnknownVersionError(meeting=self.meeting.id, number=self.version, count=len(found))
        return found[self.version - 1].meeting

    @property
    def file_name(self) -> str:
        """`referat-koordineringsgruppa-2026-10-27.md`, `innkalling-koordineringsgruppa-2026-12-08.pdf` (in
        the document's language: `minutes-…`, `notice-…` in English); internal documents say so in the
        name too (`…-internt`), and an older version its number (`…-versjon-1`)."""
        forum = slug_id(self.dataset.forum(self.meeting.forum).name, ())
        key = f"file.{self.kind.value}" + ("_internal" if self.variant is Variant.INTERNAL else "")
        name = say(key, self.lang, forum=forum, date=f"{self.meeting.starts_at:%Y-%m-%d}")
        if self.version is not None:
            name = say("file.version", self.lang, name=name, number=self.version)
        return f"{name}.{self.format.value}"

    @property
    def title(self) -> str:
        """`Referat fra møte i Koordineringsgruppa 08.12.2026`: the page's title and the PDF's."""
        heading = say(f"{self.kind.value}.title", self.lang, forum=self.dataset.forum(self.meeting.forum).name)
        return f"{heading} {format_date(self.meeting.starts_at)}"

    @property
    def author(self) -> str:
        """Who wrote it, for the PDF: the minute-taker (minutes) or the chair (notice), else the other,
        else the municipality."""
        people = (self.meeting.minute_taker, self.meeting.chair)
        for person_id in people if self.kind is DocumentKind.MINUTES else reversed(people):
            if person_id is not None:
                return self.dataset.person(person_id).name
        return self.municipality

    @property
    def mode(self) -> int:
        return FILE_MODE if self.variant is Variant.INTERNAL else PUBLIC_MODE

    def markdown(self) -> str:
        draw = render if self.kind is DocumentKind.MINUTES else render_notice
        return draw(self.record, self.dataset, self.variant, self.lang, self.municipality)

    def findings(self) -> list[Finding]:
        """Personal data found in what a public document would show; nothing for internal ones."""
        if self.format is Format.EML:
            self._check_mail()
            return mail.email_findings(self.record, self.dataset, self.lang, self.municipality)
        if self.variant is not Variant.PUBLIC:
            return []
        if self.kind is DocumentKind.NOTICE:
            return notice_findings(self.record, self.dataset, self.lang, self.municipality)
        return scan(self.record, self.dataset, Variant.PUBLIC, self.lang, self.municipality)

    def refusal(self, findings: list[Finding]) -> PrivacyFindingsError:
        """The error that refuses to write this document with `findings`, worded for what it is."""
        if self.format is Format.EML:
            return MailFindingsError(findings)
        return (NoticeFindingsError if self.kind is DocumentKind.NOTICE else PrivacyFindingsError)(findings)

    def text(self) -> str:
        """The document as Markdown or as an HTML page (a PDF or an e-mail draft: `payload`)."""
        if not self.format.is_text:
            raise ValueError(f"{self.format.value} is not text")
        markdown = self.markdown()
        return markdown if self.format is Format.MARKDOWN else page(markdown, self.title, self.lang,
                                                                     author=self.author)

    def payload(self) -> bytes:
        """The file's bytes. A PDF raises `PdfUnavailableError` on a machine without what it needs."""
        if self.format.is_text:
            return self.text().encode()
        if self.format is Format.EML:
            self._check_mail()
            return mail.minutes_email(self.record, self.dataset, self.lang, self.municipality)
        return archive_pdf(self.markdown(), title=self.title, author=self.author, created=now(), lang=self.lang)

    def write(self, path: Path, *, overwrite: bool = False, force: bool = False) -> Path:
        """Write to `path` (a folder gets the default name); refuse findings unless `force`."""
        if path.is_dir():
            path = path / self.file_name
        if path.exists() and not overwrite:
            raise ExportExistsError(path=path)
        findings = [] if force else self.findings()
        if findings:
            raise self.refusal(findings)
        write_file(path, self.payload(), self.mode)
        return path

    def _check_mail(self) -> None:
        if self.variant is not Variant.PUBLIC:
            raise InternalByMailError()


def write_file(path: Path, payload: bytes, mode: int = PUBLIC_MODE, *, overwrite: bool = True) -> None:
    """Write a document whole or not at all; ExportExistsError / ExportWriteError say what went wrong."""
    try:
        # A device, a pipe or a link (`/dev/stdout` into a log) would be replaced, not written to.
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise NotARegularFileError(path=path)
        if not overwrite and path.exists():
            raise ExportExistsError(path=path)
        atomic_write(path, payload, mode=mode)
    except OSError as exc:  # the name too long, no permission, a full disk
        raise ExportWriteError(path=path, reason=system_reason(exc)) from exc
