"""Keeping what a person typed when it can no longer go into the database: a text file beside it.

Used when the last saves could not land (something else wrote the database under this session, the
disk is full or stopped answering, a note is longer than a note may be): the notes typed would
otherwise be lost when the session ends. The file is readable by its owner only, like the database:
notes are about young people. Where the database's folder refuses it, the user's own data folder is
tried.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from slt_tui.store.atomic import FILE_MODE, atomic_write
from slt_tui.store.paths import data_folder, make_private_folder


def rescue(db_path: Path, text: str) -> Path | None:
    """Write `text` to `<db>.unsaved-<time>.txt` beside the database, else in the data folder; None
    when neither takes it."""
    stem = f"{db_path.name}.unsaved-{datetime.now():%Y%m%d-%H%M%S}"
    for folder in (db_path.parent, data_folder()):
        try:
            make_private_folder(folder)
            path = _unused(folder, stem)  # two rescues in one second must not write over each other
            atomic_write(path, text.encode(), mode=FILE_MODE)
        except OSError:
            continue
        return path
    return None


def _unused(folder: Path, stem: str) -> Path:
    path, n = folder / f"{stem}.txt", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.txt"
    return path
