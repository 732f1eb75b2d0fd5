"""Approval of the minutes, the lock that follows it, recorded corrections, and the minutes' versions.

A meeting's minutes are approved at a later meeting of the forum: the item that `approves` them (the
standing "Godkjenning av referat fra forrige møte") has a decision. The approval is derived from that
decision, never stored twice. Until then a closed meeting can be corrected freely; afterwards a change
to what the minutes show is refused unless it is made as a `Correction` (what, why, when, by whom,
and the record as it stood before), and every approved version can be rebuilt from the corrections.

`check_change` is the rule, applied by the repository to every save of a meeting, so that no screen
or command can change approved minutes by another way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slt_tui.domain.dataset import Dataset
from slt_tui.domain.follow_up import raised_in, reviews_at
from slt_tui.domain.meeting_ops import new_id
from slt_tui.domain.models import AgendaItem, Correction, Meeting, MeetingStatus, RegisterRecord
from slt_tui.errors import SltError

# What the minutes do not show, or what is added after approval by design: the archive reference is
# given when the approved minutes are journaled, the invitation's revision counts time and place.
_NOT_CONTENT = {"corrections", "archive_ref", "sequence"}


@dataclass(frozen=True)
class Approval:
    """Where minutes were approved: the meeting and the item (case) whose decision approved them."""

    meeting: Meeting
    item: AgendaItem


def approval_of(meeting: Meeting, dataset: Dataset) -> Approval | None:
    """The approval of `meeting`'s minutes, or None while they await it (the earliest, should two
    items approve the same minutes)."""
    for later in dataset.meetings_of(meeting.forum):
        for item in later.agenda:
            if item.approves == meeting.id and item.decisions:
                return Approval(later, item)
    return None


class MinutesApprovedError(SltError):
    """The minutes are approved: a change is refused unless it is recorded as a correction."""

    key = "approval.locked"


class CorrectionError(SltError):
    """A correction that does not follow the rules (changes nothing, rewrites an earlier one)."""

    key = "approval.bad_correction"


def content(meeting: Meeting) -> Meeting:
    """What the minutes are made from: the record without its corrections, archive reference and
    revision, as kept in a correction's `before`."""
    return meeting.model_copy(update={"corrections": (), "archive_ref": "", "sequence": 0})


def check_change(dataset: Dataset, new: Meeting, session: str) -> None:
    """Refuse (MinutesApprovedError) a save of `new` that changes approved minutes other than by a
    correction: a new one that records the stored record as it was, or more changes under the last
    one by the session that made it. Corrections once made are never changed or removed."""
    if not dataset.has("meetings", new.id):
        return
    old: Meeting = dataset.meeting(new.id)
    if old.corrections != new.corrections[: len(old.corrections)] and not _continues(old, new, session):
        raise CorrectionError(meeting=old.id)
    _approvals_kept(dataset, old, new)
    if old.status is not MeetingStatus.CLOSED:  # only held minutes are approved: the running meeting's saves
        return
    approval = approval_of(old, dataset)
    if approval is None or content(old) == content(new):
        return
    added = new.corrections[len(old.corrections):]
    if len(added) == 1 and added[0].before == content(old):
        return
    if not added and _continues(old, new, session):
        return
    raise MinutesApprovedError(**_where(approval))


def check_delete(dataset: Dataset, meeting_id: str) -> None:
    """Approved minutes' meeting is never deleted, nor a held meeting that approved minutes."""
    if dataset.has("meetings", meeting_id):
        meeting = dataset.meeting(meeting_id)
        approval = approval_of(meeting, dataset)
        if approval is not None:
            raise MinutesApprovedError(**_where(approval))
        if meeting.status is MeetingStatus.CLOSED:
            _approvals_kept(dataset, meeting, meeting.model_copy(update={"agenda": ()}))


class ApprovalKeptError(SltError):
    """The case that approved minutes, in a meeting that is over, keeps its decision and its link."""

    key = "approval.kept"


def _approvals_kept(dataset: Dataset, old: Meeting, new: Meeting) -> None:
    """Once its meeting is over, a case whose decision approved minutes is neither deleted, nor left
    without its decision, nor linked elsewhere: the approval is a fact the minutes of both meetings
    state. (While the meeting runs, an approval recorded by mistake can still be taken back.)"""
    if old.status is not MeetingStatus.CLOSED:
        return
    for item in old.agenda:
        if not (item.approves and item.decisions and dataset.has("meetings", item.approves)):
            continue
        approved = dataset.meeting(item.approves)
        found = approval_of(approved, dataset)
        if found is None or (found.meeting.id, found.item.id) != (old.id, item.id):
            continue
        kept = new.item(item.id)
        if kept is None or not kept.decisions or kept.approves != item.approves:
            raise ApprovalKeptError(case=item.number, date=f"{approved.starts_at:%d.%m.%Y}")


def cannot_approve(meeting: Meeting, item: AgendaItem, dataset: Dataset) -> str | None:
    """Why a decision on `item` (a case that approves minutes) cannot be recorded now, as a catalogue
    key, or None: minutes are approved by a meeting being held, and only once they are written."""
    if item.approves is None or not dataset.has("meetings", item.approves):
        return None
    if meeting.status not in (MeetingStatus.RUNNING, MeetingStatus.CLOSED):
        return "approval.not_held_here"
    if dataset.meeting(item.approves).status is not MeetingStatus.CLOSED:
        return "approval.not_held_there"
    return None


