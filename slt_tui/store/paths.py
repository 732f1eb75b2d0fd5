"""Where the database lives: `--db`, else `$SLT_TUI_DB`, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

FILE_NAME = "slt.json"


def default_db_path() -> Path:
    env = os.environ.get("SLT_TUI_DB", "").strip()
    if env:
        return Path(env).expanduser()
    return platformdirs.user_data_path("slt-tui") / FILE_NAME


def resolve_db_path(option: str | None) -> Path:
    return Path(option).expanduser() if option else default_db_path()
