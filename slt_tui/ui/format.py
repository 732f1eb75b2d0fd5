"""How times and durations are written on screen."""

from __future__ import annotations

from datetime import datetime

from slt_tui.domain.clock import format_date


def duration(seconds: int) -> str:
    """`12:05`, or `1:02:05` past an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def date_time(moment: datetime) -> str:
    return f"{format_date(moment)} {moment:%H:%M}"
