"""The public minutes as a ready e-mail draft (.eml) to the forum's members.

The draft is addressed to every member with an address (and to the "Kopi til" entries that are
addresses), from the chair or else the minute-taker, and carries the public minutes as Markdown and as
an HTML page. The short body tells each member which open follow-up points are theirs. `X-Unsent: 1`
makes Outlook open it as a draft to send; Thunderbird and Apple Mail open it as a message to forward.

Only the public minutes are ever put in an e-mail: a point from a case exempt from public access is
not listed in the body, and the privacy guard reads the body and the attachment
(`email_findings`) before the draft is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.errors import HeaderParseError, MessageDefect
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import parseaddr

from slt_tui.domain.clock import format_date, today
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Meeting, Person
from slt_tui.domain.text import clean_line
from slt_tui.minutes.document import Variant, origin_item, shows_action
from slt_tui.minutes.personal_data import kinds_in_each
from slt_tui.minutes.privacy import Finding, Section, scan
from slt_tui.wording import long_date, say


@dataclass(frozen=True)
class _Piece:
    """A line of the body, and where a finding in it is said to be."""

    text: str
    section: Section
    case: str = ""
    scanned: str | None = None
    """What the privacy guard reads of the line: the typed text alone when the line has a case number
    in it (so that its digits are not read together with the title's); None: the whole line."""


def minutes_email(meeting: Meeting, dataset: Dataset, lang: str = "nb", municipality: str = "") -> bytes:
    """The e-mail draft carrying the public minutes of `meeting`, as the bytes of an .eml file."""
    from slt_tui.minutes.export import Export, Format  # export writes drafts with this module

    message = EmailMessage(policy=policy.default)
    message["Subject"] = subject(meeting, dataset, lang)
    sender = _sender(meeting, dataset)
    if sender is not None:
        message["From"] = sender
    to = [a for p in _members(meeting, dataset) if (a := address(p.name, p.email)) is not None]
    if to:
        message["To"] = to
    cc = copy_addresses(meeting, dataset)
    if cc:
        message["Cc"] = cc
    message["X-Unsent"] = "1"
    message.set_content("\n".join(p.text for p in _body(meeting, dataset, lang)) + "\n")
    for fmt in (Format.MARKDOWN, Format.HTML):
        attached = Export(meeting, dataset, Variant.PUBLIC, fmt, lang, municipality)
        # As bytes (base64): the file saved from the mail is the file `export` writes, line endings included.
        message.add_attachment(attached.payload(), maintype="text",
                               subtype="markdown" if fmt is Format.MARKDOWN else "html",
                               filename=attached.file_name, params={"charset": "utf-8"})
    return message.as_bytes(policy=policy.SMTP)


def email_findings(meeting: Meeting, dataset: Dataset, lang: str = "nb", municipality: str = "") -> list[Finding]:
    """Personal data in what the draft carries: the public minutes attached, then the subject and body."""
    found = scan(meeting, dataset, Variant.PUBLIC, lang, municipality)
    pieces = [_Piece(subject(meeting, dataset, lang), Section.SUMMARY), *_body(meeting, dataset, lang)]
    texts = [p.text if p.scanned is None else p.scanned for p in pieces]
    for piece, kinds in zip(pieces, kinds_in_each(texts), strict=True):
        found += [Finding(piece.section, piece.case, kind) for kind in kinds]
    return list(dict.fromkeys(found))


def subject(meeting: Meeting, dataset: Dataset, lang: str = "nb") -> str:
    """`Referat fra møte i Koordineringsgruppa 27.10.2026`."""
    return clean_line(say("mail.subject", lang, forum=dataset.forum(meeting.forum).name,
                          date=format_date(meeting.starts_at)))


def address(name: str, email: str) -> Address | None:
    """`name <email>` as a header address, or None when `email` is no address a mail program takes."""
    email = email.strip()
    if not email or not email.isascii() or "@" not in email:
        return None
    try:
        found = Address(display_name=clean_line(name), addr_spec=email)
    except (ValueError, IndexError, HeaderParseError, MessageDefect):
        return None
    return found if found.username and "." in found.domain else None


def copy_addresses(meeting: Meeting, dataset: Dataset) -> list[Address]:
    """The forum's "Kopi til" entries that are e-mail addresses (`arkiv@…`, `Arkivet <arkiv@…>`);
    the others (an office, a name) are only listed in the minutes."""
    found = []
    for entry in dataset.forum(meeting.forum).copy_to:
        name, email = parseaddr(entry)
        if email and (found_address := address(name, email)) is not None:
            found.append(found_address)
    return found


def _members(meeting: Meeting, dataset: Dataset) -> list[Person]:
    return [dataset.person(p) for p in dataset.forum(meeting.forum).members]


def _sender(meeting: Meeting, dataset: Dataset) -> Address | None:
    """The chair, else the minute-taker: the first of them with an address."""
    for person_id in (meeting.chair, meeting.minute_taker):
        if person_id is not None:
            person = dataset.person(person_id)
            found = address(person.name, person.email)
            if found is not None:
                return found
    return None


def _signature(meeting: Meeting, dataset: Dataset) -> str:
    for person_id in (meeting.chair, meeting.minute_taker):
        if person_id is not None:
            return clean_line(dataset.person(person_id).name)
    return clean_line(dataset.forum(meeting.forum).name)


def _body(meeting: Meeting, dataset: Dataset, lang: str) -> list[_Piece]:
    forum = dataset.forum(meeting.forum)
    intro = say("mail.intro", lang, forum=clean_line(forum.name), date=long_date(meeting.starts_at.date(), lang))
    pieces = [_Piece(say("mail.greeting", lang), Section.HEADER), _Piece("", Section.HEADER),
              _Piece(intro, Section.HEADER), _Piece("", Section.HEADER)]
    points = list(_points(meeting, dataset, lang))
    if points:
        pieces += [_Piece(say("mail.points", lang), Section.HEADER), *points]
    else:
        pieces.append(_Piece(say("mail.no_points", lang), Section.HEADER))
    pieces += [_Piece("", Section.HEADER), _Piece(say("mail.sign_off", lang), Section.HEADER),
               _Piece(_signature(meeting, dataset), Section.PARTICIPANTS)]
    return pieces


def _points(meeting: Meeting, dataset: Dataset, lang: str) -> Iterator[_Piece]:
    """Each member's own open points (of this forum, as they stand now), under the member's name; none
    from a case exempt from public access."""
    on = today()
    actions = [a for a in dataset.actions_of(meeting.forum) if a.status.is_open]
    for person in _members(meeting, dataset):
        # A point from a confidential case is left out: the e-mail is public, and whose it is tells of the case.
        mine = sorted((a for a in actions if a.owner == person.id and shows_action(a, dataset, Variant.PUBLIC)),
                      key=lambda a: (a.due, a.id))
        if not mine:
            continue
        yield _Piece("", Section.HEADER)
        yield _Piece(clean_line(person.name), Section.PARTICIPANTS)
        for action in mine:
            number = origin_item(action, dataset).number
            title = clean_line(action.title)
            due = format_date(action.due)
            if action.is_overdue(on):
                due = say("notice.overdue", lang, date=due)
            yield _Piece(say("mail.point", lang, number=number, title=title, due=due), Section.FOLLOW_UP, number,
                         scanned=title)
