"""The form that chooses the forum an item is sent on to. The flows of the series (escalation, the
calendar invitation, planning the next meeting) are `ui.flows.series`."""

from __future__ import annotations

from textual.app import ComposeResult

from slt_tui.i18n import t
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.widgets.plain import PlainSelect


class EscalateForm(FormModal[str]):
    """Which forum's next meeting gets the case: a choice among forums that have one planned."""

    def __init__(self, number: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title = t("escalate.title", number=number)
        self.choices = choices

    def compose_fields(self) -> ComposeResult:
        yield from field(t("escalate.to"), PlainSelect(self.choices, prompt=t("form.choose"), id="target"))

    def build(self) -> str:
        target = self.value("target")
        if target is PlainSelect.NULL:
            raise ValueError(t("form.required"))
        return target
