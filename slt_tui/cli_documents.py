"""The commands that write a meeting's documents: the minutes (`export`, with versions and the e-mail
draft), the notice (`notice`), the calendar invitation (`invite`), and `cancel`, whose invitation is the
cancellation. Every document goes through one `Export` (or the invitation), its privacy check, and
`-o`'s rules for files and folders."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from slt_tui.cli_output import fail, print_table
from slt_tui.domain import Dataset
from slt_tui.domain.approval import approval_of, versions
from slt_tui.domain.clock import format_date
from slt_tui.domain.follow_up import reviews_at
from slt_tui.domain.models import Meeting, MeetingStatus
from slt_tui.domain.series import cancel
from slt_tui.errors import system_reason
from slt_tui.i18n import t
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import (
    DocumentKind,
    Export,
    ExportWriteError,
    Format,
    InternalByMailError,
    MissingFolderError,
    NotAFolderError,
    write_file,
)
from slt_tui.minutes.invite import InvitationFindingsError, invitation
from slt_tui.minutes.invite import file_name as invite_file_name
from slt_tui.minutes.privacy import scan_invitation
from slt_tui.store import Repository
from slt_tui.store.paths import database_path, expand_user
from slt_tui.wording import table_date_time


def cmd_invite(args: argparse.Namespace) -> int:
    with Repository.open(database_path(getattr(args, "db", None)), readonly=True) as repo:
        dataset, lang, municipality = repo.dataset, args.minutes_lang or repo.minutes_language, repo.municipality
    meeting = dataset.meeting(args.meeting)
    payload = invitation(meeting, dataset, lang, municipality)
    findings = [] if args.force else scan_invitation(payload, meeting)
    if findings:  # it goes as far as the public minutes, and is refused as they are
        raise InvitationFindingsError(findings)
    if _to_stdout(args):
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return 0
    path = output_path(args.output, invite_file_name(meeting, lang))
    write_file(path, payload, overwrite=args.overwrite)
    print(t("saved.invitation", path=path), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.versions and any((args.public, args.html, args.pdf, args.eml, args.output, args.version_number)):
        return fail(t("cli.versions_alone"))  # a list, not a document: nothing else applies to it
    if args.eml and not args.public:  # before the database is even opened
        raise InternalByMailError()
    dataset, municipality, lang = _documents(args)
    meeting = dataset.meeting(args.meeting)
    if args.versions:
        return _print_versions(meeting, dataset)
    variant = Variant.PUBLIC if args.public else Variant.INTERNAL
    fmt = Format.PDF if args.pdf else Format.EML if args.eml else Format.HTML if args.html else Format.MARKDOWN
    export = Export(meeting, dataset, variant, fmt, lang, municipality, version=args.version_number)
    export.record  # noqa: B018 — an unknown version is said before anything is checked or written
    return _write_document(export, args, "saved.email" if fmt is Format.EML else "saved.minutes")


def cmd_notice(args: argparse.Namespace) -> int:
    dataset, municipality, lang = _documents(args)
    variant = Variant.PUBLIC if args.public else Variant.INTERNAL
    fmt = Format.PDF if args.pdf else Format.HTML if args.html else Format.MARKDOWN
    export = Export(dataset.meeting(args.meeting), dataset, variant, fmt, lang, municipality, kind=DocumentKind.NOTICE)
    return _write_document(export, args, "saved.notice")


def _to_stdout(args: argparse.Namespace) -> bool:
    """No `-o`, or `-o -` as the convention has it: the document goes to standard output."""
    return args.output is None or args.output == "-"


def _documents(args: argparse.Namespace) -> tuple[Dataset, str, str]:
    """The dataset, the municipality and the documents' language (`--minutes-lang`, else the database's)."""
    with Repository.open(database_path(getattr(args, "db", None)), readonly=True) as repo:
        return repo.dataset, repo.municipality, args.minutes_lang or repo.minutes_language


def _write_document(export: Export, args: argparse.Namespace, saved: str) -> int:
    """Write `export` to `-o` (a file, a folder, `DIR/`), else to standard output: Markdown and HTML
    always, a PDF or an e-mail draft only when it goes to a file or a pipe, never to a terminal."""
    if _to_stdout(args) and not export.format.is_text and sys.stdout.isatty():
        return fail(t("cli.not_to_terminal", format=export.format.value.upper()))
    findings = [] if args.force else export.findings()
    if findings:  # before `-o DIR/` makes a folder that would stay empty
        raise export.refusal(findings)
    if not _to_stdout(args):
        written = export.write(output_path(args.output, export.file_name), overwrite=args.overwrite, force=True)
        print(t(saved, path=written), file=sys.stderr)
        return 0
    if export.format.is_text:
        sys.stdout.write(export.text())
    else:
        sys.stdout.buffer.write(export.payload())
    sys.stdout.flush()
    return 0


def _print_versions(meeting: Meeting, dataset: Dataset) -> int:
    """The approved minutes' versions: 1 as approved (where), then one per correction (when, by whom,
    what and why); the last is the current one."""
    approval = approval_of(meeting, dataset)
    found = versions(meeting)
    rows = []
    for version in found:
        number = t("versions.current", number=version.number) if version is found[-1] else str(version.number)
        change = version.correction
        if change is not None:
            rows.append([number, table_date_time(change.at), change.by, change.what, change.why])
        elif approval is not None:
            rows.append([number, format_date(approval.meeting.starts_at), dataset.forum(meeting.forum).name,
                         t("versions.approved", case=approval.item.number), ""])
        else:
            rows.append([number, "", "", t("versions.not_approved"), ""])
    headers = [t("col.version"), t("col.date"), t("col.by"), t("col.change"), t("col.why")]
    print_table(headers, rows, "")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    with Repository.open(database_path(getattr(args, "db", None))) as repo:
        changed = cancel(repo.dataset, args.meeting)
        with repo.batch():  # the meeting and the next one's links change together, or neither does
            for meeting in changed:
                repo.save(meeting)
        dataset = repo.dataset
    cancelled = dataset.meeting(args.meeting)
    forum = dataset.forum(cancelled.forum)
    print(t("cancel.done", forum=forum.name, date=format_date(cancelled.starts_at), meeting=cancelled.id))
    later = next((m for m in dataset.meetings_of(forum.id)
                  if m.starts_at > cancelled.starts_at and m.status is MeetingStatus.PLANNED), None)
    if not any(r.status.is_open for r in reviews_at(cancelled, dataset)):
        print(t("cancel.no_points"))
    elif later is not None:
        print(t("cancel.points_next", date=format_date(later.starts_at), meeting=later.id))
    else:
        print(t("cancel.points_plan", forum=forum.id))
    print(t("cancel.invite", meeting=cancelled.id))
    return 0


def output_path(output: str | os.PathLike[str], default_name: str) -> Path:
    """Where `-o` writes a document: in a folder (one that exists, or `DIR/` with the slash, which is
    made here, one level deep) under `default_name`; anything else names the file itself."""
    raw = os.fspath(output)
    path = expand_user(raw)
    if raw.endswith(("/", os.sep)) and not path.is_dir():
        if path.exists():
            raise NotAFolderError(folder=path)
        try:
            path.mkdir()  # the usual permissions: the documents themselves carry theirs
        except OSError as exc:
            if not path.parent.is_dir():
                raise MissingFolderError(folder=str(path.parent)) from None
            raise ExportWriteError(path=path, reason=system_reason(exc)) from None
    return path / default_name if path.is_dir() else path
