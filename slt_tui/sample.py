"""Where the sample municipality (`sample_data/fjordvik.json`) is, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_NAME = "fjordvik.json"


def sample_path() -> Path:
    packaged = Path(__file__).parent / "sample_data" / _NAME  # inside an installed wheel
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "sample_data" / _NAME  # a checkout or editable install
