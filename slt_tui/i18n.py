"""The one translation function. Norwegian bokmål by default; nynorsk with `--lang nn`, English with `en`.

Every string a user sees is looked up here by key in a gettext catalogue,
`slt_tui/locales/<lang>/LC_MESSAGES/slt_tui.po` (compiled to `.mo` beside it; see
`python -m slt_tui.locales`). The catalogues are monolingual: the message id is a stable key such
as `start.overdue`, the English catalogue holds the source text, and plurals are gettext plurals.
The language is chosen per run (`set_language`) and looked up at each call, never at import, so
nothing has to be imported after the language is known.

A key missing from a catalogue falls back to English, then to the key itself, so a gap shows as a
visible key and never as a crash.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

LOCALE_DIR = Path(__file__).parent / "locales"
DOMAIN = "slt_tui"
LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"
SOURCE_LANGUAGE = "en"

_current = DEFAULT_LANGUAGE


class UnknownLanguageError(ValueError):
    """A language slt-tui has no catalogue for."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def language_from_env() -> str:
    """`SLT_TUI_LANG`, or bokmål when it is unset or empty; an unknown value is refused."""
    value = os.environ.get("SLT_TUI_LANG", "").strip().lower()
    if not value:
        return DEFAULT_LANGUAGE
    if value not in LANGUAGES:
        raise UnknownLanguageError(value)
    return value


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise UnknownLanguageError(lang)
    _current = lang


def current_language() -> str:
    return _current


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`, read once per process."""
    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except OSError:  # a missing .mo shows keys, as a missing message does
        return gettext.NullTranslations()


def has_message(key: str, lang: str) -> bool:
    return catalogue(lang).gettext(key) != key


def _format(template: str, lang: str, params: dict[str, Any]) -> str:
    """`template` filled in; a parameter that is itself a message (an error's reason, say) is put into
    words in the same language, so that no sentence can carry a part in another."""
    words = {k: v.sentence(lang) if hasattr(v, "sentence") else v for k, v in params.items()}
    try:
        return template.format(**words)
    except (KeyError, IndexError, ValueError):
        return template


def translate(key: str, lang: str, /, **params: Any) -> str:
    text = catalogue(lang).gettext(key)
    if text == key and lang != SOURCE_LANGUAGE:
        text = catalogue(SOURCE_LANGUAGE).gettext(key)
    return _format(text, lang, params)


def translate_plural(key: str, count: int, lang: str, /, **params: Any) -> str:
    """The form of `key` for `count` by the language's own plural rule; `{count}` is filled in."""
    text = catalogue(lang).ngettext(key, key, count)
    if text == key and lang != SOURCE_LANGUAGE:
        text = catalogue(SOURCE_LANGUAGE).ngettext(key, key, count)
    return _format(text, lang, {"count": count, **params})


def t(key: str, /, **params: Any) -> str:
    """Translate `key` into the current language."""
    return translate(key, _current, **params)


def plural(key: str, count: int, /, **params: Any) -> str:
    """Translate the plural message `key` for `count` into the current language."""
    return translate_plural(key, count, _current, **params)


def grouped(number: int, lang: str | None = None) -> str:
    """A large number as the language groups its digits: `100 000` (a narrow space) / `100,000`."""
    return format_decimal(number, locale=lang or _current)
