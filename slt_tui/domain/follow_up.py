"""Follow-up points as one meeting sees them: raised in it, or brought to it from earlier meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from slt_tui.domain.case_numbers import split
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import ActionItem, ActionStatus, ActionUpdate, Meeting


@dataclass(frozen=True)
class Review:
    """An earlier point at a meeting: the review made there, or none, and the status and due it had."""

    action: ActionItem
    update: ActionUpdate | None
    status: ActionStatus
    due: date


def raised_in(meeting: Meeting, dataset: Dataset) -> list[ActionItem]:
    """The points agreed in this meeting, in agenda order."""
    order = {item.id: n for n, item in enumerate(meeting.agenda)}
    mine = [a for a in dataset.actions_of(meeting.forum) if a.origin.meeting == meeting.id]
    return sorted(mine, key=lambda a: (order.get(a.origin.item, len(order)), a.id))


def reviews_at(meeting: Meeting, dataset: Dataset) -> list[Review]:
    """Points from the forum's earlier meetings that were reviewed here or were still open when it began.

    The status and due date are those the meeting left the point with, so the minutes of an old
    meeting still say what was decided then, whatever happened to the point afterwards.
    """
    start = meeting.started_at or meeting.starts_at
    reviews = []
    for action in dataset.actions_of(meeting.forum):
        if action.origin.meeting == meeting.id:
            continue
        origin = dataset.meeting(action.origin.meeting)
        if origin.starts_at >= meeting.starts_at:
            continue
        update = next((u for u in reversed(action.updates) if u.meeting == meeting.id), None)
        status = update.status if update else _status_before(action, start)
        if update is None and not status.is_open:
            continue
        reviews.append(Review(action, update, status, _due_after(action, meeting, start)))
    return sorted(reviews, key=lambda r: (_origin_number(r.action, dataset), r.action.id))


def _origin_number(action: ActionItem, dataset: Dataset) -> tuple[int, int]:
    """Case numbers sort by year, then serial: the order the points were raised in."""
    item = dataset.meeting(action.origin.meeting).item(action.origin.item)
    serial, year = split(item.number) if item else (0, 0)
    return year, serial


def _status_before(action: ActionItem, moment: datetime) -> ActionStatus:
    earlier = [u for u in action.updates if u.at < moment]
    if earlier:
        return earlier[-1].status
    return ActionStatus.OPEN if action.updates else action.status


def _due_after(action: ActionItem, meeting: Meeting, start: datetime) -> date:
    """The due date as it stood when this meeting was done with the point."""
    dues = [u.due for u in action.updates if u.due is not None and (u.meeting == meeting.id or u.at < start)]
    return dues[-1] if dues else action.due
