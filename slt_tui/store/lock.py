"""One writer per database file: an exclusive `flock` on a sidecar `<file>.lock`.

The lock sits on a separate file because the data file's inode changes at every atomic replace.
The holder writes who it is (user, host, pid, since when) into the lock file, so that a second
session can say who has the database open. The kernel releases the lock when the holder's process
ends in any way, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import getpass
import json
import os
import socket
import stat
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from slt_tui.domain.clock import now
from slt_tui.errors import Said
from slt_tui.i18n import translate
from slt_tui.store.atomic import FILE_MODE
from slt_tui.store.errors import DatabaseLockedError
from slt_tui.wording import date_time


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

    @classmethod
    def me(cls) -> Holder:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = str(os.getuid())
        return cls(user=user, host=socket.gethostname(), pid=os.getpid(),
                   since=now().replace(microsecond=0).isoformat())


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """The exclusive write lock of one database file; `acquire()` raises DatabaseLockedError."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        # O_NOFOLLOW: a link planted as the lock file (in a shared folder) must not have us empty and
        # write over whatever it points to. ELOOP then surfaces as an OSError: this session cannot write.
        # O_NONBLOCK: a pipe or a device planted as the lock file must not hang the open.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK, FILE_MODE)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(errno.EINVAL, Said("error.lock_not_a_file", path=self.path))  # said as it is
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise DatabaseLockedError(path=str(self.db_path), **_describe(holder)) from None
        except BaseException:
            os.close(fd)
            raise
        with contextlib.suppress(OSError):  # who holds it is a courtesy; on a full disk the lock still holds
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(asdict(Holder.me())).encode(), 0)
        self._fd = fd

    def verify(self) -> None:
        """Before a write: the lock file is still the one locked here. If it was deleted or replaced (by
        hand, by a cleaner), the lock is taken anew on the file now there; DatabaseLockedError if another
        session took that one meanwhile."""
        if self._fd is None:
            return
        mine = os.fstat(self._fd)
        try:
            there = os.stat(self.path)
            if (there.st_ino, there.st_dev) == (mine.st_ino, mine.st_dev):
                return
        except FileNotFoundError:
            pass
        fresh = DatabaseLock(self.db_path)
        fresh.acquire()
        os.close(self._fd)
        self._fd, fresh._fd = fresh._fd, None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            with contextlib.suppress(OSError):  # who held it is a courtesy; the lock goes with the close
                os.ftruncate(fd, 0)
        finally:
            os.close(fd)


class HolderNote:
    """`(held by ola on server, process 4242)`, in the language the message is said in; empty if nobody."""

    def __init__(self, holder: Holder | None) -> None:
        self.holder = holder

    def sentence(self, lang: str = "en") -> str:
        if self.holder is None:
            return ""
        return translate("error.holder_note", lang, **_describe(self.holder))


def describe_holder(db_path: Path) -> dict[str, HolderNote]:
    """Who else holds the write lock of `db_path` now, for a message: `{"holder": HolderNote}` (empty
    when nobody, or when it is this process itself)."""
    try:
        fd = os.open(lock_path(db_path), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return {"holder": HolderNote(None)}
    try:
        holder = _read_holder(fd)
    finally:
        os.close(fd)
    return {"holder": HolderNote(None if holder is not None and holder.pid == os.getpid() else holder)}


def _read_holder(fd: int) -> Holder | None:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"null")
        return Holder(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None


def _describe(holder: Holder | None) -> dict[str, str | int]:
    if holder is None:
        return {"user": "?", "host": "?", "pid": "?", "since": "?"}
    described: dict[str, str | int] = asdict(holder)
    with contextlib.suppress(TypeError, ValueError):
        described["since"] = date_time(datetime.fromisoformat(holder.since))
    return described
