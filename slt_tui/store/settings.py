"""A person's own settings, kept apart from the shared database: for now, where minutes are exported.

The file lives in the user's config folder (`platformdirs.user_config_path("slt-tui")`). It is small
and not precious: one that cannot be read counts as empty, and it is written crash-safe like the
database.
"""

from __future__ import annotations

import json
from pathlib import Path

from slt_tui.store.atomic import atomic_write
from slt_tui.store.paths import config_folder, make_private_folder

FILE_NAME = "settings.json"


def settings_path() -> Path:
    return config_folder() / FILE_NAME


def load_settings() -> dict[str, str]:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def export_folder() -> Path:
    """The folder minutes were last exported to, or the current folder the first time."""
    folder = load_settings().get("export_folder")
    return Path(folder) if folder else Path.cwd()


def remember_export_folder(folder: Path) -> None:
    """Keep `folder` for next time; raises OSError when the config folder cannot be written."""
    settings = load_settings() | {"export_folder": str(folder)}
    path = settings_path()
    make_private_folder(path.parent)
    atomic_write(path, json.dumps(settings, ensure_ascii=False, indent=2).encode())
