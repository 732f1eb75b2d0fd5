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
    return dues[-1] if dues else action.due_as_agreed


def review(action: ActionItem, meeting_id: str, at: datetime, *, status: ActionStatus | None = None,
           comment: str = "", due: date | None = None) -> ActionItem:
    """The point after a meeting reviewed it: a new status and/or due date, recorded with a comment."""
    status = status or action.status
    last = action.updates[-1] if action.updates else None
    if (last is not None and last.meeting == meeting_id and last.status is status and status is action.status
            and not comment and due is None):
        return action  # the same status said again at the same meeting (a key pressed twice): nothing new
    update = ActionUpdate(meeting=meeting_id, status=status, comment=comment, at=at, due=due)
    changes: dict = {"status": status, "updates": (*action.updates, update)}
    if due is not None:
        changes["due"] = due
        if action.agreed_due is None and due != action.due:
            changes["agreed_due"] = action.due  # the minutes that raised it keep the date agreed there
    return action.model_copy(update=changes)


CARRIED_FLAG = 3
"""A point brought to this many meetings without being closed is flagged."""


def times_carried(action: ActionItem, meeting: Meeting, dataset: Dataset) -> int:
    """How many of the forum's meetings after the one it came from, up to `meeting`, had it open."""
    origin = dataset.meeting(action.origin.meeting).starts_at
    return sum(1 for m in dataset.meetings_of(action.forum)
               if origin < m.starts_at <= meeting.starts_at
               and _status_before(action, m.started_at or m.starts_at).is_open)


@dataclass(frozen=True)
class Progress:
    """A forum's points raised this year: still open (on time), overdue, done."""

    open: int
    overdue: int
    done: int

    @property
    def total(self) -> int:
        return self.open + self.overdue + self.done

    def bar(self, width: int = 12) -> str:
        """`███▒▒▒░░░░░░`: done █, open ▒, overdue ░, in proportion; readable without colour."""
        if not self.total:
            return ""
        done = round(width * self.done / self.total)
        late = round(width * self.overdue / self.total)
        return "█" * done + "▒" * max(0, width - done - late) + "░" * late


def year_progress(dataset: Dataset, forum_id: str, on: date) -> Progress:
    counts = {"open": 0, "overdue": 0, "done": 0}
    for action in dataset.actions_of(forum_id):
        if dataset.meeting(action.origin.meeting).year != on.year or action.status is ActionStatus.DROPPED:
            continue
        counts["done" if action.status is ActionStatus.DONE else "overdue" if action.is_overdue(on) else "open"] += 1
    return Progress(**counts)
