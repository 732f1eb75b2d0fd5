"""The `slt-tui` command: parses the command line, calls the store, prints, or starts the app.

Every failure a user can cause (a bad file, a locked file, an unknown id, a bad option) ends as one
sentence on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from slt_tui.cli_documents import cmd_cancel, cmd_export, cmd_invite, cmd_notice
from slt_tui.cli_output import fail, print_json, print_table
from slt_tui.cli_parser import build_parser, language_asked, unknown_env_language
from slt_tui.domain import Dataset
from slt_tui.domain.clock import MAX_YEAR, MIN_YEAR, DateRangeError, NotInCalendarError, format_date, parse_date, today
from slt_tui.domain.explain import Explained
from slt_tui.domain.models import ActionItem, Forum
from slt_tui.errors import DomainError, SltError, system_reason
from slt_tui.i18n import LANGUAGES, current_language, set_language, t
from slt_tui.minutes.export import (
    PrivacyFindingsError,
)
from slt_tui.sample import sample_path
from slt_tui.store import CannotWriteError, DatabaseLockedError, Repository
from slt_tui.store.atomic import FILE_MODE
from slt_tui.store.paths import database_path, ensure_folder
from slt_tui.wording import action_status, plan_next, standard_agencies, table_date_time


class UnknownForumError(SltError):
    """No forum has the id or name asked for; `choices` lists those there are."""

    key = "cli.unknown_forum"


class NoForumsError(UnknownForumError):
    """No forum has that id or name, because the database has none yet."""

    key = "cli.unknown_forum_none"


class AmbiguousForumError(SltError):
    """Several forums have the name asked for (names need not be unique; ids are)."""

    key = "cli.ambiguous_forum"


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(language_asked(argv))
    if not any(a == "--lang" or a.startswith("--lang=") for a in argv) and (value := unknown_env_language()):
        # refused before anything else (`--help` included); a --lang given wins over the variable
        return fail(t("cli.bad_lang_env", value=value, choices=", ".join(LANGUAGES)))
    args = build_parser(mouse=mouse_from_env()).parse_args(argv)
    commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
        "init": cmd_init, "meetings": cmd_meetings, "actions": cmd_actions, "check": cmd_check, "export": cmd_export,
        "plan": cmd_plan, "invite": cmd_invite, "forums": cmd_forums, "notice": cmd_notice, "cancel": cmd_cancel,
        None: cmd_app,
    }
    try:
        return commands[args.command](args)
    except PrivacyFindingsError as exc:
        return fail(exc.sentence(), *(f"  {finding.sentence()}" for finding in exc.findings))
    except SltError as exc:
        return fail(exc.sentence())
    except ValidationError as exc:  # a record built from what was given breaks a rule of the models
        return fail(DomainError(detail=Explained(exc)).sentence())
    except BrokenPipeError:
        # The reader went away (`slt-tui export … | head`): not an error, and nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        return fail(t("error.io", path=exc.filename or getattr(args, "db", "?"), reason=system_reason(exc)))
    except KeyboardInterrupt:
        return 130


def main() -> None:
    sys.exit(run())


# Commands ------------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = database_path(getattr(args, "db", None))
    lang = args.minutes_lang or current_language()  # a municipality that works in nynorsk writes in it
    if args.sample:
        with Repository.open(sample_path(), readonly=True) as sample:
            dataset, municipality = sample.dataset, args.municipality or sample.municipality
            lang = args.minutes_lang or sample.minutes_language
    else:
        dataset, municipality = Dataset(agencies=standard_agencies(lang)), args.municipality
    ensure_folder(path)
    Repository.create(path, dataset, municipality=municipality, minutes_language=lang).close()
    print(t("cli.created", path=path))
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    dataset = _read(args)
    forums = {f.id: f.name for f in dataset.forums}
    meetings = sorted(dataset.meetings, key=lambda m: (m.starts_at, m.id))
    if args.json:
        return print_json([{"id": m.id, "forum": m.forum, "starts_at": m.starts_at.isoformat(),
                             "status": m.status.value} for m in meetings])
    rows = [[m.id, forums.get(m.forum, m.forum), table_date_time(m.starts_at),
             t(f"status.{m.status.value}")] for m in meetings]
    print_table([t("col.id"), t("col.forum"), t("col.date"), t("col.status")], rows, t("cli.no_meetings"))
    return 0


def cmd_actions(args: argparse.Namespace) -> int:
    dataset = _read(args)
    actions = list(dataset.actions)
    if args.forum:
        forum = find_forum(dataset, args.forum)
        actions = [a for a in actions if a.forum == forum.id]
    if args.agency:
        code = args.agency.strip().upper()
        dataset.agency(code)
        actions = [a for a in actions if a.agency == code]
    on = today()
    if args.open:
        actions = [a for a in actions if a.status.is_open]
    if args.status:
        actions = [a for a in actions if a.status.value == args.status]
    if args.overdue:
        actions = [a for a in actions if a.is_overdue(on)]
    actions.sort(key=lambda a: (a.due, a.id))
    if args.json:
        return print_json([_action_json(a, args.history) for a in actions])
    rows = []
    for a in actions:
        owner = dataset.person(a.owner).name if a.owner else ""
        rows.append([a.id, format_date(a.due), action_status(a, on), a.agency, owner, a.title])
        if args.history:
            rows += [["", format_date(u.at), t(f"action.{u.status.value}"), "", u.meeting, u.comment]
                     for u in a.updates]
    headers = [t("col.id"), t("col.due"), t("col.status"), t("col.agency"), t("col.owner"), t("col.title")]
    print_table(headers, rows, t("cli.no_actions"))
    return 0


def _action_json(a: ActionItem, history: bool) -> dict:
    row = {"id": a.id, "title": a.title, "forum": a.forum, "agency": a.agency, "owner": a.owner,
           "due": a.due.isoformat(), "status": a.status.value}
    if history:
        row["updates"] = [u.model_dump(mode="json") for u in a.updates]
    return row


def cmd_plan(args: argparse.Namespace) -> int:
    try:
        day = parse_date(args.date) if args.date is not None else None  # `--date ''` is no date, not "any"
    except DateRangeError:
        return fail(t("cli.date_range", value=args.date, low=MIN_YEAR, high=MAX_YEAR))
    except NotInCalendarError as exc:
        return fail(t("validation.not_in_calendar", text=exc.text))
    except ValueError:
        return fail(t("cli.bad_date", value=args.date))
    with Repository.open(database_path(getattr(args, "db", None))) as repo:
        forum = find_forum(repo.dataset, args.forum)
        meeting = plan_next(repo.dataset, forum.id, repo.minutes_language, on=day)
        repo.save(meeting)
    print(meeting.id)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = database_path(getattr(args, "db", None))
    with Repository.open(path, readonly=True) as repo:
        counts = {name: len(getattr(repo.dataset, name)) for name in Dataset.model_fields}
    print(t("cli.check_ok", path=path, **counts))
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        print(t("cli.check_mode", path=path), file=sys.stderr)
    return 0


def cmd_forums(args: argparse.Namespace) -> int:
    forums = _read(args).forums
    if args.json:
        return print_json([{"id": f.id, "name": f.name, "level": f.level.value} for f in forums])
    rows = [[f.id, t(f"level.{f.level.value}"), f.name] for f in forums]
    print_table([t("col.id"), t("col.level"), t("col.name")], rows, t("cli.no_forums"))
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    path = None if args.demo else database_path(getattr(args, "db", None))
    if not has_terminal():  # before anything is created or opened for writing
        return fail(t("cli.no_terminal"))
    scratch: Path | None = None
    if path is None:
        scratch = Path(tempfile.mkdtemp(prefix="slt-tui-demo-"))
        path = scratch / "slt.json"
        shutil.copyfile(sample_path(), path)
        os.chmod(path, FILE_MODE)
    elif not path.exists():  # `--db NEW.json` too, as the README says; only in a folder that exists
        ensure_folder(path)
        lang = current_language()
        Repository.create(path, Dataset(agencies=standard_agencies(lang)), minutes_language=lang).close()
    cleanup = (lambda: shutil.rmtree(scratch, ignore_errors=True)) if scratch else None
    try:
        return _run_app(path, args, cleanup=cleanup)
    finally:
        if cleanup:
            cleanup()


def has_terminal() -> bool:
    """Whether the app can draw: stdin and stdout are a terminal. Without one (a pipe, cron, nohup)
    Textual would write escape codes nobody reads until killed. `textual serve` talks to the app
    over pipes on purpose, and says so with a driver of its own in TEXTUAL_DRIVER."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def mouse_from_env() -> bool:
    """Mouse reporting unless SLT_TUI_MOUSE says no (0/no/off/false): on a slow link it sends every move."""
    return os.environ.get("SLT_TUI_MOUSE", "1").strip().lower() not in {"0", "no", "off", "false"}


