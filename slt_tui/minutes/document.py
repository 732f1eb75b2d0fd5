"""The one renderer: a meeting and the registers in, the minutes as Markdown (CommonMark + GFM tables) out.

The minutes read as a Norwegian municipality's møtereferat: the meeting's details and who was there
(Til stede, Forfall, Andre til stede) as lines, the status of the minutes (draft, approved where),
the attendance table; each case with its notes, its decisions and the follow-up points it raised
(the review of earlier points inside the follow-up case); the next meeting, when the meeting closed,
the minute-taker and Kopi til; and any corrections made after approval.

The preview, the export and the HTML all start here. Every piece of text a person typed goes
through `escape`, so that the document has exactly the headings, lists and tables this module writes.
What the public variant leaves out is decided by `shows_content` and `shows_action`, which the
privacy scan uses as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from slt_tui.domain.approval import approval_of, as_approved
from slt_tui.domain.clock import format_date
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.follow_up import raised_in, reviews_at
from slt_tui.domain.models import (
    ActionItem,
    AgendaItem,
    AttendanceStatus,
    ItemKind,
    ItemPurpose,
    Meeting,
    MeetingStatus,
)
from slt_tui.minutes.escape import block, inline
from slt_tui.minutes.parts import (
    Variant,
    Writing,
    about_guest,
    about_person,
    agency_name,
    bracketed,
    meeting_time,
    person_with_agency,
    table,
)
from slt_tui.wording import (
    clock_time,
    coverage_line,
    guest_name,
    linked_items,
    long_date,
    presence,
    say,
    table_date_time,
    with_presence,
)


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


Minutes = Writing
"""The minutes being written."""


def render(meeting: Meeting, dataset: Dataset, variant: Variant = Variant.INTERNAL, lang: str = "nb",
           municipality: str = "") -> str:
    """The minutes of `meeting` as Markdown, in `lang`, with what `variant` may show; approved minutes
    name people, agencies and the forum as they were when approved."""
    m = Minutes(meeting, as_approved(meeting, dataset), Variant(variant), lang, municipality)
    if meeting.status is MeetingStatus.CANCELLED:  # nothing was held: no attendance, no cases
        blocks = [*_header(m, []), *_closing(m), *_corrections(m)]
    else:
        people = _attendees(m)
        blocks = [*_header(m, people), *_attendance_table(m, people), *_cases(m), *_follow_up_section(m),
                  *_closing(m), *_corrections(m)]
    return "\n\n".join(blocks) + "\n"


# The head of the minutes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Attendee:
    """One row of the attendance: a member as marked (or not), a substitute, or a guest."""

    agency: str
    """The agency's code, or a guest's organisation as written: the table's order and first column."""
    name: str
    """The name as the table shows it."""
    status: str
    """The status as the table shows it: `til stede`, `vara for …`, `forfall fra sak 12/26`; empty for a
    member whose substitute came, who has no row of their own (the substitute's row says for whom)."""
    line: str
    """Which header line lists them: `present`, `excused`, `absent`, `unmarked` or `guests`."""
    about: str
    """How that line names them: `Siri Nygårdsli (Politiet, forebyggende politi)`."""


def _header(m: Minutes, people: list[_Attendee]) -> Iterator[str]:
    meeting, dataset = m.meeting, m.dataset
    yield "# " + inline(m.say("minutes.title", forum=dataset.forum(meeting.forum).name))
    yield "*" + m.say(f"minutes.variant.{m.variant.value}") + "*"
    yield f"**{m.say('minutes.label.status')}:** {inline(_status(m))}"
    fields = []
    if m.municipality:
        fields.append(("minutes.label.municipality", m.municipality))
    if meeting.archive_ref:
        fields.append(("minutes.label.archive", meeting.archive_ref))
    fields += [
        ("minutes.label.date", long_date(meeting.starts_at.date(), m.lang)),
        ("minutes.label.time", meeting_time(meeting, m.lang)),
        ("minutes.label.place", meeting.location or m.say("minutes.not_set")),
        ("minutes.label.chair", person_with_agency(dataset, meeting.chair, m.lang)),
        ("minutes.label.minute_taker", person_with_agency(dataset, meeting.minute_taker, m.lang)),
    ]
    if meeting.status is not MeetingStatus.CANCELLED:
        fields += _attendance_lines(m, people)
    yield "\n".join(f"- **{m.say(label)}:** {inline(value)}" for label, value in fields)


def _status(m: Minutes) -> str:
    """Cancelled; approved (where); awaiting approval (at which case, when planned); or a draft."""
    meeting = m.meeting
    if meeting.status is MeetingStatus.CANCELLED:
        return m.say("minutes.status.cancelled")
    if meeting.status is not MeetingStatus.CLOSED:
        return m.say("minutes.status.draft")
    approval = approval_of(meeting, m.dataset)
    if approval is not None:
        text = m.say("minutes.status.approved", date=format_date(approval.meeting.starts_at),
                     number=approval.item.number)
        if meeting.corrections:
            text += " " + m.say("minutes.status.corrected", section=m.say("minutes.corrections"))
        return text
    for later in m.dataset.meetings_of(meeting.forum):
        item = next((i for i in later.agenda if i.approves == meeting.id), None)
        if item is not None:
            return m.say("minutes.status.awaiting_at", date=format_date(later.starts_at), number=item.number)
    return m.say("minutes.status.awaiting")


