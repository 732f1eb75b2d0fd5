"""A calendar invitation (.ics) for a meeting, with the agenda in the description.

Written with `icalendar`, a maintained library, so that folding, escaping and the time zone are done
as RFC 5545 wants and Outlook, Google Calendar and Thunderbird import it. The time zone is
Europe/Oslo, with its VTIMEZONE included.

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
from slt_tui.domain.models import Meeting
from slt_tui.minutes.export import PrivacyFindingsError
from slt_tui.wording import say

MIN_LENGTH = timedelta(minutes=30)


class InvitationFindingsError(PrivacyFindingsError):
    """The invitation would carry what looks like personal data; `findings` says where."""

    key = "error.invite_privacy_findings"


def invitation(meeting: Meeting, dataset: Dataset, lang: str = "nb") -> bytes:
    """The meeting as an iCalendar file: one event, agenda and place, chair as organiser when known."""
    forum = dataset.forum(meeting.forum)
    planned = timedelta(minutes=sum(i.planned_minutes for i in meeting.agenda))
    agenda = [say("invite.item", lang, number=i.number, title=i.title, minutes=i.planned_minutes)
              for i in meeting.agenda]
    description = "\n".join([say("invite.agenda", lang), *agenda] if agenda else [say("invite.no_agenda", lang)])

    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@slt-tui")
    event.add("dtstamp", now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + max(planned, MIN_LENGTH))
    event.add("summary", say("invite.summary", lang, forum=forum.name))
    event.add("description", description)
    if meeting.location:
        event.add("location", meeting.location)
    chair = dataset.person(meeting.chair) if meeting.chair else None
    if chair is not None and chair.email:
        event.add("organizer", f"mailto:{chair.email}", parameters={"cn": chair.name})
    for person_id in forum.members:
        person = dataset.person(person_id)
        if person.email:
            event.add("attendee", f"mailto:{person.email}", parameters={"cn": person.name, "role": "REQ-PARTICIPANT"})

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//slt-tui//SLT-møter//NO")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def file_name(meeting: Meeting, lang: str = "nb") -> str:
    """`innkalling-kg-2026-12-08.ics`, named in the invitation's language."""
    return say("file.invitation", lang, id=meeting.id) + ".ics"
