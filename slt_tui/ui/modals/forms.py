"""The forms of the meeting screen: agenda item, decision, follow-up point, meeting details."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.widgets import TextArea

from slt_tui.domain import AgendaItem, Dataset, ItemKind, Meeting
from slt_tui.domain.clock import OSLO, format_date, parse_date, parse_time
from slt_tui.domain.models import ActionItem
from slt_tui.i18n import t
from slt_tui.ui.modals.base import FormModal, date_problem, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import Plain, PlainSelect
from slt_tui.wording import agency_label, hhmm


def kinds() -> list[tuple[str, ItemKind]]:
    return [(t(f"kind.item.{k.value}"), k) for k in ItemKind]


class ItemForm(FormModal[dict]):
    """Title, kind, presenter and planned minutes of an agenda item (new when `item` is None)."""

    def __init__(self, item: AgendaItem | None = None) -> None:
        super().__init__()
        self.item = item
        self.title = t("form.item.edit" if item else "form.item.new")

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield from field(t("field.title"), LineInput(value=item.title if item else "", id="title"))
        yield from field(t("field.kind"), PlainSelect(kinds(), value=item.kind if item else ItemKind.BRIEFING,
                                                 allow_blank=False, id="kind"))
        yield from field(t("field.presenter"), LineInput(value=item.presenter if item else "", id="presenter"))
        yield from field(t("field.planned_minutes"),
                         LineInput(value=str(item.planned_minutes if item else 10), type="integer", id="minutes"))
        # Last: enter in the minutes field still saves; tab reaches the saksframlegg, which takes lines.
        yield from field(t("field.summary"), TextArea(item.summary if item else "", id="summary", soft_wrap=True,
                                                      show_line_numbers=False))

    def build(self) -> dict:
        minutes = self.value("minutes").strip()
        fields = {"title": self.value("title"), "kind": self.value("kind"), "presenter": self.value("presenter"),
                  "planned_minutes": int(minutes) if minutes.lstrip("-").isdigit() else minutes,
                  "summary": self.query_one("#summary", TextArea).text}
        checked = AgendaItem(id="x", number="01/00", **fields)  # validates every field, cleans the text
        return {name: getattr(checked, name) for name in fields}


class DecisionForm(FormModal[str]):
    def __init__(self) -> None:
        super().__init__()
        self.title = t("form.decision")

    def compose_fields(self) -> ComposeResult:
        yield from field(t("field.decision"), TextArea(id="decision", soft_wrap=True, show_line_numbers=False))

    def build(self) -> str:
        from slt_tui.domain import Decision

        return Decision(id="x", text=self.query_one("#decision", TextArea).text).text


class ActionForm(FormModal[dict]):
    """A follow-up point: what, owner agency, optionally a person of that agency, due date."""

    def __init__(self, dataset: Dataset, meeting: Meeting, item: AgendaItem, due: date) -> None:
        super().__init__()
        self.dataset, self.meeting, self.item, self.due = dataset, meeting, item, due
        self.title = t("form.action", number=item.number)

    def compose_fields(self) -> ComposeResult:
        agencies = [(agency_label(a), a.code) for a in self.dataset.agencies]
        yield from field(t("field.action_title"), LineInput(id="title"))
        yield from field(t("field.agency"), PlainSelect(agencies, prompt=t("form.choose"), id="agency"))
        yield from field(t("field.owner"), PlainSelect([], prompt=t("form.nobody"), id="owner"))
        yield from field(t("field.due"), LineInput(value=format_date(self.due), id="due"))

    def on_select_changed(self, event: PlainSelect.Changed) -> None:
        if event.select.id == "agency":
            people = [(p.name, p.id) for p in self.dataset.people if p.agency == event.value]
            self.query_one("#owner", PlainSelect).set_options(people)

    def build(self) -> dict:
        agency = self.value("agency")
        owner = self.value("owner")
        if agency is PlainSelect.NULL:
            raise ValueError(t("form.agency_required"))
        action = ActionItem(id="x", title=self.value("title"), forum=self.meeting.forum, agency=agency,
                            owner=None if owner is PlainSelect.NULL else owner, due=self.value("due"),
                            origin={"meeting": self.meeting.id, "item": self.item.id})
        return {"title": action.title, "agency": action.agency, "owner": action.owner, "due": action.due}


class MeetingForm(FormModal[Meeting]):
    """Date, time, place, chair and minute-taker of a meeting, and its archive reference. `locked`
    (approved minutes, no correction open): the archive reference alone can be changed."""

    def __init__(self, dataset: Dataset, meeting: Meeting, *, locked: bool = False) -> None:
        super().__init__()
        self.dataset, self.meeting, self.locked = dataset, meeting, locked
        self.title = t("form.meeting")

    def compose_fields(self) -> ComposeResult:
        m = self.meeting
        forum = self.dataset.forum(m.forum)
        people = [(p.name, p.id) for p in self.dataset.people if p.id in forum.members] or [
            (p.name, p.id) for p in self.dataset.people]
        closed = self.locked
        if closed:
            yield Plain(t("form.meeting_locked"), classes="form-note")
        yield from field(t("field.date"), LineInput(value=format_date(m.starts_at), id="date", disabled=closed))
        yield from field(t("field.time"), LineInput(value=hhmm(m.starts_at), id="time", disabled=closed))
        yield from field(t("field.location"), LineInput(value=m.location, id="location", disabled=closed))
        yield from field(t("field.chair"), PlainSelect(people, value=m.chair or PlainSelect.NULL,
                                                       prompt=t("form.nobody"), id="chair", disabled=closed))
        yield from field(t("field.minute_taker"), PlainSelect(people, value=m.minute_taker or PlainSelect.NULL,
                                                         prompt=t("form.nobody"), id="minute_taker",
                                                         disabled=closed))
        yield from field(t("field.archive_ref"), LineInput(value=m.archive_ref, id="archive_ref"))

    def on_mount(self) -> None:
        super().on_mount()
        if self.locked:  # the one field open: focus there, not on the first (closed) one
            self.query_one("#archive_ref").focus()

    def build(self) -> Meeting:
        try:
            day = parse_date(self.value("date"))
        except ValueError as exc:
            raise ValueError(date_problem(exc)) from None
        try:
            at = parse_time(self.value("time"))
            starts = datetime(day.year, day.month, day.day, at.hour, at.minute, tzinfo=OSLO)
        except ValueError:
            raise ValueError(t("form.bad_time")) from None

        def person(widget_id: str) -> str | None:
            value = self.value(widget_id)
            return None if value is PlainSelect.NULL else value

        changes = {"starts_at": starts, "location": self.value("location"), "chair": person("chair"),
                   "minute_taker": person("minute_taker"), "archive_ref": self.value("archive_ref")}
        return Meeting.model_validate({**self.meeting.model_dump(), **changes})
