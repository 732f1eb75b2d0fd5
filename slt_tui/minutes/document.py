"""The one renderer: a meeting and the registers in, the minutes as Markdown (CommonMark + GFM tables) out.

The preview, the export and the HTML page all start here. Every piece of text a person typed goes
through `escape`, so that the document has exactly the headings and tables this module writes.
What the public variant leaves out is decided by `shows_content` and `shows_action`, which the
privacy scan uses as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from slt_tui.domain.clock import format_date
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.follow_up import raised_in, reviews_at
from slt_tui.domain.models import ActionItem, AgendaItem, AttendanceStatus, ItemKind, Meeting, MeetingStatus
from slt_tui.minutes.escape import block, cell, inline
from slt_tui.wording import (
    clock_time,
    coverage_line,
    guest_name,
    hhmm,
    linked_items,
    long_date,
    say,
    with_presence,
)


class Variant(StrEnum):
    INTERNAL = "internal"
    PUBLIC = "public"


def shows_content(item: AgendaItem, variant: Variant) -> bool:
    """Whether the minutes show an item's notes and decisions (a confidential one only internally)."""
    return variant is Variant.INTERNAL or not item.confidential


def shows_action(action: ActionItem, dataset: Dataset, variant: Variant) -> bool:
    """Whether the minutes show a point's text: not in public when it comes from a confidential item."""
    return shows_content(origin_item(action, dataset), variant)


def origin_item(action: ActionItem, dataset: Dataset) -> AgendaItem:
    item = dataset.meeting(action.origin.meeting).item(action.origin.item)
    assert item is not None, "the dataset guarantees an action's origin item"
    return item


@dataclass(frozen=True)
class Minutes:
    meeting: Meeting
    dataset: Dataset
    variant: Variant = Variant.INTERNAL
    lang: str = "nb"
    municipality: str = ""

    def say(self, key: str, **params: object) -> str:
        return say(key, self.lang, **params)


def render(meeting: Meeting, dataset: Dataset, variant: Variant = Variant.INTERNAL, lang: str = "nb",
           municipality: str = "") -> str:
    """The minutes of `meeting` as Markdown, in `lang`, with what `variant` may show."""
    minutes = Minutes(meeting, dataset, Variant(variant), lang, municipality)
    blocks = [*_header(minutes), *_attendance(minutes), *_agenda(minutes), *_follow_up(minutes),
              *_new_actions(minutes), *_next_meeting(minutes)]
    return "\n\n".join(blocks) + "\n"


# Sections -------------------------------------------------------------------------------------------


def _header(m: Minutes) -> Iterator[str]:
    meeting, dataset = m.meeting, m.dataset
    yield "# " + inline(m.say("minutes.title", forum=dataset.forum(meeting.forum).name))
    yield "*" + m.say(f"minutes.variant.{m.variant.value}") + "*"
    fields = []
    if m.municipality:
        fields.append(("minutes.label.municipality", m.municipality))
    fields += [
        ("minutes.label.date", long_date(meeting.starts_at.date(), m.lang)),
        ("minutes.label.time", _time(m)),
        ("minutes.label.place", meeting.location or m.say("minutes.not_set")),
        ("minutes.label.chair", _person(m, meeting.chair)),
        ("minutes.label.minute_taker", _person(m, meeting.minute_taker)),
    ]
    yield "\n".join(f"- **{m.say(label)}:** {inline(value)}" for label, value in fields)


def _attendance(m: Minutes) -> Iterator[str]:
    meeting, dataset = m.meeting, m.dataset
    yield "## " + m.say("minutes.attendance")
    rows = []
    marked = {a.person: a for a in meeting.attendance}
    people = list(dict.fromkeys([*dataset.forum(meeting.forum).members, *marked]))
    for person_id in people:
        person = dataset.person(person_id)
        entry = marked.get(person_id)
        if entry is None:
            rows.append((person.agency, person.name, m.say("minutes.unmarked")))
        elif entry.status is AttendanceStatus.SUBSTITUTE:
            status = m.say("minutes.substitute_for", name=person.name)
            rows.append((person.agency, entry.substitute, with_presence(status, meeting, entry, m.lang)))
        else:
            status = m.say(f"attendance.{entry.status.value}")
            rows.append((person.agency, person.name, with_presence(status, meeting, entry, m.lang)))
    rows += [(g.affiliation, guest_name(g), with_presence(m.say("attendance.guest"), meeting, g, m.lang))
             for g in meeting.guests]
    if not rows:
        yield m.say("minutes.no_attendance")
        return
    order = {a.code: n for n, a in enumerate(dataset.agencies)}
    rows.sort(key=lambda row: order.get(row[0], len(order)))  # stable: members keep the forum's order
    yield _table(
        [m.say("minutes.col.agency"), m.say("minutes.col.name"), m.say("minutes.col.attendance")],
        [(_agency(m, code), name, status) for code, name, status in rows],
    )
    line = coverage_line(meeting, dataset, m.lang, names=True)
    if line:
        yield inline(line)


