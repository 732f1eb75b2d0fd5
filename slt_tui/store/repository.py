"""The repository: the one place that opens, validates and writes the TinyDB file.

Opening reads the whole file once, upgrades its schema if needed, and validates every record into a
`Dataset`; a file that fails any of that is refused and never written. Saving a record validates it
again, checks it against the rest of the dataset, and persists it with one atomic write. Calls may
come from worker threads: a lock serialises them.

A file is known by its real path, however it was reached (a symlink, `..`): its lock, temporary
files and backups sit beside the real file, so two sessions that name it differently still share one
lock. Before each write the file on disk must still be the version this session read or last wrote;
if anything else changed it (a session whose lock file was deleted, an editor), the save is refused
and nothing on disk is lost.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from slt_tui.domain import TABLES, Dataset, approval
from slt_tui.domain.dataset import key_of, table_of
from slt_tui.domain.explain import Explained
from slt_tui.domain.meeting_ops import revised
from slt_tui.domain.models import Meeting, Model
from slt_tui.errors import DomainError, Said, system_reason
from slt_tui.store import backups, migrations
from slt_tui.store.atomic import AtomicJSONStorage, Raw, atomic_write, encode
from slt_tui.store.errors import (
    CannotWriteError,
    CorruptDatabaseError,
    DatabaseExistsError,
    DatabaseNotFoundError,
    InvalidDatabaseError,
    NotARegularFileError,
    ReadOnlyDatabaseError,
    StoreConflictError,
    StoreWriteError,
)
from slt_tui.store.loading import Loaded, Meta, read_database
from slt_tui.store.lock import DatabaseLock, describe_holder
from slt_tui.store.paths import expand_user, make_private_folder


class Repository:
    """An open database file. Use `Repository.open()` or `Repository.create()`, then `close()`."""

    def __init__(self, path: Path, loaded: Loaded, lock: DatabaseLock | None) -> None:
        self.path = path
        self._lock = lock
        self._mutex = threading.RLock()
        self._dataset = loaded.dataset
        self._doc_ids = loaded.doc_ids
        self._meta(loaded.meta)
        self._storage = AtomicJSONStorage(path, loaded.raw, writable=lock is not None, before_write=self._guard,
                                          before_replace=self._before_replace, after_write=self._wrote)
        self._db = TinyDB(storage=lambda: self._storage)
        self.version: FileVersion | None = file_version(path)
        """The version of the file this session read or last wrote."""
        self.session = secrets.token_hex(8)
        """This session, as its corrections of approved minutes name it (`domain.approval`)."""

    # Opening and closing -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Repository:
        """Open an existing file; for writing unless `readonly`.

        DatabaseLockedError when another session writes it; CannotWriteError when this one could not
        (a folder or file the user may only read, a full disk): both can open it `readonly` instead.
        """
        path = real_path(path)
        if not path.is_file():
            raise (NotARegularFileError if path.exists() else DatabaseNotFoundError)(path=str(path))
        lock = None if readonly else _lock_for_writing(path)
        try:
            version = file_version(path)  # before reading: a save made meanwhile shows as a change
            try:
                loaded = read_database(path)
            except (CorruptDatabaseError, InvalidDatabaseError) as exc:
                newest = backups.newest_backup(path)
                exc.params["backup"] = str(newest) if newest else ""
                raise
            repo = cls(path, loaded, lock)
            repo.version = version
            if lock:
                _remove_stale_temporaries(path)
                with suppress(OSError):  # a backup that cannot be made (a full disk) must not stop the work
                    backups.keep_version(path)
                if loaded.migrated:
                    try:
                        repo._storage.write(loaded.raw)
                    except StoreWriteError as exc:
                        raise CannotWriteError(path=str(path), reason=exc.params.get("reason", "")) from None
            return repo
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def create(cls, path: Path | str, dataset: Dataset, municipality: str = "", minutes_language: str = "nb"
               ) -> Repository:
        """Create a new file holding `dataset`; refuse to touch an existing one."""
        path = real_path(path)
        if path.exists():
            raise DatabaseExistsError(path=str(path))
        make_private_folder(path.parent)  # every missing folder 0700, whatever the umask
        lock = DatabaseLock(path)
        lock.acquire()
        try:
            if path.exists():
                raise DatabaseExistsError(path=str(path))
            raw: Raw = {name: {str(i): r.model_dump(mode="json") for i, r in enumerate(getattr(dataset, name), 1)}
                        for name in TABLES}
            meta = migrations.meta_record(municipality, minutes_language)
            raw[migrations.META] = {"1": meta}
            atomic_write(path, encode(raw))
            doc_ids = {name: {key_of(r): i for i, r in enumerate(getattr(dataset, name), 1)} for name in TABLES}
            return cls(path, Loaded(dataset, doc_ids, meta, raw, migrated=False), lock)
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        with self._mutex:
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Reading ---------------------------------------------------------------------------------------

    @property
    def dataset(self) -> Dataset:
        """The current records; a frozen snapshot that later saves do not change."""
        return self._dataset

    @property
    def readonly(self) -> bool:
        return self._lock is None

    def changed_on_disk(self) -> bool:
        """True when the file is no longer the one read (another session saved): one stat, no read."""
        return file_version(self.path) != self.version

    def reload(self) -> bool:
        """Read-only: take in what the writing session saved since; True when anything changed.

        The writer replaces the file atomically, so this reads one whole version or the other. A file
        that fails to load raises as on opening, and this repository keeps what it had.
        """
        if not self.readonly:
            raise RuntimeError("only a read-only repository follows the file")
        version = file_version(self.path)
        if version == self.version:
            return False
        loaded = read_database(self.path)
        with self._mutex:
            self.version = version
            self._dataset, self._doc_ids = loaded.dataset, loaded.doc_ids
            self._meta(loaded.meta)
            self._storage = AtomicJSONStorage(self.path, loaded.raw, writable=False)
            self._db = TinyDB(storage=lambda: self._storage)
        return True

    # Writing ---------------------------------------------------------------------------------------

    def save(self, record: Model) -> Model:
        """Validate `record` anew, check it against the dataset and persist it; returns what was stored.

        Raises DomainError for an invalid record, StoreWriteError when the disk refuses (the file
        then still holds the previous version, and so does this repository).
        """
        table = table_of(record)
        try:
            stored = type(record).model_validate(record.model_dump(mode="json", warnings=False))
        except ValidationError as exc:
            raise DomainError(detail=Explained(exc)) from None
        with self._mutex:
            self._ensure_writable()
            if isinstance(stored, Meeting):  # the one path every change to a meeting takes
                approval.check_change(self._dataset, stored, self.session)
                stored = approval.with_register_records(stored, self._dataset)
                previous = self._dataset.meeting(stored.id) if self._dataset.has("meetings", stored.id) else None
                stored = revised(previous, stored)
            doc = stored.model_dump(mode="json")
            dataset = self._checked(lambda: self._dataset.put(stored))
            doc_id = self._doc_ids[table].get(key_of(stored))
            if doc_id is None:
                doc_id = self._db.table(table).insert(doc)
            else:
                self._db.table(table).upsert(Document(doc, doc_id=doc_id))
            self._doc_ids[table][key_of(stored)] = doc_id
            self._dataset = dataset
        return stored

    def update(self, table: str, key: str, change: Callable[[Any], Model]) -> Model:
        """Apply `change` to the stored record and save what it returns, as one step.

        Two changes to the same meeting (the timer and the notes, say) made from different places
        both land: each is applied to the record as the other left it.
        """
        with self._mutex:
            try:
                changed = change(self._dataset.get(table, key))
            except ValidationError as exc:  # the change built a record that breaks a rule
                raise DomainError(detail=Explained(exc)) from None
            return self.save(changed)

    def delete(self, table: str, key: str) -> None:
        """Remove a record; refused (DomainError) while other records still refer to it."""
        with self._mutex:
            self._ensure_writable()
            if table == "meetings":
                approval.check_delete(self._dataset, key)
            dataset = self._checked(lambda: self._dataset.remove(table, key))
            self._db.table(table).remove(doc_ids=[self._doc_ids[table][key]])
            del self._doc_ids[table][key]
            self._dataset = dataset

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several saves into one atomic write; nothing is kept if the block raises."""
        with self._mutex:
            self._ensure_writable()
            dataset, doc_ids = self._dataset, {n: dict(ids) for n, ids in self._doc_ids.items()}
            self._storage.begin()
            try:
                yield
                self._storage.commit()
            except BaseException:
                self._storage.rollback()
                self._dataset, self._doc_ids = dataset, doc_ids
                raise

    def set_minutes_language(self, lang: str) -> None:
        """Write the municipality's written form (`nb`, `nn`, `en`), which its documents are in."""
        with self._mutex:
            self._ensure_writable()
            table = self._db.table(migrations.META)
            record = {**table.all()[0], "minutes_language": lang}
            try:
                Meta.model_validate(record)
            except ValidationError as exc:
                raise DomainError(detail=Explained(exc)) from None
            table.upsert(Document(record, doc_id=table.all()[0].doc_id))
            self.minutes_language = lang

    # Inside ----------------------------------------------------------------------------------------

    def _meta(self, meta: dict[str, Any]) -> None:
        self.municipality: str = str(meta.get("municipality", ""))
        self.minutes_language: str = str(meta.get("minutes_language", "nb"))

    def _ensure_writable(self) -> None:
        if self._lock is None:
            raise ReadOnlyDatabaseError(path=str(self.path))

    @staticmethod
    def _checked(change) -> Dataset:
        try:
            return change()
        except ValidationError as exc:
            raise DomainError(detail=Explained(exc)) from None

    def _before_replace(self) -> None:
        """The new version is on disk beside the file: keep a backup of the old one, and look once more
        that nothing else wrote the file while the new version was being written (a large file takes
        a while); the window left is the moment between this look and the rename."""
        with suppress(OSError):  # a backup that cannot be made must not stop the save itself
            backups.keep_version(self.path, only_if_older_than=backups.INTERVAL)
        self._guard()

    def _guard(self) -> None:
        """Before a write: the file is the version this session knows, and it still holds the lock."""
        if file_version(self.path) != self.version:  # first: who holds the lock now is told as it is
            raise StoreConflictError(path=str(self.path), **describe_holder(self.path))
        if self._lock is not None:
            self._lock.verify()  # DatabaseLockedError when the lock file was replaced and taken

    def _wrote(self) -> None:
        self.version = file_version(self.path)


