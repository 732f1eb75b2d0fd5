"""Start screen: the municipality's forums, each with its level, next and running meeting and overdue
follow-up points, and the meetings of the highlighted forum."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header

from slt_tui.domain import Dataset, Forum, Meeting, MeetingStatus, approval, overdue
from slt_tui.domain.clock import format_date, today
from slt_tui.domain.follow_up import year_progress
from slt_tui.domain.series import PlanError, cancel, check_not_running, next_planned, proposed_start
from slt_tui.i18n import plural, t
from slt_tui.ui.modals.questions import AskDate, Confirm
from slt_tui.ui.screens.base import SltScreen
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.lists import OpenList, OpenTable
from slt_tui.ui.widgets.plain import Option, PlainOptionList
from slt_tui.ui.widgets.tables import refill, selected_key
from slt_tui.wording import date_time, plan_next, table_date_time


def forum_summary(dataset: Dataset, forum: Forum) -> Text:
    """Name and level; running or next meeting; overdue follow-up points; this year's points as a bar."""
    meetings = dataset.meetings_of(forum.id)
    running = next((m for m in meetings if m.status is MeetingStatus.RUNNING), None)
    planned = next((m for m in meetings if m.status is MeetingStatus.PLANNED), None)
    late = len(overdue((a for a in dataset.actions if a.forum == forum.id), today()))
    text = Text.assemble((forum.name, "bold"), "  ", (t(f"level.{forum.level.value}"), "dim"))
    if running:
        text.append("\n" + t("start.running", date=format_date(running.starts_at)), "bold")
    text.append("\n" + (t("start.next", date=format_date(planned.starts_at)) if planned else t("start.no_next")))
    if late:
        text.append("\n" + plural("start.overdue", late), "bold")
    progress = year_progress(dataset, forum.id, today())
    if progress.total:
        text.append("\n" + t("start.this_year") + " " + progress.bar())
        text.append("\n" + t("start.progress", open=progress.open, overdue=progress.overdue, done=progress.done),
                    "dim")
    return text


def meeting_status(meeting: Meeting, dataset: Dataset) -> str:
    """A meeting's state in the list: planned, running, cancelled; held, its minutes approved or not."""
    if meeting.status is MeetingStatus.CLOSED and approval.approval_of(meeting, dataset) is not None:
        return t("start.approved")
    return t(f"status.{meeting.status.value}")


def offered_meeting(dataset: Dataset, forum_id: str):
    """The meeting to open for a forum: the running one, else the next planned, else the latest."""
    meetings = dataset.meetings_of(forum_id)
    for status in (MeetingStatus.RUNNING, MeetingStatus.PLANNED):
        found = next((m for m in meetings if m.status is status), None)
        if found:
            return found
    return meetings[-1] if meetings else None


def first_forum(dataset: Dataset) -> str:
    """The forum to show first: the one with a running meeting, else the next meeting planned, else
    the latest held, else the first in the register."""
    meetings = dataset.meetings
    running = [m for m in meetings if m.status is MeetingStatus.RUNNING]
    planned = sorted((m for m in meetings if m.status is MeetingStatus.PLANNED), key=lambda m: m.starts_at)
    held = sorted(meetings, key=lambda m: m.starts_at, reverse=True)
    chosen = (running or planned or held or [None])[0]
    return chosen.forum if chosen is not None else dataset.forums[0].id


