"""What can go wrong with the database file, as typed errors with the facts a person needs."""

from __future__ import annotations

from slt_tui.errors import SltError


class StoreError(SltError):
    """Base of the database file's errors; `path` is always among the parameters."""


class DatabaseNotFoundError(StoreError):
    key = "error.db_not_found"


class DatabaseExistsError(StoreError):
    key = "error.db_exists"


class CorruptDatabaseError(StoreError):
    """The file is not JSON of the expected shape (truncated, empty, edited by hand…)."""

    key = "error.db_corrupt"


class InvalidDatabaseError(StoreError):
    """The file is JSON, but a record breaks the model's rules."""

    key = "error.db_invalid"


class SchemaTooNewError(StoreError):
    key = "error.db_too_new"


class DatabaseLockedError(StoreError):
    """Another session holds the file for writing; `holder` describes who."""

    key = "error.db_locked"


class ReadOnlyDatabaseError(StoreError):
    key = "error.db_read_only"


class StoreWriteError(StoreError):
    """Writing failed (disk full, I/O error, failed fsync); the file on disk is the previous version."""

    key = "error.db_write"


class CannotWriteError(StoreError):
    """This session cannot write the file (a folder or file it may only read, a full disk); it can read."""

    key = "error.db_cannot_write"


class StoreConflictError(StoreError):
    """The file on disk is no longer the version this session read or wrote: something else wrote it.

    The save is refused (nothing on disk is lost), and so is every later one of this session.
    """

    key = "error.db_conflict"


class NotARegularFileError(StoreError):
    """The path names something that is not a plain file (a device, a pipe); nothing is read or written."""

    key = "error.not_a_file"
