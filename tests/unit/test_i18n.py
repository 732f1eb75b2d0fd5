"""The one translation function and its gettext catalogues: complete, consistent, compiled, and held
to the glossary."""

from __future__ import annotations

import ast
import re
import string
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import slt_tui
from slt_tui.domain.models import ActionStatus, ItemKind, Level, MeetingStatus
from slt_tui.domain.standard import STANDARD_AGENCIES
from slt_tui.errors import SYSTEM_ERRORS, Said, system_reason
from slt_tui.i18n import LANGUAGES, LOCALE_DIR, has_message, plural, set_language, t, translate, translate_plural
from slt_tui.locales.__main__ import main as sync_catalogues
from slt_tui.store import DatabaseLockedError

PACKAGE = Path(slt_tui.__file__).parent
TRANSLATING = {"t", "say", "translate", "plural", "translate_plural", "Said", "PlanError", "Problem"}


def catalogue(lang: str) -> dict[str, str | tuple[str, ...]]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "slt_tui.po").open("rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(fh) if m.id}


CATALOGUES = {lang: catalogue(lang) for lang in LANGUAGES}


def _texts(lang: str) -> list[str]:
    out = []
    for value in CATALOGUES[lang].values():
        out += list(value) if isinstance(value, tuple) else [value]
    return out


def _code() -> list[ast.AST]:
    return [ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")]


def _keys_in_code() -> tuple[set[str], set[str], set[str]]:
    """(keys given to a translating call, prefixes of keys built at run time, every string literal)."""
    called, prefixes, literals = set(), set(), set()
    for tree in _code():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if re.fullmatch(r"[a-z_]+(\.[a-z_]+)*\.", head):
                    prefixes.add(head)
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                first = node.args[0]
                if name in TRANSLATING and isinstance(first, ast.Constant) and isinstance(first.value, str):
                    called.add(first.value)
                if name == "Binding" and len(node.args) > 2 and isinstance(node.args[2], ast.Constant):
                    called.add(node.args[2].value)
            if isinstance(node, ast.Assign) and [getattr(x, "id", "") for x in node.targets] == ["key"] \
                    and isinstance(node.value, ast.Constant):
                called.add(node.value.value)
    return called, prefixes, literals


def _families() -> set[str]:
    """The keys built at run time from the domain's values."""
    keys = {f"action.{s.value}" for s in ActionStatus} | {f"cli.status.{s.value}" for s in ActionStatus}
    keys |= {f"status.{s.value}" for s in MeetingStatus} | {f"level.{lv.value}" for lv in Level}
    keys |= {f"kind.item.{k.value}" for k in ItemKind} | {f"language.{lang}" for lang in LANGUAGES}
    keys |= {f"agency.{a.code}" for a in STANDARD_AGENCIES} | {f"system.{name}" for name in SYSTEM_ERRORS}
    return keys


def test_the_catalogues_are_in_line_with_english_and_compiled():
    """`python -m slt_tui.locales --check`: no .po needs aligning and no .mo is older than its .po."""
    assert sync_catalogues(["--check"]) == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_code_uses_is_in_every_catalogue(lang):
    called, _, _ = _keys_in_code()
    missing = sorted(k for k in called | _families() if "." in k and k not in CATALOGUES[lang])
    assert not missing


def test_every_catalogue_key_is_used_by_the_code():
    _, prefixes, literals = _keys_in_code()
    unused = sorted(k for k in CATALOGUES["en"]
                    if k not in literals and k not in _families() and not k.startswith(tuple(prefixes)))
    assert not unused


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_message_is_translated_with_the_same_placeholders(lang):
    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, english in CATALOGUES["en"].items():
        own = CATALOGUES[lang][key]
        pairs = zip(english, own, strict=True) if isinstance(english, tuple) else [(english, own)]
        for source, text in pairs:
            assert text.strip(), key
            assert fields(text) == fields(source), key
            assert text.count("\n") == source.count("\n"), f"{key}: the same lines as the English"
            assert (text[:1].isspace(), text[-1:].isspace()) == (source[:1].isspace(), source[-1:].isspace()), key


GLOSSARY = tomllib.loads((LOCALE_DIR / "glossary.toml").read_text(encoding="utf-8"))["term"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("term", GLOSSARY, ids=lambda term: term["concept"][:40])
def test_the_catalogues_follow_the_glossary(term, lang):
    text = "\n".join(_texts(lang)).casefold()
    for word in term[lang].get("use", []):
        assert word.casefold() in text, f"{lang}: «{word}» is the word for {term['concept']}"
    for word in term[lang].get("avoid", []):
        found = re.findall(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", text)
        assert not found, f"{lang}: «{word}» is not used for {term['concept']}"


def test_plurals_follow_each_language():
    assert translate_plural("start.overdue", 1, "nb") == "1 oppfølgingspunkt over frist"
    assert translate_plural("start.overdue", 3, "nb") == "3 oppfølgingspunkter over frist"
    assert translate_plural("start.overdue", 0, "nn") == "0 oppfølgingspunkt over frist"
    assert translate_plural("start.overdue", 2, "en") == "2 overdue follow-up points"
    set_language("nn")
    assert plural("start.overdue", 1) == "1 oppfølgingspunkt over frist"


def test_a_missing_key_shows_as_itself():
    assert t("no.such.key") == "no.such.key"
    assert not has_message("no.such.key", "nb")


def test_errors_speak_the_current_language():
    error = DatabaseLockedError(path="x.json", user="kari", host="server", pid=7, since="24.11.2026 09:00")
    set_language("en")
    assert error.sentence().startswith("The database x.json is in use by kari on server")
    set_language("nn")
    assert error.sentence().startswith("Databasen x.json er i bruk av kari på server")
    set_language("nb")
    assert error.sentence().startswith("Databasen x.json er i bruk av kari på server")


def test_the_systems_words_are_said_in_the_readers_language():
    missing = system_reason(FileNotFoundError(2, "No such file or directory"))
    assert missing.sentence("nb") == "filen eller mappen finnes ikke"
    assert missing.sentence("nn") == "fila eller mappa finst ikkje"
    assert missing.sentence("en") == "no such file or folder"
    assert "ukjent" not in system_reason(9999).sentence("nb") and "9999" in system_reason(9999).sentence("nb")


def test_a_said_reason_inside_a_sentence_follows_the_sentences_language():
    detail = Said("corrupt.json", line=1, column=4965, problem=Said("json.comma"))
    assert detail.sentence("nn") == "linje 1, kolonne 4965: her manglar eit komma"
    assert translate("error.db_corrupt", "nb", path="a.json", detail=detail.sentence("nb")).count("komma") == 1


def test_nothing_is_translated_at_import():
    """A translating call in a module or class body would run before the language of the run is known."""
    at_import = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bodies = [tree.body] + [n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
        for body in bodies:
            for statement in body:
                if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    continue
                for node in ast.walk(statement):
                    if isinstance(node, ast.Lambda):
                        continue
                    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in TRANSLATING - {"Said"}:
                        at_import.append(f"{path.name}:{node.lineno}")
    assert not at_import
