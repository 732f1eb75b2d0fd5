"""Reading a database file into a validated `Dataset`, by one path that every error comes from.

The file is parsed once (refused unless this program could write it back exactly: no repeated keys,
no values its encoder cannot write), upgraded if its schema is older, and every record validated
through the file's own layout (table → document id → record), so that an error names the record
by its id. What was parsed is kept for TinyDB, which therefore never reads the file a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from slt_tui.domain import TABLES, Dataset
from slt_tui.domain.clock import OsloTime
from slt_tui.domain.dataset import key_of
from slt_tui.domain.explain import Explained
from slt_tui.domain.text import Line
from slt_tui.errors import Said
from slt_tui.store import migrations
from slt_tui.store.atomic import Raw, bulk_allocation, check_writable, parse
from slt_tui.store.errors import CorruptDatabaseError, InvalidDatabaseError

DocIds = dict[str, dict[str, int]]
"""Per table: record key → TinyDB document id."""


class _Layout(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Meta(BaseModel):
    """The one record of the `meta` table; fields a later version adds are kept as they are."""

    model_config = ConfigDict(extra="allow")
    schema_version: int = Field(ge=0, le=1000)
    created_at: OsloTime | None = None
    municipality: Line = ""
    minutes_language: Literal["nb", "nn", "en"] = "nb"
    """The municipality's written form: the language of its minutes, notices and invitations."""


FileLayout = create_model(  # the file as TinyDB lays it out: table → document id → record
    "FileLayout", __base__=_Layout,
    meta=(dict[str, Meta], {}),
    **{name: (dict[str, model], {}) for name, model in TABLES.items()},  # type: ignore[valid-type]
)


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset
    doc_ids: DocIds
    meta: dict[str, Any]
    raw: Raw
    """The parsed file, as TinyDB will write it back."""
    migrated: bool


def read_database(path: Path) -> Loaded:
    """Read and validate `path`; raise CorruptDatabaseError, InvalidDatabaseError or SchemaTooNewError."""
    payload = path.read_bytes()
    with bulk_allocation():
        raw, migrated = migrations.migrate(parse(payload, path), path)
        loaded = _validated(raw, path, migrated)  # first: a bad record is named by its id
        check_writable(raw, path)  # then what lies outside the records (meta, unknown tables)
        return loaded


def _validated(raw: Raw, path: Path, migrated: bool) -> Loaded:
    try:
        layout = FileLayout.model_validate(raw)
    except ValidationError as exc:  # located as `meetings kg-2026-09-15 → agenda 2 → number`
        ids = {name: {key: _record_id(doc) for key, doc in raw.get(name, {}).items()} for name in TABLES}
        raise InvalidDatabaseError(path=str(path), detail=Explained(exc, ids)) from None
    if len(layout.meta) != 1:
        raise CorruptDatabaseError(path=str(path), detail=Said("corrupt.meta_count"))
    tables = {name: getattr(layout, name) for name in TABLES}
    try:
        dataset = Dataset(**{name: tuple(records.values()) for name, records in tables.items()})
    except ValidationError as exc:  # a rule across records
        ids = {name: [key_of(r) for r in records.values()] for name, records in tables.items()}
        raise InvalidDatabaseError(path=str(path), detail=Explained(exc, ids)) from None
    doc_ids = {name: {key_of(r): int(i) for i, r in records.items()} for name, records in tables.items()}
    return Loaded(dataset, doc_ids, next(iter(raw[migrations.META].values())), raw, migrated)


def _record_id(doc: Any) -> str:
    return str(doc.get("id", doc.get("code", "?"))) if isinstance(doc, dict) else "?"
