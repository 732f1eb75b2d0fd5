"""The selected agenda item on the meeting screen: its full title, the notes editor with the free
height, warnings that wrap (never cut), and its decisions and follow-up points as a compact list.

The widget knows nothing of saving. Typed notes that differ from what is stored are announced with a
`NotesTyped` message when typing pauses, and at the latest `NOTES_LATEST` after the first unsaved key
however fast one types; whoever holds the data saves them. `typed()` hands over what is unsaved at
once (leaving the item, the screen or the app).
"""

from __future__ import annotations

import time
from contextlib import suppress

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import TextArea
from textual.worker import get_current_worker

from slt_tui.domain import AgendaItem, Dataset, ItemKind, Meeting
from slt_tui.domain.clock import format_date
from slt_tui.domain.follow_up import CARRIED_FLAG, raised_in, reviews_at, times_carried
from slt_tui.domain.series import is_steering, looks_individual
from slt_tui.domain.text import NOTES_MAX, clean_notes
from slt_tui.i18n import grouped, t
from slt_tui.minutes.privacy import kinds_in
from slt_tui.ui.keys import KeysInLanguage
from slt_tui.ui.widgets.plain import Plain
from slt_tui.wording import linked_items

LIST_LINES = 6
"""Lines the decisions and follow-up points take under the notes at most at 80×24, a third of the height
on a taller screen (the minutes show them all)."""
PRIVACY_PAUSE = 0.2
"""Seconds after a key before the item's text is scanned for personal data."""
NOTES_PAUSE = 0.4
"""Seconds after typing stops before the notes are announced for saving."""
NOTES_LATEST = 0.6
"""Seconds after the first unsaved keystroke by which the notes are announced, even while typing goes
on: with the write itself, what was typed a second ago is on disk."""


def actions_text(dataset: Dataset, meeting: Meeting, item: AgendaItem) -> str:
    """The item's new follow-up points; for the follow-up item, every point carried into the meeting."""
    lines = []
    if item.kind is ItemKind.FOLLOW_UP:
        reviews = reviews_at(meeting, dataset)
        if reviews:
            lines.append(t("detail.carried", count=len(reviews)) + " " + t("detail.review_hint"))
        for r in reviews:
            status = t(f"action.{r.status.value}") if r.update else t("detail.not_reviewed")
            carried = times_carried(r.action, meeting, dataset)
            flag = f" ⚑{t('detail.carried_times', count=carried)}" if carried >= CARRIED_FLAG else ""
            lines.append(f"• {r.action.title} — {r.action.agency}, {format_date(r.due)}, {status}{flag}")
    mine = [a for a in raised_in(meeting, dataset) if a.origin.item == item.id]
    if mine:
        lines.append(t("detail.actions"))
        lines += [f"• {a.title} — {a.agency}, {format_date(a.due)}" for a in mine]
    return "\n".join(lines)


def decisions_text(item: AgendaItem) -> str:
    return "\n".join([t("detail.decisions"), *(f"• {d.text}" for d in item.decisions)]) if item.decisions else ""


def at_most(text: str, lines: int) -> str:
    """The first `lines` lines of a list, the last saying how many more there are (`m` shows them all)."""
    rows = text.splitlines()
    if len(rows) <= lines:
        return text
    return "\n".join([*rows[:lines - 1], t("detail.more", count=len(rows) - lines + 1)])


