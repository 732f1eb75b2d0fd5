"""Turn a pydantic ValidationError into one sentence that says where and what is wrong.

English by default (logs, tests); pass `lang` for the user's language: rules across records
(`Problem`) and the usual validation errors then come out translated, others in pydantic's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from slt_tui.i18n import grouped, has_message, translate


def explain(exc: ValidationError, names: Mapping[str, Sequence[str] | Mapping[str, str]] | None = None,
            lang: str = "en") -> str:
    """`meetings kg-2026-09-15 → agenda 2 → number: case numbers are out of sequence …`.

    `names` optionally maps a table to its records' keys, so that a location reads as the record's
    id rather than its position.
    """
    errors = exc.errors(include_url=False)
    where = location(errors[0]["loc"], names)
    message = describe(errors[0], lang)
    if errors[0]["type"] == "reference":
        others = errors[0]["ctx"].get("others", 0) + len(errors) - 1
    else:
        others = len(errors) - 1
    tail = translate("problem.more", lang, count=others) if others else ""
    return f"{where}: {message}{tail}" if where else f"{message}{tail}"


class Explained:
    """A validation error kept for later, said in whichever language the message is asked for."""

    def __init__(self, exc: ValidationError, names: Mapping[str, Sequence[str] | Mapping[str, str]] | None = None
                 ) -> None:
        self.exc, self.names = exc, names

    def sentence(self, lang: str = "en") -> str:
        return explain(self.exc, self.names, lang)

    def __str__(self) -> str:
        return self.sentence("en")


class Labelled:
    """A form's validation error, led by the label of the field it is about (`Tittel: må fylles ut`)."""

    def __init__(self, exc: ValidationError) -> None:
        self.error = exc.errors(include_url=False)[0]
        name = next((p for p in reversed(self.error["loc"]) if isinstance(p, str)), "")
        self.label_key = f"field.{name}" if name else ""

    def sentence(self, lang: str = "en") -> str:
        message = describe(self.error, lang)
        if self.label_key and has_message(self.label_key, lang):
            return f"{translate(self.label_key, lang)}: {message}"
        return message

    def __str__(self) -> str:
        return self.sentence("en")


def describe(error: Mapping[str, Any], lang: str = "en") -> str:
    """One error's message, translated where the catalogue knows its type."""
    ctx = dict(error.get("ctx") or {})
    if error["type"] == "reference" and "key" in ctx:
        from slt_tui.domain.dataset import Problem

        return Problem(ctx["key"], **ctx["params"]).sentence(lang)
    if isinstance(error.get("input"), str) and not error["input"].strip() and error["type"] in EMPTY_MEANS_MISSING:
        return translate("validation.empty_text", lang)  # an empty field: say so, not which characters it lacks
    key = f"validation.{error['type']}"
    if has_message(key, lang):
        if isinstance(ctx.get("expected"), str):  # pydantic's "'a', 'b' or 'c'": its "or" is English
            ctx["expected"] = ctx["expected"].replace(" or ", ", ")
        return translate(key, lang, **{k: _number(v, lang) for k, v in ctx.items() if k != "error"})
    # pydantic's own words are English (and may show a pattern): a type no catalogue words is said plainly
    return translate("validation.other", lang)


EMPTY_MEANS_MISSING = frozenset({"string_pattern_mismatch", "string_too_short", "empty_text", "missing"})


def location(loc: Sequence[str | int], names: Mapping[str, Sequence[str] | Mapping[str, str]] | None = None) -> str:
    """Where an error is; a record is named by its id, found by its position (a list of ids) or its
    document key in the file (a mapping of keys to ids)."""
    parts: list[str] = []
    for i, part in enumerate(loc):
        keys = (names or {}).get(str(loc[0])) if i == 1 else None
        if isinstance(part, int):
            label = str(keys[part]) if isinstance(keys, Sequence) and part < len(keys) else str(part + 1)
            parts[-1:] = [f"{parts[-1]} {label}"] if parts else [label]
        elif isinstance(keys, Mapping) and part in keys:
            parts[-1:] = [f"{parts[-1]} {keys[part]}"] if parts else [keys[part]]
        else:
            parts.append(str(part))
    return " → ".join(parts)


def _number(value: Any, lang: str) -> Any:
    """A limit as the language writes large numbers (`100 000`, `100,000`); anything else as it is."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return grouped(value, lang)
    return value
