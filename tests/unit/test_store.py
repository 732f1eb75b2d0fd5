"""The store against the real file system: permissions, locking, refusal of bad files, backups,
migrations and failed writes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from slt_tui.domain import Dataset, Person
from slt_tui.domain.standard import STANDARD_AGENCIES
from slt_tui.errors import DomainError
from slt_tui.store import (
    CorruptDatabaseError,
    DatabaseExistsError,
    DatabaseLockedError,
    InvalidDatabaseError,
    ReadOnlyDatabaseError,
    Repository,
    SchemaTooNewError,
    StoreWriteError,
    backups,
)
from slt_tui.store.migrations import SCHEMA_VERSION

from conftest import fill_disk


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "data" / "slt.json"
    with Repository.create(path, Dataset(agencies=STANDARD_AGENCIES)) as repo:
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
        repo.save(Person(id="p1", name="Testperson", agency="NAV"))
        assert mode(path) == 0o600  # still, after an atomic replace
    assert mode(backups.backup_folder(path)) == 0o700


def test_create_refuses_an_existing_file(sample_db):
    before = sample_db.read_bytes()
    with pytest.raises(DatabaseExistsError):
        Repository.create(sample_db, Dataset())
    assert sample_db.read_bytes() == before


def test_a_second_writer_is_refused_and_told_who_holds_the_file(sample_db):
    with Repository.open(sample_db), pytest.raises(DatabaseLockedError) as exc:
        Repository.open(sample_db)
    params = exc.value.params
    assert params["pid"] == os.getpid()
    assert params["user"] and params["host"] and params["since"] != "?"
    assert f"prosess {os.getpid()}" in exc.value.sentence("nb")


def test_a_second_writer_in_another_process_is_refused(sample_db):
    with Repository.open(sample_db):
        code = textwrap.dedent(f"""
            from slt_tui.store import Repository, DatabaseLockedError
            try:
                Repository.open({str(sample_db)!r})
            except DatabaseLockedError as exc:
                print(exc.params["pid"])
            """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(os.getpid())


def test_the_lock_is_free_again_after_close(sample_db):
    Repository.open(sample_db).close()
    Repository.open(sample_db).close()


def test_read_only_opening_works_while_another_session_writes(sample_db):
    with Repository.open(sample_db) as writer:
        with Repository.open(sample_db, readonly=True) as reader:
            assert reader.readonly
            assert len(reader.dataset.meetings) == len(writer.dataset.meetings) == 3
            with pytest.raises(ReadOnlyDatabaseError):
                reader.save(Person(id="p-ny", name="Ny", agency="NAV"))
        writer.save(Person(id="p-ny", name="Ny", agency="NAV"))


def test_a_read_only_session_takes_in_what_the_writer_saves(sample_db):
    with Repository.open(sample_db) as writer, Repository.open(sample_db, readonly=True) as reader:
        assert not reader.changed_on_disk() and reader.reload() is False  # nothing new: not even read
        before = reader.dataset
        writer.save(Person(id="p-ny", name="Ny", agency="NAV"))
        assert reader.changed_on_disk()
        assert reader.reload() is True
        assert reader.dataset.person("p-ny").name == "Ny" and before is not reader.dataset
        assert not reader.changed_on_disk()
        with pytest.raises(RuntimeError):
            writer.reload()  # the writer is the source; it never reads behind its own back


def test_a_damaged_file_on_reload_keeps_the_last_good_version(sample_db):
    with Repository.open(sample_db, readonly=True) as reader:
        good = reader.dataset
        sample_db.write_text("{ not json")
        with pytest.raises(CorruptDatabaseError):
            reader.reload()
        assert reader.dataset is good


BAD_FILES = {
    "not JSON": b"this is not json",
    "truncated": None,  # filled from the sample below
    "empty": b"",
    "wrong shape": b"[1, 2, 3]",
    "invalid record": None,
    "future schema": None,
    "not UTF-8": b'{"agencies": {"1": {"code": "\xff"}}}',
    # What the writer could not write back, or would write back changed: refused on opening, not at
    # the next save (which then could never land, or would silently drop a record).
    "nested too deeply": b'{"meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "a 5,000-digit number": b'{"meta": {"1": {"schema_version": ' + b"9" * 5000 + b"}}}",
    "a number past 64 bits": None,
    "a number past 64 bits outside the records": None,
    "time used out of range": None,
    "a record key twice": None,
    "a field twice": None,
    "NaN": None,
    "half a character": None,
    # Found by the attack on issue 11: each passed `check` and changed or lost data at the next save.
    "a record key with a leading zero": None,  # TinyDB reads "03" as 3: one of two meetings lost
    "a record key of 5,000 digits": None,
    "a number too large for a float": b'{"meta": {"1": {"schema_version": 3, "x": 1e400}}}',
    "a decimal the writer would round": b'{"meta": {"1": {"schema_version": 3, "x": 1.00000000000000000001}}}',
    "a meeting in the year 1": None,
}


def bad_file(kind: str, sample: bytes) -> bytes:
    data = json.loads(sample)
    if kind == "truncated":
        return sample[: len(sample) // 2]
    if kind == "invalid record":
        data["actions"]["1"]["due"] = "31.02.2026"
        return json.dumps(data).encode()
    if kind == "future schema":
        data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
        return json.dumps(data).encode()
    if kind == "a number past 64 bits":
        data["meetings"]["1"]["agenda"][0]["spent_seconds"] = 2**64
        return json.dumps(data).encode()
    if kind == "a number past 64 bits outside the records":
        data["meta"]["1"]["note"] = -(2**70)
        return json.dumps(data).encode()
    if kind == "time used out of range":
        data["meetings"]["1"]["agenda"][0]["spent_seconds"] = 2**62
        return json.dumps(data).encode()
    if kind == "a record key twice":  # the second meeting under the first one's key
        text = json.dumps(data)
        first, second = json.dumps(data["meetings"]["1"]), json.dumps(data["meetings"]["2"])
        return text.replace(f'"2": {second}', f'"1": {second}').replace(f'"1": {first}', f'"1": {first}').encode()
    if kind == "a field twice":
        return json.dumps(data).replace('"name": ', '"name": "Kopi", "name": ', 1).encode()
    if kind == "NaN":
        data["meta"]["1"]["note"] = float("nan")
        return json.dumps(data).encode()
    if kind == "a record key with a leading zero":
        data["meetings"]["03"] = {**data["meetings"]["3"], "id": "kg-2027-06-01", "agenda": [],
                                  "starts_at": "2027-06-01T09:00:00+02:00"}
        return json.dumps(data).encode()
    if kind == "a record key of 5,000 digits":
        data["meetings"]["9" * 5000] = data["meetings"].pop("1")
        return json.dumps(data).encode()
    if kind == "a meeting in the year 1":
        data["meetings"]["1"]["starts_at"] = "0001-01-01T00:00:00+01:00"
        return json.dumps(data).encode()
    if kind == "half a character":
        return json.dumps(data).replace('"title": "', '"title": "\\ud800', 1).encode()
    return BAD_FILES[kind]


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_are_refused_with_a_typed_error_and_left_unchanged(sample_db, kind):
    content = bad_file(kind, sample_db.read_bytes())
    sample_db.write_bytes(content)
    specific = {"invalid record": InvalidDatabaseError, "future schema": SchemaTooNewError,
                "a number past 64 bits": InvalidDatabaseError, "time used out of range": InvalidDatabaseError,
                "a meeting in the year 1": InvalidDatabaseError}
    expected = specific.get(kind, CorruptDatabaseError)
    for readonly in (True, False):
        with pytest.raises(expected) as exc:
            Repository.open(sample_db, readonly=readonly)
        assert str(sample_db) in str(exc.value)
    assert sample_db.read_bytes() == content
    assert not backups.backups(sample_db), "a bad file must not be kept as a 'good' backup"


def test_invalid_record_error_names_the_record_and_the_field(sample_db):
    data = json.loads(sample_db.read_bytes())
    data["actions"]["2"]["due"] = "31.02.2026"
    sample_db.write_text(json.dumps(data))
    with pytest.raises(InvalidDatabaseError) as exc:
        Repository.open(sample_db)
    assert "actions a-foreldremote → due" in str(exc.value.params["detail"])
    assert "not a day in the calendar" in str(exc.value)
    assert "«31.02.2026» er ikke en dag i kalenderen" in exc.value.sentence("nb")


def test_a_corrupt_file_points_at_the_newest_backup(sample_db):
    with Repository.open(sample_db) as repo:
        repo.save(Person(id="p-ny", name="Ny", agency="NAV"))
    newest = backups.newest_backup(sample_db)
    assert newest is not None
    sample_db.write_bytes(sample_db.read_bytes()[:100])
    with pytest.raises(CorruptDatabaseError) as exc:
        Repository.open(sample_db)
    assert str(newest) in exc.value.sentence("nb")
    assert json.loads(newest.read_bytes())  # and that backup is whole


def test_backups_keep_the_previous_versions_and_roll(sample_db, monkeypatch):
    monkeypatch.setattr(backups, "INTERVAL", 0)  # keep a version before every write
    with Repository.open(sample_db) as repo:
        for i in range(backups.KEEP + 5):
            repo.save(Person(id=f"p-{i}", name=f"Person {i}", agency="NAV"))
    kept = backups.backups(sample_db)
    assert len(kept) == backups.KEEP
    newest_people = [p["id"] for p in json.loads(kept[0].read_bytes())["people"].values()]
    assert f"p-{backups.KEEP + 3}" in newest_people and f"p-{backups.KEEP + 4}" not in newest_people
    assert all(mode(b) == 0o600 for b in kept)


def test_a_file_without_meta_is_upgraded_and_the_old_version_kept(sample_db):
    data = json.loads(sample_db.read_bytes())
    del data["meta"]
    sample_db.write_text(json.dumps(data))
    with Repository.open(sample_db) as repo:
        assert len(repo.dataset.meetings) == 3
    upgraded = json.loads(sample_db.read_bytes())
    assert upgraded["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    old = json.loads(backups.newest_backup(sample_db).read_bytes())
    assert "meta" not in old


def test_a_read_only_open_upgrades_in_memory_only(sample_db):
    data = json.loads(sample_db.read_bytes())
    del data["meta"]
    sample_db.write_text(json.dumps(data))
    before = sample_db.read_bytes()
    with Repository.open(sample_db, readonly=True) as repo:
        assert len(repo.dataset.people) == 14
    assert sample_db.read_bytes() == before


def test_removing_a_record_that_others_refer_to_is_refused(sample_db):
    with Repository.open(sample_db) as repo:
        before = sample_db.read_bytes()
        with pytest.raises(DomainError) as exc:
            repo.delete("people", "ola-skarsvag")
        assert "unknown member 'ola-skarsvag'" in str(exc.value)
        assert exc.value.sentence("nb").startswith("Ugyldig: forum kg: ukjent medlem «ola-skarsvag» (og ")
        assert sample_db.read_bytes() == before
        repo.save(Person(id="p-ny", name="Ny", agency="NAV"))
        repo.delete("people", "p-ny")
    with Repository.open(sample_db, readonly=True) as again:
        assert not again.dataset.has("people", "p-ny")


def test_a_batch_lands_as_one_write_or_not_at_all(sample_db):
    with Repository.open(sample_db) as repo:
        before = sample_db.read_bytes()
        with pytest.raises(DomainError), repo.batch():
            repo.save(Person(id="p-a", name="A", agency="NAV"))
            repo.save(Person(id="p-b", name="B", agency="XYZ"))
        assert sample_db.read_bytes() == before
        assert not repo.dataset.has("people", "p-a")
        inode = sample_db.stat().st_ino
        with repo.batch():
            repo.save(Person(id="p-a", name="A", agency="NAV"))
            repo.save(Person(id="p-b", name="B", agency="BV"))
            assert sample_db.stat().st_ino == inode, "nothing is written before the batch ends"
        assert sample_db.stat().st_ino != inode
    with Repository.open(sample_db, readonly=True) as again:
        assert again.dataset.has("people", "p-a") and again.dataset.has("people", "p-b")


def test_stale_temporary_files_from_a_killed_writer_are_removed(sample_db):
    stale = sample_db.with_name(f".{sample_db.name}.99999.tmp")
    stale.write_text("{half")
    Repository.open(sample_db).close()
    assert not stale.exists()


# Failed writes ------------------------------------------------------------------------------------

WRITE_UNTIL_FULL = textwrap.dedent("""
    import json, resource, signal, sys
    from slt_tui.domain import Person
    from slt_tui.store import Repository, StoreWriteError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # get EFBIG instead of being killed
    path = sys.argv[1]
    repo = Repository.open(path)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
    try:
        repo.save(Person(id="p-stor", name="Stor " + "x" * 250, role="y" * 250, agency="NAV"))
    except StoreWriteError as exc:
        print(json.dumps({"error": type(exc).__name__, "reason": exc.params["reason"].sentence("nb"),
                          "still_there": repo.dataset.has("people", "p-stor")}))
    else:
        print(json.dumps({"error": None}))