def _agenda(m: Minutes) -> Iterator[str]:
    yield "## " + m.say("minutes.agenda")
    if not m.meeting.agenda:
        yield m.say("minutes.no_items")
    for item in m.meeting.agenda:
        yield "### " + inline(m.say("minutes.item", number=item.number, title=item.title))
        about = [m.say("minutes.item.kind", kind=m.say(f"kind.item.{item.kind.value}"))]
        if item.presenter and shows_content(item, m.variant):  # a confidential case's presenter may name whom
            about.append(m.say("minutes.item.presenter", name=item.presenter))
        about += [f"{link[:1].upper()}{link[1:]}." for link in linked_items(m.dataset, item, m.lang)]
        yield inline(" ".join(about))
        if item.kind is ItemKind.FOLLOW_UP:
            yield inline(m.say("minutes.item.see_follow_up", section=m.say("minutes.follow_up")))
        if item.confidential:
            key = "minutes.confidential.internal" if m.variant is Variant.INTERNAL else "minutes.confidential.public"
            yield "*" + inline(m.say(key, basis=item.legal_basis)) + "*"
        if not shows_content(item, m.variant):
            continue
        if item.notes.strip():  # notes are stored as typed, outer blank lines included
            yield block(item.notes.strip())
        for decision in item.decisions:
            yield f"**{m.say('minutes.decision')}**"
            yield block(decision.text)


def _follow_up(m: Minutes) -> Iterator[str]:
    rows = []
    for review in reviews_at(m.meeting, m.dataset):
        action, update = review.action, review.update
        status = m.say(f"action.{review.status.value}")
        if update is None:
            status = m.say("minutes.not_reviewed", status=status)
        shown = shows_action(action, m.dataset, m.variant)
        rows.append((
            origin_item(action, m.dataset).number,
            action.title if shown else m.say("minutes.withheld"),
            _agency(m, action.agency),
            status,
            update.comment if update and shown else "",
            format_date(review.due),
        ))
    yield from _table_section(m, "follow_up", ("item", "what", "agency", "status", "comment", "due"), rows)


def _new_actions(m: Minutes) -> Iterator[str]:
    rows = []
    for action in raised_in(m.meeting, m.dataset):
        shown = shows_action(action, m.dataset, m.variant)
        owner = m.dataset.person(action.owner).name if action.owner and shown else ""
        rows.append((origin_item(action, m.dataset).number,
                     action.title if shown else m.say("minutes.withheld"),
                     _agency(m, action.agency), owner, format_date(action.due)))
    yield from _table_section(m, "new_actions", ("item", "what", "agency", "owner", "due"), rows)


def _next_meeting(m: Minutes) -> Iterator[str]:
    yield "## " + m.say("minutes.next")
    later = [x for x in m.dataset.meetings_of(m.meeting.forum)
             if x.starts_at > m.meeting.starts_at and x.status is MeetingStatus.PLANNED]
    when = later[0].starts_at if later else m.meeting.next_meeting_at
    if when is None:
        yield m.say("minutes.next.unset")
        return
    text = m.say("minutes.next.at", date=long_date(when.date(), m.lang), time=clock_time(when, m.lang))
    if later and later[0].location:
        text += f", {later[0].location}"
    yield inline(text)


# Pieces ---------------------------------------------------------------------------------------------


def _table_section(m: Minutes, name: str, columns: Iterable[str], rows: list[tuple[str, ...]]) -> Iterator[str]:
    """A section of one table: `## <minutes.name>`, then the table, or `minutes.no_<name>` when empty."""
    yield "## " + m.say(f"minutes.{name}")
    if rows:
        yield _table([m.say(f"minutes.col.{c}") for c in columns], rows)
    else:
        yield m.say(f"minutes.no_{name}")


def _table(headers: list[str], rows: Iterable[Iterable[str]]) -> str:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _time(m: Minutes) -> str:
    meeting = m.meeting
    if meeting.started_at is None:
        return m.say("minutes.time.planned", start=clock_time(meeting.starts_at, m.lang))
    if meeting.ended_at is None:
        return m.say("minutes.time.running", start=clock_time(meeting.started_at, m.lang))
    return m.say("minutes.time.span", start=hhmm(meeting.started_at, m.lang), end=hhmm(meeting.ended_at, m.lang))


def _person(m: Minutes, person_id: str | None) -> str:
    if person_id is None:
        return m.say("minutes.not_set")
    person = m.dataset.person(person_id)
    return m.say("minutes.person", name=person.name, agency=_agency(m, person.agency))


def _agency(m: Minutes, code: str) -> str:
    return m.dataset.agency(code).name if m.dataset.has("agencies", code) else code
