"""Typed errors that every layer raises and the command line and app turn into one sentence.

Each error carries a message key and its parameters; `slt_tui.i18n.describe()` renders it in the
user's language. `str(error)` gives the English sentence, for logs and tests.
"""

from __future__ import annotations

from typing import Any

from slt_tui.i18n import current_language, translate


class SltError(Exception):
    """Base class of the errors a user can act on."""

    key = "error.generic"

    def __init__(self, **params: Any) -> None:
        super().__init__()
        self.params = params

    def __str__(self) -> str:
        return self.sentence("en")

    def sentence(self, lang: str | None = None) -> str:
        """The error as one sentence, in `lang` or else the current language."""
        lang = lang or current_language()
        params = {k: v.sentence(lang) if hasattr(v, "sentence") else v for k, v in self.params.items()}
        if "kind" in params:
            params["kind"] = translate(f"kind.{params['kind']}", lang)
        text = translate(self.key, lang, **params)
        if params.get("backup"):
            text += translate("error.backup_hint", lang, **params)
        return text


class DomainError(SltError):
    """A rule of the domain was broken (an invalid value or a reference to nothing)."""

    key = "error.domain"


class UnknownRecordError(SltError):
    """A meeting, forum, person, agency or follow-up point that does not exist was asked for."""

    key = "error.unknown_record"


class Said:
    """A message key and its parameters, put into words only when read, in the reader's language.

    Give one as an error's `detail` or `reason` instead of an English string, so that the sentence
    around it and what it says are in the same language.
    """

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def sentence(self, lang: str | None = None) -> str:
        return translate(self.key, lang or current_language(), **self.params)

    def __str__(self) -> str:
        return self.sentence("en")

    def __repr__(self) -> str:
        return f"Said({self.key!r}, {self.params!r})"


SYSTEM_ERRORS = frozenset({
    "ENOENT", "EACCES", "EPERM", "ENOSPC", "EDQUOT", "EROFS", "EISDIR", "ENOTDIR", "EEXIST", "ELOOP",
    "ENAMETOOLONG", "EIO", "EBUSY", "EMFILE", "ENFILE", "EXDEV", "ENOTEMPTY", "EAGAIN", "EINVAL", "ETXTBSY",
    "EFBIG", "ESTALE", "ENXIO", "EMLINK",
})
"""The system's errors a person may meet here, each worded in the catalogues as `system.<name>`."""


def system_reason(error: OSError | int | None) -> Said:
    """What the system said (`No such file or directory`), in the reader's language, not the C library's."""
    import errno as errnos

    if isinstance(getattr(error, "strerror", None), Said):  # our own words, raised as an OSError
        return error.strerror  # type: ignore[union-attr,return-value]
    number = error if isinstance(error, int) else getattr(error, "errno", None)
    name = errnos.errorcode.get(number, "") if number is not None else ""
    if name in SYSTEM_ERRORS:
        return Said(f"system.{name}")
    return Said("system.other", code=name or number or "?")
