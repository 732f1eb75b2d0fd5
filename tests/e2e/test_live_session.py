"""The live session against what people do, with the installed `slt-tui` in a real pseudo-terminal:
quitting after notes that end in a space, no saves while idle, typing that never pauses and then a
kill, the item clock's checkpoint while another screen is shown, two writers on one file, and places
the session may not write to."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from slt_tui.store import Repository
from slt_tui.store.lock import lock_path

from conftest import fill_disk, slt, slt_tui_command
from terminal import Terminal

pytestmark = pytest.mark.e2e

MEETING = "kg-2026-12-08"


def stored_notes(path, index=0) -> str:
    with Repository.open(path, readonly=True) as repo:
        return repo.dataset.meeting(MEETING).agenda[index].notes


def version(path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns


def open_meeting(terminal, path, *args: str) -> Terminal:
    term = terminal("--db", str(path), "--meeting", MEETING, *args)
    term.wait_for("Sak 11/26", "17/26")
    return term


def test_quit_after_notes_that_end_in_a_space_ends_the_app_and_keeps_the_space(terminal, sample_db):
    term = open_meeting(terminal, sample_db)
    term.send("n")
    term.send("Notat som slutter med mellomrom ")
    term.pump(1.0)  # the pause after which it saves itself
    term.send("\x1b")
    term.send("q")
    assert term.wait_exit(timeout=10) == 0
    assert stored_notes(sample_db) == "Notat som slutter med mellomrom "


def test_an_idle_session_writes_nothing(terminal, sample_db):
    term = open_meeting(terminal, sample_db)
    term.send("n")
    term.send("Ingen lagring i tomgang  ")
    term.pump(1.5)
    assert stored_notes(sample_db) == "Ingen lagring i tomgang  "
    before = version(sample_db)
    term.pump(3.0)  # with the editor still open, then after leaving it
    term.send("\x1b")
    term.pump(2.0)
    assert version(sample_db) == before, "the file was written again with nothing changed"
    term.send("q")
    assert term.wait_exit(timeout=10) == 0


def test_typing_without_a_pause_is_saved_and_a_kill_loses_only_the_last_second(terminal, sample_db):
    term = open_meeting(terminal, sample_db)
    term.send("n")
    text = "Hele tiden skrives det videre uten pause, ord for ord, i flere sekunder. " * 3
    sent: list[tuple[float, int]] = []  # (when, characters sent by then)
    for n in range(len(text)):
        os.write(term.master, text[n].encode())
        sent.append((time.monotonic(), n + 1))
        term.pump(0.02)  # keeps reading the screen; about 40 characters a second, never a pause
        if sent[-1][0] - sent[0][0] > 4.0:
            break
    killed_at = time.monotonic()
    term.process.send_signal(signal.SIGKILL)
    term.process.wait()
    kept = stored_notes(sample_db)
    typed_by = max(count for when, count in sent if when <= killed_at - 1.0)
    assert text.startswith(kept), "what is stored is what was typed"
    assert len(kept) >= typed_by, f"lost what was typed more than a second before the kill ({len(kept)} < {typed_by})"


def test_the_item_clock_keeps_its_checkpoint_while_the_start_screen_is_shown(terminal, sample_db):
    term = open_meeting(terminal, sample_db)
    term.start_meeting()  # the clock of 11/26 starts (and the meeting with it)
    term.wait_for("▶")
    term.send("\x1b")  # back to the start screen
    term.wait_for("Forum", "Møter")
    deadline = time.monotonic() + 45
    spent = 0
    while time.monotonic() < deadline and spent < 30:
        term.pump(1.0)
        with Repository.open(sample_db, readonly=True) as repo:
            spent = repo.dataset.meeting(MEETING).agenda[0].spent_seconds
    assert spent >= 30, "the 30 s checkpoint did not run while the start screen was shown"
    assert term.process.poll() is None
    term.process.send_signal(signal.SIGKILL)  # a crash now loses at most the time since the checkpoint


def test_a_write_from_the_command_line_while_the_app_writes_is_refused_with_who_holds_the_file(terminal, sample_db):
    term = open_meeting(terminal, sample_db)
    before = sample_db.read_bytes()
    done = slt("plan", "politiradet", "--db", str(sample_db))
    assert done.returncode == 2
    assert "i bruk av" in done.stderr and f"prosess {term.process.pid}" in done.stderr
    assert sample_db.read_bytes() == before
    term.send("q")
    assert term.wait_exit(timeout=10) == 0


def test_a_deleted_lock_file_lets_nothing_be_lost(terminal, sample_db):
    """Someone deletes the lock file while the app writes, and `plan` lands: the app's next save is
    refused rather than overwriting the planned meeting, and what was typed is kept beside the file."""
    term = open_meeting(terminal, sample_db)
    term.send("n")
    term.send("Lagret før låsen forsvant")
    term.pump(1.2)
    assert stored_notes(sample_db) == "Lagret før låsen forsvant"
    lock_path(sample_db).unlink()
    planned = slt("plan", "politiradet", "--db", str(sample_db))
    assert planned.returncode == 0, planned.stderr
    term.send(" og skrevet etter")
    term.wait_for("bare lesing")  # in the header; the message beside it names the kept notes' file
    term.wait_for_words("samme mappe som databasen")
    with Repository.open(sample_db, readonly=True) as repo:
        assert repo.dataset.meetings_of("politiradet"), "the planned meeting was overwritten"
        assert repo.dataset.meeting(MEETING).agenda[0].notes == "Lagret før låsen forsvant"
    rescued = list(sample_db.parent.glob("slt.json.unsaved-*.txt"))
    assert len(rescued) == 1 and "Lagret før låsen forsvant og skrevet etter" in rescued[0].read_text()
    assert rescued[0].stat().st_mode & 0o077 == 0
    term.send("\x1b")
    term.send("q")
    assert term.wait_exit(timeout=10) == 0


def test_a_second_session_through_a_symlink_meets_the_same_lock(terminal, sample_db, tmp_path):
    link = tmp_path / "lenke.json"
    link.symlink_to(sample_db)
    first = open_meeting(terminal, sample_db)
    second = terminal("--db", str(link))
    second.wait_for("bare lesing")
    second.send("q")
    assert second.wait_exit(timeout=10) == 0
    first.send("q")
    assert first.wait_exit(timeout=10) == 0
    assert link.is_symlink(), "the link is still a link: the file behind it was written"
    backups = list((sample_db.parent / "slt.json.backups").iterdir())
    assert backups and not any(b.is_symlink() for b in backups)
    json.loads(sample_db.read_bytes())


def _as_another_user() -> list[str] | None:
    """How to run a command as a user who may not write here (as root, a folder's mode stops nobody)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


@pytest.fixture
def open_folder():
    """A folder other users can reach (the test's own tmp_path is closed to them)."""
    import tempfile

    folder = tempfile.mkdtemp(prefix="slt-tui-shared-")
    yield Path(folder)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_folder_the_user_may_only_read_opens_read_only_and_says_why(sample_db, open_folder):
    prefix = _as_another_user()
    if prefix is None:
        pytest.skip("cannot run as another user here")
    tmp_path = open_folder
    folder = tmp_path / "felles"
    folder.mkdir()
    path = folder / "slt.json"
    shutil.copyfile(sample_db, path)
    path.chmod(0o644)
    folder.chmod(0o755)
    tmp_path.chmod(0o755)
    for parent in tmp_path.parents:  # the other user must reach the folder to read it
        if parent.stat().st_mode & 0o001 == 0:
            pytest.skip(f"{parent} is closed to other users")
    before = path.read_bytes()
    home = tmp_path / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    term = Terminal([*prefix, slt_tui_command(), "--db", str(path)], env={"HOME": str(home),
                                                                         "XDG_DATA_HOME": str(home),
                                                                         "XDG_CONFIG_HOME": str(home)})
    try:
        term.wait_for("bare lesing")
        term.wait_for_words("Kan ikke skrive")
        term.send("q")
        assert term.wait_exit(timeout=10) == 0
    finally:
        term.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["slt.json"], "nothing was created beside the file"


def test_a_full_disk_opens_read_only_and_says_why(terminal, full_disk, sample_db):
    path = full_disk / "slt.json"
    path.write_bytes(sample_db.read_bytes())
    path.chmod(0o600)
    fill_disk(full_disk)
    term = terminal("--db", str(path))
    term.wait_for("bare lesing")
    term.wait_for_words("Kan ikke skrive")
    term.send("q")
    assert term.wait_exit(timeout=10) == 0
    planned = subprocess.run([slt_tui_command(), "plan", "politiradet", "--db", str(path)],
                             capture_output=True, text=True, timeout=60)
    assert planned.returncode == 2 and planned.stderr.count("\n") == 1, planned.stderr
    assert "Traceback" not in planned.stderr


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_hangup_with_a_form_open_saves_the_notes_and_ends(terminal, sample_db, sig):
    term = open_meeting(terminal, sample_db)
    term.send("n")
    term.send("Notat før skjemaet ")
    term.send("\x1b")
    term.send("a")  # the new-item form, half filled in
    term.wait_for("Ny sak")
    term.send("Halvferdig")
    term.process.send_signal(sig)
    term.wait_exit(timeout=10)
    assert stored_notes(sample_db) == "Notat før skjemaet "
    with Repository.open(sample_db):  # the lock is free again
        pass


def test_sigterm_after_a_failed_save_keeps_the_notes_aside_and_says_so(terminal, full_disk, sample_db):
    path = full_disk / "slt.json"
    path.write_bytes(sample_db.read_bytes())
    path.chmod(0o600)
    term = open_meeting(terminal, path)
    fill_disk(full_disk)
    term.send("n")
    term.send("Får ikke plass på disken")
    term.wait_for_words("Kunne ikke lagre")
    term.process.send_signal(signal.SIGTERM)
    assert term.wait_exit(timeout=10) == 1
    term.pump(0.3)
    assert "Notater som ikke kom inn i databasen" in bytes(term.output).decode(errors="replace")
    kept = list((Path(os.environ["XDG_DATA_HOME"]) / "slt-tui").glob("slt.json.unsaved-*.txt"))
    assert len(kept) == 1 and kept[0].read_text().endswith("Får ikke plass på disken")
