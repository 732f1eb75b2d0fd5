"""The forms of the attendance screen: a guest (from any organisation), and part-time presence.

Each form answers a change to the meeting, to be applied to the meeting as stored when it is saved (the
item clock saves into it meanwhile). The form tries the change on the meeting it was opened on first,
so a refusal is said in the form, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult

from slt_tui.domain import Dataset, Meeting
from slt_tui.domain import meeting_ops as ops
from slt_tui.i18n import t
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import PlainSelect

Change = Callable[[Meeting], Meeting]


def tried(meeting: Meeting, change: Change) -> Change:
    """`change`, once it has worked on `meeting` (or raised the reason it would not)."""
    change(meeting)
    return change


class GuestForm(FormModal[Change]):
    """Name, agency or organisation (free text), role."""

    def __init__(self, dataset: Dataset, meeting: Meeting, from_item: str | None) -> None:
        super().__init__()
        self.dataset, self.meeting, self.from_item = dataset, meeting, from_item
        self.title = t("form.guest")

    def compose_fields(self) -> ComposeResult:
        yield from field(t("field.name"), LineInput(id="name"))
        yield from field(t("field.organisation"), LineInput(id="organisation"))
        yield from field(t("field.role"), LineInput(id="role"))

    def build(self) -> Change:
        dataset, first = self.dataset, self.from_item
        name, organisation, role = self.value("name"), self.value("organisation"), self.value("role")
        return tried(self.meeting, lambda m: ops.add_guest(m, dataset, name, organisation, role, first))


class PresenceForm(FormModal[Change]):
    """From which item someone was there, and until which."""

    def __init__(self, meeting: Meeting, who: str | int, name: str, from_item: str | None,
                 until_item: str | None) -> None:
        super().__init__()
        self.meeting, self.who = meeting, who
        self.chosen = (from_item, until_item)
        self.title = t("form.presence", name=name)

    def compose_fields(self) -> ComposeResult:
        items = [(f"{i.number} {i.title}", i.id) for i in self.meeting.agenda]
        first, last = self.chosen
        yield from field(t("field.from_item"), PlainSelect(items, prompt=t("form.from_start"), id="from",
                                                           value=first or PlainSelect.NULL))
        yield from field(t("field.until_item"), PlainSelect(items, prompt=t("form.to_end"), id="until",
                                                            value=last or PlainSelect.NULL))

    def build(self) -> Change:
        def chosen(widget_id: str) -> str | None:
            value = self.value(widget_id)
            return None if value is PlainSelect.NULL else value

        try:
            first, last, who = chosen("from"), chosen("until"), self.who
            return tried(self.meeting, lambda m: ops.set_presence(m, who, first, last))
        except ops.PresenceOrderError:
            raise ValueError(t("attendance.order_error")) from None
