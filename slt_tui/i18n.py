"""The one translation function. Norwegian bokmål by default, English with `--lang en`.

Every string a user sees is looked up here by key; the catalogues are in `slt_tui/locales/`.
A key missing from a catalogue falls back to English, then to the key itself, so a gap shows as a
visible key and never as a crash.
"""

from __future__ import annotations

import os
from typing import Any

from slt_tui.locales import en, nb

LANGUAGES = {"nb": nb.MESSAGES, "en": en.MESSAGES}
DEFAULT_LANGUAGE = "nb"

_current = DEFAULT_LANGUAGE


def language_from_env() -> str:
    value = os.environ.get("SLT_TUI_LANG", "").strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


def translate(key: str, lang: str, **params: Any) -> str:
    template = LANGUAGES[lang].get(key) or en.MESSAGES.get(key) or key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def t(key: str, **params: Any) -> str:
    """Translate `key` into the current language."""
    return translate(key, _current, **params)


def plural(key: str, count: int, **params: Any) -> str:
    """`key.one` for one, `key.other` for any other count; `{count}` is filled in."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **params)
