"""Bring every catalogue in line with the English one, then compile each `.po` to its `.mo`.

    python -m slt_tui.locales          # after editing a .po file, or adding a key to en
    python -m slt_tui.locales --check  # exit 1 when a .po or .mo is not what this would write

English (`en/LC_MESSAGES/slt_tui.po`) is the source: a key added there is added, untranslated, to
every other catalogue; a key removed there is removed from them; each entry carries the English
text as a `#. en:` comment for the translator. Adding a language: make `<code>/LC_MESSAGES/`, copy
the English file there, translate it, add the code to `LANGUAGES` in `slt_tui/i18n.py`, run this.
(`pybabel compile -d slt_tui/locales -D slt_tui` compiles the same way.) `argparse.po` beside each
catalogue holds the words of Python's argparse (`usage:`, its errors), with argparse's English as ids.
"""

from __future__ import annotations

import gettext
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from slt_tui.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def _english(message) -> str:
    text = message.string
    return " | ".join(text) if isinstance(text, tuple) else text


def aligned(catalog: Catalog, source: Catalog) -> Catalog:
    """`catalog` with exactly the source's keys, each commented with the English text."""
    for message in list(catalog):
        if message.id and message.id not in source:
            del catalog[message.id]
    for message in source:
        if not message.id:
            continue
        if message.id not in catalog:
            catalog.add(message.id, ("", "") if message.pluralizable else "", flags=message.flags)
        own = catalog[message.id]
        own.flags = set(message.flags)
        own.auto_comments = [f"en: {_english(message)}"]
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def entries(catalog: Catalog) -> dict:
    """What a catalogue says, whichever Babel wrote it: key → (text, flags, comments)."""
    return {m.id: (m.string, sorted(m.flags), " ".join(" ".join(m.auto_comments).split()))
            for m in catalog if m.id}  # a comment is wrapped and its line breaks lost when written


def compiled(catalog: Catalog) -> dict:
    """What its `.mo` must hold, as Python's gettext reads one: key (and plural index) → text."""
    out: dict = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        if m.pluralizable:
            out.update({(m.id[0], i): text for i, text in enumerate(m.string) if text})
        elif m.string:
            out[m.id] = m.string
    return out


def _compiled_on_disk(path: Path) -> dict | None:
    try:
        with path.open("rb") as fh:
            messages = dict(gettext.GNUTranslations(fh)._catalog)  # type: ignore[attr-defined]
    except OSError:
        return None
    messages.pop("", None)  # the header, which says which Babel wrote it
    return messages


def main(argv: list[str]) -> int:
    """Compares what the files say, not their bytes, so that another Babel version finds nothing to do."""
    check = "--check" in argv
    source = read(SOURCE_LANGUAGE)
    wanted = [(po_path(lang), source if lang == SOURCE_LANGUAGE else aligned(read(lang), source))
              for lang in LANGUAGES]
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/argparse.po")):  # argparse's own words, as written
        with po.open("rb") as fh:
            wanted.append((po, read_po(fh, locale=po.parts[-3], domain="argparse")))
    stale = []
    for po, catalog in wanted:
        with po.open("rb") as fh:
            on_disk = read_po(fh, locale=catalog.locale, domain=catalog.domain)
        if entries(on_disk) != entries(catalog):
            stale.append(po)
            if not check:
                po.write_bytes(po_bytes(catalog))
        mo = po.with_suffix(".mo")
        if _compiled_on_disk(mo) != compiled(catalog):
            stale.append(mo)
            if not check:
                mo.write_bytes(mo_bytes(catalog))
    for path in stale:
        print(f"{'stale' if check else 'wrote'}: {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
