"""Crash-safe file writes and the TinyDB storage built on them.

Every write goes to a temporary file in the same folder, which is flushed and fsynced, then renamed
over the old file with `os.replace`, and the folder is fsynced. A process killed at any moment leaves
either the old file or the new one, never a mix. Stock TinyDB `JSONStorage` writes in place and
truncates afterwards, which leaves a broken file when the process dies in between.
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from slt_tui.errors import Said, system_reason
from slt_tui.store.errors import CorruptDatabaseError, ReadOnlyDatabaseError, StoreWriteError

FILE_MODE = 0o600
Raw = dict[str, dict[str, Any]]


def atomic_write(path: Path, payload: bytes, before_replace: Callable[[], None] | None = None, *,
                 mode: int = FILE_MODE) -> None:
    """Write `payload` to `path` so that the file is always whole; raise OSError on any failure.

    On failure the old file is untouched and the temporary file is gone. `before_replace` runs once
    the new content is safely on disk, just before it takes the old file's place. The new file gets
    `mode` (less the umask), whatever the old one had.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with suppress(FileNotFoundError):
        os.unlink(tmp)  # left by a killed run with this pid: O_CREAT would keep its mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode(data: Raw) -> bytes:
    """Compact UTF-8 JSON; orjson, because every save serialises the whole file (7 ms, not 65 ms,
    for ten years of meetings) and the stdlib encoder holds the GIL while the UI waits."""
    return orjson.dumps(data)


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while a whole file becomes objects.

    Loading allocates hundreds of thousands of long-lived, acyclic objects; left on, the collector
    runs pass after pass over them, and loading takes up to twice as long.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_raw(path: Path) -> Raw:
    """Read and parse the file; raise CorruptDatabaseError if it is not a JSON object of tables."""
    with bulk_allocation():
        return check_writable(parse(path.read_bytes(), path), path)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different (JSON allows repeats; the last one would silently win,
    and the next save would drop the others)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        raise _DuplicateKey(next(k for k, _ in pairs if k in seen or seen.add(k)))
    return obj


def _exact_float(text: str) -> float:
    """A JSON number with a fraction or exponent, refused unless the writer would write back the same
    number: `1e400` becomes infinity (written as null), `1.00000000000000000001` becomes 1.0."""
    value = float(text)
    if not math.isfinite(value) or Decimal(text) != Decimal(repr(value)):
        raise ValueError(f"the number {text[:40]} cannot be kept exactly")
    return value


_RECORD_KEY = re.compile(r"[1-9][0-9]{0,17}")
"""A document id as TinyDB writes it: a whole number, no leading zero (TinyDB reads `03` as 3, and
the record under `3` would be lost), small enough to stay a number everywhere."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


JSON_PROBLEMS = {
    "Expecting value": "json.value",
    "Expecting ',' delimiter": "json.comma",
    "Expecting ':' delimiter": "json.colon",
    "Expecting property name enclosed in double quotes": "json.name",
    "Unterminated string starting at": "json.unterminated",
    "Invalid control character at": "json.control",
    "Invalid \\escape": "json.escape",
    "Invalid \\uXXXX escape": "json.escape",
    "Extra data": "json.extra",
}
"""The json module's complaints (in English, from C), each worded in the catalogues."""


def json_problem(message: str) -> Said:
    key = next((k for text, k in JSON_PROBLEMS.items() if message.startswith(text)), "json.other")
    return Said(key)


