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


def main(argv: list[str]) -> int:
    check = "--check" in argv
    source = read(SOURCE_LANGUAGE)
    stale = []
    for lang in LANGUAGES:
        catalog = source if lang == SOURCE_LANGUAGE else aligned(read(lang), source)
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        for path, data in ((po, po_bytes(catalog)), (mo, mo_bytes(catalog))):
            if path.exists() and path.read_bytes() == data:
                continue
            stale.append(path)
            if not check:
                path.write_bytes(data)
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/argparse.po")):  # argparse's own words: compiled as written
        with po.open("rb") as fh:
            data = mo_bytes(read_po(fh, locale=po.parts[-3], domain="argparse"))
        mo = po.with_suffix(".mo")
        if not (mo.exists() and mo.read_bytes() == data):
            stale.append(mo)
            if not check:
                mo.write_bytes(data)
    for path in stale:
        print(f"{'stale' if check else 'wrote'}: {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
