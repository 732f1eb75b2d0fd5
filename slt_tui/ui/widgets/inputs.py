"""The one-line text field of every form.

Textual's `Input` keeps only the first line of a paste and drops the rest without a word; a title or a
name pasted from a mail often spans two lines. Here the lines are joined with a space, so nothing
pasted is lost (the model folds white space in one-line text the same way).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class LineInput(Input):
    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Textual runs each class's handler: Input's own would insert line one again
        if event.text:
            line = " ".join(event.text.splitlines())
            if self.selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *self.selection)
        event.stop()
