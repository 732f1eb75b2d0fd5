"""The forum's open follow-up points, overdue first; filter by agency, change status, add a comment.

Each change is recorded as an update on the point with the meeting it was made in.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from slt_tui.domain import ActionItem, ActionStatus, ActionUpdate
from slt_tui.domain.clock import format_date, now, today
from slt_tui.i18n import t
from slt_tui.ui.modals.questions import AskText
from slt_tui.ui.widgets.footer import KeyFooter
from slt_tui.ui.widgets.tables import refill, selected_key
from slt_tui.wording import action_status


class RegisterScreen(Screen[None]):
    BINDINGS = [
        Binding("1", "status('open')", t("action.open"), id="open"),
        Binding("2", "status('in_progress')", t("action.in_progress"), id="in_progress"),
        Binding("3", "status('done')", t("action.done"), id="done"),
        Binding("4", "status('dropped')", t("action.dropped"), id="dropped"),
        Binding("k", "comment", t("key.comment"), id="comment"),
        Binding("f", "filter", t("key.filter"), id="filter"),
        Binding("escape", "close", t("key.back"), id="back"),
    ]

    def __init__(self, forum_id: str, meeting_id: str) -> None:
        super().__init__()
        self.forum_id, self.meeting_id = forum_id, meeting_id
        self.agency: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="register-title")
        yield DataTable(id="points", cursor_type="row", zebra_stripes=True)
        yield Static(id="register-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("due", "status", "agency", "title"):
            table.add_column(t(f"col.{key}"), key=key)
        self.refresh_view()
        table.focus()

    def points(self) -> list[ActionItem]:
        on = today()
        points = [a for a in self.app.repo.dataset.actions
                  if a.forum == self.forum_id and a.status.is_open and (self.agency is None or a.agency == self.agency)]
        return sorted(points, key=lambda a: (not a.is_overdue(on), a.due, a.id))

    def refresh_view(self) -> None:
        forum = self.app.repo.dataset.forum(self.forum_id)
        title = t("register.title", forum=forum.name)
        if self.agency:
            title += " · " + t("register.only", agency=self.agency)
        self.query_one("#register-title", Static).update(title)
        on = today()
        refill(self.query_one(DataTable),
               ((a.id, (format_date(a.due), action_status(a, on), a.agency, a.title)) for a in self.points()))
        self.show_detail()

    def selected(self) -> ActionItem | None:
        key = selected_key(self.query_one(DataTable))
        return None if key is None else self.app.repo.dataset.action(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        point = self.selected()
        text = t("register.empty") if point is None else "\n".join(
            [point.title] + [f"{format_date(u.at)}: {t(f'action.{u.status.value}')} {u.comment}".rstrip()
                             for u in point.updates[-3:]])
        self.query_one("#register-detail", Static).update(text)

    def _update(self, status: ActionStatus | None = None, comment: str = "") -> None:
        point = self.selected()
        if point is None or not self.app.writable():
            return

        def change(current: ActionItem) -> ActionItem:
            new_status = status or current.status
            update = ActionUpdate(meeting=self.meeting_id, status=new_status, comment=comment, at=now())
            return current.model_copy(update={"status": new_status, "updates": (*current.updates, update)})

        self.app.writer.submit(lambda: self.app.repo.update("actions", point.id, change),
                               lambda _: self.refresh_view())

    def action_status(self, status: str) -> None:
        self._update(status=ActionStatus(status))

    def action_comment(self) -> None:
        if self.selected() is not None and self.app.writable():
            self.app.push_screen(AskText(t("form.comment"), t("field.comment")),
                                 lambda text: self._update(comment=text) if text else None)

    def action_filter(self) -> None:
        codes = sorted({a.agency for a in self.app.repo.dataset.actions if a.forum == self.forum_id
                        and a.status.is_open})
        cycle = [None, *codes]
        self.agency = cycle[(cycle.index(self.agency) + 1) % len(cycle)] if self.agency in cycle else None
        self.refresh_view()

    def action_close(self) -> None:
        self.dismiss(None)
