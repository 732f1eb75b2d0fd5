"""Where the database lives: `--db`, else `$SLT_TUI_DB`, else the user's data folder.

Also the one place that creates folders: only slt-tui's own (the data and config folders), each
missing one with mode 0700 whatever the umask, as the XDG Base Directory spec asks. A folder the
user named is never created: a missing one is a typed error.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from slt_tui.errors import SltError
from slt_tui.store.errors import StoreError

FILE_NAME = "slt.json"
FOLDER_MODE = 0o700


class DatabaseIsFolderError(StoreError):
    """`--db` or `$SLT_TUI_DB` names a folder."""

    key = "error.db_is_folder"


class EmptyDatabasePathError(SltError):
    """`--db` was given an empty path."""

    key = "error.db_empty"


class FolderNotFoundError(StoreError):
    """The folder a new database would go in does not exist, and it is not slt-tui's own to create."""

    key = "error.db_no_folder"


class UnknownHomeError(SltError):
    """A path starts `~user`, and there is no such user (or no home folder for `~`)."""

    key = "error.unknown_home"


def expand_user(path: str | os.PathLike[str]) -> Path:
    """`~` and `~user` at the start of `path` as the home folder they name; UnknownHomeError, not
    Python's RuntimeError, when there is none. Every path a person typed goes through here."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "Could not determine home directory."
        raise UnknownHomeError(path=os.fspath(path)) from None


def data_folder() -> Path:
    return platformdirs.user_data_path("slt-tui")


def config_folder() -> Path:
    return platformdirs.user_config_path("slt-tui")


def default_db_path() -> Path:
    env = os.environ.get("SLT_TUI_DB", "").strip()
    if env:
        return expand_user(env)
    return data_folder() / FILE_NAME


def resolve_db_path(option: str | None) -> Path:
    return expand_user(option) if option else default_db_path()


def database_path(option: str | None) -> Path:
    """The database file to use; DatabaseIsFolderError when the name given is a folder (or nothing)."""
    if option is not None and not option.strip():
        raise EmptyDatabasePathError()  # `--db ''` must not quietly mean the default
    path = resolve_db_path(option)
    if path.is_dir():
        raise DatabaseIsFolderError(path=str(path))
    return path


def ensure_folder(db_path: Path) -> None:
    """Make sure the folder a new database goes in exists.

    slt-tui's own folders are created (private, see `make_private_folder`); any other folder must
    already be there (FolderNotFoundError), since a typing slip should not leave a tree of folders.
    """
    folder = db_path.parent
    if folder.is_dir():
        return
    if _absolute(folder) not in {_absolute(data_folder()), _absolute(config_folder())}:
        raise FolderNotFoundError(path=str(db_path), folder=str(folder))
    make_private_folder(folder)


def make_private_folder(folder: Path) -> None:
    """Create `folder` and each missing parent with mode 0700, whatever the umask; existing ones stay
    as they are. `mkdir(mode=…, parents=True)` would give the parents the umask's mode instead."""
    missing = []
    for candidate in [folder, *folder.parents]:
        if candidate.is_dir():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            os.mkdir(candidate, FOLDER_MODE)
        except FileExistsError:
            if not candidate.is_dir():
                raise
            continue  # made by someone else meanwhile: theirs, left as it is
        os.chmod(candidate, FOLDER_MODE)  # mkdir's mode is masked by the umask; chmod's is not


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(expand_user(path)))
