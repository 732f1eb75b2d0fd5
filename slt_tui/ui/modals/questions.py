"""Small questions: yes or no, and one line of text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from slt_tui.domain.clock import format_date, parse_date
from slt_tui.i18n import t
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.modals.base import FormModal, date_problem, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import Plain, PlainLabel


class Confirm(KeysInLanguage, ModalScreen[bool]):
    """The language's yes key (`j`, `y` in English) or enter confirms; its no key or escape declines.
    Only the run's own keys: `j` in an English run is no answer at all."""

    BINDINGS = [
        Binding("enter", "answer(True)", "key.yes", show=False),
        Binding("escape", "answer(False)", "key.no", show=False),
        # A modal hides the app's keys: q quits from a question too (saving first), as everywhere.
        Binding("q", "app.quit", "key.quit", id="quit", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        self._bindings.bind(t("confirm.yes_key"), "answer(True)", t("key.yes"))
        self._bindings.bind(t("confirm.no_key"), "answer(False)", t("key.no"))

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield PlainLabel(self.question, classes="form-title")
            yield Plain(t("confirm.hint"), classes="form-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def confirm_each(app, questions: list[str], then: Callable[[], None]) -> None:
    """Ask each question in turn (a `Confirm`); `then()` once every one is answered yes."""
    remaining = list(questions)

    def next_question(yes: bool | None = True) -> None:
        if not yes:
            return
        if remaining:
            app.push_screen(Confirm(remaining.pop(0)), next_question)
        else:
            then()

    next_question()


def write_after_asking(app, path: Path, findings: Sequence, exists: bool, privacy_key: str, done_key: str,
                       write: Callable[[], object]) -> None:
    """A document's last steps: ask about personal data found in it (`privacy_key`, listing each
    finding) and about a file already there, in turn; on every yes, `write` on the writer thread (after
    the saves before it), then say where the file is (`done_key`)."""
    questions = []
    if findings:
        questions.append(t(privacy_key, findings="\n".join(f"• {f.sentence()}" for f in findings)))
    if exists:
        questions.append(t("export.overwrite", path=path))
    confirm_each(app, questions, lambda: app.writer.submit(write, lambda _: app.notify(t(done_key, path=path))))


class AskText(FormModal[str]):
    """One line of text; `required` refuses an empty answer, and `check` (which raises as a model does,
    given the answer) keeps the form open with its reason, so that nothing typed is lost."""

    def __init__(self, title: str, label: str, value: str = "", *, required: bool = True,
                 check: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.title, self.label, self.initial, self.required, self.check = title, label, value, required, check
        self.subject = label.split(" (")[0]  # `Frist (dd.mm.åååå)` leads an error as `Frist`

    def compose_fields(self) -> ComposeResult:
        yield from field(self.label, LineInput(value=self.initial, id="answer"))

    def build(self) -> str:
        answer = self.value("answer").strip()
        if self.required and not answer:
            raise ValueError(t("form.required"))
        if self.check is not None:
            self.check(answer)
        return answer


class AskDate(FormModal[date]):
    """A date, `dd.mm.yyyy` or ISO; a date that does not parse, or that `check` refuses (raising as a
    model does), is said in the form, not after it."""

    def __init__(self, title: str, value: date, *, check: Callable[[date], object] | None = None) -> None:
        super().__init__()
        self.title, self.initial, self.check = title, value, check

    def compose_fields(self) -> ComposeResult:
        yield from field(t("field.date"), LineInput(value=format_date(self.initial), id="answer"))

    def build(self) -> date:
        try:
            day = parse_date(self.value("answer"))
        except ValueError as exc:
            raise ValueError(date_problem(exc)) from None
        if self.check is not None:
            self.check(day)
        return day
