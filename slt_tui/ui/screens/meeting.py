"""The meeting screen: agenda with case numbers and time, the selected item (`ItemDetail`: notes,
decisions, follow-up points), the meeting's clock and expected end, and the agency coverage line.

While the notes editor has focus the agenda narrows to case numbers and time: the notes are written wide.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable

from slt_tui.domain import AgendaItem, Meeting
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import now
from slt_tui.errors import SltError
from slt_tui.i18n import t
from slt_tui.ui.flows.export import export_document
from slt_tui.ui.flows.series import escalate_item, invite
from slt_tui.ui.screens.agenda_editing import AgendaEditing
from slt_tui.ui.screens.base import SltScreen, TypedNotes
from slt_tui.ui.screens.meeting_corrections import MeetingCorrections
from slt_tui.ui.screens.meeting_lifecycle import MeetingLifecycle
from slt_tui.ui.widgets.agenda import AgendaTable
from slt_tui.ui.widgets.detail import ItemDetail, NotesEditor
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.plain import Plain
from slt_tui.wording import coverage_line, meeting_clock, table_date_time


class MeetingScreen(AgendaEditing, MeetingLifecycle, MeetingCorrections, SltScreen):
    BINDINGS = [
        # The key bar shows these in this order: the meeting's course, writing, people, documents.
        Binding("space", "timer", "key.timer", id="timer", key_display="␣"),
        Binding("s", "start_or_end", "key.start_end", id="start_end"),
        Binding("a", "add_item", "key.add_item", id="add_item"),
        Binding("n", "notes", "key.notes", id="notes"),
        Binding("d", "decision", "key.decision", id="decision"),
        Binding("t", "action", "key.action", id="action"),
        Binding("c", "confidential", "key.confidential", id="confidential"),
        Binding("p", "attendance", "key.attendance", id="attendance"),
        Binding("o", "register", "key.register", id="register"),
        Binding("i", "details", "key.details", id="details"),
        Binding("m", "minutes", "key.minutes", id="minutes"),
        Binding("e", "export", "key.export", id="export"),
        Binding("r", "correct", "key.correct", id="correct"),  # approved minutes only (`check_action`)
        Binding("slash", "search", "key.search", id="search", key_display="/", show=False),
        Binding("u", "escalate", "key.escalate", id="escalate", show=False),
        Binding("k", "invite", "key.invite", id="invite", show=False),
        Binding("delete", "delete_item", "key.delete_item", id="delete_item", show=False),
        Binding("shift+up,K", "move(-1)", "key.move_up", id="move_up", show=False),
        Binding("shift+down,J", "move(1)", "key.move_down", id="move_down", show=False),
        Binding("escape", "back", "key.back", id="back", show=False),
        # q quits as everywhere; off this footer only, which is full of the meeting's own keys.
        Binding("q", "app.quit", "key.quit", id="quit", show=False),
    ]

    def __init__(self, meeting_id: str, item_id: str | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.first_item = item_id
        self._shown_minute = -1
        self._followed: str | None = None

    # Layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="status-bar"):  # the screen's header: which meeting, and its clock
            yield Plain(id="status")
            yield Plain(id="clock")
        with Horizontal(id="body"):
            yield AgendaTable(id="agenda")
            yield ItemDetail(id="detail")
        yield Plain(id="coverage")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one(AgendaTable).focus()
        if self.first_item:
            self._select(self.first_item)
        self.set_interval(1, self.tick)

    @property
    def meeting(self) -> Meeting:
        return self.app.repo.dataset.meeting(self.meeting_id)

    @property
    def detail(self) -> ItemDetail:
        return self.query_one(ItemDetail)

    def selected(self) -> AgendaItem | None:
        item_id = self.query_one(AgendaTable).selected_id
        return self.meeting.item(item_id) if item_id else None

    # Showing -----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Draw everything from the stored meeting (after each save)."""
        meeting = self.meeting
        running, extra = self.running_clock(meeting)
        self.query_one(AgendaTable).show(meeting, running, extra)
        if self.app.follow and running and running != self._followed:  # the projector shows the item discussed
            self._followed = running
            self._select(running)
        self.query_one("#coverage", Plain).say(coverage_line(meeting, self.app.repo.dataset))
        forum = self.app.repo.dataset.forum(meeting.forum)
        # The screen's header: also what the app's subtitle says (a demo; a session that only reads).
        said = [forum.name, table_date_time(meeting.starts_at), self.minutes_state(), self.app.sub_title]
        self.query_one("#status", Plain).say(" · ".join(filter(None, said)))
        self.refresh_bindings()  # `r` comes with approved minutes (`check_action`)
        self.show_item()
        self.tick()

    def show_item(self) -> None:
        self.detail.show(self.app.repo.dataset, self.meeting, self.selected(), readonly=self.app.repo.readonly,
                         locked=self.locked())

    def running_clock(self, meeting: Meeting) -> tuple[str | None, int]:
        """The item whose clock runs and its seconds not yet saved: this session's own timer, or for a
        session that only reads, the one the file records (the writing session's)."""
        running = self.slt.clock.running_in(self.meeting_id)
        if running[0] is not None:
            return running
        if self.app.repo.readonly and meeting.running_item:
            since = meeting.running_since
            return meeting.running_item, max(0, int((now() - since).total_seconds())) if since else 0
        return None, 0

    def tick(self) -> None:
        """Once a second; the screen changes once a minute: the meeting's clock and expected end, and the
        running item's time. Every clock is in whole minutes, so nothing else is sent meanwhile."""
        meeting = self.meeting
        running_id, extra = self.running_clock(meeting)
        self.query_one("#clock", Plain).say(meeting_clock(meeting, now(), running_id, extra))
        item = meeting.item(running_id) if running_id else None
        if item is not None and (item.spent_seconds + extra) // 60 != self._shown_minute:
            self._shown_minute = (item.spent_seconds + extra) // 60
            self.query_one(AgendaTable).show_used(item, running=True, extra=extra)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.save_notes()
        self._keep_aside_unsaved()
        self.show_item()

    def _keep_aside_unsaved(self, *, leaving: bool = False) -> None:
        """Notes that cannot be saved, left for another item (or, `leaving`, the screen): in a file of
        their own, not thrown away. Too long to save; or minutes approved meanwhile, no correction open
        (the refusal has been said: the notes stay in the editor as long as their item is shown)."""
        typed = self.typed_notes()
        selected = self.selected()
        locked = self.locked()
        if typed is None or (self.detail.typed() is not None and not locked):  # nothing unsaved, or being saved
            return
        if not leaving and selected is not None and selected.id == typed.item_id:  # still on it (a redraw)
            return
        item = self.meeting.item(typed.item_id)
        said = t("notes.kept_aside_locked" if locked else "notes.kept_aside_too_long",
                 number=item.number if item else "?")

        def told(kept: SltError | None) -> None:
            self.notify(f"{said} {kept.sentence()}" if kept else said, severity="warning", timeout=30)

        self.app.writer.submit(lambda: self.slt.keep_aside([typed]), told)  # the file written off the loop

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._writing(event.widget.id == "notes")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "notes":
            self._writing(False)

    def _writing(self, writing: bool) -> None:
        """Notes written wide: the agenda narrows to case numbers and time while the editor has focus."""
        if writing != self.has_class("-writing"):
            self.set_class(writing, "-writing")
            self.query_one(AgendaTable).set_narrow(writing)

    # Saving ------------------------------------------------------------------------------------

    def change_meeting(self, change: Callable[[Meeting], Meeting], then: Callable[[], None] | None = None) -> bool:
        """Apply `change` to the stored meeting on the writer thread; the screens redraw when it has landed
        (`DataChanged`), and `then()` runs after that."""
        if not self.app.writable():
            return False
        return self.slt.meeting_changes.change(self.meeting_id, change, None if then is None else lambda _: then())

    def change_item(self, item_id: str, change: Callable[[AgendaItem], AgendaItem],
                    then: Callable[[], None] | None = None) -> None:
        def apply(meeting: Meeting) -> Meeting:
            item = meeting.item(item_id)
            return meeting if item is None else ops.replace_item(meeting, change(item))

        self.change_meeting(apply, then)

    def on_item_detail_notes_typed(self, message: ItemDetail.NotesTyped) -> None:
        self._save_notes(message.item_id, message.text)

    def _save_notes(self, item_id: str, text: str) -> None:
        if not self.app.repo.readonly:
            self.change_item(item_id, lambda i: i.model_copy(update={"notes": text}))

    def save_notes(self) -> None:
        """Save the editor's text now if it differs from what is stored (leaving the item, the screen, quit)."""
        detail = self.detail
        detail.stop_timers()
        typed = detail.typed()
        if typed is not None:
            self._save_notes(*typed)

    def save_pending(self) -> None:
        self.save_notes()

    def typed_notes(self) -> TypedNotes | None:
        unsaved = self.detail.unsaved()
        if unsaved is None:
            return None
        item, text = unsaved
        return TypedNotes(self.meeting_id, item.id, t("detail.case", number=item.number, title=item.title), text)

    # Actions -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id == "notes":
            self.query_one(AgendaTable).focus()
        else:
            self.save_notes()
            self._keep_aside_unsaved(leaving=True)
            self.app.pop_screen()

    def action_notes(self) -> None:
        if self.selected() is None or not self.app.writable():
            return
        said = not self.may_edit()  # approved minutes: said now, once
        # Focused even then: what is typed next goes nowhere (a locked editor takes it), rather than
        # working as the meeting's keys, letter by letter.
        self.detail.editor.focus()
        self.detail.editor.lock_said = said

    def on_notes_editor_refused(self, message: NotesEditor.Refused) -> None:
        """Typing into the notes of approved minutes (the editor reached by tab): said once."""
        self.may_edit()

    def action_attendance(self) -> None:
        from slt_tui.ui.screens.attendance import AttendanceScreen

        self.save_notes()
        self.app.push_screen(AttendanceScreen(self.meeting_id))

    def action_minutes(self) -> None:
        from slt_tui.ui.screens.minutes import MinutesScreen

        self.save_notes()
        self.app.push_screen(MinutesScreen(self.meeting_id))

    def action_export(self) -> None:
        self.save_notes()
        export_document(self.app, self.meeting_id)

    def action_search(self) -> None:
        self.save_notes()
        self.app.open_search()

    def action_escalate(self) -> None:
        item = self.selected()
        if item is not None and self.may_edit():
            self.save_notes()
            escalate_item(self.app, self.meeting_id, item.id)

    def action_invite(self) -> None:
        invite(self.app, self.meeting_id)

    def action_register(self) -> None:
        from slt_tui.ui.screens.register import RegisterScreen

        self.save_notes()
        self.app.push_screen(RegisterScreen(self.meeting.forum, meeting_id=self.meeting_id))

    def _select(self, item_id: str) -> None:
        table = self.query_one(AgendaTable)
        if item_id in table.rows:
            table.move_cursor(row=table.get_row_index(item_id))
