"""A form in a modal: fields, an error line, save with ctrl+s or enter on the last field, escape cancels."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import ValidationError
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea
from textual.widgets._select import SelectOverlay

from slt_tui.domain.clock import MAX_YEAR, MIN_YEAR, DateRangeError, NotInCalendarError
from slt_tui.domain.explain import Labelled, describe
from slt_tui.errors import SltError
from slt_tui.i18n import current_language, t
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.screens.base import TypedText
from slt_tui.ui.widgets.plain import Plain, PlainLabel

T = TypeVar("T")


class FormModal(KeysInLanguage, ModalScreen[T | None], Generic[T]):
    """Subclasses give `title`, `compose_fields()` and `build()`; build raises to show an error."""

    # What enter does in a form is decided here, before a field's own enter (priority). Keys typed ahead
    # reach the form in order, each once the one before it has been taken (`ui.typeahead`).
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="cancel"),
        Binding("ctrl+s", "submit", "key.save", id="save"),
        Binding("enter", "enter", show=False, priority=True),
    ]
    title: str = ""
    subject: str = ""
    """A one-field form's label, leading any error about its value (`Kommentar: er for lang`)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield PlainLabel(self.title, classes="form-title")
            yield from self.compose_fields()
            yield Plain("", classes="form-error")
            yield Plain(t("form.hint.save"), classes="form-hint")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        """Focusing the first field must not scroll the title of a tall form out of sight."""
        self.call_after_refresh(self.query_one(".form").scroll_home, animate=False)
        self._initial = self._texts()

    def _texts(self) -> dict[str, str]:
        """Each text field's label and what it holds."""
        texts = {}
        for widget in self.query("Input, TextArea"):
            siblings = list(widget.parent.children) if widget.parent else []
            index = siblings.index(widget)
            label = siblings[index - 1] if index and siblings[index - 1].has_class("field-label") else None
            name = str(label.content) if isinstance(label, PlainLabel) else widget.id or ""
            texts[name] = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        return texts

    def typed_text(self) -> TypedText | None:
        """What was typed here and not saved, to be kept aside if the app ends with the form open."""
        initial = getattr(self, "_initial", {})
        changed = [(name, text) for name, text in self._texts().items() if text.strip() and text != initial.get(name)]
        if not changed:
            return None
        return TypedText(t("form.kept_aside", title=self.title), "\n".join(f"{n}: {v}" for n, v in changed))

    def build(self) -> T:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        try:
            result = self.build()
        except ValidationError as exc:
            self.show_error(describe_validation(exc, self.subject))
        except (SltError, ValueError) as exc:
            self.show_error(exc.sentence() if isinstance(exc, SltError) else str(exc))
        else:
            self.dismiss(result)

    def show_error(self, text: str) -> None:
        error = self.query_one(".form-error", Plain)
        error.update(text)
        if text:  # a tall form (a new forum at 80x24) scrolls; the reason must not stay below the fold
            self.call_after_refresh(error.scroll_visible, animate=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The hint under the form says what enter does in the field that has focus."""
        self.query_one(".form-hint", Plain).update(t(self.hint_for(event.widget)))

    def hint_for(self, widget: Widget) -> str:
        for node in widget.ancestors_with_self:
            if isinstance(node, SelectOverlay):
                return "form.hint.list"
            if isinstance(node, Select):
                return "form.hint.select"
            if isinstance(node, SelectionList):
                return "form.hint.choices"
            if isinstance(node, TextArea):
                return "form.hint.text"
            if isinstance(node, Input):
                return "form.hint.enter_saves" if node is list(self.query(Input))[-1] else "form.hint.enter_next"
        return "form.hint.save"

    def action_enter(self) -> None:
        """In a one-line field: the next field, or in the last one, save. Elsewhere, what enter does there
        (a new line in a text box, a drop-down opened or chosen from)."""
        field = self.focused
        if not isinstance(field, Input):
            raise SkipAction
        if field is list(self.query(Input))[-1]:
            self.action_submit()
        else:
            self.focus_next()

    def value(self, widget_id: str) -> Any:
        return self.query_one(f"#{widget_id}").value  # type: ignore[attr-defined]


def date_problem(exc: ValueError) -> str:
    """Why a typed date was refused, in the user's language: not a date, or a year out of range."""
    if isinstance(exc, DateRangeError):
        return t("validation.date_range", low=MIN_YEAR, high=MAX_YEAR)
    if isinstance(exc, NotInCalendarError):
        return t("validation.not_in_calendar", text=exc.text)
    return t("validation.not_a_date")


def describe_validation(exc: ValidationError, subject: str = "") -> str:
    """The first problem in the user's language, led by the field's label: `Frist: skriv datoen som …`;
    in a one-field form, by that field's label (`subject`), whatever the model calls the value."""
    problem = Labelled(exc)
    if subject:
        return f"{subject}: {describe(problem.error, current_language())}"
    return problem.sentence(current_language())


def field(label: str, widget) -> ComposeResult:
    yield PlainLabel(label, classes="field-label")
    yield widget
