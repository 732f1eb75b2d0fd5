"""Crash safety: a writer killed with SIGKILL at random moments never leaves a broken file, and every
write it acknowledged is in the file afterwards.

A forked child opens the database for writing and saves in a loop, growing and shrinking the file,
writing the number of each save to a pipe once `save()` has returned. The parent kills it at a
random moment, then opens the file: it must load, and hold the last acknowledged number (or the one
after it, if the child died between writing and acknowledging).
"""

from __future__ import annotations

import os
import random
import re
import select
import signal

import pytest

from slt_tui.store import Repository

KILLS = 200
MEETING = "kg-2026-12-08"
COUNT = re.compile(r"^count=(\d+)")


def stored_count(repo: Repository) -> int:
    m = COUNT.match(repo.dataset.meeting(MEETING).agenda[-1].notes)
    return int(m.group(1)) if m else 0


def write_forever(path, ack_fd: int, seed: int) -> None:
    rng = random.Random(seed)
    repo = Repository.open(path)
    n = stored_count(repo)
    while True:
        n += 1
        meeting = repo.dataset.meeting(MEETING)
        last = meeting.agenda[-1]
        notes = f"count={n}\n" + "Notat om tiltak for ungdom. " * rng.randint(0, 2000)
        agenda = (*meeting.agenda[:-1], last.model_copy(update={"notes": notes}))
        repo.save(meeting.model_copy(update={"agenda": agenda}))
        os.write(ack_fd, f"{n}\n".encode())


def read_acks(fd: int, until_first: bool) -> tuple[list[int], bool]:
    """Read acknowledged numbers; return them and whether the pipe reached end of file."""
    data = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            pytest.fail("the writer neither wrote nor died within 30 s")
        chunk = os.read(fd, 65536)
        data += chunk
        if not chunk or (until_first and b"\n" in data):
            break
    return [int(x) for x in data.split()], not chunk


@pytest.mark.slow
def test_killed_writers_never_lose_an_acknowledged_write_or_break_the_file(sample_db):
    rng = random.Random(20261124)
    acknowledged = 0
    for kill in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            try:
                write_forever(sample_db, write_fd, seed=kill)
            finally:
                os._exit(1)
        os.close(write_fd)
        first, ended = read_acks(read_fd, until_first=True)
        assert not ended, f"writer {kill} died before its first write (exit {os.waitpid(pid, 0)[1]})"
        select.select([], [], [], rng.uniform(0, 0.03))  # let it run a random while, mid-write or not
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        rest, _ = read_acks(read_fd, until_first=False)
        os.close(read_fd)
        acknowledged = max([acknowledged, *first, *rest])
        with Repository.open(sample_db, readonly=True) as repo:  # must load and validate
            count = stored_count(repo)
        assert acknowledged <= count <= acknowledged + 1, f"kill {kill}: file has {count}, acked {acknowledged}"
    assert acknowledged > KILLS  # the writers really wrote, more than once each on average
    Repository.open(sample_db).close()  # a writable open after all that works, and tidies up
    assert not list(sample_db.parent.glob(".*.tmp"))
