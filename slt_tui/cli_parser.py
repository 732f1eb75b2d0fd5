"""The command line's grammar, in the user's language: every command, option and help text, and
argparse's own words (`usage:`, `options`, its error messages), which argparse looks up with gettext.

`build_parser()` is called after the language is set (`language_asked`), so nothing here is
translated at import.
"""

from __future__ import annotations

import argparse
import gettext
import os
from collections.abc import Sequence
from typing import NoReturn

from slt_tui import __version__
from slt_tui.domain.models import ActionStatus
from slt_tui.i18n import DEFAULT_LANGUAGE, LANGUAGES, LOCALE_DIR, UnknownLanguageError, current_language, t
from slt_tui.i18n import language_from_env as _language_from_env

EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line as one sentence and exit status 2, and takes no
    shortened options: `--lan nn` would be `--lang nn` to argparse but not to `language_asked`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, allow_abbrev=False, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"slt-tui: {message}\n")


def speak_argparse(lang: str) -> None:
    """argparse's own words in `lang`. argparse translates them with the `gettext` functions it imported
    as `argparse._` and `argparse.ngettext`, through the process-wide domain and the locale in the
    environment; pointing those two names at our `argparse` catalogue is the one way to choose the
    language per run rather than by LANG."""
    words = gettext.translation("argparse", LOCALE_DIR, languages=[lang], fallback=True)
    argparse._ = words.gettext  # type: ignore[attr-defined]
    argparse.ngettext = words.ngettext  # type: ignore[attr-defined]


def _status(text: str) -> str:
    """`--status`: the status in the user's words (`åpen`, `over frist` is `--overdue`) or its id."""
    wanted = text.strip().casefold()
    for status in ActionStatus:
        if wanted in {status.value, t(f"action.{status.value}").casefold(), t(f"cli.status.{status.value}")}:
            return status.value
    raise argparse.ArgumentTypeError(t("cli.bad_status", value=text, choices=", ".join(_status_names())))


def _status_names() -> list[str]:
    return [t(f"cli.status.{s.value}") for s in ActionStatus]


def _minutes_language(text: str) -> str:
    value = text.strip().lower()
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(t("cli.bad_minutes_lang", value=text, choices=", ".join(LANGUAGES)))
    return value


