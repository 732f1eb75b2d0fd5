"""The notice of a meeting (innkalling) as Markdown: when and where, to whom, how to send word of
absence, the agenda with each case's planned time and short saksframlegg, and the follow-up points
still open, by the agency that owns them.

Built as the minutes are (`document`): the same escaping of every typed text, the same two variants,
the same rule for what the public one leaves out of a case exempt from public access (here: its time,
kind, presenter and saksframlegg; number, title and legal basis stay).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from slt_tui.domain.clock import format_date
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.follow_up import Review, reviews_at
from slt_tui.domain.models import AgendaItem, ItemKind, Meeting, MeetingStatus, Person
from slt_tui.minutes.document import Variant, origin_item, shows_action, shows_content
from slt_tui.minutes.escape import block, inline
from slt_tui.minutes.parts import Writing, agency_name, person_with_agency, table
from slt_tui.minutes.privacy import Finding, scan_markdown
from slt_tui.wording import hhmm, linked_items, long_date, say

Notice = Writing
"""The notice being written."""


def render_notice(meeting: Meeting, dataset: Dataset, variant: Variant = Variant.INTERNAL, lang: str = "nb",
                  municipality: str = "") -> str:
    """The notice of `meeting` as Markdown, in `lang`, with what `variant` may show."""
    notice = Notice(meeting, dataset, Variant(variant), lang, municipality)
    blocks = [*_header(notice), *_recipients(notice), *_agenda(notice), *_follow_up(notice)]
    return "\n\n".join(blocks) + "\n"


def notice_findings(meeting: Meeting, dataset: Dataset, lang: str = "nb", municipality: str = "") -> list[Finding]:
    """Personal data in the public notice, each placed by case as in the minutes (`privacy.scan_markdown`)."""
    markdown = render_notice(meeting, dataset, Variant.PUBLIC, lang, municipality)
    # The scanner knows the minutes' section headings; the notice's agenda has a heading of its own.
    # Only this module writes headings (typed text is escaped), so the swap cannot touch typed text.
    ours, theirs = f"\n## {say('notice.agenda', lang)}\n", f"\n## {say('minutes.agenda', lang)}\n"
    return scan_markdown(markdown.replace(ours, theirs, 1), [i.number for i in meeting.agenda], lang)


def item_starts(meeting: Meeting) -> list[tuple[AgendaItem, timedelta]]:
    """Each item with its planned start, counted from the meeting's start: the planned minutes of the
    items before it."""
    out, offset = [], timedelta()
    for item in meeting.agenda:
        out.append((item, offset))
        offset += timedelta(minutes=item.planned_minutes)
    return out


# Sections -------------------------------------------------------------------------------------------


def _header(n: Notice) -> Iterator[str]:
    meeting, dataset = n.meeting, n.dataset
    yield "# " + inline(n.say("notice.title", forum=dataset.forum(meeting.forum).name))
    yield "*" + n.say(f"notice.variant.{n.variant.value}") + "*"
    if meeting.status is MeetingStatus.CANCELLED:
        yield "**" + n.say("notice.cancelled") + "**"
    planned = sum(i.planned_minutes for i in meeting.agenda)
    end = meeting.starts_at + timedelta(minutes=planned)
    fields = []
    if n.municipality:
        fields.append(("minutes.label.municipality", n.municipality))
    if meeting.archive_ref:
        fields.append(("minutes.label.archive", meeting.archive_ref))
    fields += [
        ("minutes.label.date", long_date(meeting.starts_at.date(), n.lang)),
        ("minutes.label.time", n.say("minutes.time.span", start=hhmm(meeting.starts_at, n.lang),
                                     end=hhmm(end, n.lang))),
        ("minutes.label.place", meeting.location or n.say("minutes.not_set")),
        ("minutes.label.chair", person_with_agency(dataset, meeting.chair, n.lang)),
        ("minutes.label.minute_taker", person_with_agency(dataset, meeting.minute_taker, n.lang)),
    ]
    yield "\n".join(f"- **{n.say(label)}:** {inline(value)}" for label, value in fields)


def _recipients(n: Notice) -> Iterator[str]:
    forum = n.dataset.forum(n.meeting.forum)
    yield "## " + n.say("notice.to")
    members = [n.dataset.person(p) for p in forum.members]
    if members:
        yield "\n".join(f"- {inline(person_with_agency(n.dataset, p.id, n.lang))}" for p in members)
    else:
        yield n.say("notice.no_members")
    if forum.copy_to:
        yield f"**{n.say('minutes.label.copy_to')}:** {inline(', '.join(forum.copy_to))}"
    yield inline(_excused(n))


def _excused(n: Notice) -> str:
    """Whom to tell when one cannot come: the chair, else the minute-taker; with the address in the
    internal notice only (the public one is published, and the privacy guard would stop it)."""
    for role, person_id in (("chair", n.meeting.chair), ("minute_taker", n.meeting.minute_taker)):
        if person_id is not None:
            person: Person = n.dataset.person(person_id)
            address = f" ({person.email})" if person.email and n.variant is Variant.INTERNAL else ""
            return n.say(f"notice.excused.{role}", name=person.name, address=address)
    return n.say("notice.excused.nobody")


def _agenda(n: Notice) -> Iterator[str]:
    yield "## " + n.say("notice.agenda")
    if not n.meeting.agenda:
        yield n.say("minutes.no_items")
    for item, offset in item_starts(n.meeting):
        yield "### " + inline(n.say("minutes.item", number=item.number, title=item.title))
        shown = shows_content(item, n.variant)
        if shown:
            yield inline(" ".join(_about(n, item, offset)))
        if item.confidential:
            key = "notice.confidential.internal" if n.variant is Variant.INTERNAL else "minutes.confidential.public"
            yield "*" + inline(n.say(key, basis=item.legal_basis)) + "*"
        if not shown:
            continue
        if item.kind is ItemKind.FOLLOW_UP:
            yield inline(n.say("notice.item.see_follow_up", section=n.say("minutes.follow_up")))
        if item.summary.strip():
            yield f"**{n.say('notice.summary')}**"
            yield block(item.summary.strip())


def _about(n: Notice, item: AgendaItem, offset: timedelta) -> list[str]:
    """`Kl. 09.50–10.15. Sakstype: drøftingssak. Innleder: Ingrid Solbakk.`"""
    start = n.meeting.starts_at + offset
    end = start + timedelta(minutes=item.planned_minutes)
    about = [n.say("notice.item.time", start=hhmm(start, n.lang), end=hhmm(end, n.lang)) if item.planned_minutes
             else n.say("notice.item.at", start=hhmm(start, n.lang)),
             n.say("notice.item.kind", kind=n.say(f"kind.item.{item.kind.value}"))]
    if item.presenter:
        about.append(n.say("minutes.item.presenter", name=item.presenter))
    if item.approves and n.dataset.has("meetings", item.approves):
        approved = n.dataset.meeting(item.approves)
        about.append(n.say("notice.item.approves", date=format_date(approved.starts_at)))
    about += [f"{link[:1].upper()}{link[1:]}." for link in linked_items(n.dataset, item, n.lang)]
    return about


def _follow_up(n: Notice) -> Iterator[str]:
    """The points brought to this meeting, one table per agency (in the register's order), each with
    the case it was raised in first, so that the privacy guard can say where a finding is."""
    yield "## " + n.say("minutes.follow_up")
    reviews = reviews_at(n.meeting, n.dataset)
    if not reviews:
        yield n.say("minutes.no_follow_up")
        return
    order = {a.code: i for i, a in enumerate(n.dataset.agencies)}
    # In public a point from a confidential case stands under no agency: who works on it tells of the case.
    withheld = [r for r in reviews if not shows_action(r.action, n.dataset, n.variant)]
    shown = [r for r in reviews if r not in withheld]
    agencies = sorted({r.action.agency for r in shown}, key=lambda code: (order.get(code, len(order)), code))
    groups = [(agency_name(n.dataset, code), [r for r in shown if r.action.agency == code]) for code in agencies]
    if withheld:
        said = n.say("minutes.withheld")
        groups.append((said[:1].upper() + said[1:], withheld))
    for heading, mine in groups:
        yield "### " + inline(heading)
        yield table([n.say(f"minutes.col.{c}") for c in ("item", "what", "owner", "due")],
                     [_point_row(n, r) for r in sorted(mine, key=lambda r: (r.due, r.action.id))])


def _point_row(n: Notice, review: Review) -> tuple[str, ...]:
    action = review.action
    shown = shows_action(action, n.dataset, n.variant)
    owner = n.dataset.person(action.owner).name if action.owner and shown else ""
    due = format_date(review.due)
    if review.due < n.meeting.starts_at.date():
        due = n.say("notice.overdue", date=due)
    return (origin_item(action, n.dataset).number, action.title if shown else n.say("minutes.withheld"), owner, due)
