"""Turn a pydantic ValidationError into one sentence that says where and what is wrong."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import ValidationError


def explain(exc: ValidationError, names: Mapping[str, Sequence[str]] | None = None) -> str:
    """`meetings kg-2026-09-15 → agenda 2 → number: case numbers are out of sequence …`.

    `names` optionally maps a table to its records' keys, so that a location reads as the record's
    id rather than its position.
    """
    errors = exc.errors(include_url=False)
    where = location(errors[0]["loc"], names)
    tail = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {errors[0]['msg']}{tail}" if where else f"{errors[0]['msg']}{tail}"


def location(loc: Sequence[str | int], names: Mapping[str, Sequence[str]] | None = None) -> str:
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int):
            keys = (names or {}).get(str(loc[0])) if i == 1 else None
            label = str(keys[part]) if keys and part < len(keys) else str(part + 1)
            parts[-1:] = [f"{parts[-1]} {label}"] if parts else [label]
        else:
            parts.append(str(part))
    return " → ".join(parts)
