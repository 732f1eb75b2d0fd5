"""The repository: the one place that opens, validates and writes the TinyDB file.

Opening reads the whole file once, upgrades its schema if needed, and validates every record into a
`Dataset`; a file that fails any of that is refused and never written. Saving a record validates it
again, checks it against the rest of the dataset, and persists it with one atomic write. Calls may
come from worker threads: a lock serialises them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from slt_tui.domain import TABLES, Dataset
from slt_tui.domain.dataset import key_of, table_of
from slt_tui.domain.explain import Explained
from slt_tui.domain.models import Model
from slt_tui.errors import DomainError
from slt_tui.store import backups, migrations
from slt_tui.store.atomic import AtomicJSONStorage, Raw, atomic_write, encode
from slt_tui.store.errors import (
    CorruptDatabaseError,
    DatabaseExistsError,
    DatabaseNotFoundError,
    InvalidDatabaseError,
    ReadOnlyDatabaseError,
)
from slt_tui.store.loading import Loaded, read_database
from slt_tui.store.lock import DatabaseLock


class Repository:
    """An open database file. Use `Repository.open()` or `Repository.create()`, then `close()`."""

    def __init__(self, path: Path, loaded: Loaded, lock: DatabaseLock | None) -> None:
        self.path = path
        self._lock = lock
        self._mutex = threading.RLock()
        self._dataset = loaded.dataset
        self._doc_ids = loaded.doc_ids
        self.municipality: str = str(loaded.meta.get("municipality", ""))
        # TinyDB's copy of the file is parsed only when the first save needs it (None: from disk).
        self._storage = AtomicJSONStorage(path, loaded.raw, writable=lock is not None,
                                          before_replace=self._keep_backup)
        self._db = TinyDB(storage=lambda: self._storage)
        self.version: FileVersion | None = None  # the file as read; set by open()

    # Opening and closing -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Repository:
        """Open an existing file; for writing unless `readonly` (DatabaseLockedError if held)."""
        path = Path(path)
        if not path.is_file():
            raise DatabaseNotFoundError(path=str(path))
        lock = None if readonly else DatabaseLock(path)
        if lock:
            lock.acquire()
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
                backups.keep_version(path)
                if loaded.migrated and loaded.raw is not None:
                    repo._storage.write(loaded.raw)
            return repo
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def create(cls, path: Path | str, dataset: Dataset, municipality: str = "") -> Repository:
        """Create a new file holding `dataset`; refuse to touch an existing one."""
        path = Path(path)
        if path.exists():
            raise DatabaseExistsError(path=str(path))
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = DatabaseLock(path)
        lock.acquire()
        try:
            if path.exists():
                raise DatabaseExistsError(path=str(path))
            raw: Raw = {name: {str(i): r.model_dump(mode="json") for i, r in enumerate(getattr(dataset, name), 1)}
                        for name in TABLES}
            meta = migrations.meta_record(municipality)
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
            self.municipality = str(loaded.meta.get("municipality", ""))
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
        doc = stored.model_dump(mode="json")
        with self._mutex:
            self._ensure_writable()
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
            return self.save(change(self._dataset.get(table, key)))

    def delete(self, table: str, key: str) -> None:
        """Remove a record; refused (DomainError) while other records still refer to it."""
        with self._mutex:
            self._ensure_writable()
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

    # Inside ----------------------------------------------------------------------------------------

    def _ensure_writable(self) -> None:
        if self._lock is None:
            raise ReadOnlyDatabaseError(path=str(self.path))

    @staticmethod
    def _checked(change) -> Dataset:
        try:
            return change()
        except ValidationError as exc:
            raise DomainError(detail=Explained(exc)) from None

    def _keep_backup(self) -> None:
        with suppress(OSError):  # a backup that cannot be made must not stop the save itself
            backups.keep_version(self.path, only_if_older_than=backups.INTERVAL)


FileVersion = tuple[int, int, int]


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
