"""Keeping what a person typed when it can no longer go into the database: a text file beside it.

Used when something else wrote the database under this session (its lock file deleted, an editor):
the session saves no more, and the notes typed since its last save would otherwise be lost. The file
is readable by its owner only, like the database: notes are about young people.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from slt_tui.store.atomic import FILE_MODE, atomic_write


def rescue(db_path: Path, text: str) -> Path | None:
    """Write `text` to `<db>.unsaved-<time>.txt` beside the database; None when that fails too."""
    target = db_path.with_name(f"{db_path.name}.unsaved-{datetime.now():%Y%m%d-%H%M%S}.txt")
    try:
        atomic_write(target, text.encode(), mode=FILE_MODE)
    except OSError:
        return None
    return target
