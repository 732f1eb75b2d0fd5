"""Rules for the registers a municipality sets itself up with: ids from names, the agenda template."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from pydantic import ValidationError

from slt_tui.domain.explain import Labelled
from slt_tui.domain.models import ItemKind, ItemPurpose, StandingItem
from slt_tui.errors import DomainError, Said
from slt_tui.i18n import LANGUAGES, translate

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slug_id(name: str, taken: Collection[str]) -> str:
    """`Ola Skarsvåg` → `ola-skarsvag`, with `-2`, `-3`… when the id is taken."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:50] or "x"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def format_standing_items(items: Collection[StandingItem], lang: str) -> str:
    """One line per item: `title; kind; minutes`, the kind named in `lang` (`vedtakssak`)."""
    return "\n".join(f"{i.title}; {translate(f'kind.item.{i.kind.value}', lang)}; {i.planned_minutes}"
                     for i in items)


def _kind_word(text: str) -> str:
    """`Drøftingssak`, `drøfting` and `drofting` alike: case, æøå and the `-sak` ending set aside."""
    word = text.casefold().translate(_FOLD).strip()
    return word.removesuffix("ssak").removesuffix("sak") if word.endswith("sak") else word


def _kinds() -> dict[str, ItemKind]:
    """Each kind by its id and by its name in every language."""
    return {_kind_word(name): kind for kind in ItemKind
            for name in (kind.value, *(translate(f"kind.item.{kind.value}", lang) for lang in LANGUAGES))}


def purpose_of(title: str) -> ItemPurpose:
    """What a standing item titled so is for: the standard titles of approving the minutes and of
    "Eventuelt", in any of the languages, are recognised as such (the template is edited as text)."""
    wanted = " ".join(title.split()).casefold()
    for key, purpose in (("agenda.standard.minutes", ItemPurpose.APPROVE_MINUTES),
                         ("agenda.standard.other", ItemPurpose.OTHER_BUSINESS)):
        if any(translate(key, lang).casefold() == wanted for lang in LANGUAGES):
            return purpose
    return ItemPurpose.NONE


def parse_standing_items(text: str, lang: str) -> tuple[StandingItem, ...]:
    """Read `title; kind; minutes` lines (kind and minutes optional; the kind named in any language);
    DomainError names the bad line and says what was wrong with it in `lang`."""
    kinds = _kinds()
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        named = parts[1] if len(parts) > 1 else ""
        kind = kinds.get(_kind_word(named)) if named else ItemKind.BRIEFING
        if kind is None or len(parts) > 3:
            names = ", ".join(translate(f"kind.item.{k.value}", lang) for k in ItemKind)
            raise DomainError(detail=Said("standing.form", number=number, kinds=names))
        written = parts[2] if len(parts) > 2 else ""
        if written and not (written.isascii() and written.isdigit()):
            raise DomainError(detail=Said("standing.minutes", number=number, value=written))
        try:
            items.append(StandingItem(title=parts[0], kind=kind, planned_minutes=int(written or 10),
                                      purpose=purpose_of(parts[0])))
        except ValidationError as exc:
            raise DomainError(detail=Said("standing.line", number=number, problem=Labelled(exc))) from None
    return tuple(items)
