"""How records are worded for people, the same on the command line and in the app."""

from __future__ import annotations

from datetime import date, datetime

from slt_tui.domain.clock import format_date
from slt_tui.domain.models import ActionItem
from slt_tui.i18n import t


def duration(seconds: int) -> str:
    """`12:05`, or `1:02:05` past an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def date_time(moment: datetime) -> str:
    """`08.12.2026 09:00`."""
    return f"{format_date(moment)} {moment:%H:%M}"


def action_status(action: ActionItem, on: date) -> str:
    """`åpen`, or `åpen (forfalt)` when its due date has passed."""
    status = t(f"action.{action.status.value}")
    return f"{status} ({t('action.overdue')})" if action.is_overdue(on) else status
