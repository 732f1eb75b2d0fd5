"""The one way the app changes a meeting, and the corrections of approved minutes it makes.

Every change to a meeting (a note, a decision, the clock, attendance) is a function from the stored
meeting to the changed one, applied on the writer thread by `MeetingChanges.change`. Once the minutes
are approved (`domain.approval`), the repository refuses a change unless it is recorded as a
correction: when the coordinator has opened one for the meeting (`r` on the meeting screen: what, why,
by whom), every change this session makes to it lands under that one correction, however many saves
it takes (notes typed over many pauses), until the meeting is left. Without one the change is refused,
which the screen says before an edit starts (`MeetingScreen.may_edit`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slt_tui.domain import Meeting, MeetingStatus, approval
from slt_tui.domain.clock import format_date, now
from slt_tui.domain.meeting_ops import new_id
from slt_tui.i18n import t

if TYPE_CHECKING:
    from slt_tui.domain import Dataset
    from slt_tui.ui.app import SltApp
    from slt_tui.ui.screens.base import SltScreen


@dataclass(frozen=True)
class OpenCorrection:
    """A correction this session makes to one meeting's approved minutes."""

    id: str
    what: str
    why: str
    by: str


class MeetingChanges:
    """Owned by the app: the corrections open in this session, and the saving of every meeting change."""

    def __init__(self, app: SltApp) -> None:
        self._app = app
        self._open: dict[str, OpenCorrection] = {}
        self.last_by = ""
        """The name given for the last correction in this session: offered for the next one."""

    def correction(self, meeting_id: str) -> OpenCorrection | None:
        return self._open.get(meeting_id)

    def open_correction(self, meeting_id: str, *, what: str, why: str, by: str) -> OpenCorrection:
        """From now until `close_correction`, this session's changes of the meeting are this correction."""
        self.last_by = by
        self._open[meeting_id] = correction = OpenCorrection(new_id("r"), what, why, by)
        return correction

    def close_correction(self, meeting_id: str) -> None:
        self._open.pop(meeting_id, None)

    def locked(self, meeting_id: str) -> bool:
        """Whether a change to the meeting would be refused now: approved minutes, no correction open."""
        dataset = self._app.repo.dataset
        return (self.correction(meeting_id) is None and dataset.has("meetings", meeting_id)
                and approval.is_locked(dataset.meeting(meeting_id), dataset))

    def may_edit(self, meeting_id: str) -> bool:
        """True when an edit of the meeting can start; otherwise says why, once, before anything is typed."""
        if not self._app.writable():
            return False
        if self.locked(meeting_id):
            self._app.notify(locked_hint(self._app.repo.dataset.meeting(meeting_id), self._app.repo.dataset),
                             severity="warning", timeout=10)
            return False
        return True

    def change(self, meeting_id: str, change: Callable[[Meeting], Meeting],
               done: Callable[[Any], None] | None = None) -> bool:
        """Apply `change` to the stored meeting on the writer thread, as the open correction when the
        minutes are approved; `done(result)` on the loop once it has landed. False when not handed over."""
        repo = self._app.repo
        correction = self.correction(meeting_id)  # as it is now: the save belongs to what was open when asked

        def apply(stored: Meeting) -> Meeting:
            return self._corrected(stored, change(stored), correction)

        return self._app.writer.submit(lambda: repo.update("meetings", meeting_id, apply), done)

    def corrected(self, changed: Meeting, *, always: bool = False) -> Meeting:
        """On the writer thread: `changed` (a whole meeting, saved with others in a batch) as the open
        correction of the stored one, when its minutes are approved. `always`: recorded even when the
        meeting's own record does not change (a follow-up point it raised, which is a record of its own)."""
        dataset = self._app.repo.dataset
        if not dataset.has("meetings", changed.id):
            return changed
        return self._corrected(dataset.meeting(changed.id), changed, self.correction(changed.id), always=always)

    def _corrected(self, stored: Meeting, changed: Meeting, correction: OpenCorrection | None, *,
                   always: bool = False) -> Meeting:
        repo = self._app.repo
        if (correction is None or (approval.content(stored) == approval.content(changed) and not always)
                or not approval.is_locked(stored, repo.dataset)):
            return changed  # nothing the minutes show, or nothing approved: no correction to record
        return approval.correct(stored, changed, by=correction.by, what=correction.what, why=correction.why,
                                session=repo.session, at=now(), correction_id=correction.id)


def minutes_state(meeting: Meeting, dataset: Dataset, correction: OpenCorrection | None = None) -> str:
    """What the screen says of a held meeting's minutes: a draft, or approved where (and corrected how
    often); and a correction being made now. Empty for a meeting not yet held."""
    if correction is not None:
        return t("approval.correcting", what=correction.what)
    if meeting.status is MeetingStatus.CANCELLED:
        return t("status.cancelled")
    if meeting.status is not MeetingStatus.CLOSED:
        return ""
    found = approval.approval_of(meeting, dataset)
    if found is None:
        return t("approval.draft")
    said = t("approval.approved_at", date=format_date(found.meeting.starts_at), case=found.item.number)
    if meeting.corrections:
        count = len(meeting.corrections)
        said += ", " + (t("approval.one_correction") if count == 1 else t("approval.corrections", count=count))
    return said


def locked_hint(meeting: Meeting, dataset: Dataset) -> str:
    """Why an edit of approved minutes does not start, and the key that records a correction."""
    found = approval.approval_of(meeting, dataset)
    where = {"date": format_date(found.meeting.starts_at), "case": found.item.number} if found else {
        "date": "?", "case": "?"}
    return t("approval.locked_hint", **where)


def correction_key_works(screen: SltScreen, meeting_id: str) -> bool:
    """`r` is a key of approved minutes only, on a screen of the meeting, in a session that may write."""
    dataset = screen.slt.repo.dataset
    return (not screen.slt.repo.readonly and dataset.has("meetings", meeting_id)
            and approval.is_locked(dataset.meeting(meeting_id), dataset))


def ask_correction(screen: SltScreen, meeting_id: str) -> None:
    """`r`: ask what is corrected, why and by whom; then open the correction, and redraw the screens."""
    from slt_tui.ui.modals.correction import CorrectionAnswer, CorrectionForm

    app = screen.slt
    changes = app.meeting_changes
    dataset = app.repo.dataset
    if not app.writable():
        return
    meeting = dataset.meeting(meeting_id)
    found = approval.approval_of(meeting, dataset) if meeting.status is MeetingStatus.CLOSED else None
    if found is None:  # from the palette, on minutes not approved: they are changed as they are
        app.notify(t("approval.not_locked"))
        return
    open_now = changes.correction(meeting_id)
    if open_now is not None:
        app.notify(t("approval.correcting", what=open_now.what))
        return
    approved = t("approval.approved_at", date=format_date(found.meeting.starts_at), case=found.item.number)

    def opened(answer: CorrectionAnswer | None) -> None:
        if answer is not None:
            changes.open_correction(meeting_id, what=answer.what, why=answer.why, by=answer.by)
            app.refresh_screens()  # the header says so, the notes open; the meeting under the attendance too
            app.notify(t("approval.correction_opened"))

    app.push_screen(CorrectionForm(meeting, approved, changes.last_by), opened)