FileVersion = tuple[int, int, int]


def real_path(path: Path | str) -> Path:
    """The file itself, however it is reached (symlinks, `..`, a relative path)."""
    return Path(os.path.realpath(expand_user(path)))



FREE_MARGIN = 4096
"""Bytes a save needs beyond the file's own size (the folder entry, the lock, a little slack)."""


def _lock_for_writing(path: Path) -> DatabaseLock:
    """The file's write lock, or why this session cannot write (CannotWriteError, DatabaseLockedError)."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CannotWriteError(path=str(path), reason=system_reason(errno.EACCES))
    if not os.access(path, os.W_OK):  # replacing a file one may only read would take it over
        raise CannotWriteError(path=str(path), reason=system_reason(errno.EACCES))
    if path.stat().st_nlink > 1:  # another name for it would have a lock of its own, and a save splits them
        raise CannotWriteError(path=str(path), reason=Said("error.hard_link"))
    if shutil.disk_usage(folder).free < path.stat().st_size + FREE_MARGIN:
        raise CannotWriteError(path=str(path), reason=system_reason(errno.ENOSPC))
    lock = DatabaseLock(path)
    try:
        lock.acquire()
    except OSError as exc:  # a read-only file system, no room for the lock file, a folder in its place
        reason = system_reason(exc)
        if not isinstance(exc.strerror, Said):  # the system's words are about the lock file, not the database
            reason = Said("error.lock_reason", path=str(lock.path), reason=reason)
        raise CannotWriteError(path=str(path), reason=reason) from None
    return lock


def file_version(path: Path) -> FileVersion | None:
    """Which version of the file is there: inode (new at each atomic replace), mtime and size."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by a writer that was killed mid-write (we hold the lock, so none is live)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(OSError):
            os.unlink(stale)
