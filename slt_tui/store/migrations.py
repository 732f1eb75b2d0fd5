"""Schema versions of the database file and the steps that upgrade an older file.

The `meta` table holds one record with `schema_version`. Each step in `STEPS` takes the raw tables
of version N and returns those of version N+1; opening a file runs the steps it needs (after a
backup of the old version) and refuses a file from a newer slt-tui.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from slt_tui.domain import TABLES
from slt_tui.domain.clock import now
from slt_tui.domain.text import clean_line
from slt_tui.errors import Said
from slt_tui.store.atomic import Raw
from slt_tui.store.errors import CorruptDatabaseError, SchemaTooNewError

SCHEMA_VERSION = 4
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


# The standing items' titles the program itself proposed, in its three languages: a forum's item by
# one of these titles is the one that approves the minutes, or the "Eventuelt" that stays last.
_APPROVAL_TITLES = {"godkjenning av referat fra forrige møte", "godkjenning av referat frå førre møte",
                    "approval of the minutes of the previous meeting"}
_OTHER_BUSINESS_TITLES = {"eventuelt", "any other business"}


def _approval(raw: Raw) -> Raw:
    """3 → 4: minutes are approved by a linked item, forums say whom they copy, meetings may be cancelled.

    A standing item titled as the program's "Godkjenning av referat fra forrige møte" gets that purpose,
    "Eventuelt" its own; an agenda item so titled in a meeting with a previous meeting of the forum
    approves that meeting's minutes, so that a decision already recorded on it counts as the approval.
    """
    for forum in raw.get("forums", {}).values():
        for item in forum.get("standing_items", ()):
            title = str(item.get("title", "")).strip().casefold()
            if title in _APPROVAL_TITLES:
                item["purpose"] = "approve_minutes"
            elif title in _OTHER_BUSINESS_TITLES:
                item["purpose"] = "other_business"
    meetings = raw.get("meetings", {}).values()
    by_id = {m.get("id"): m for m in meetings}
    for meeting in meetings:
        previous = by_id.get(meeting.get("previous"))
        if previous is None or previous.get("forum") != meeting.get("forum") or not _before(previous, meeting):
            continue
        for item in meeting.get("agenda", ()):
            if str(item.get("title", "")).strip().casefold() in _APPROVAL_TITLES and not item.get("approves"):
                if item.get("decisions") and previous.get("status") != "closed":
                    continue  # a decision on minutes not yet written approves nothing
                item["approves"] = previous["id"]
                break
    return raw


def _before(earlier: dict, later: dict) -> bool:
    try:
        return datetime.fromisoformat(earlier["starts_at"]) < datetime.fromisoformat(later["starts_at"])
    except (KeyError, TypeError, ValueError):
        return False  # the file's own validation says what is wrong with it


STEPS: dict[int, Callable[[Raw], Raw]] = {0: _add_meta, 1: _item_links, 2: _item_clock, 3: _approval}


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
