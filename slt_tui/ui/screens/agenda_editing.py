"""Editing the agenda on the meeting screen: items, decisions, follow-up points, meeting details.

A mixin of `MeetingScreen`, kept apart so that the screen file holds layout, clock and notes. Each
action opens a form and hands the change, a pure function from `domain.meeting_ops`, to the screen's
`change_meeting` / `change_item`, which save it on the writer thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from slt_tui.domain import ActionItem, Meeting, MeetingStatus, approval
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import format_date
from slt_tui.i18n import t
from slt_tui.ui.modals.forms import ActionForm, DecisionForm, ItemForm, MeetingForm
from slt_tui.ui.modals.questions import AskText, Confirm

if TYPE_CHECKING:
    from slt_tui.ui.screens.meeting import MeetingScreen

    _Base = MeetingScreen
else:
    _Base = object


class AgendaEditing(_Base):
    def action_add_item(self) -> None:
        def added(fields: dict | None) -> None:
            if fields:
                new_id: list[str] = []

                def add(meeting: Meeting) -> Meeting:
                    summary = fields.get("summary", "")
                    changed, item = ops.add_item(self.app.repo.dataset, meeting,
                                                 **{k: v for k, v in fields.items() if k != "summary"})
                    new_id.append(item.id)
                    return ops.replace_item(changed, item.model_copy(update={"summary": summary}))

                self.change_meeting(add, then=lambda: self._select(new_id[0]))

        if self.may_edit():
            self.app.push_screen(ItemForm(), added)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_item()

    def action_edit_item(self) -> None:
        item = self.selected()
        if item is None or not self.may_edit():
            return

        def edited(fields: dict | None) -> None:
            if fields:
                self.change_item(item.id, lambda i: i.model_copy(update=fields))

        self.app.push_screen(ItemForm(item), edited)

    def _numbers_may_change(self) -> bool:
        """Deleting or moving renumbers the cases: not in a meeting that was held (said before asking)."""
        if self.meeting.status is MeetingStatus.CLOSED:
            said = t("meeting.numbers_kept")
            self.notify(said[:1].upper() + said[1:] + ".", severity="warning")
            return False
        return True

    def action_delete_item(self) -> None:
        item = self.selected()
        if item is None or not self.may_edit() or not self._numbers_may_change():
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.slt.clock.discard(item.id)
                self.change_meeting(lambda m: ops.remove_item(m, item.id))

        self.app.push_screen(Confirm(t("confirm.delete_item", number=item.number, title=item.title)), answered)

    def action_move(self, offset: int) -> None:
        item = self.selected()
        if item is not None and self.may_edit() and self._numbers_may_change():
            self.change_meeting(lambda m: ops.move_item(m, item.id, offset), then=lambda: self._select(item.id))

    def action_confidential(self) -> None:
        item = self.selected()
        if item is None or not self.may_edit():
            return
        if item.confidential:
            self.change_item(item.id, lambda i: ops.set_confidential(i, False))
            return

        def answered(basis: str | None) -> None:
            if basis is not None:
                self.change_item(item.id, lambda i: ops.set_confidential(i, True, basis))

        self.app.push_screen(AskText(t("form.confidential", number=item.number), t("field.legal_basis"),
                                     ops.DEFAULT_LEGAL_BASIS), answered)

    def action_decision(self) -> None:
        item = self.selected()
        if item is None or not self.may_edit():
            return
        refusal = approval.cannot_approve(self.meeting, item, self.app.repo.dataset)
        if refusal is not None:  # said before anything is typed, which would otherwise be refused after
            self.notify(t(refusal), severity="warning")
            return

        approves = item.approves

        def decided(text: str | None) -> None:
            if text:
                awaited = approves is not None and self._awaits_approval(approves)
                self.change_item(item.id, lambda i: ops.add_decision(i, text),
                                 then=lambda: self._say_approved(approves) if awaited else None)

        self.app.push_screen(DecisionForm(), decided)

    def _awaits_approval(self, meeting_id: str) -> bool:
        dataset = self.app.repo.dataset
        if not dataset.has("meetings", meeting_id):
            return False
        return approval.approval_of(dataset.meeting(meeting_id), dataset) is None

    def _say_approved(self, meeting_id: str | None) -> None:
        """The decision that approves earlier minutes has landed: they are approved, and locked."""
        if meeting_id is not None and not self._awaits_approval(meeting_id):
            approved = self.app.repo.dataset.meeting(meeting_id)
            self.notify(t("approval.done", date=format_date(approved.starts_at)))

    def action_action(self) -> None:
        item = self.selected()
        if item is None or not self.may_edit():
            return
        meeting = self.meeting
        dataset = self.app.repo.dataset
        due = ops.default_due(meeting, dataset.forum(meeting.forum).cadence_weeks)

        def made(fields: dict | None) -> None:
            if fields:
                action = ops.new_action(meeting, item, **fields)
                self.app.writer.submit(lambda: self._save_point(action))

        self.app.push_screen(ActionForm(dataset, meeting, item, due), made)

    def _save_point(self, action: ActionItem) -> None:
        """On the writer thread: a new follow-up point; on approved minutes, with the correction open
        recorded in the meeting too (the minutes list the points an item raised)."""
        repo = self.app.repo
        with repo.batch():
            repo.save(action)
            stored = repo.dataset.meeting(self.meeting_id)
            marked = self.slt.meeting_changes.corrected(stored, always=True)
            if marked is not stored:
                repo.save(marked)

    def action_details(self) -> None:
        """Time, place, chair and minute-taker, and the archive reference, which approved minutes get when
        they are journaled: on approved minutes without a correction open, that one alone."""
        if not self.app.writable():
            return
        locked = self.locked()
        names = ("archive_ref",) if locked else ("starts_at", "location", "chair", "minute_taker", "archive_ref")

        def edited(changed: Meeting | None) -> None:
            if changed is not None:
                fields = {k: getattr(changed, k) for k in names}
                self.change_meeting(lambda m: m.model_copy(update=fields))

        self.app.push_screen(MeetingForm(self.app.repo.dataset, self.meeting, locked=locked), edited)