def shared(decisions: str, actions: str, lines: int = LIST_LINES) -> tuple[str, str]:
    """Decisions and points in `lines` lines together, so that the notes keep their room; when they do
    not fit, each keeps at least half (or what the other leaves), and says how many more there are."""
    d, a = len(decisions.splitlines()), len(actions.splitlines())
    if d + a <= lines:
        return decisions, actions
    room = min(d, max(lines - a, lines // 2))
    return at_most(decisions, room), at_most(actions, lines - room)


class NotesEditor(KeysInLanguage, TextArea):
    """The notes editor. Letters are text here, so the footer shows the one way out: escape.

    `locked` (approved minutes, no correction open): the editor shows the notes and takes every key that
    would type, changing nothing, so that text typed into it neither works as the meeting's keys nor is
    lost unsaid: the first such key asks the screen to say why (`Refused`), once while it has focus.
    """

    BINDINGS = [Binding("escape", "screen.back", "key.notes_done", id="notes_done")]

    class Refused(Message):
        """A key meant to type into locked notes."""

    locked = False
    lock_said = False
    """Why nothing is typed has been said since the editor got focus."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if self.locked:
            return _types(key, character)
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if self.locked and _types(event.key, event.character):
            self._refuse(event)

    async def _on_paste(self, event: events.Paste) -> None:
        if self.locked:
            self._refuse(event)

    def _refuse(self, event: events.Key | events.Paste) -> None:
        event.stop()
        event.prevent_default()  # TextArea's own handler, under this one, is not called
        if not self.lock_said:
            self.lock_said = True
            self.post_message(self.Refused())

    def on_blur(self, event: events.Blur) -> None:
        self.lock_said = False


def _types(key: str, character: str | None) -> bool:
    return (character is not None and character.isprintable()) or key in ("enter", "backspace", "delete")


class ItemDetail(Vertical):
    class NotesTyped(Message):
        """Notes typed into an item differ from what the file holds: save them."""

        def __init__(self, item_id: str, text: str) -> None:
            super().__init__()
            self.item_id, self.text = item_id, text

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._item: AgendaItem | None = None  # as the file holds it, from the last `show`
        self._steering = False
        self._pause: Timer | None = None  # restarted by every key: fires when typing pauses
        self._deadline: Timer | None = None  # started by the first unsaved key, never restarted

    def compose(self) -> ComposeResult:
        yield Plain(id="item-title")
        yield Plain(id="item-meta")
        editor = NotesEditor(id="notes", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        editor.border_title = t("detail.notes")
        yield editor
        yield Plain(id="privacy")
        with Vertical(id="lists"):
            yield Plain(id="decisions", classes="list")
            yield Plain(id="actions", classes="list")

    @property
    def editor(self) -> NotesEditor:
        return self.query_one("#notes", NotesEditor)

    # Showing -----------------------------------------------------------------------------------

    def show(self, dataset: Dataset, meeting: Meeting, item: AgendaItem | None, *, readonly: bool,
             locked: bool = False) -> None:
        """Show `item` as the file holds it; what is being typed into the same item stays in the editor.
        `locked`: approved minutes, no correction open (`NotesEditor`)."""
        editor = self.editor
        editor.read_only = readonly or locked  # nothing typed goes unsaved
        editor.locked = locked
        shown, self._item = self._item, item
        self._steering = item is not None and is_steering(dataset, meeting.forum)
        if item is None:
            self._update("#item-title", t("detail.empty"))
            for widget_id in ("#item-meta", "#decisions", "#actions"):
                self._update(widget_id, "")
            editor.disabled = True
            self._show_warnings([])
            return
        editor.disabled = False
        self._update("#item-title", Text(t("detail.case", number=item.number, title=item.title), style="bold"))
        meta = [t(f"kind.item.{item.kind.value}"), t("detail.planned", minutes=item.planned_minutes)]
        if item.presenter:
            meta.append(item.presenter)
        if item.confidential:
            meta.append(t("detail.confidential", basis=item.legal_basis))
        meta += linked_items(dataset, item)
        self._update("#item-meta", " · ".join(meta))
        # The editor keeps what is being typed into the same item; a session that only reads shows what
        # the writing one saved; once saved, the editor shows exactly what the file holds.
        if shown is None or shown.id != item.id or (readonly and editor.text != item.notes):
            self.stop_timers()
            editor.load_text(item.notes)
        elif editor.text != item.notes and clean_notes(editor.text) == item.notes:
            cursor = editor.cursor_location
            editor.load_text(item.notes)
            editor.cursor_location = editor.clamp_visitable(cursor)
        lines = max(LIST_LINES, self.size.height // 3)  # a taller screen lists more
        decisions, actions = shared(decisions_text(item), actions_text(dataset, meeting, item), lines)
        self._update("#decisions", decisions)
        self._update("#actions", actions)
        self.scan(editor.text)

    def _update(self, selector: str, content: str | Text) -> None:
        """A part's new content; nothing is sent to the terminal when it is what the part shows."""
        part = self.query_one(selector, Plain)
        part.say(content)
        part.display = bool(str(content))

    def scan(self, notes: str) -> None:
        """Warn on the item as it is typed: personal data in its text; an individual case at steering
        level. On a thread, a moment after typing: on a long note full of numbers the scan takes long
        enough that, on the loop, every key would wait for it."""
        item = self._item
        texts = [] if item is None else [item.title, notes, *(d.text for d in item.decisions)]
        self._scan(texts, self._steering, len(notes))

    @work(thread=True, exclusive=True, group="privacy")
    def _scan(self, texts: list[str], steering: bool, length: int) -> None:
        worker = get_current_worker()
        time.sleep(PRIVACY_PAUSE)  # a newer scan, started by the next key, makes this one moot
        if worker.is_cancelled:
            return
        kinds = kinds_in("\n".join(texts))
        warnings = [t("privacy.warning", kinds=", ".join(t(f"privacy.kind.{k.value}") for k in kinds))] if kinds else []
        if length > NOTES_MAX:  # said rather than failing at every pause; the text stays in the editor
            warnings.insert(0, t("notes.too_long", length=grouped(length), limit=grouped(NOTES_MAX)))
        if steering and looks_individual(*texts):
            warnings.append(t("escalate.steering_warning"))
        if not worker.is_cancelled:
            with suppress(RuntimeError):  # the app has ended meanwhile
                self.app.call_from_thread(self._show_warnings, warnings)

    def _show_warnings(self, warnings: list[str]) -> None:
        # The scan may end after the screen was left, or while the app ends and its parts go one by one.
        if self.is_attached and self.query("#privacy"):
            self._update("#privacy", "\n".join(warnings))

    # Typing ------------------------------------------------------------------------------------

    def typed(self) -> tuple[str, str] | None:
        """`(item id, text)` when the editor holds text the file does not (and could hold), else None."""
        unsaved = self.unsaved()
        return None if unsaved is None or len(unsaved[1]) > NOTES_MAX else (unsaved[0].id, unsaved[1])

    def unsaved(self) -> tuple[AgendaItem, str] | None:
        """The item and the cleaned text when they differ, whatever the length (kept aside at the end)."""
        item = self._item
        text = clean_notes(self.editor.text)
        return None if item is None or text == item.notes else (item, text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.scan(event.text_area.text)
        if self.unsaved() is None:  # nothing that saving would change
            self.stop_timers()
            return
        # A pause, and at the latest NOTES_LATEST after the first unsaved key: the deadline is never
        # restarted (a timer restarted at every key once never fired).
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.set_timer(NOTES_PAUSE, self.announce)
        if self._deadline is None:
            self._deadline = self.set_timer(NOTES_LATEST, self.announce)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget is self.editor:
            self.announce()

    def announce(self) -> None:
        """Say the typed notes (if any) to the screen, to be saved."""
        self.stop_timers()
        typed = self.typed()
        if typed is not None:
            self.post_message(self.NotesTyped(*typed))

    def stop_timers(self) -> None:
        for timer in (self._pause, self._deadline):
            if timer is not None:
                timer.stop()
        self._pause = self._deadline = None
