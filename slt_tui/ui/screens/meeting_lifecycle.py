"""The meeting's course on the meeting screen: an item's clock, starting the meeting (asking first when
it is planned for another day) and ending it (asking for the next meeting's date).

A mixin of `MeetingScreen`, as `AgendaEditing` is: the screen file keeps layout, the header clock and
notes. Changes go through the screen's `change_meeting`, which saves them on the writer thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from slt_tui.domain import MeetingStatus
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import OSLO, format_date, now, parse_date
from slt_tui.i18n import t
from slt_tui.ui.flows.series import plan_after
from slt_tui.ui.modals.base import date_problem
from slt_tui.ui.modals.questions import AskText, Confirm
from slt_tui.wording import long_date

if TYPE_CHECKING:
    from slt_tui.ui.screens.meeting import MeetingScreen

    _Base = MeetingScreen
else:
    _Base = object


class MeetingLifecycle(_Base):
    _start_sent: bool = False
    """A start handed to the writer and not yet known to have failed."""

    def action_timer(self) -> None:
        item = self.selected()
        if item is None or not self.app.writable():
            return
        clock = self.slt.clock
        if (clock.meeting_id, clock.item_id) == (self.meeting_id, item.id):  # its own clock: a pause
            clock.stop()  # the screens redraw when the time used is saved
            self.refresh_view()
            return

        def switch() -> None:  # whatever clock runs stops only once this one is sure to start
            clock.stop()
            clock.start(self.meeting_id, item.id)  # saved after the start: the clock needs it running
            self.refresh_view()

        self.start_meeting(switch)

    def start_meeting(self, then: Callable[[], None]) -> None:
        """Start the meeting if it is planned, then `then()`. Planned for another day, it is started only
        when the coordinator agrees to move it to today: the minutes must carry the day it was held.
        A start handed to the writer counts at once: keys typed before it lands do not ask again."""
        meeting = self.meeting
        if meeting.status is MeetingStatus.CANCELLED:
            self.notify(t("meeting.cancelled_no_start"), severity="warning")
            return
        if meeting.status is not MeetingStatus.PLANNED or self._start_sent:
            then()
            return
        if not ops.held_on_another_day(meeting, now()):
            self._send_start(then, to_that_day=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._send_start(then, to_that_day=True)

        self.app.push_screen(Confirm(t("confirm.start_other_day", date=long_date(meeting.starts_at))), answered)

    def _send_start(self, then: Callable[[], None], *, to_that_day: bool) -> None:
        self._start_sent = self.change_meeting(
            lambda m: ops.start(m, now(), to_that_day=to_that_day, dataset=self.app.repo.dataset))
        then()

    def save_failed(self) -> None:
        """A start that did not land is no start."""
        self._start_sent = False

    def action_start_or_end(self) -> None:
        meeting = self.meeting
        if meeting.status is MeetingStatus.CANCELLED:
            self.notify(t("meeting.cancelled_no_start"), severity="warning")
            return
        if not self.app.writable() or meeting.status is MeetingStatus.CLOSED:
            if meeting.status is MeetingStatus.CLOSED:
                self.notify(t("meeting.already_closed"))
            return
        if meeting.status is MeetingStatus.PLANNED and not self._start_sent:
            self.start_meeting(lambda: self.notify(t("meeting.started")))
            return
        forum = self.app.repo.dataset.forum(meeting.forum)
        proposed = format_date(meeting.starts_at + timedelta(weeks=forum.cadence_weeks))

        def next_date(text: str | None) -> None:
            if text is None:
                return
            try:
                day = parse_date(text) if text else None
            except ValueError as exc:
                self.notify(date_problem(exc), severity="error")
                return
            at = datetime(day.year, day.month, day.day, meeting.starts_at.hour, meeting.starts_at.minute,
                          tzinfo=OSLO) if day else None
            self.slt.clock.stop()
            self.save_notes()
            self.change_meeting(lambda m: ops.end(m, now(), at), then=lambda: self.notify(t("meeting.ended")))
            plan_after(self.app, self.meeting_id, day)  # queued after the end: the next meeting, planned

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.push_screen(AskText(t("form.next_meeting"), t("field.date"), proposed, required=False),
                                     next_date)

        self.app.push_screen(Confirm(t("confirm.end_meeting")), confirmed)