def _continues(old: Meeting, new: Meeting, session: str) -> bool:
    """`new` keeps every correction of `old` and changes the last only in its time, by the session
    that made it (more edits under one correction)."""
    if not old.corrections or len(new.corrections) != len(old.corrections) or not session:
        return False
    last_old, last_new = old.corrections[-1], new.corrections[-1]
    return (new.corrections[:-1] == old.corrections[:-1] and last_old.session == session
            and last_new.model_copy(update={"at": last_old.at}) == last_old)


def _where(approval: Approval) -> dict:
    return {"date": f"{approval.meeting.starts_at:%d.%m.%Y}", "case": approval.item.number}


def correct(stored: Meeting, changed: Meeting, *, by: str, what: str, why: str, session: str, at: datetime,
            correction_id: str | None = None) -> Meeting:
    """`changed` recorded as a correction of `stored` (approved minutes): a new correction, or, when
    `correction_id` names the last one and this session made it, more changes under it."""
    last = stored.corrections[-1] if stored.corrections else None
    if last is not None and last.id == correction_id and last.session == session:
        return changed.model_copy(update={"corrections": (*stored.corrections[:-1],
                                                          last.model_copy(update={"at": at}))})
    correction = Correction(id=correction_id or new_id("r"), at=at, by=by, what=what, why=why, session=session,
                            before=content(stored))
    return changed.model_copy(update={"corrections": (*stored.corrections, correction)})


def register_record(meeting: Meeting, dataset: Dataset) -> RegisterRecord:
    """The registers as `meeting`'s minutes show them now: its forum, and every person and agency named."""
    forum = dataset.forum(meeting.forum)
    actions = [*raised_in(meeting, dataset), *(r.action for r in reviews_at(meeting, dataset))]
    named = [*forum.members, *(a.person for a in meeting.attendance), meeting.chair, meeting.minute_taker,
             *(a.owner for a in actions)]
    people = [dataset.person(p) for p in dict.fromkeys(named) if p is not None and dataset.has("people", p)]
    codes = [*(p.agency for p in people), *forum.required_agencies, *(g.agency for g in meeting.guests if g.agency),
             *(a.agency for a in actions)]
    agencies = [dataset.agency(c) for c in dict.fromkeys(codes) if dataset.has("agencies", c)]
    return RegisterRecord(forum_name=forum.name, members=forum.members, copy_to=forum.copy_to, people=tuple(people),
                          agencies=tuple(agencies))


def with_register_records(meeting: Meeting, dataset: Dataset) -> Meeting:
    """`meeting` with the registers recorded on each case whose decision approves minutes (taken when the
    decision is first saved), and taken away when the decision is."""
    agenda = []
    for item in meeting.agenda:
        if item.approves and item.decisions and item.approved_register is None and dataset.has(
                "meetings", item.approves):
            item = item.model_copy(update={"approved_register": register_record(dataset.meeting(item.approves),
                                                                                 dataset)})
        elif not item.decisions and item.approved_register is not None:
            item = item.model_copy(update={"approved_register": None})
        agenda.append(item)
    agenda_now = tuple(agenda)
    return meeting if agenda_now == meeting.agenda else meeting.model_copy(update={"agenda": agenda_now})


def as_approved(meeting: Meeting, dataset: Dataset) -> Dataset:
    """The records to render `meeting`'s minutes from: once approved, the registers as they were then."""
    found = approval_of(meeting, dataset)
    record = found.item.approved_register if found else None
    if record is None:
        return dataset
    people = {p.id: p for p in record.people}
    agencies = {a.code: a for a in record.agencies}
    forum = dataset.forum(meeting.forum).model_copy(update={
        "name": record.forum_name, "members": record.members, "copy_to": record.copy_to})
    fields = {name: getattr(dataset, name) for name in type(dataset).model_fields}
    fields["people"] = tuple(people.get(p.id, p) for p in dataset.people)
    fields["agencies"] = tuple(agencies.get(a.code, a) for a in dataset.agencies)
    fields["forums"] = tuple(forum if f.id == forum.id else f for f in dataset.forums)
    return type(dataset).model_construct(**fields)  # records already validated, only names differ


def is_locked(meeting: Meeting, dataset: Dataset) -> bool:
    """Whether a change to `meeting` needs a correction (its minutes are approved)."""
    return meeting.status is MeetingStatus.CLOSED and approval_of(meeting, dataset) is not None


@dataclass(frozen=True)
class Version:
    """One approved version of the minutes: 1 as approved, then one more after each correction."""

    number: int
    meeting: Meeting
    """The record as it stood, with the corrections made up to then."""
    correction: Correction | None
    """The correction that made this version; None for the version approved."""


def versions(meeting: Meeting) -> list[Version]:
    """Every version of the minutes since approval, oldest first; the last is the current record.
    A meeting with no corrections has one version: itself."""
    states = [c.before for c in meeting.corrections] + [content(meeting)]
    made_by: list[Correction | None] = [None, *meeting.corrections]
    return [Version(n, state.model_copy(update={"corrections": meeting.corrections[: n - 1],
                                               "archive_ref": meeting.archive_ref, "sequence": meeting.sequence}),
                    made_by[n - 1])
            for n, state in enumerate(states, 1)]
