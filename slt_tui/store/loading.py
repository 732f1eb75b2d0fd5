"""Reading a database file into a validated `Dataset`, by a fast path or the reference path.

The reference path parses the JSON, upgrades an old schema and validates every record, and says
precisely what is wrong with a bad file. The fast path validates the file's bytes in one pass of
pydantic's core, without building an intermediate copy of the whole file in Python objects, and is
taken only for a sound file of the current schema; anything else goes the reference path, so every
error a user sees comes from one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from slt_tui.domain import TABLES, Dataset
from slt_tui.domain.dataset import key_of
from slt_tui.domain.explain import Explained
from slt_tui.store import migrations
from slt_tui.store.atomic import Raw, bulk_allocation, load_raw
from slt_tui.store.errors import CorruptDatabaseError, InvalidDatabaseError

DocIds = dict[str, dict[str, int]]
"""Per table: record key → TinyDB document id."""


class _Layout(BaseModel):
    model_config = ConfigDict(extra="ignore")


FileLayout = create_model(  # the file as TinyDB lays it out: table → document id → record
    "FileLayout", __base__=_Layout,
    meta=(dict[str, dict[str, Any]], {}),
    **{name: (dict[str, model], {}) for name, model in TABLES.items()},  # type: ignore[valid-type]
)


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset
    doc_ids: DocIds
    meta: dict[str, Any]
    raw: Raw | None
    """The parsed file, when the reference path made it; None after the fast path."""
    migrated: bool


def read_database(path: Path) -> Loaded:
    """Read and validate `path`; raise CorruptDatabaseError, InvalidDatabaseError or SchemaTooNewError."""
    payload = path.read_bytes()
    if not payload.strip():
        raise CorruptDatabaseError(path=str(path), detail="the file is empty")
    with bulk_allocation():
        fast = _fast(payload)
        return fast if fast is not None else _reference(path)


def _fast(payload: bytes) -> Loaded | None:
    try:
        layout = FileLayout.model_validate_json(payload)
        meta = next(iter(layout.meta.values()), {})
        if meta.get("schema_version") != migrations.SCHEMA_VERSION:
            return None
        tables = {name: getattr(layout, name) for name in TABLES}
        dataset = Dataset(**{name: tuple(records.values()) for name, records in tables.items()})
        doc_ids = {name: {key_of(r): int(i) for i, r in records.items()} for name, records in tables.items()}
    except (ValidationError, ValueError):
        return None
    return Loaded(dataset, doc_ids, meta, None, migrated=False)


def _reference(path: Path) -> Loaded:
    raw, migrated = migrations.migrate(load_raw(path), path)
    tables = {name: list(raw.get(name, {}).values()) for name in TABLES}
    try:
        dataset = Dataset.model_validate(tables)
    except ValidationError as exc:
        names = {name: [str(d.get("id", d.get("code", "?"))) if isinstance(d, dict) else "?" for d in docs]
                 for name, docs in tables.items()}
        raise InvalidDatabaseError(path=str(path), detail=Explained(exc, names)) from None
    doc_ids = {name: dict(zip((key_of(r) for r in getattr(dataset, name)), map(int, raw.get(name, {})), strict=True))
               for name in TABLES}
    return Loaded(dataset, doc_ids, next(iter(raw[migrations.META].values())), raw, migrated)
