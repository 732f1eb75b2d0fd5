"""Shared fixtures. Every test runs with HOME and the XDG folders inside its own tmp_path, so that no
test can read or write the user's real data folder."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from slt_tui.i18n import set_language
from slt_tui.sample import sample_path

SAMPLE = sample_path()


def pytest_configure(config):
    """A long temporary folder for every run: a test that depends on where a line wraps (a path in a
    message, say) then fails here every time, not only on a machine with long paths or host names."""
    if not config.option.basetemp:
        stem = f"slt-tui-tests-{os.getpid()}-a-deliberately-long-folder-name-so-that-paths-wrap-"
        config.option.basetemp = str(Path(tempfile.gettempdir()) / stem.ljust(90, "x"))
        config.add_cleanup(lambda: shutil.rmtree(config.option.basetemp, ignore_errors=True))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("SLT_TUI_DB", raising=False)
    monkeypatch.delenv("SLT_TUI_LANG", raising=False)
    set_language("nb")
    yield home
    set_language("nb")


@pytest.fixture
def sample_db(tmp_path) -> Path:
    """A private copy of the Fjordvik sample database."""
    path = tmp_path / "slt.json"
    shutil.copyfile(SAMPLE, path)
    os.chmod(path, 0o600)
    return path


@pytest.fixture
def sample(sample_db):
    """The sample's records and its municipality's name, as the documents are written from them (a module
    that means something else by `sample` defines its own)."""
    from slt_tui.store import Repository

    with Repository.open(sample_db, readonly=True) as repo:
        return repo.dataset, repo.municipality


def _tmpfs(mountpoint: Path, options: str):
    """A real tmpfs at `mountpoint`, unmounted after; the test is skipped where none may be mounted."""
    mountpoint.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mountpoint)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mountpoint
    subprocess.run(["umount", str(mountpoint)], check=True)


@pytest.fixture
def full_disk(tmp_path):
    """A real, tiny file system (tmpfs); skipped where this process may not mount one."""
    yield from _tmpfs(tmp_path / "tiny", "size=128k")  # the sample, its backup and a save in flight fit


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder no file can be made in, whoever asks (root too): a read-only tmpfs."""
    yield from _tmpfs(tmp_path / "read-only", "size=64k,ro")


def fill_disk(folder: Path) -> Path:
    """Take every byte left on the file system of `folder` (a `full_disk`); returns the filler."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 4096)
    return filler


def slt_tui_command() -> str:
    """The installed `slt-tui` console script of the interpreter running the tests."""
    script = Path(sys.executable).parent / "slt-tui"
    if not script.exists():
        found = shutil.which("slt-tui")
        if found is None:
            pytest.fail("the slt-tui command is not installed; run the README's test command")
        return found
    return str(script)


@pytest.fixture
def terminal():
    """Start the installed `slt-tui` with arguments in a real pseudo-terminal; closed after the test."""
    from terminal import Terminal  # tests/e2e: on the path wherever an end-to-end test runs

    opened: list = []

    def start(*args: str, **kwargs):
        term = Terminal([slt_tui_command(), *args], **kwargs)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def slt(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([slt_tui_command(), *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def assert_one_sentence_error(done: subprocess.CompletedProcess, *fragments: str) -> None:
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("slt-tui: "), done.stderr
    for fragment in fragments:
        assert fragment in done.stderr


@pytest.fixture(autouse=True)
def messages_in_the_run_language(request, monkeypatch):
    """In every UI test, each message the app shows (a notification, a form's error line) is in the
    language of the run: whatever a test provokes, no English reaches a Norwegian screen. The hostile
    tests are left out: they type words of every language, and messages quote them."""
    if "tests/ui/" not in request.node.nodeid or "hostile" in request.node.nodeid:
        yield
        return
    from slt_tui.i18n import current_language
    from slt_tui.ui.app import SltApp
    from slt_tui.ui.modals.base import FormModal

    from language import english_in, norwegian_in

    def in_language(text: str) -> None:
        stray = norwegian_in(text) if current_language() == "en" else english_in(text)
        assert not stray, f"{current_language()}: {text!r} has {sorted(stray)}"

    notify, show_error = SltApp.notify, FormModal.show_error

    def checked_notify(self, message, **kwargs):
        in_language(str(message))
        return notify(self, message, **kwargs)

    def checked_error(self, text):
        in_language(str(text))
        return show_error(self, text)

    monkeypatch.setattr(SltApp, "notify", checked_notify)
    monkeypatch.setattr(FormModal, "show_error", checked_error)
    yield
