"""The meeting screen: agenda with case numbers and time, the selected item's notes, decisions and
follow-up points, a running meeting clock, and the agency coverage line."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import DataTable, Header, TextArea
from textual.worker import get_current_worker

from slt_tui.domain import AgendaItem, Meeting, MeetingStatus, agenda_time
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.clock import now
from slt_tui.domain.series import is_steering, looks_individual
from slt_tui.domain.text import NOTES_MAX, clean_notes
from slt_tui.i18n import grouped, t
from slt_tui.minutes.privacy import kinds_in
from slt_tui.ui.modals.export import export_minutes
from slt_tui.ui.modals.series import escalate_item, invite
from slt_tui.ui.screens.agenda_editing import AgendaEditing
from slt_tui.ui.screens.base import SltScreen, TypedNotes
from slt_tui.ui.screens.meeting_lifecycle import MeetingLifecycle
from slt_tui.ui.widgets.agenda import AgendaTable
from slt_tui.ui.widgets.detail import actions_text
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.plain import Plain, PlainLabel
from slt_tui.wording import coverage_line, duration, linked_items, minutes_long, table_date_time

PRIVACY_PAUSE = 0.2
"""Seconds after a key before the item's text is scanned for personal data."""
NOTES_PAUSE = 0.4
"""Seconds after typing stops before the notes are saved."""
NOTES_LATEST = 0.6
"""Seconds after the first unsaved keystroke by which the notes are handed to the writer, even while
typing goes on: with the write itself, what was typed a second ago is on disk."""


