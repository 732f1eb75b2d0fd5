"""Keys typed ahead are taken in order, by the widget they were typed for.

Textual hands each key to the widget that has focus by posting it to that widget's queue, and hands
the next key at once, before the first one has done anything; a key no widget takes comes back to the
app to find its binding behind the keys already waiting; and a widget that moves focus does it through
the app's queue, behind them too. A key that moves focus (enter or tab in a form, `d` opening the
decision form, enter opening a drop-down) therefore had the keys typed after it sent to where focus was:
over a slow link, which delivers what was typed in one packet, a whole form's answers landed in its
first field, and the first letters of a decision worked as the meeting screen's keys.

`KeysInOrder` (for the app) takes one key (or paste) at a time. A key that no text field takes runs its
binding at once, as Textual would once it had bubbled back. Then the app waits until the widget that
got the key, the containers its messages bubble through, and the screen in front (a form just opened)
have taken everything handed to them, and lets its own queue (focus moves) run before the next key.
Each wait is one turn of a queue, at most `LIMIT` seconds.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from typing import Any

from textual import events
from textual.dom import DOMNode, NoScreen
from textual.message import Message
from textual.message_pump import MessagePump

SETTLE_TURNS = 10
"""Turns a screen just opened gets to mount and focus its first field (one or two suffice; a screen
with nothing to focus uses them all, a few milliseconds)."""
LIMIT = 0.5
"""Seconds to wait for one widget, at most: a widget busy for longer does not hold up the keyboard."""

Typed = events.Key | events.Paste


async def taken(node: MessagePump, limit: float = LIMIT) -> None:
    """Wait until `node` has handled every message handed to it before now."""
    done = asyncio.Event()
    if not node.call_later(done.set):  # it no longer takes messages
        return
    with suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), limit)


class KeyTaken(Message):
    """The last key has been taken; what the app was asked meanwhile (a focus move) came before this."""


class KeysInOrder:
    """Mixin for the `App`: a key is handed on only once the one before it has been taken."""

    _waiting: list[Typed]
    _busy: bool = False

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, Typed) or event.is_forwarded:
            await super().on_event(event)  # type: ignore[misc]
            return
        if not hasattr(self, "_waiting"):
            self._waiting = []
        if self._busy:
            self._waiting.append(event)
            return
        await self._take(event)

    async def on_key_taken(self, _: KeyTaken) -> None:
        self._busy = False
        if self._waiting:
            await self._take(self._waiting.pop(0))

    async def _take(self, event: Typed) -> None:
        app: Any = self
        self._busy = True
        writer = getattr(app, "writer", None)
        if writer is not None and writer.pending and not getattr(event, "_after_saves", False):
            # The last key saved something (a question answered: an item deleted). This key comes after
            # the save has landed and the screens have redrawn: once, however long the disk takes.
            await asyncio.to_thread(writer.flush, LIMIT)
            event._after_saves = True  # type: ignore[union-attr]
            self._waiting.insert(0, event)
            app.post_message(KeyTaken())  # behind the save's message
            return
        try:
            await taken(app.screen)  # what the last key's saves changed is on the screen first
            if app.focused is None:  # a screen just back on top (a question answered) restores its focus
                await self._focus_settled(app.screen)
            focused = app.focused
            target: DOMNode = focused or app.screen
            # A key no text field takes (`a`, `down`, `escape`, enter outside a field) runs its binding now,
            # as Textual would once it had bubbled back to the app. Text goes to its field.
            handled = False
            if isinstance(event, events.Key) and (focused is None or not focused.check_consume_key(
                    event.key, event.character)):
                handled = (await app._check_bindings(event.key, priority=True)
                           or await app._check_bindings(event.key))
            if not handled:
                await super().on_event(event)  # type: ignore[misc]
            await self._settle(target)
        finally:
            app.post_message(KeyTaken())  # behind whatever the key asked of the app

    async def _settle(self, target: DOMNode) -> None:
        app: Any = self
        for node in [target, *target.ancestors]:  # the key, then what it bubbled up
            if node is app:
                break
            await taken(node)
        with suppress(NoScreen):
            if app.screen is not target.screen:  # a screen opened (or closed): the next key is for its focus
                await self._focus_settled(app.screen)

    @staticmethod
    async def _focus_settled(screen: Any) -> None:
        for _ in range(SETTLE_TURNS):
            await taken(screen)
            if screen.focused is not None:
                break
