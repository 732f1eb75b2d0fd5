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

from conftest import fill_disk


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
    fill_disk(full_disk)
    with pytest.raises(CannotWriteError) as caught:
        Repository.open(path)
    assert "the disk is full" in str(caught.value)
    with Repository.open(path, readonly=True) as repo:
        assert repo.dataset.meetings
    assert not lock_path(path).exists()


def test_a_file_one_may_only_read_is_refused_for_writing(sample_db):
    if os.geteuid() == 0:
        pytest.skip("root may write any file; the pty test runs this as another user")
    sample_db.chmod(0o400)
    with pytest.raises(CannotWriteError):
        Repository.open(sample_db)


# Found by the attack on issue 11 -------------------------------------------------------------------


def test_a_lock_file_planted_as_a_link_is_not_followed(sample_db, tmp_path):
    victim = tmp_path / "offer.txt"
    victim.write_text("DATA")
    lock_path(sample_db).symlink_to(victim)
    with pytest.raises(CannotWriteError):
        Repository.open(sample_db)
    assert victim.read_text() == "DATA"


def test_a_backup_survives_the_file_being_emptied_in_place(sample_db):
    with Repository.open(sample_db):
        pass  # opening keeps a backup of the file as it was
    newest = backups.newest_backup(sample_db)
    assert newest is not None and newest.stat().st_ino != sample_db.stat().st_ino
    content = sample_db.read_bytes()
    with open(sample_db, "r+b") as f:  # `: > slt.json`, an editor writing in place
        f.truncate(0)
    assert newest.read_bytes() == content and newest.stat().st_mode & 0o077 == 0


def test_opening_twice_keeps_one_backup_of_an_unchanged_file(sample_db):
    for _ in range(3):
        with Repository.open(sample_db):
            pass
    assert len(backups.backups(sample_db)) == 1


def test_a_write_made_by_another_program_while_a_save_is_written_is_not_overwritten(sample_db, monkeypatch):
    """The moment between writing the new version and putting it in place is looked at once more:
    a large file takes long to write, and an edit made meanwhile must not be lost."""
    with Repository.open(sample_db) as repo:
        foreign = sample_db.read_bytes().replace(b"Fjordvik kommune", b"Endret kommune")
        keep_version = backups.keep_version

        def edit_meanwhile(path, **kwargs):
            sample_db.write_bytes(foreign)  # written in place, as an editor does
            return keep_version(path, **kwargs)

        monkeypatch.setattr(backups, "keep_version", edit_meanwhile)
        with pytest.raises(StoreConflictError) as caught:
            repo.save(Person(id="p-sent", name="Sent", agency="NAV"))
        assert "i bruk av" not in caught.value.sentence("nb"), "this session is not 'another' holder"
    assert sample_db.read_bytes() == foreign
    assert not list(sample_db.parent.glob(".*.tmp"))


def test_a_file_with_another_name_is_not_written(sample_db, tmp_path):
    other = tmp_path / "annet-navn.json"
    os.link(sample_db, other)
    with pytest.raises(CannotWriteError) as caught:
        Repository.open(sample_db)
    assert "harde lenker" in caught.value.sentence("nb")
    with Repository.open(other, readonly=True):
        pass


def test_the_conflict_message_does_not_name_this_session(sample_db):
    with Repository.open(sample_db) as repo:
        sample_db.write_bytes(sample_db.read_bytes())  # in place: a new modification time
        os.utime(sample_db, ns=(0, 1))
        with pytest.raises(StoreConflictError) as caught:
            repo.save(Person(id="p-x", name="X", agency="NAV"))
    assert "i bruk av" not in caught.value.sentence("nb")
