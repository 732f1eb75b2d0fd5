"""What every slt-tui screen has: it redraws from the store when told the data changed, and hands
over what it holds unsaved when the app is about to end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.message import Message
from textual.screen import ModalScreen, Screen

from slt_tui.ui.keys import KeysInLanguage

if TYPE_CHECKING:
    from slt_tui.domain import Dataset
    from slt_tui.ui.app import SltApp


@dataclass(frozen=True)
class TypedNotes:
    """Notes as they stand in an editor: whether they reached the file is asked of the data."""

    meeting_id: str
    item_id: str
    heading: str
    text: str

    def saved_in(self, dataset: Dataset) -> bool:
        meeting = next((m for m in dataset.meetings if m.id == self.meeting_id), None)
        item = meeting.item(self.item_id) if meeting is not None else None
        return item is not None and item.notes == self.text


@dataclass(frozen=True)
class TypedText:
    """What was typed into a form that was never saved (the app ended with it open): kept aside."""

    heading: str
    text: str

    def saved_in(self, dataset: Dataset) -> bool:
        return False


class DataChanged(Message):
    """The stored data changed: a save landed, another session saved, or a save failed (`failed`: what
    the screen showed before asking for it is what is true). Redraw from the store."""

    def __init__(self, *, failed: bool = False) -> None:
        super().__init__()
        self.failed = failed


class AfterSave(Message):
    """What the code that asked for a save does next, once it has landed and the screen has redrawn."""

    def __init__(self, done: Callable[[Any], None], result: Any) -> None:
        super().__init__()
        self.done, self.result = done, result


class SltScreen(KeysInLanguage, Screen):
    @property
    def slt(self) -> SltApp:
        """The app, typed: every screen's path from a key to the file is visible to a type checker."""
        return cast("SltApp", self.app)

    def refresh_view(self) -> None:
        """Redraw everything from the store."""

    def save_pending(self) -> None:
        """Hand anything typed but not yet saved to the writer (the app is about to end)."""

    def typed_notes(self) -> TypedNotes | None:
        """Notes typed here that are not (yet) what the file holds; kept aside if they never get there."""
        return None

    _stale: bool = False
    """The data changed while another screen was on top: redrawn when this one is back."""

    def on_data_changed(self, message: DataChanged) -> None:
        if message.failed:
            self.save_failed()
        self.refresh_view()

    def save_failed(self) -> None:
        """A save did not land: forget what was counted on from it."""

    def changed_while_hidden(self, *, failed: bool) -> None:
        """The data changed while another screen covers this one: redraw when this one is back. Told by a
        plain call, not a message: a hidden screen that handles a message repaints the whole terminal
        (Textual refreshes the shown screen with the hidden one's regions), for nothing to see."""
        if failed:
            self.save_failed()
        self._stale = True

    def in_sight(self) -> bool:
        """On top, or under dialogs only (a form, a question), around which it is seen."""
        stack = self.app.screen_stack
        return self in stack and all(isinstance(s, ModalScreen) for s in stack[stack.index(self) + 1:])

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_view()

    def on_after_save(self, message: AfterSave) -> None:
        message.done(message.result)
