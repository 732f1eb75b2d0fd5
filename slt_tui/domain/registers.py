"""Rules for the registers a municipality sets itself up with: ids from names, the agenda template."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from pydantic import ValidationError

from slt_tui.domain.explain import Explained
from slt_tui.domain.models import ItemKind, StandingItem
from slt_tui.errors import DomainError, Said

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slug_id(name: str, taken: Collection[str]) -> str:
    """`Ola Skarsvåg` → `ola-skarsvag`, with `-2`, `-3`… when the id is taken."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:50] or "x"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def format_standing_items(items: Collection[StandingItem]) -> str:
    """One line per item: `title; kind; minutes`."""
    return "\n".join(f"{i.title}; {i.kind.value}; {i.planned_minutes}" for i in items)


def parse_standing_items(text: str) -> tuple[StandingItem, ...]:
    """Read `title; kind; minutes` lines (kind and minutes optional); DomainError names the bad line."""
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        try:
            kind = ItemKind(parts[1]) if len(parts) > 1 and parts[1] else ItemKind.BRIEFING
            minutes = int(parts[2]) if len(parts) > 2 and parts[2] else 10
            items.append(StandingItem(title=parts[0], kind=kind, planned_minutes=minutes))
        except ValidationError as exc:
            raise DomainError(detail=Said("standing.line", number=number, problem=Explained(exc))) from None
        except ValueError:
            kinds = ", ".join(k.value for k in ItemKind)
            raise DomainError(detail=Said("standing.form", number=number, kinds=kinds)) from None
    return tuple(items)