def _attendees(m: Minutes) -> list[_Attendee]:
    """Everyone the attendance knows of, in the order of the agency register (members in the forum's
    order within an agency), then the guests by their agency or organisation."""
    meeting, dataset = m.meeting, m.dataset
    rows: list[_Attendee] = []
    marked = {a.person: a for a in meeting.attendance}
    for person_id in dict.fromkeys([*dataset.forum(meeting.forum).members, *marked]):
        person = dataset.person(person_id)
        entry = marked.get(person_id)
        if entry is None:
            rows.append(_Attendee(person.agency, person.name, m.say("minutes.unmarked"), "unmarked",
                                  about_person(dataset, person)))
            continue
        part = presence(meeting, entry, m.lang)
        if entry.status is AttendanceStatus.SUBSTITUTE:
            errand = m.say("minutes.substitute_for", name=person.name)
            rows.append(_Attendee(person.agency, entry.substitute, with_presence(errand, meeting, entry, m.lang),
                                  "present", bracketed(entry.substitute, agency_name(dataset, person.agency),
                                                       errand, part)))
            # The member the substitute came for has sent word: Forfall, as the minutes say it.
            rows.append(_Attendee(person.agency, person.name, "", "excused", about_person(dataset, person)))
            continue
        status = m.say(f"attendance.{entry.status.value}")
        line = {AttendanceStatus.PRESENT: "present", AttendanceStatus.EXCUSED: "excused",
                AttendanceStatus.ABSENT: "absent"}[entry.status]
        about = about_person(dataset, person, part) if line == "present" else about_person(dataset, person)
        rows.append(_Attendee(person.agency, person.name, with_presence(status, meeting, entry, m.lang), line, about))
    for guest in meeting.guests:
        rows.append(_Attendee(guest.affiliation, guest_name(guest),
                              with_presence(m.say("attendance.guest"), meeting, guest, m.lang), "guests",
                              about_guest(dataset, guest, presence(meeting, guest, m.lang))))
    order = {a.code: n for n, a in enumerate(dataset.agencies)}
    return sorted(rows, key=lambda row: order.get(row.agency, len(order)))  # stable: the forum's order stays


def _attendance_lines(m: Minutes, people: list[_Attendee]) -> list[tuple[str, str]]:
    """Til stede and Forfall always (`ingen` when none); Ikke møtt, not recorded and Andre til stede
    when anyone is. Nobody recorded at all is said once."""
    if all(p.line == "unmarked" for p in people):
        return [("minutes.label.present", m.say("minutes.unmarked"))]
    lines = []
    for line in ("present", "excused", "absent", "unmarked", "guests"):
        names = [p.about for p in people if p.line == line]
        if names or line in ("present", "excused"):
            lines.append((f"minutes.label.{line}", ", ".join(names) or m.say("minutes.none")))
    return lines


def _attendance_table(m: Minutes, people: list[_Attendee]) -> Iterator[str]:
    """The attendance by agency, and the agencies' coverage; nothing while no one is recorded."""
    rows = [p for p in people if p.status]
    if all(p.line == "unmarked" for p in rows):
        return
    yield table([m.say("minutes.col.agency"), m.say("minutes.col.name"), m.say("minutes.col.attendance")],
                [(agency_name(m.dataset, p.agency), p.name, p.status) for p in rows])
    line = coverage_line(m.meeting, m.dataset, m.lang, names=True)
    if line:
        yield inline(line)


# The cases ------------------------------------------------------------------------------------------


def _cases(m: Minutes) -> Iterator[str]:
    yield "## " + m.say("minutes.agenda")
    if not m.meeting.agenda:
        yield m.say("minutes.no_items")
    raised = raised_in(m.meeting, m.dataset)
    review_at = _follow_up_item(m)
    for item in m.meeting.agenda:
        yield "### " + inline(m.say("minutes.item", number=item.number, title=item.title))
        about = []
        if shows_content(item, m.variant):  # a confidential case's presenter may name whom, its links where it went
            if item.presenter:
                about.append(m.say("minutes.item.presenter", name=item.presenter))
            about += [f"{_capitalised(link)}." for link in linked_items(m.dataset, item, m.lang)]
        if about:
            yield inline(" ".join(about))
        if item.confidential:
            key = "minutes.confidential.internal" if m.variant is Variant.INTERNAL else "minutes.confidential.public"
            yield "*" + inline(m.say(key, basis=item.legal_basis)) + "*"
        points = [a for a in raised if a.origin.item == item.id]
        if shows_content(item, m.variant):
            yield from _content(m, item, reviews=item is review_at, raised=bool(points))
        if points:
            yield f"**{m.say('minutes.follow_up_points')}**"
            yield "\n".join("- " + _point(m, action) for action in points)


