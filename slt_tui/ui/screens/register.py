"""Follow-up points: the register across forums, and the review of carried points in a meeting.

Opened from the start screen it shows every point of every forum with its history, filtered by
forum, agency, status and overdue; it only reads. Opened from a meeting it shows the points brought
to that meeting from earlier ones, and each status, new due date or comment is recorded on the point
as a review by that meeting. A point carried three times or more is flagged.
"""

from __future__ import annotations

from pydantic import TypeAdapter
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header

from slt_tui.domain import ActionItem, ActionStatus
from slt_tui.domain.clock import format_date, now, today
from slt_tui.domain.follow_up import CARRIED_FLAG, review, reviews_at, times_carried
from slt_tui.domain.text import Block
from slt_tui.i18n import t
from slt_tui.ui.modals.questions import AskDate, AskText
from slt_tui.ui.screens.base import SltScreen
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.plain import Plain, PlainTable
from slt_tui.ui.widgets.tables import refill, selected_key
from slt_tui.wording import action_status

COMMENT = TypeAdapter(Block)
"""A review's comment, checked in the form: one too long is said there, not lost after it."""

STATUS_FILTERS = ("open", "all", "done", "dropped")
"""`open` is open and in progress, what a coordinator usually wants."""


class RegisterScreen(SltScreen):
    BINDINGS = [
        Binding("1", "status('open')", "action.open", id="open"),
        Binding("2", "status('in_progress')", "action.in_progress", id="in_progress"),
        Binding("3", "status('done')", "action.done", id="done"),
        Binding("4", "status('dropped')", "action.dropped", id="dropped"),
        Binding("k", "comment", "key.comment", id="comment"),
        Binding("r", "due", "key.due", id="due"),
        Binding("g", "forum", "key.forum_filter", id="forum_filter"),
        Binding("f", "agency", "key.filter", id="filter", show=False),
        Binding("s", "status_filter", "key.status_filter", id="status_filter"),
        Binding("x", "overdue", "key.overdue_filter", id="overdue_filter"),
        Binding("escape", "close", "key.back", id="back"),
        # Four statuses, comment and due date fill the bar at 80 columns: q works as everywhere, and ? lists it.
        Binding("q", "app.quit", "key.quit", id="quit", show=False),
    ]

    def __init__(self, forum_id: str | None = None, meeting_id: str | None = None) -> None:
        super().__init__()
        self.forum_id, self.meeting_id = forum_id, meeting_id
        self.agency: str | None = None
        self.status_filter = "open"
        self.only_overdue = False

    @property
    def reviewing(self) -> bool:
        return self.meeting_id is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In a meeting: review keys; in the register: filter keys. The footer shows only those."""
        reviewing = {"status", "comment", "due"}
        filtering = {"forum", "status_filter", "overdue"}
        if action in reviewing:
            return self.reviewing
        if action in filtering:
            return not self.reviewing
        return True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Plain(id="register-title")
        yield PlainTable(id="points", cursor_type="row", zebra_stripes=True)
        yield Plain(id="register-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(PlainTable)
        for key in ("due", "status", "agency", "title"):
            table.add_column(t(f"col.{key}"), key=key)
        self.refresh_view()
        table.focus()

    # What is shown -------------------------------------------------------------------------------

    def points(self) -> list[ActionItem]:
        dataset, on = self.app.repo.dataset, today()
        if self.reviewing:
            points = [r.action for r in reviews_at(dataset.meeting(self.meeting_id), dataset)]
        else:
            points = list(dataset.actions if self.forum_id is None else dataset.actions_of(self.forum_id))
            if self.status_filter == "open":
                points = [a for a in points if a.status.is_open]
            elif self.status_filter != "all":
                points = [a for a in points if a.status.value == self.status_filter]
            if self.only_overdue:
                points = [a for a in points if a.is_overdue(on)]
        if self.agency is not None:
            points = [a for a in points if a.agency == self.agency]
        if self.reviewing:  # an order that stays put while statuses change under the cursor
            return sorted(points, key=lambda a: (a.due, a.id))
        return sorted(points, key=lambda a: (not a.is_overdue(on), a.due, a.id))

    def refresh_view(self) -> None:
        dataset = self.app.repo.dataset
        if self.reviewing:
            meeting = dataset.meeting(self.meeting_id)
            title = t("register.review", forum=dataset.forum(meeting.forum).name, date=format_date(meeting.starts_at))
        else:
            forum = dataset.forum(self.forum_id).name if self.forum_id else t("register.all_forums")
            title = t("register.title", forum=forum) + " · " + t(f"register.status.{self.status_filter}")
            if self.only_overdue:
                title += " · " + t("action.overdue")
        if self.agency:
            title += " · " + t("register.only", agency=self.agency)
        self.query_one("#register-title", Plain).update(title)
        on = today()
        meeting = dataset.meeting(self.meeting_id) if self.reviewing else None
        rows = []
        for a in self.points():
            text = a.title
            if meeting is not None and (carried := times_carried(a, meeting, dataset)) >= CARRIED_FLAG:
                text = f"⚑{carried} {text}"
            rows.append((a.id, (format_date(a.due), action_status(a, on), a.agency, text)))
        refill(self.query_one(PlainTable), rows)
        self.show_detail()

    def empty_key(self) -> str:
        """Why the list is empty, as the filters chosen make it."""
        if self.reviewing:
            return "register.empty.review"
        if self.agency is not None or self.only_overdue:
            return "register.empty.filtered"
        return f"register.empty.{self.status_filter}"

    def selected(self) -> ActionItem | None:
        key = selected_key(self.query_one(PlainTable))
        return None if key is None else self.app.repo.dataset.action(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        point = self.selected()
        if point is None:
            self.query_one("#register-detail", Plain).update(t(self.empty_key()))
            return
        dataset = self.app.repo.dataset
        origin = dataset.meeting(point.origin.meeting)
        item = origin.item(point.origin.item)
        lines = [point.title, t("register.origin", forum=dataset.forum(point.forum).name,
                                date=format_date(origin.starts_at), number=item.number if item else "?")]
        for u in reversed(point.updates):  # newest first: what was just recorded shows
            due = f" · {t('register.new_due', date=format_date(u.due))}" if u.due else ""
            lines.append(f"{format_date(u.at)}: {t(f'action.{u.status.value}')}{due} {u.comment}".rstrip())
        self.query_one("#register-detail", Plain).update("\n".join(lines))

    # Reviews (in a meeting) ----------------------------------------------------------------------

    def _review(self, **changes) -> bool:
        """Record `changes` on the point under the cursor as this meeting's review; False if none was."""
        point = self.selected()
        if point is None or not self.reviewing or not self.app.writable():
            return False
        meeting_id = self.meeting_id
        return self.app.writer.submit(
            lambda: self.app.repo.update("actions", point.id, lambda a: review(a, meeting_id, now(), **changes)))

    def action_status(self, status: str) -> None:
        """Record the status, and move on to the next point, as going round the table does."""
        if self._review(status=ActionStatus(status)):
            self.query_one(PlainTable).action_cursor_down()

    def action_comment(self) -> None:
        if self.selected() is not None and self.app.writable():
            self.app.push_screen(AskText(t("form.comment"), t("field.comment"), check=COMMENT.validate_python),
                                 lambda text: self._review(comment=text) if text else None)

    def action_due(self) -> None:
        point = self.selected()
        if point is None or not self.app.writable():
            return
        self.app.push_screen(AskDate(t("form.new_due"), point.due), lambda day: self._review(due=day) if day else None)

    # Filters (the register) ----------------------------------------------------------------------

    def action_agency(self) -> None:
        codes = sorted({a.agency for a in self.app.repo.dataset.actions})
        self.agency = _next_in([None, *codes], self.agency)
        self.refresh_view()

    def action_forum(self) -> None:
        self.forum_id = _next_in([None, *(f.id for f in self.app.repo.dataset.forums)], self.forum_id)
        self.refresh_view()

    def action_status_filter(self) -> None:
        self.status_filter = _next_in(list(STATUS_FILTERS), self.status_filter)
        self.refresh_view()

    def action_overdue(self) -> None:
        self.only_overdue = not self.only_overdue
        self.refresh_view()

    def action_close(self) -> None:
        self.dismiss(None)


def _next_in(cycle: list, current):
    return cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else cycle[0]
