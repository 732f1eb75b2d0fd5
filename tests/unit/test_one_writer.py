"""One writer per file however it is reached, and a save that is refused rather than lose what
something else wrote; opening for writing degrades where the session cannot write."""

from __future__ import annotations

import json
import os

import pytest

from slt_tui.domain import Person
from slt_tui.store import (
    CannotWriteError,
    DatabaseLockedError,
    Repository,
    StoreConflictError,
    backups,
)
from slt_tui.store.lock import lock_path


def test_a_second_writer_through_a_symlink_meets_the_same_lock(sample_db, tmp_path):
    link = tmp_path / "andre" / "lenke.json"
    link.parent.mkdir()
    link.symlink_to(os.path.relpath(sample_db, link.parent))  # relative, as people make them
    with Repository.open(sample_db), pytest.raises(DatabaseLockedError):
        Repository.open(link)
    with Repository.open(link) as repo:
        assert repo.path == sample_db.resolve()
        repo.save(Person(id="p-via-lenke", name="Via lenke", agency="NAV"))
    assert link.is_symlink() and json.loads(link.read_bytes()) == json.loads(sample_db.read_bytes())
    kept = backups.backups(sample_db)
    assert kept and all(not b.is_symlink() and b.stat().st_size > 0 for b in kept)
    assert not (link.parent / "lenke.json.lock").exists(), "the lock sits beside the real file"


def test_a_save_over_a_file_changed_by_another_program_is_refused_and_nothing_is_lost(sample_db):
    with Repository.open(sample_db) as repo:
        other = json.loads(sample_db.read_bytes())
        other["people"]["999"] = {"id": "p-annen", "name": "Annen", "agency": "NAV", "role": "", "email": ""}
        sample_db.write_text(json.dumps(other))  # an editor, or a session whose lock file was deleted
        before = sample_db.read_bytes()
        with pytest.raises(StoreConflictError) as caught:
            repo.save(Person(id="p-min", name="Min", agency="NAV"))
        assert sample_db.read_bytes() == before
        assert "endret av et annet program" in caught.value.sentence("nb")
        assert not repo.dataset.has("people", "p-min")


def test_a_deleted_lock_file_is_taken_anew_before_the_next_write(sample_db):
    with Repository.open(sample_db) as repo:
        lock_path(sample_db).unlink()
        repo.save(Person(id="p-etter", name="Etter", agency="NAV"))
        assert lock_path(sample_db).exists()
        with pytest.raises(DatabaseLockedError):
            Repository.open(sample_db)  # the new lock file is held


def test_a_lock_taken_by_another_session_after_its_file_was_deleted_refuses_the_save(sample_db):
    with Repository.open(sample_db) as repo:
        lock_path(sample_db).unlink()
        with Repository.open(sample_db) as second:  # gets a lock of its own on a new lock file
            with pytest.raises(DatabaseLockedError) as caught:
                repo.save(Person(id="p-taper", name="Taper", agency="NAV"))
            assert str(os.getpid()) in caught.value.sentence("nb")
            second.save(Person(id="p-vinner", name="Vinner", agency="NAV"))
    with Repository.open(sample_db, readonly=True) as repo:
        assert repo.dataset.has("people", "p-vinner") and not repo.dataset.has("people", "p-taper")


def test_opening_for_writing_on_a_full_disk_says_so_and_reading_works(full_disk, sample_db):
    path = full_disk / "slt.json"
    path.write_bytes(sample_db.read_bytes())
    with open(full_disk / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass
    with pytest.raises(CannotWriteError) as caught:
        Repository.open(path)
    assert "No space left" in str(caught.value)
    with Repository.open(path, readonly=True) as repo:
        assert repo.dataset.meetings
    assert not lock_path(path).exists()


def test_a_file_one_may_only_read_is_refused_for_writing(sample_db):
    if os.geteuid() == 0:
        pytest.skip("root may write any file; the pty test runs this as another user")
    sample_db.chmod(0o400)
    with pytest.raises(CannotWriteError):
        Repository.open(sample_db)