def build_parser(*, mouse: bool = True) -> Parser:
    speak_argparse(current_language())
    meta = {name: t(f"cli.metavar.{name}") for name in ("path", "name", "id", "meeting", "forum", "code", "file",
                                                         "date", "status", "language", "command", "number")}
    common = Parser(add_help=False)
    common.add_argument("--db", metavar=meta["path"], default=argparse.SUPPRESS, help=t("cli.help.db"))
    common.add_argument("--lang", choices=LANGUAGES, type=str.lower, default=argparse.SUPPRESS,
                        help=t("cli.help.lang"))
    minutes_lang = Parser(add_help=False)
    minutes_lang.add_argument("--minutes-lang", metavar=meta["language"], type=_minutes_language, default=None,
                              help=t("cli.help.minutes_lang_once"))

    parser = Parser(prog="slt-tui", description=t("cli.description"), parents=[common])
    parser.add_argument("--version", action="version", version=f"slt-tui {__version__}", help=t("cli.help.version"))
    parser.add_argument("--demo", action="store_true", help=t("cli.help.demo"))
    parser.add_argument("--meeting", metavar=meta["id"], help=t("cli.help.meeting"))
    parser.add_argument("--follow", action="store_true", help=t("cli.help.follow"))
    parser.add_argument("--no-mouse", dest="mouse", action="store_false", default=mouse, help=t("cli.help.no_mouse"))
    sub = parser.add_subparsers(dest="command", metavar=meta["command"], title=t("cli.commands"))

    init = sub.add_parser("init", parents=[common], help=t("cli.help.init"), description=t("cli.help.init"))
    init.add_argument("--sample", action="store_true", help=t("cli.help.sample"))
    init.add_argument("--municipality", metavar=meta["name"], default="", help=t("cli.help.municipality"))
    init.add_argument("--minutes-lang", metavar=meta["language"], type=_minutes_language, default=None,
                      help=t("cli.help.minutes_lang"))

    meetings = sub.add_parser("meetings", parents=[common], help=t("cli.help.meetings"),
                              description=t("cli.help.meetings"))
    meetings.add_argument("--json", action="store_true", help=t("cli.help.json"))

    actions = sub.add_parser("actions", parents=[common], help=t("cli.help.actions"), description=t("cli.help.actions"))
    actions.add_argument("--open", action="store_true", help=t("cli.help.open"))
    actions.add_argument("--forum", metavar=meta["forum"], help=t("cli.help.forum"))
    actions.add_argument("--agency", metavar=meta["code"], help=t("cli.help.agency"))
    actions.add_argument("--status", metavar=meta["status"], type=_status,
                         help=t("cli.help.status", choices=", ".join(_status_names())))
    actions.add_argument("--overdue", action="store_true", help=t("cli.help.overdue"))
    actions.add_argument("--history", action="store_true", help=t("cli.help.history"))
    actions.add_argument("--json", action="store_true", help=t("cli.help.json"))

    plan = sub.add_parser("plan", parents=[common], help=t("cli.help.plan"), description=t("cli.help.plan"))
    plan.add_argument("forum", metavar=meta["forum"], help=t("cli.help.plan_forum"))
    plan.add_argument("--date", metavar=meta["date"], help=t("cli.help.plan_date"))

    invite = sub.add_parser("invite", parents=[common, minutes_lang], help=t("cli.help.invite"),
                            description=t("cli.help.invite"))
    invite.add_argument("meeting", metavar=meta["meeting"], help=t("cli.help.export_meeting"))
    invite.add_argument("-o", "--output", metavar=meta["file"], help=t("cli.help.invite_output"))
    invite.add_argument("--overwrite", action="store_true", help=t("cli.help.overwrite"))
    invite.add_argument("--force", action="store_true", help=t("invite.help_force"))

    sub.add_parser("check", parents=[common], help=t("cli.help.check"), description=t("cli.help.check"))

    forums = sub.add_parser("forums", parents=[common], help=t("cli.help.forums"), description=t("cli.help.forums"))
    forums.add_argument("--json", action="store_true", help=t("cli.help.json"))

    export = sub.add_parser("export", parents=[common, minutes_lang], help=t("cli.help.export"),
                            description=t("cli.help.export"))
    export.add_argument("meeting", metavar=meta["meeting"], help=t("cli.help.export_meeting"))
    export.add_argument("-o", "--output", metavar=meta["file"], help=t("cli.help.output"))  # str: keeps `DIR/`
    export.add_argument("--public", action="store_true", help=t("cli.help.public"))
    formats = export.add_mutually_exclusive_group()
    formats.add_argument("--html", action="store_true", help=t("cli.help.html"))
    formats.add_argument("--pdf", action="store_true", help=t("cli.help.pdf"))
    formats.add_argument("--eml", action="store_true", help=t("cli.help.eml"))
    # `dest` apart from the program's own `--version`, which is an option of `slt-tui` itself
    export.add_argument("--version", dest="version_number", metavar=meta["number"], type=int,
                        help=t("cli.help.export_version"))
    export.add_argument("--versions", action="store_true", help=t("cli.help.versions"))
    export.add_argument("--force", action="store_true", help=t("cli.help.force"))
    export.add_argument("--overwrite", action="store_true", help=t("cli.help.overwrite"))

    notice = sub.add_parser("notice", parents=[common, minutes_lang], help=t("cli.help.notice"),
                            description=t("cli.help.notice"))
    notice.add_argument("meeting", metavar=meta["meeting"], help=t("cli.help.export_meeting"))
    notice.add_argument("-o", "--output", metavar=meta["file"], help=t("cli.help.output"))
    notice.add_argument("--public", action="store_true", help=t("cli.help.public"))
    formats = notice.add_mutually_exclusive_group()
    formats.add_argument("--html", action="store_true", help=t("cli.help.html"))
    formats.add_argument("--pdf", action="store_true", help=t("cli.help.pdf"))
    notice.add_argument("--force", action="store_true", help=t("cli.help.notice_force"))
    notice.add_argument("--overwrite", action="store_true", help=t("cli.help.overwrite"))

    cancel = sub.add_parser("cancel", parents=[common], help=t("cli.help.cancel"), description=t("cli.help.cancel"))
    cancel.add_argument("meeting", metavar=meta["meeting"], help=t("cli.help.export_meeting"))
    return parser


def language_asked(argv: Sequence[str]) -> str:
    """The language asked for, read before parsing so that help and errors are in it: the last `--lang`
    (as argparse takes the last), then $SLT_TUI_LANG, then bokmål (an unknown value is refused later,
    in the language chosen here)."""
    asked = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value is not None:
            asked = value.lower()
    if asked in LANGUAGES:
        return asked
    try:
        return _language_from_env()
    except UnknownLanguageError:
        return DEFAULT_LANGUAGE


def unknown_env_language() -> str:
    """$SLT_TUI_LANG when it names no language we have (refused like a bad --lang); empty means nb."""
    value = os.environ.get("SLT_TUI_LANG", "").strip()
    return value if value and value.lower() not in LANGUAGES else ""
