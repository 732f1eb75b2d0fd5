"""Rolling backups of the last good versions of a database file, in a sibling folder.

`slt.json` keeps its backups in `slt.json.backups/`. A backup is a copy of its own, readable by the
owner only: a hard link would share the file's inode, and a program that edits the file in place
(`: > slt.json`, an editor) would then destroy the very backup the error message points at. A
version is kept when a session opens the file and before a write when the newest backup is older
than `INTERVAL`; the newest `KEEP` are kept.
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
        if _same_version(newest, db_path):
            return None
        if only_if_older_than is not None and _age(newest) < only_if_older_than:
            return None
    folder = backup_folder(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.is_symlink():
        raise OSError(f"{folder} is a link; backups are kept only in a folder of their own")
    target = folder / f"{db_path.stem}-{datetime.now().strftime(_STAMP)}.json"
    _copy(db_path, target)
    for old in backups(db_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def _same_version(backup: Path, db_path: Path) -> bool:
    """The backup is of the file as it is now (a copy keeps the file's modification time)."""
    kept, now = backup.stat(), db_path.stat()
    return (kept.st_mtime_ns, kept.st_size) == (now.st_mtime_ns, now.st_size)


def _copy(source: Path, target: Path) -> None:
    """A private copy with the source's modification time, whole or not at all (a half copy goes)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb", closefd=False) as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            st = os.fstat(src.fileno())
        os.utime(fd, ns=(st.st_atime_ns, st.st_mtime_ns))
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise
    os.close(fd)


def _age(backup: Path) -> float:
    """Seconds since the backup was kept, read from its name (a hard link shares the file's mtime)."""
    stamp = backup.stem.rsplit("-", 1)[-1]
    try:
        return (datetime.now() - datetime.strptime(stamp, _STAMP)).total_seconds()
    except ValueError:
        return float("inf")
