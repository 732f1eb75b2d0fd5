"""Writing the minutes to a file: the default name, the privacy check, never overwriting unasked.

Internal minutes are written readable by their owner only (they hold confidential notes); public
ones get the usual permissions. The file is written whole or not at all.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Meeting
from slt_tui.domain.registers import slug_id
from slt_tui.errors import SltError, system_reason
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.html import page
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


@dataclass(frozen=True)
class Export:
    """What to write: one meeting's minutes, in a variant, language and format."""

    meeting: Meeting
    dataset: Dataset
    variant: Variant = Variant.INTERNAL
    html: bool = False
    lang: str = "nb"
    municipality: str = ""

    @property
    def file_name(self) -> str:
        """`referat-koordineringsgruppa-2026-10-27.md` (in the document's language: `minutes-…` in
        English); internal minutes say so in the name too (`…-internt`)."""
        forum = slug_id(self.dataset.forum(self.meeting.forum).name, ())
        name = say("file.minutes_internal" if self.variant is Variant.INTERNAL else "file.minutes", self.lang,
                   forum=forum, date=f"{self.meeting.starts_at:%Y-%m-%d}")
        return f"{name}.{'html' if self.html else 'md'}"

    def findings(self) -> list[Finding]:
        """Personal data found in what a public export would show; nothing for internal minutes."""
        if self.variant is not Variant.PUBLIC:
            return []
        return scan(self.meeting, self.dataset, Variant.PUBLIC, self.lang, self.municipality)

    def text(self) -> str:
        markdown = render(self.meeting, self.dataset, self.variant, self.lang, self.municipality)
        if not self.html:
            return markdown
        forum = self.dataset.forum(self.meeting.forum).name
        return page(markdown, say("minutes.title", self.lang, forum=forum), self.lang)

    def write(self, path: Path, *, overwrite: bool = False, force: bool = False) -> Path:
        """Write to `path` (a folder gets the default name); refuse findings unless `force`."""
        if path.is_dir():
            path = path / self.file_name
        if path.exists() and not overwrite:
            raise ExportExistsError(path=path)
        findings = [] if force else self.findings()
        if findings:
            raise PrivacyFindingsError(findings)
        write_file(path, self.text().encode(), FILE_MODE if self.variant is Variant.INTERNAL else PUBLIC_MODE)
        return path


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