""")


def test_a_write_refused_by_the_kernel_leaves_the_old_file_and_no_temporary(sample_db):
    before = sample_db.read_bytes()
    limit = 4096  # the new version (~11 kB) is larger than the kernel lets this process write
    out = subprocess.run([sys.executable, "-c", WRITE_UNTIL_FULL, str(sample_db), str(limit)],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert result == {"error": "StoreWriteError", "reason": "filen er for stor", "still_there": False}
    assert sample_db.read_bytes() == before
    assert not list(sample_db.parent.glob(".*.tmp"))


def test_a_full_disk_fails_the_save_loudly_and_loses_nothing(full_disk, sample_db):
    path = full_disk / "slt.json"
    path.write_bytes(sample_db.read_bytes())
    with Repository.open(path) as repo:
        before = path.read_bytes()
        filler = fill_disk(full_disk)
        with pytest.raises(StoreWriteError) as exc:
            repo.save(Person(id="p-stor", name="Stor", role="x" * 300, agency="NAV"))
        assert "the disk is full" in str(exc.value)
        assert path.read_bytes() == before
        assert not repo.dataset.has("people", "p-stor")
        assert not list(full_disk.glob(".*.tmp"))
        filler.unlink()
        repo.save(Person(id="p-stor", name="Stor", role="x" * 300, agency="NAV"))  # space again: it works
    with Repository.open(path, readonly=True) as again:
        assert again.dataset.person("p-stor").name == "Stor"


def test_what_is_read_is_what_is_written_back(sample_db):
    """Opening and saving nothing new rewrites the same records: a save never drops or changes what
    the file held (unknown tables and meta fields included)."""
    data = json.loads(sample_db.read_bytes())
    data["meta"]["1"]["note"] = "kept"
    data["extra"] = {"1": {"anything": [1, 2.5, None, "x"]}}
    sample_db.write_text(json.dumps(data))
    with Repository.open(sample_db) as repo:
        repo.save(repo.dataset.person(repo.dataset.people[0].id))
    assert json.loads(sample_db.read_bytes()) == data


def test_a_file_with_a_broken_reference_is_refused(sample_db):
    data = json.loads(sample_db.read_bytes())
    data["forums"]["2"]["members"].append("finnes-ikke")
    sample_db.write_text(json.dumps(data))
    with pytest.raises(InvalidDatabaseError) as exc:
        Repository.open(sample_db)
    assert "forum kg: unknown member 'finnes-ikke'" in str(exc.value)


def test_two_rescues_in_one_second_keep_both(tmp_path):
    from slt_tui.store.rescue import rescue

    db = tmp_path / "slt.json"
    first, second = rescue(db, "første"), rescue(db, "andre")
    assert first != second and first.read_text() == "første" and second.read_text() == "andre"
