"""A calendar invitation (.ics) for a meeting, with the agenda in the description.

Written with `icalendar`, a maintained library, so that folding, escaping and the time zone are done
as RFC 5545 wants and Outlook, Google Calendar and Thunderbird import it. The time zone is
Europe/Oslo, with its VTIMEZONE included.

It is an iTIP request (RFC 5546) that calendars treat as an invitation: METHOD:REQUEST, the chair as
organiser and as attendee in the chair's role, every member with an address as a participant asked
to answer. The UID is the meeting's, and SEQUENCE its revision (`Meeting.sequence`, which the
repository raises when the time or place changes or the meeting is cancelled), so that a calendar
replaces the entry it has. A cancelled meeting gives METHOD:CANCEL with STATUS:CANCELLED under the
same UID. Without a chair with an address there is no organiser, which iTIP requires: the file is
then published (METHOD:PUBLISH), an entry to import rather than an invitation to answer.

An invitation travels as far as the public minutes, so it carries only what they show: the forum,
time and place, each case's number and title (a confidential case's too, as the public minutes list
it), and the members' names and addresses. Notes, decisions and follow-up points never go in, and
the privacy guard reads it before it is written (`privacy.scan_invitation`).
"""

from __future__ import annotations

from datetime import timedelta

import icalendar

from slt_tui.domain.clock import now
from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Meeting, MeetingStatus, Person
from slt_tui.domain.registers import slug_id
from slt_tui.minutes.export import PrivacyFindingsError
from slt_tui.wording import say

MIN_LENGTH = timedelta(minutes=30)


class InvitationFindingsError(PrivacyFindingsError):
    """The invitation would carry what looks like personal data; `findings` says where."""

    key = "error.invite_privacy_findings"


def invitation(meeting: Meeting, dataset: Dataset, lang: str = "nb", municipality: str = "") -> bytes:
    """The meeting as an iCalendar file: one event, agenda and place, the chair as organiser when known;
    a cancellation when the meeting is cancelled."""
    forum = dataset.forum(meeting.forum)
    cancelled = meeting.status is MeetingStatus.CANCELLED
    planned = timedelta(minutes=sum(i.planned_minutes for i in meeting.agenda))
    agenda = [say("invite.item", lang, number=i.number, title=i.title, minutes=i.planned_minutes)
              for i in meeting.agenda]
    lines = [say("invite.agenda", lang), *agenda] if agenda else [say("invite.no_agenda", lang)]
    if cancelled:
        lines.insert(0, say("notice.cancelled", lang))

    event = icalendar.Event()
    event.add("uid", uid(meeting, municipality))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + max(planned, MIN_LENGTH))
    event.add("summary", say("invite.summary", lang, forum=forum.name))
    event.add("description", "\n".join(lines))
    if meeting.location:
        event.add("location", meeting.location)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    chair = dataset.person(meeting.chair) if meeting.chair else None
    organiser = chair if chair is not None and _address(chair) else None
    if organiser is not None:
        event.add("organizer", _address(organiser), parameters={"cn": organiser.name})
        event.add("attendee", _address(organiser),
                  parameters={"cn": organiser.name, "role": "CHAIR", "partstat": "ACCEPTED"})
    for person_id in forum.members:
        person = dataset.person(person_id)
        if _address(person) and (organiser is None or person.id != organiser.id):  # the chair once, as chair
            event.add("attendee", _address(person), parameters={
                "cn": person.name, "role": "REQ-PARTICIPANT", "partstat": "NEEDS-ACTION", "rsvp": "TRUE"})

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//slt-tui//SLT-møter//NO")
    calendar.add("version", "2.0")
    calendar.add("method", ("CANCEL" if cancelled else "REQUEST") if organiser is not None else "PUBLISH")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _address(person: Person) -> str:
    """`mailto:kari@example.no`, or "" when the person has no address."""
    email = person.email.strip()
    return f"mailto:{email}" if email else ""


def uid(meeting: Meeting, municipality: str = "") -> str:
    """`kg-2026-12-08@fjordvik-kommune.slt-tui`: the same for every file of the meeting, so that a new one
    replaces the event, and apart from another municipality's meeting of the same id (a police officer
    may sit in the koordineringsgruppe of two)."""
    place = slug_id(municipality, ()) if municipality.strip() else ""
    return f"{meeting.id}@{place}.slt-tui" if place else f"{meeting.id}@slt-tui"


def file_name(meeting: Meeting, lang: str = "nb") -> str:
    """`innkalling-kg-2026-12-08.ics`, named in the invitation's language."""
    return say("file.invitation", lang, id=meeting.id) + ".ics"
