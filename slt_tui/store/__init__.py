"""Storage: the crash-safe TinyDB file, its lock, backups and schema migrations.

`Repository` is the only code in slt-tui that touches TinyDB.
"""

from slt_tui.store.errors import (
    CannotWriteError,
    CorruptDatabaseError,
    DatabaseExistsError,
    DatabaseLockedError,
    DatabaseNotFoundError,
    InvalidDatabaseError,
    ReadOnlyDatabaseError,
    SchemaTooNewError,
    StoreConflictError,
    StoreError,
    StoreWriteError,
)
from slt_tui.store.paths import default_db_path, resolve_db_path
from slt_tui.store.repository import Repository

__all__ = [
    "CannotWriteError",
    "CorruptDatabaseError",
    "DatabaseExistsError",
    "DatabaseLockedError",
    "DatabaseNotFoundError",
    "InvalidDatabaseError",
    "ReadOnlyDatabaseError",
    "Repository",
    "SchemaTooNewError",
    "StoreConflictError",
    "StoreError",
    "StoreWriteError",
    "default_db_path",
    "resolve_db_path",
]
