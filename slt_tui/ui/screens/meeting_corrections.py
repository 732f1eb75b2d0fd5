"""Approved minutes on the meeting screen: what the header says of them, the edits that wait for a
correction, and `r`, which opens one.

A mixin of `MeetingScreen`, as `AgendaEditing` is. The correction itself, and the saving of every
change as part of it, belong to the app (`ui.corrections.MeetingChanges`): a correction lasts until
the meeting is left, whichever screen of it made the changes (the attendance too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from slt_tui.ui.corrections import ask_correction, correction_key_works, minutes_state

if TYPE_CHECKING:
    from slt_tui.ui.screens.meeting import MeetingScreen

    _Base = MeetingScreen
else:
    _Base = object


class MeetingCorrections(_Base):
    def may_edit(self) -> bool:
        """True when an edit can start; on approved minutes without a correction open, says so (and `r`)."""
        return self.slt.meeting_changes.may_edit(self.meeting_id)

    def locked(self) -> bool:
        """Approved minutes, no correction open: what is typed would not be saved."""
        return self.slt.meeting_changes.locked(self.meeting_id)

    def minutes_state(self) -> str:
        return minutes_state(self.meeting, self.app.repo.dataset, self.slt.meeting_changes.correction(self.meeting_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`r` comes with approved minutes; the clock and start/end, which a meeting held and approved
        has no use for, make room for it (three rows of keys at 80 columns in English otherwise)."""
        if action == "correct":
            return correction_key_works(self, self.meeting_id)
        if action in ("timer", "start_or_end") and correction_key_works(self, self.meeting_id):
            return False
        return super().check_action(action, parameters)

    def action_correct(self) -> None:
        self.save_notes()
        ask_correction(self, self.meeting_id)

    def on_unmount(self) -> None:
        """Leaving the meeting ends its correction: what comes later is a correction of its own."""
        from slt_tui.ui.screens.meeting import MeetingScreen

        still_open = any(isinstance(s, MeetingScreen) and s is not self and s.meeting_id == self.meeting_id
                         for s in self.app.screen_stack)
        if not still_open:
            self.slt.meeting_changes.close_correction(self.meeting_id)