def parse(payload: bytes, path: Path) -> Raw:
    """The file's tables, refused (CorruptDatabaseError) unless this program could write them back
    exactly: valid UTF-8 JSON, no repeated keys, no NaN or Infinity, an object of tables whose record
    keys are numbers. (`check_writable` then checks what the writer's encoder takes.)"""
    if not payload.strip():
        raise CorruptDatabaseError(path=str(path), detail=Said("corrupt.empty"))
    try:
        raw = json.loads(payload, object_pairs_hook=_unique_keys, parse_constant=_no_constant,
                         parse_float=_exact_float)
    except UnicodeDecodeError as exc:
        raise CorruptDatabaseError(path=str(path), detail=Said("corrupt.not_utf8", byte=exc.start)) from None
    except json.JSONDecodeError as exc:
        detail = Said("corrupt.json", line=exc.lineno, column=exc.colno, problem=json_problem(exc.msg))
        raise CorruptDatabaseError(path=str(path), detail=detail) from None
    except _DuplicateKey as exc:
        detail = Said("corrupt.duplicate_key", key=exc.key[:40])
        raise CorruptDatabaseError(path=str(path), detail=detail) from None
    except RecursionError:
        raise CorruptDatabaseError(path=str(path), detail=Said("corrupt.too_deep")) from None
    except ValueError as exc:  # a number of thousands of digits, NaN, Infinity, a float that would change
        detail = Said("corrupt.huge_number" if "int_max_str_digits" in str(exc) else "corrupt.not_a_number")
        raise CorruptDatabaseError(path=str(path), detail=detail) from None
    if not isinstance(raw, dict) or not all(isinstance(t, dict) for t in raw.values()):
        raise CorruptDatabaseError(path=str(path), detail=Said("corrupt.not_tables"))
    for name, table in raw.items():
        bad = next((k for k in table if not _RECORD_KEY.fullmatch(k)), None)
        if bad is not None:
            shown = bad if len(bad) <= 20 else bad[:20] + "…"
            detail = Said("corrupt.record_key", table=name[:40], key=shown)
            raise CorruptDatabaseError(path=str(path), detail=detail)
    return raw


def check_writable(raw: Raw, path: Path) -> Raw:
    """`raw` if the next save could write it (what it does is run here); else CorruptDatabaseError,
    now rather than at a save that could then never land."""
    try:
        encode(raw)
    except TypeError:  # orjson.JSONEncodeError: a number past 64 bits, nesting past 255, …
        detail = Said("corrupt.cannot_write_back")
        raise CorruptDatabaseError(path=str(path), detail=detail) from None
    return raw


class AtomicJSONStorage(Storage):
    """TinyDB storage that keeps the last written data in memory and writes atomically.

    The in-memory copy is what TinyDB reads, so a read costs nothing; it is dropped after a failed
    write and read again from disk, which still holds the last good version. Between `begin()` and
    `commit()` writes are collected and land as one atomic write. `before_write` may refuse a write
    by raising (the file is no longer the version this session knows); `after_write` runs once the
    new version is in place.
    """

    def __init__(self, path: Path, data: Raw, *, writable: bool,
                 before_write: Callable[[], None] | None = None,
                 before_replace: Callable[[], None] | None = None,
                 after_write: Callable[[], None] | None = None) -> None:
        self.path = path
        self._data: Raw | None = data
        self._writable = writable
        self._before_write = before_write
        self._before_replace = before_replace
        self._after_write = after_write
        self._deferred = False
        self._dirty = False

    def read(self) -> Raw:
        if self._data is None:
            self._data = load_raw(self.path)
        return self._data

    def write(self, data: Raw) -> None:
        if not self._writable:
            self._data = None
            raise ReadOnlyDatabaseError(path=str(self.path))
        self._data = data
        if self._deferred:
            self._dirty = True
        else:
            self._flush()

    def begin(self) -> None:
        self._deferred = True

    def commit(self) -> None:
        self._deferred = False
        if self._dirty:
            self._dirty = False
            self._flush()

    def rollback(self) -> None:
        self._deferred = self._dirty = False
        self._data = None

    def _flush(self) -> None:
        assert self._data is not None
        try:
            if self._before_write is not None:
                self._before_write()
            atomic_write(self.path, encode(self._data), self._before_replace)
        except OSError as exc:
            self._data = None
            raise StoreWriteError(path=str(self.path), reason=system_reason(exc)) from exc
        except TypeError as exc:  # orjson.JSONEncodeError: refused on opening; never expected here
            self._data = None
            raise StoreWriteError(path=str(self.path), reason=Said("corrupt.cannot_write_back")) from exc
        except BaseException:  # refused before writing: TinyDB's change to the copy is dropped too
            self._data = None
            raise
        if self._after_write is not None:
            self._after_write()

    def close(self) -> None:
        pass
