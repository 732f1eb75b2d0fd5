"""Schema versions of the database file and the steps that upgrade an older file.

The `meta` table holds one record with `schema_version`. Each step in `STEPS` takes the raw tables
of version N and returns those of version N+1; opening a file runs the steps it needs (after a
backup of the old version) and refuses a file from a newer slt-tui.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from slt_tui.domain import TABLES
from slt_tui.domain.clock import now
from slt_tui.domain.text import clean_line
from slt_tui.errors import Said
from slt_tui.store.atomic import Raw
from slt_tui.store.errors import CorruptDatabaseError, SchemaTooNewError

SCHEMA_VERSION = 3
META = "meta"


def meta_record(municipality: str = "", minutes_language: str = "nb") -> dict:
    """The one record of the `meta` table: schema version, creation time, the municipality's name and
    the language of its documents."""
    return {"schema_version": SCHEMA_VERSION, "created_at": now().replace(microsecond=0).isoformat(),
            "municipality": clean_line(municipality), "minutes_language": minutes_language}


def version_of(raw: Raw, path: Path) -> int:
    """The file's schema version; 0 for a file without a `meta` table."""
    records = list(raw.get(META, {}).values())
    if not records:
        return 0
    version = records[0].get("schema_version") if isinstance(records[0], dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise CorruptDatabaseError(path=str(path), detail=Said("corrupt.meta_version"))
    return version


def _add_meta(raw: Raw) -> Raw:
    """0 → 1: a file written by hand or by an early prototype, with tables but no meta table."""
    upgraded = {name: raw.get(name, {}) for name in TABLES}
    upgraded[META] = {"1": meta_record()}
    return upgraded


def _item_links(raw: Raw) -> Raw:
    """1 → 2: agenda items may carry `sent_to` / `sent_from` links (escalation between forums).

    Nothing in a version-1 file changes; the version says that a file may now hold links, so that an
    older slt-tui refuses it with "upgrade" rather than calling the links invalid.
    """
    return raw


def _item_clock(raw: Raw) -> Raw:
    """2 → 3: a running meeting may record whose clock runs (`running_item`, `running_since`).

    As for version 2, nothing changes but the version, so that an older slt-tui says "upgrade".
    """
    return raw


STEPS: dict[int, Callable[[Raw], Raw]] = {0: _add_meta, 1: _item_links, 2: _item_clock}


def migrate(raw: Raw, path: Path) -> tuple[Raw, bool]:
    """Upgrade `raw` to SCHEMA_VERSION; return it and whether anything changed."""
    version = version_of(raw, path)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(path=str(path), found=version, supported=SCHEMA_VERSION)
    migrated = version < SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        raw = STEPS[version](raw)
        version += 1
        raw[META][next(iter(raw[META]))]["schema_version"] = version
    return raw, migrated
