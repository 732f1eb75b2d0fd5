"""Rolling backups of the last good versions of a database file, in a sibling folder.

`slt.json` keeps its backups in `slt.json.backups/`. A backup is a hard link to the version about to
be replaced: since every write replaces the file with a new inode, the old content stays as it was
at no copying cost. A version is kept when a session opens the file and before a write when the
newest backup is older than `INTERVAL`; the newest `KEEP` are kept.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

KEEP = 10
INTERVAL = 10 * 60  # seconds
_STAMP = "%Y%m%dT%H%M%S%f"


def backup_folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backups(db_path: Path) -> list[Path]:
    """The backups of `db_path`, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.json"), reverse=True)


def newest_backup(db_path: Path) -> Path | None:
    found = backups(db_path)
    return found[0] if found else None


def keep_version(db_path: Path, *, only_if_older_than: float | None = None) -> Path | None:
    """Keep the current file as a backup (unless one that recent exists); prune old ones.

    Returns the new backup's path, or None when none was needed or the file does not exist.
    """
    if not db_path.exists():
        return None
    newest = newest_backup(db_path)
    if newest is not None:
        if os.path.samefile(newest, db_path):
            return None
        if only_if_older_than is not None and _age(newest) < only_if_older_than:
            return None
    folder = backup_folder(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{db_path.stem}-{datetime.now().strftime(_STAMP)}.json"
    try:
        os.link(db_path, target)  # the same inode: never written again, since writes replace the file
    except OSError:
        shutil.copy2(db_path, target)
    for old in backups(db_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def _age(backup: Path) -> float:
    """Seconds since the backup was kept, read from its name (a hard link shares the file's mtime)."""
    stamp = backup.stem.rsplit("-", 1)[-1]
    try:
        return (datetime.now() - datetime.strptime(stamp, _STAMP)).total_seconds()
    except ValueError:
        return float("inf")
