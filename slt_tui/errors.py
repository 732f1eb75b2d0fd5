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
