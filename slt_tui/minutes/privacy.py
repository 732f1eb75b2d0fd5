"""The privacy guard: finds what must not be published about young people, in what is published.

It scans the documents as written, not a list of fields, so that no field can be forgotten: the
public minutes as a reader sees the Markdown (markdown-it-py's tokens, so escapes, emphasis and line
breaks never split a number), and the human-readable text of the calendar invitation (subject,
description, place, the names of those invited). Each piece of text goes through the one scanner,
`kinds_in` (in `personal_data`). A finding says where (the case, or else the section or the labelled
line: Oppmøte, Kopi til) and what kind, never the text itself, so the warning can be shown on a projector.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

import icalendar

from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Meeting
from slt_tui.i18n import current_language
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.personal_data import Kind, kinds_in, kinds_in_each, national_id_valid
from slt_tui.minutes.reading import Piece, pieces
from slt_tui.wording import say

__all__ = ["Finding", "Kind", "Section", "kinds_in", "national_id_valid", "scan", "scan_invitation",
           "scan_markdown"]


class Section(StrEnum):
    """Where in a document a finding is; the value is the key of the section's name, which for the
    minutes is their heading or the label of their line, so a finding is told in the words the reader
    sees."""

    HEADER = "privacy.section.header"
    """The minutes' head: title, status, date, time, place, chair and minute-taker."""
    ATTENDANCE = "minutes.attendance"
    """Who was there: the Til stede, Forfall and Andre til stede lines, the table and the coverage."""
    AGENDA = "minutes.agenda"
    """The cases, each with its notes, decisions, follow-up points and (the follow-up case) reviews."""
    FOLLOW_UP = "minutes.follow_up"
    """The review of earlier points, in a section of its own when the meeting had no follow-up case."""
    NEXT_MEETING = "minutes.next"
    COPY_TO = "minutes.label.copy_to"
    CORRECTIONS = "minutes.corrections"
    SUMMARY = "privacy.section.summary"
    PLACE = "minutes.label.place"
    PARTICIPANTS = "privacy.section.participants"


_MINUTES_SECTIONS = (Section.AGENDA, Section.FOLLOW_UP, Section.NEXT_MEETING, Section.CORRECTIONS)
# Sections whose tables start each row with the case a point was raised in.
_CASE_COLUMN = (Section.FOLLOW_UP,)
# Lines of the head and of the end that say by their label where they belong. The minute-taker
# named at the end is the one named at the top, so a finding there is told once, as in the head.
_LABELLED = (("minutes.label.present", Section.ATTENDANCE), ("minutes.label.excused", Section.ATTENDANCE),
             ("minutes.label.absent", Section.ATTENDANCE), ("minutes.label.unmarked", Section.ATTENDANCE),
             ("minutes.label.guests", Section.ATTENDANCE), ("minutes.label.copy_to", Section.COPY_TO),
             ("minutes.label.minute_taker", Section.HEADER))


@dataclass(frozen=True)
class Finding:
    section: Section
    case: str
    """The case number the text belongs to, or empty."""
    kind: Kind

    def sentence(self, lang: str | None = None) -> str:
        """`Sak 08/26: fødselsnummer`, `Oppmøte: telefonnummer`, `Kopi til: e-postadresse`: where and
        what, never the text found."""
        if self.case and self.section is Section.AGENDA:
            place = say("privacy.place.case", lang, number=self.case)
        elif self.case:
            place = say("privacy.place.section_case", lang, section=say(self.section.value, lang), number=self.case)
        else:
            place = say(self.section.value, lang)
        return say("privacy.finding", lang, place=place, kind=say(f"privacy.kind.{self.kind.value}", lang))


def scan(meeting: Meeting, dataset: Dataset, variant: Variant = Variant.PUBLIC, lang: str | None = None,
         municipality: str = "") -> list[Finding]:
    """Every finding in the minutes of `variant` as rendered, in the order of the minutes."""
    lang = lang or current_language()
    return scan_markdown(render(meeting, dataset, variant, lang, municipality), [i.number for i in meeting.agenda],
                         lang)


def scan_markdown(markdown: str, cases: Sequence[str], lang: str | None = None) -> list[Finding]:
    """Every finding in a document laid out as the minutes are: the head (its lines told apart by
    their labels), then sections under `##` headings in `lang`, and under the cases one `###`
    heading per case, numbered `cases` in that order."""
    return _findings(_places(pieces(markdown), cases, lang or current_language()))


def scan_invitation(payload: bytes, meeting: Meeting) -> list[Finding]:
    """Every finding in the text of the iCalendar invitation to `meeting`, in the order written.

    The addresses in ATTENDEE and ORGANIZER are not looked at: they are what makes it an invitation.
    """
    texts: list[tuple[Section, str, str]] = []
    for event in icalendar.Calendar.from_ical(payload).walk("VEVENT"):
        texts.append((Section.SUMMARY, "", str(event.get("summary", ""))))
        waiting = (i.number for i in meeting.agenda)
        case = next(waiting, "")
        for line in str(event.get("description", "")).split("\n"):
            if case and case in line:
                texts += _around(Section.AGENDA, case, line)
                case = next(waiting, "")
            else:
                texts.append((Section.AGENDA, "", line))
        texts.append((Section.PLACE, "", str(event.get("location", ""))))
        for name in ("organizer", "attendee"):
            people = event.get(name, [])
            for person in people if isinstance(people, list) else [people]:
                texts.append((Section.PARTICIPANTS, "", str(person.params.get("CN", ""))))
    return _findings(texts)


def _findings(places: Iterable[tuple[Section, str, str]]) -> list[Finding]:
    places = list(places)
    found = (Finding(section, case, kind) for (section, case, _), kinds in zip(
        places, kinds_in_each([text for _, _, text in places]), strict=True) for kind in kinds)
    return list(dict.fromkeys(found))  # each place and kind once, in the order of the document


def _around(section: Section, case: str, text: str) -> list[tuple[Section, str, str]]:
    """The text on either side of the case number in `Sak 08/26 …`, read apart, so that digits at
    the start of a title are not read as one number with the case number's."""
    before, _, after = text.partition(case)
    return [(section, case, before), (section, case, after)]


def _places(read: Iterable[Piece], cases: Sequence[str], lang: str) -> Iterator[tuple[Section, str, str]]:
    """Each piece's text with its section and case: the case of the `###` heading above it, or in
    the table of earlier points the case its row was raised in. In the head and at the end, a line
    goes by its label, and the head's table and the coverage line under it are the attendance."""
    headings = {say(s.value, lang): s for s in _MINUTES_SECTIONS}
    labels = [(say(key, lang) + ":", section) for key, section in _LABELLED]
    section, case, waiting = Section.HEADER, "", iter(cases)
    head_table = False
    for piece in read:
        place = section
        if piece.tag == "h2":
            section = place = headings.get(piece.text, section)
            case = ""
        elif piece.tag == "h3" and section is Section.AGENDA:
            case = next(waiting, "")
            if case:
                yield from _around(section, case, piece.text)
                continue
        elif section is Section.HEADER and piece.tag in ("th", "td"):
            place, head_table = Section.ATTENDANCE, True
        elif section in (Section.HEADER, Section.NEXT_MEETING) and piece.tag == "p":
            labelled = next((s for label, s in labels if piece.text.startswith(label)), None)
            place = labelled or (Section.ATTENDANCE if section is Section.HEADER and head_table else section)
        elif piece.tag == "td" and piece.column == 1 and section in _CASE_COLUMN:
            case = piece.text
        yield place, case, piece.text
