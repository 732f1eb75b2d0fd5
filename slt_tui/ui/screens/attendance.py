"""Attendance: the forum's members grouped by agency, status set by keys, guests, live coverage."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from slt_tui.domain import AttendanceStatus, Meeting, MeetingStatus
from slt_tui.domain import meeting_ops as ops
from slt_tui.i18n import t
from slt_tui.ui.corrections import ask_correction, correction_key_works
from slt_tui.ui.modals.attendance_forms import Change, GuestForm, PresenceForm
from slt_tui.ui.modals.questions import AskText, Confirm
from slt_tui.ui.screens.base import SltScreen
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.plain import Plain, PlainTable
from slt_tui.ui.widgets.tables import cut_end, refill, selected_key
from slt_tui.wording import coverage_line, guest_name, with_presence

AFFILIATION_ROOM, NAME_ROOM = 16, 26
"""Cells a guest's organisation and name (with role) take at most: the status ("til stede fra sak
12/26", "sak 10/26–13/26") stays whole at 80 columns. The minutes give them in full."""
GUEST = "guest-"
"""Row keys of guests: `guest-0`, `guest-1`, … (their place in the meeting's list)."""


class AttendanceScreen(SltScreen):
    BINDINGS = [
        Binding("t", "mark('present')", "key.present", id="present"),
        Binding("f", "mark('excused')", "key.excused", id="excused"),
        Binding("i", "mark('absent')", "key.absent", id="absent"),
        Binding("v", "substitute", "key.substitute", id="substitute"),
        Binding("g", "guest", "key.guest", id="guest"),
        Binding("a", "presence", "key.presence", id="presence"),
        Binding("r", "correct", "key.correct", id="correct"),  # approved minutes only (`check_action`)
        Binding("escape", "close", "key.back", id="back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Plain(t("attendance.title"), id="attendance-title")
        yield PlainTable(id="members", cursor_type="row", zebra_stripes=True)
        yield Plain(id="coverage")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(PlainTable)
        table.add_column(t("col.agency"), key="agency")
        table.add_column(t("col.name"), key="name")
        table.add_column(t("col.status"), key="status")
        self.refresh_view()
        table.focus()

    @property
    def meeting(self) -> Meeting:
        return self.app.repo.dataset.meeting(self.meeting_id)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(key, agency, name, status) for each member, by agency, then each guest."""
        dataset = self.app.repo.dataset
        meeting = self.meeting
        marked = {a.person: a for a in meeting.attendance}
        members = sorted((dataset.person(p) for p in dataset.forum(meeting.forum).members),
                         key=lambda p: (p.agency, p.name))
        rows = []
        for person in members:
            entry = marked.get(person.id)
            if entry is None:
                status = t("attendance.unmarked")
            elif entry.status is AttendanceStatus.SUBSTITUTE:
                status = with_presence(t("attendance.substitute", name=cut_end(entry.substitute, NAME_ROOM)),
                                       meeting, entry)
            else:
                status = with_presence(t(f"attendance.{entry.status.value}"), meeting, entry)
            rows.append((person.id, person.agency, cut_end(person.name, NAME_ROOM), status))
        for n, guest in enumerate(meeting.guests):
            rows.append((f"{GUEST}{n}", cut_end(guest.affiliation, AFFILIATION_ROOM),
                         cut_end(guest_name(guest), NAME_ROOM), with_presence(t("attendance.guest"), meeting, guest)))
        return rows

    def refresh_view(self) -> None:
        refill(self.query_one(PlainTable), ((key, cells) for key, *cells in self.rows()))
        self.query_one("#coverage", Plain).update(coverage_line(self.meeting, self.app.repo.dataset))

    def _person(self) -> str | None:
        key = selected_key(self.query_one(PlainTable))
        return None if key is None or key.startswith(GUEST) else key

    def _who(self) -> str | int | None:
        """The member's id, or the guest's place in the list, on the cursor's row."""
        key = selected_key(self.query_one(PlainTable))
        return int(key.removeprefix(GUEST)) if key is not None and key.startswith(GUEST) else key

    def _running_item(self) -> str | None:
        """The item whose clock runs now: whoever comes in now comes to it."""
        running = self.slt.clock.running_in(self.meeting_id)[0]
        return running or self.meeting.running_item

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "correct":
            return correction_key_works(self, self.meeting_id)
        return super().check_action(action, parameters)

    def action_correct(self) -> None:
        ask_correction(self, self.meeting_id)

    def may_edit(self) -> bool:
        """True when attendance can be changed; on approved minutes without a correction, says why."""
        return self.slt.meeting_changes.may_edit(self.meeting_id)

    def _change(self, change) -> None:
        if self.app.writable():
            self.slt.meeting_changes.change(self.meeting_id, change)

    def _next_row(self) -> None:
        """On to the next person, as going round the table does: the next key is for them."""
        self.query_one(PlainTable).action_cursor_down()

    def action_mark(self, status: str) -> None:
        person = self._person()
        if not person or not self.may_edit():
            return
        mark = AttendanceStatus(status)

        def record(yes: bool | None = True) -> None:
            if yes:
                self._change(lambda m: ops.set_attendance(m, person, mark))
                self._next_row()

        substitute = self._substitute_of(person)
        if not substitute:
            record()
        else:  # a substitute's name is not thrown away by a stray key
            self.app.push_screen(Confirm(t("confirm.replace_substitute", name=substitute,
                                           status=t(f"attendance.{mark.value}"))), record)

    def _substitute_of(self, person: str) -> str:
        """The substitute recorded for `person` at this meeting, if any."""
        entry = next((a for a in self.meeting.attendance if a.person == person), None)
        return entry.substitute if entry is not None and entry.status is AttendanceStatus.SUBSTITUTE else ""

    def action_substitute(self) -> None:
        person = self._person()
        if person is None or not self.may_edit():
            return

        def named(name: str | None) -> None:
            if name:
                self._change(lambda m: ops.set_attendance(m, person, AttendanceStatus.SUBSTITUTE, name))
                self._next_row()

        def check(name: str) -> None:  # refused in the form, before it closes on what was typed
            ops.set_attendance(self.meeting, person, AttendanceStatus.SUBSTITUTE, name)

        dataset = self.app.repo.dataset
        offered = self._substitute_of(person) or ops.usual_substitute(dataset, self.meeting, person)
        self.app.push_screen(AskText(t("form.substitute", name=dataset.person(person).name), t("field.name"),
                                     offered, check=check), named)

    def action_guest(self) -> None:
        if not self.may_edit():
            return

        def added(change: Change | None) -> None:
            if change is not None:
                self._change(change)

        arriving = self._running_item() if self.meeting.status is MeetingStatus.RUNNING else None
        self.app.push_screen(GuestForm(self.app.repo.dataset, self.meeting, arriving), added)

    def action_presence(self) -> None:
        """Came late or left early: from which item, until which."""
        who = self._who()
        if who is None or not self.may_edit():
            return
        meeting = self.meeting
        if isinstance(who, int):
            entry, name = meeting.guests[who], meeting.guests[who].name
        else:
            entry = next((a for a in meeting.attendance if a.person == who), None)
            name = self.app.repo.dataset.person(who).name
        first = entry.from_item if entry is not None else None
        if entry is None or (first is None and entry.until_item is None):
            first = self._running_item()  # asked while the meeting runs: they come in now

        def recorded(change: Change | None) -> None:
            if change is not None:
                self._change(change)
                self._next_row()

        self.app.push_screen(PresenceForm(meeting, who, name, first, entry.until_item if entry else None),
                             recorded)

    def action_close(self) -> None:
        self.dismiss(None)