def _run_app(path: Path, args: argparse.Namespace, cleanup: Callable[[], None] | None) -> int:
    # Start-up allocates a great many long-lived objects (Textual, the models, ten years of records):
    # no cyclic GC passes over them while they are made, and afterwards they are frozen out of every
    # later pass, so that a full collection never stalls the screen in the middle of a meeting.
    gc.disable()
    read_only_reason = ""
    try:
        try:
            repo = Repository.open(path, readonly=args.follow)  # following: read-only on purpose
        except DatabaseLockedError as exc:
            read_only_reason = exc.sentence()
            repo = Repository.open(path, readonly=True)
        except CannotWriteError as exc:  # a folder or file one may only read, a full disk: read, and say why
            read_only_reason = t("app.cannot_write", reason=exc.sentence())
            repo = Repository.open(path, readonly=True)
        from slt_tui.ui.app import SltApp  # Textual only when the app really starts
    finally:
        gc.freeze()
        gc.enable()

    with repo:
        if args.meeting:
            repo.dataset.meeting(args.meeting)  # an unknown id: one sentence and status 2, before the screen
        app = SltApp(repo, demo=args.demo, read_only_reason=read_only_reason, meeting_id=args.meeting,
                     follow=args.follow)
        if cleanup:
            app.at_exit.append(cleanup)
        app.run(mouse=args.mouse)
    if app.unsaved is not None:  # said where it stays readable, once the screen is gone
        print(f"slt-tui: {app.unsaved.sentence()}", file=sys.stderr)
    return app.return_code or 0


# Helpers -------------------------------------------------------------------------------------------


def _read(args: argparse.Namespace) -> Dataset:
    with Repository.open(database_path(getattr(args, "db", None)), readonly=True) as repo:
        return repo.dataset


def find_forum(dataset: Dataset, text: str) -> Forum:
    """The forum with `text` as its id or name (upper or lower case, surrounding spaces ignored).

    An id wins over a name; UnknownForumError lists the forums there are, AmbiguousForumError the
    ones sharing the name.
    """
    wanted = text.strip().casefold()
    by_id = [f for f in dataset.forums if f.id.casefold() == wanted]
    found = by_id or [f for f in dataset.forums if f.name.strip().casefold() == wanted]
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousForumError(name=text.strip(), choices=_forum_choices(found))
    if not dataset.forums:
        raise NoForumsError(name=text.strip())
    raise UnknownForumError(name=text.strip(), choices=_forum_choices(dataset.forums))


def _forum_choices(forums: Sequence[Forum]) -> str:
    return ", ".join(f"{f.id} ({f.name})" for f in forums)