class StartScreen(SltScreen):
    BINDINGS = [
        Binding("n", "plan", "key.plan", id="plan"),
        Binding("o", "register", "key.register", id="register"),
        Binding("slash", "search", "key.search", id="search", key_display="/"),
        Binding("r", "registers", "key.registers", id="registers"),
        Binding("x", "cancel_meeting", "key.cancel_meeting", id="cancel_meeting"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="columns"):
            yield OpenList(id="forums")
            yield OpenTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        dataset: Dataset = self.app.repo.dataset
        forums = self.query_one("#forums", PlainOptionList)
        forums.border_title = t("start.forums")
        self._fill_forums(dataset, forums)
        table = self.query_one("#meetings", DataTable)
        table.border_title = t("start.meetings")
        table.add_columns(t("col.date"), t("col.status"), t("col.id"))
        if dataset.forums:
            first = first_forum(dataset)
            forums.highlighted = forums.get_option_index(first)
            self._show_meetings(first)
            forums.focus()
            running = next((m for m in dataset.meetings if m.status is MeetingStatus.RUNNING), None)
            if running and not self.app.start_meeting:  # said where enter does it, not over a meeting opened
                self.notify(t("start.resume", forum=dataset.forum(running.forum).name), timeout=8)

    @staticmethod
    def _fill_forums(dataset: Dataset, forums: PlainOptionList) -> None:
        for i, forum in enumerate(dataset.forums):
            if i:
                forums.add_option(None)  # a divider line between forums
            forums.add_option(Option(forum_summary(dataset, forum), id=forum.id))
        if not dataset.forums:
            forums.add_option(Option(t("start.no_forums"), disabled=True))

    def on_option_list_option_selected(self, event: PlainOptionList.OptionSelected) -> None:
        if event.option.id:
            meeting = offered_meeting(self.app.repo.dataset, event.option.id)
            if meeting is None:
                self.notify(t("start.empty"))
            else:
                self.app.open_meeting(meeting.id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_meeting(str(event.row_key.value))

    def action_registers(self) -> None:
        from slt_tui.ui.screens.registers import RegistersScreen

        self.app.push_screen(RegistersScreen())

    def selected_forum(self) -> str | None:
        option = self.query_one("#forums", PlainOptionList).highlighted_option
        return option.id if option is not None else None

    def action_plan(self) -> None:
        forum_id = self.selected_forum()
        if forum_id is None or not self.app.writable():
            return
        dataset = self.app.repo.dataset
        proposed = proposed_start(dataset, forum_id, today())

        def planned_on(day: date):
            return plan_next(self.app.repo.dataset, forum_id, self.app.repo.minutes_language, on=day)

        def chosen(day: date | None) -> None:
            if day is not None:
                self.app.writer.submit(lambda: self.app.repo.save(planned_on(day)), planned)

        def planned(meeting) -> None:
            self.on_screen_resume()
            self.notify(t("plan.done", date=date_time(meeting.starts_at), id=meeting.id))

        try:  # said at once, before a date is asked for
            check_not_running(dataset, forum_id)
        except PlanError as exc:
            self.notify(exc.sentence(), severity="warning")
            return
        # Checked in the form too (a past day, one before the last meeting), so a refused day can be retyped.
        self.app.push_screen(AskDate(t("plan.title", forum=dataset.forum(forum_id).name), proposed.date(),
                                     check=planned_on), chosen)

    def action_cancel_meeting(self) -> None:
        """Call off a planned meeting: the one under the cursor in the list of meetings, else the forum's
        next. Its open points go to the next meeting by themselves; the next takes over its links."""
        forum_id = self.selected_forum()
        if forum_id is None or not self.app.writable():
            return
        dataset = self.app.repo.dataset
        table = self.query_one("#meetings", DataTable)
        if table.has_focus and selected_key(table) is not None:
            meeting = dataset.meeting(str(selected_key(table)))
        else:
            meeting = next_planned(dataset, forum_id)
        if meeting is None:
            self.notify(t("cancel.none"), severity="warning")
            return
        try:  # said at once, before the question: only a planned meeting can be called off
            cancel(dataset, meeting.id)
        except PlanError as exc:
            self.notify(exc.sentence(), severity="warning")
            return
        meeting_id, day = meeting.id, format_date(meeting.starts_at)
        forum = dataset.forum(meeting.forum).name

        def job() -> None:
            repo, changes = self.app.repo, self.slt.meeting_changes
            with repo.batch():  # the cancelled one and the next, which takes over its links, together
                for changed in cancel(repo.dataset, meeting_id):
                    repo.save(changes.corrected(changed))

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.writer.submit(job, lambda _: self.notify(t("cancel.done", forum=forum, date=day,
                                                                    meeting=meeting_id)))

        self.app.push_screen(Confirm(t("cancel.confirm", date=day)), answered)

    def action_register(self) -> None:
        from slt_tui.ui.screens.register import RegisterScreen

        self.app.push_screen(RegisterScreen(forum_id=self.selected_forum()))

    def action_search(self) -> None:
        self.app.open_search()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from the store: on coming back to this screen, and when another session saved."""
        dataset = self.app.repo.dataset
        forums = self.query_one("#forums", PlainOptionList)
        known = {forums.get_option_at_index(i).id for i in range(forums.option_count)}
        if known - {None} != {f.id for f in dataset.forums}:  # forums added or removed in the registers
            forums.clear_options()
            self._fill_forums(dataset, forums)
        for forum in dataset.forums:
            forums.replace_option_prompt(forum.id, forum_summary(dataset, forum))
        option = forums.highlighted_option
        if option is not None and option.id:
            self._show_meetings(option.id)
        elif not dataset.forums:  # the last forum deleted: no list of its meetings either
            table = self.query_one("#meetings", DataTable)
            table.clear()
            table.border_subtitle = ""

    def on_option_list_option_highlighted(self, event: PlainOptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show_meetings(event.option.id)

    def _show_meetings(self, forum_id: str) -> None:
        meetings = self.app.repo.dataset.meetings_of(forum_id)
        table = self.query_one("#meetings", DataTable)
        dataset = self.app.repo.dataset
        refill(table, ((m.id, (table_date_time(m.starts_at), meeting_status(m, dataset), m.id))
                       for m in reversed(meetings)))
        table.border_subtitle = "" if meetings else t("start.empty")  # an empty list says so