class MeetingScreen(AgendaEditing, MeetingLifecycle, SltScreen):
    BINDINGS = [
        Binding("a", "add_item", "key.add_item", id="add_item"),
        Binding("n", "notes", "key.notes", id="notes"),
        Binding("d", "decision", "key.decision", id="decision"),
        Binding("t", "action", "key.action", id="action"),
        Binding("p", "attendance", "key.attendance", id="attendance"),
        Binding("space", "timer", "key.timer", id="timer", key_display="␣"),
        Binding("m", "minutes", "key.minutes", id="minutes"),
        Binding("e", "export", "key.export", id="export", show=False),
        Binding("slash", "search", "key.search", id="search", key_display="/", show=False),
        Binding("u", "escalate", "key.escalate", id="escalate", show=False),
        Binding("k", "invite", "key.invite", id="invite", show=False),
        Binding("o", "register", "key.register", id="register", show=False),
        Binding("c", "confidential", "key.confidential", id="confidential", show=False),
        Binding("s", "start_or_end", "key.start_end", id="start_end", show=False),
        Binding("i", "details", "key.details", id="details", show=False),
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
        self._notes_item: str | None = None
        self._notes_pause: Timer | None = None  # restarted by every key: fires when typing pauses
        self._notes_deadline: Timer | None = None  # started by the first unsaved key, never restarted
        self._shown_minute = -1
        self._followed: str | None = None

    # Layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="status-bar"):
            yield Plain(id="status")
            yield Plain(id="clock")  # fixed size: its once-a-second update repaints nothing else
        with Horizontal(id="body"):
            yield AgendaTable(id="agenda")
            with VerticalScroll(id="detail"):
                yield Plain(id="item-title")
                yield Plain(id="item-meta")
                yield Plain(id="actions")  # above the notes: in the follow-up item, the points to review
                yield PlainLabel(t("detail.notes"), classes="section")
                yield TextArea(id="notes", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
                yield Plain(id="privacy")
                yield Plain(id="decisions")
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

    def selected(self) -> AgendaItem | None:
        item_id = self.query_one(AgendaTable).selected_id
        return self.meeting.item(item_id) if item_id else None

    # Showing -----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Draw everything from the stored meeting (after each save)."""
        meeting = self.meeting
        self.query_one("#notes", TextArea).read_only = self.app.repo.readonly  # nothing typed goes unsaved
        running, extra = self.running_clock(meeting)
        self.query_one(AgendaTable).show(meeting, running, extra)
        if self.app.follow and running and running != self._followed:  # the projector shows the item discussed
            self._followed = running
            self._select(running)
        self.query_one("#coverage", Plain).update(coverage_line(meeting, self.app.repo.dataset))
        forum = self.app.repo.dataset.forum(meeting.forum)
        self.query_one("#status", Plain).update(f"{forum.name} · {table_date_time(meeting.starts_at)}", layout=False)
        self.show_item()
        self.tick()

    def show_item(self) -> None:
        item = self.selected()
        meeting = self.meeting
        title = self.query_one("#item-title", Plain)
        notes = self.query_one("#notes", TextArea)
        if item is None:
            title.update(t("detail.empty"))
            for widget_id in ("#item-meta", "#decisions", "#actions"):
                self.query_one(widget_id, Plain).update("")
            notes.disabled = True
            return
        notes.disabled = False
        title.update(Text(t("detail.case", number=item.number, title=item.title), style="bold"))
        meta = [t(f"kind.item.{item.kind.value}"), t("detail.planned", minutes=item.planned_minutes)]
        if item.presenter:
            meta.append(item.presenter)
        if item.confidential:
            meta.append(t("detail.confidential", basis=item.legal_basis))
        meta += linked_items(self.app.repo.dataset, item)
        self.query_one("#item-meta", Plain).update(" · ".join(meta))
        # The editor keeps what is being typed into the same item; a session that only reads shows
        # what the writing one saved; once saved, the editor shows exactly what the file holds.
        if self._notes_item != item.id or (self.app.repo.readonly and notes.text != item.notes):
            self._notes_item = item.id
            notes.load_text(item.notes)
        elif notes.text != item.notes and clean_notes(notes.text) == item.notes:
            cursor = notes.cursor_location
            notes.load_text(item.notes)
            notes.cursor_location = notes.clamp_visitable(cursor)
        decisions = [t("detail.decisions")] + [f"• {d.text}" for d in item.decisions] if item.decisions else []
        self.query_one("#decisions", Plain).update("\n".join(decisions))
        self.query_one("#actions", Plain).update(actions_text(self.app.repo.dataset, meeting, item))
        self.show_privacy(notes.text)

    def show_privacy(self, notes: str) -> None:
        """Warn on the item, as it is typed: personal data in its text; an individual case at steering level.

        The scan runs on a thread, a moment after typing: on a long note full of numbers it takes
        long enough that, on the loop, every key would wait for it.
        """
        item = self.selected()
        texts = [] if item is None else [item.title, notes, *(d.text for d in item.decisions)]
        steering = item is not None and is_steering(self.app.repo.dataset, self.meeting.forum)
        self._scan_privacy(texts, steering, len(notes))

    @work(thread=True, exclusive=True, group="privacy")
    def _scan_privacy(self, texts: list[str], steering: bool, length: int) -> None:
        worker = get_current_worker()
        time.sleep(PRIVACY_PAUSE)  # a newer scan, started by the next key, makes this one moot
        if worker.is_cancelled:
            return
        kinds = kinds_in("\n".join(texts))
        warnings = [t("privacy.warning", kinds=", ".join(t(f"privacy.kind.{k.value}") for k in kinds))] if kinds else []
        if length > NOTES_MAX:  # said rather than failing at every pause; the text stays in the editor
            warnings.insert(0, t("notes.too_long", length=grouped(length), limit=grouped(NOTES_MAX)))
        if steering and looks_individual(*texts):
            warnings.append(t("escalate.steering_warning"))
        if not worker.is_cancelled:
            with suppress(RuntimeError):  # the app has ended meanwhile
                self.app.call_from_thread(self._show_warnings, warnings)

    def _show_warnings(self, warnings: list[str]) -> None:
        try:
            warning = self.query_one("#privacy", Plain)
        except NoMatches:  # the scan ended after the screen was left
            return
        warning.update("\n".join(warnings))
        warning.display = bool(warnings)

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
        """Once a second: the meeting clock and the running item's time, and nothing else."""
        meeting = self.meeting
        running_id, extra = self.running_clock(meeting)
        if meeting.status is MeetingStatus.RUNNING and meeting.started_at:
            state = t("status.clock", time=minutes_long(int((now() - meeting.started_at).total_seconds())))
        elif meeting.status is MeetingStatus.CLOSED and meeting.started_at and meeting.ended_at:
            state = t("status.lasted", time=minutes_long(int((meeting.ended_at - meeting.started_at).total_seconds())))
        else:
            state = t("status.planned")
        used = agenda_time(meeting)
        spent = used.spent_seconds + extra
        clock = f"{state} · " + t("status.used", used=spent // 60, planned=used.planned_seconds // 60)
        item = meeting.item(running_id) if running_id else None
        if item is not None:
            running = item.spent_seconds + extra
            clock = f"▶{duration(running)} · {clock}"  # which item: the ▶ row in the agenda
            # The table repaints whole on any cell change: its time moves once a minute, the clock each second.
            if running // 60 != self._shown_minute:
                self._shown_minute = running // 60
                self.query_one(AgendaTable).show_used(item, running=True, extra=extra)
        shown = self.query_one("#clock", Plain)
        # Its width is its text's: a new layout only when the length changes (about once a minute),
        # so the once-a-second update repaints the clock alone and the status beside it keeps its room.
        shown.update(clock, layout=len(clock) != len(str(shown.content)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.save_notes()
        self.show_item()

    # Saving ------------------------------------------------------------------------------------

    def change_meeting(self, change: Callable[[Meeting], Meeting], then: Callable[[], None] | None = None) -> bool:
        """Apply `change` to the stored meeting on the writer thread, then redraw."""
        if not self.app.writable():
            return False
        meeting_id = self.meeting_id

        def done(_: object) -> None:
            self.refresh_view()
            if then:
                then()

        self.app.writer.submit(lambda: self.app.repo.update("meetings", meeting_id, change), done)
        return True

    def change_item(self, item_id: str, change: Callable[[AgendaItem], AgendaItem]) -> None:
        def apply(meeting: Meeting) -> Meeting:
            item = meeting.item(item_id)
            return meeting if item is None else ops.replace_item(meeting, change(item))

        self.change_meeting(apply)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        self.show_privacy(text)
        item = self.meeting.item(self._notes_item or "")
        if item is None or clean_notes(text) == item.notes:  # nothing that saving would change
            self._stop_notes_timers()
            return
        # Saved at a pause, and at the latest NOTES_LATEST after the first unsaved key however fast one
        # types: the deadline is never restarted (a timer restarted at every key once never fired).
        if self._notes_pause is not None:
            self._notes_pause.stop()
        self._notes_pause = self.set_timer(NOTES_PAUSE, self.save_notes)
        if self._notes_deadline is None:
            self._notes_deadline = self.set_timer(NOTES_LATEST, self.save_notes)

    def _stop_notes_timers(self) -> None:
        for timer in (self._notes_pause, self._notes_deadline):
            if timer is not None:
                timer.stop()
        self._notes_pause = self._notes_deadline = None

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "notes":
            self.save_notes()

    def save_notes(self) -> None:
        """Save the editor's text if it differs from what is stored (typing paused, focus left, quit)."""
        self._stop_notes_timers()
        item = self.meeting.item(self._notes_item or "")
        text = clean_notes(self.query_one("#notes", TextArea).text)
        if item is not None and text != item.notes and len(text) <= NOTES_MAX and not self.app.repo.readonly:
            self.change_item(item.id, lambda i: i.model_copy(update={"notes": text}))

    def save_pending(self) -> None:
        self.save_notes()

    def typed_notes(self) -> TypedNotes | None:
        item = self.meeting.item(self._notes_item or "")
        text = clean_notes(self.query_one("#notes", TextArea).text)
        if item is None or text == item.notes:
            return None
        return TypedNotes(self.meeting_id, item.id, t("detail.case", number=item.number, title=item.title), text)

    # Actions -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id == "notes":
            self.query_one(AgendaTable).focus()
        else:
            self.save_notes()
            self.app.pop_screen()

    def action_notes(self) -> None:
        if self.selected() is not None and self.app.writable():
            self.query_one("#notes", TextArea).focus()

    def action_attendance(self) -> None:
        from slt_tui.ui.screens.attendance import AttendanceScreen

        self.save_notes()
        self.app.push_screen(AttendanceScreen(self.meeting_id), lambda _: self.refresh_view())

    def action_minutes(self) -> None:
        from slt_tui.ui.screens.minutes import MinutesScreen

        self.save_notes()
        self.app.push_screen(MinutesScreen(self.meeting_id))

    def action_export(self) -> None:
        self.save_notes()
        export_minutes(self.app, self.meeting_id)

    def action_search(self) -> None:
        self.save_notes()
        self.app.open_search()

    def action_escalate(self) -> None:
        item = self.selected()
        if item is not None and self.app.writable():
            self.save_notes()
            escalate_item(self.app, self.meeting_id, item.id)

    def action_invite(self) -> None:
        invite(self.app, self.meeting_id)

    def action_register(self) -> None:
        from slt_tui.ui.screens.register import RegisterScreen

        self.save_notes()
        self.app.push_screen(RegisterScreen(self.meeting.forum, meeting_id=self.meeting_id),
                             lambda _: self.refresh_view())

    def _select(self, item_id: str) -> None:
        table = self.query_one(AgendaTable)
        if item_id in table.rows:
            table.move_cursor(row=table.get_row_index(item_id))