def _content(m: Minutes, item: AgendaItem, *, reviews: bool, raised: bool) -> Iterator[str]:
    """An item's notes, decisions and, in the follow-up case, the review of the earlier points. A
    briefing ends "Tatt til orientering." when nothing was decided; an empty Eventuelt, "Ingen saker"."""
    if item.notes.strip():  # notes are stored as typed, outer blank lines included
        yield block(item.notes.strip())
    if reviews:
        yield from _reviews(m)
    for decision in item.decisions:
        yield f"**{m.say('minutes.decision')}**"
        yield block(decision.text)
    if m.meeting.status is not MeetingStatus.CLOSED or item.decisions or item.kind is not ItemKind.BRIEFING:
        return
    if _is_other_business(m, item):
        if not item.notes.strip() and not raised:
            yield m.say("minutes.no_items")
    else:
        yield m.say("minutes.briefing_noted")


def _follow_up_item(m: Minutes) -> AgendaItem | None:
    """The case the earlier points are reviewed in: the first follow-up case."""
    return next((i for i in m.meeting.agenda if i.kind is ItemKind.FOLLOW_UP), None)


def _is_other_business(m: Minutes, item: AgendaItem) -> bool:
    """Eventuelt: titled as the forum's standing item for other business, or as the standard one."""
    forum = m.dataset.forum(m.meeting.forum)
    titles = {s.title for s in forum.standing_items if s.purpose is ItemPurpose.OTHER_BUSINESS}
    return item.title in titles | {say("agenda.standard.other", m.lang)}


def _point(m: Minutes, action: ActionItem) -> str:
    """`Søke om midler – NAV, Jonas Tveitan – frist 15.02.2027`; the text and owner withheld in public
    when the point comes from a confidential case."""
    due = format_date(action.due_as_agreed)
    if not shows_action(action, m.dataset, m.variant):
        return inline(m.say("minutes.point_withheld", what=_capitalised(m.say("minutes.withheld")), due=due))
    return inline(m.say("minutes.point", what=action.title, who=responsible(action, m.dataset), due=due))


def responsible(action: ActionItem, dataset: Dataset) -> str:
    """`Barnevernstjenesten, Mona Hauglid`: who answers for a point. Not said in public of a point from a
    confidential case: which agency and person work on it tells something of the case."""
    who = agency_name(dataset, action.agency)
    return f"{who}, {dataset.person(action.owner).name}" if action.owner else who


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _reviews(m: Minutes) -> Iterator[str]:
    """The earlier points as this meeting left them: status, comment and due date."""
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
            responsible(action, m.dataset) if shown else "",
            status,
            update.comment if update and shown else "",
            format_date(review.due),
        ))
    if not rows:
        yield m.say("minutes.no_follow_up")
        return
    yield table([m.say(f"minutes.col.{c}") for c in ("item", "what", "responsible", "status", "comment", "due")],
                rows)


def _follow_up_section(m: Minutes) -> Iterator[str]:
    """Without a follow-up case, the review of earlier points gets a section of its own after the cases."""
    if _follow_up_item(m) is None and reviews_at(m.meeting, m.dataset):
        yield "## " + m.say("minutes.follow_up")
        yield from _reviews(m)


# The end of the minutes ----------------------------------------------------------------------------------


def _closing(m: Minutes) -> Iterator[str]:
    """The next meeting, when this one closed, the minute-taker, and whom the minutes go to."""
    meeting, dataset = m.meeting, m.dataset
    yield "## " + m.say("minutes.next")
    # The forum's next meeting as it stands (held or planned, its place and time moved or not); the
    # time this meeting set, when there is none yet.
    later = [x for x in dataset.meetings_of(meeting.forum)
             if x.starts_at > meeting.starts_at and x.status is not MeetingStatus.CANCELLED]
    when = later[0].starts_at if later else meeting.next_meeting_at
    if when is None:
        yield m.say("minutes.next.unset")
    else:
        text = m.say("minutes.next.at", date=long_date(when.date(), m.lang), time=clock_time(when, m.lang))
        if later and later[0].location:
            text += f", {later[0].location}"
        yield inline(text)
    if meeting.ended_at is not None:
        yield m.say("minutes.closed_at", time=clock_time(meeting.ended_at, m.lang))
    if meeting.minute_taker is not None:
        yield f"**{m.say('minutes.label.minute_taker')}:** {inline(dataset.person(meeting.minute_taker).name)}"
    forum = dataset.forum(meeting.forum)
    copies = [dataset.person(p).name for p in forum.members] + list(forum.copy_to)
    if copies:
        yield f"**{m.say('minutes.label.copy_to')}:** {inline(', '.join(copies))}"


def _corrections(m: Minutes) -> Iterator[str]:
    """Changes made after approval, oldest first: when, by whom, what and why, as recorded."""
    if not m.meeting.corrections:
        return
    yield "## " + m.say("minutes.corrections")
    yield table([m.say(f"minutes.col.{c}") for c in ("when", "by", "what", "why")],
                [(table_date_time(c.at, m.lang), c.by, c.what, c.why) for c in m.meeting.corrections])
