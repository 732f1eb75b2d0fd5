"""The form that opens a correction of approved minutes: what is corrected, why, and by whom."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult

from slt_tui.domain import Correction, Meeting
from slt_tui.domain.clock import now
from slt_tui.i18n import t
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import Plain


@dataclass(frozen=True)
class CorrectionAnswer:
    what: str
    why: str
    by: str


class CorrectionForm(FormModal[CorrectionAnswer]):
    """Every field is required: a correction of approved minutes says what changed, why, and who did it."""

    def __init__(self, meeting: Meeting, approved: str, by: str = "") -> None:
        super().__init__()
        self.meeting, self.approved, self.by = meeting, approved, by
        self.title = t("form.correction")

    def compose_fields(self) -> ComposeResult:
        yield Plain(self.approved, classes="form-note")
        yield Plain(t("approval.published"), classes="form-note")  # the public minutes list corrections too
        yield from field(t("field.what"), LineInput(id="what"))
        yield from field(t("field.why"), LineInput(id="why"))
        yield from field(t("field.by"), LineInput(value=self.by, id="by"))

    def build(self) -> CorrectionAnswer:
        texts = {name: self.value(name).strip() for name in ("what", "why", "by")}
        for name, text in texts.items():
            if not text:
                raise ValueError(t("form.required_field", field=t(f"field.{name}")))
        # The model's own rules (length, characters), said in the form before it closes.
        checked = Correction(id="x", at=now(), before=self.meeting, **texts)
        return CorrectionAnswer(checked.what, checked.why, checked.by)
