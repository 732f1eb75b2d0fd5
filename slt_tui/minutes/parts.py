"""Pieces the documents of a meeting share: the minutes (`document`) and the notice write people,
agencies, the meeting's time and tables the same way.

Every function returns Markdown-safe text only where its name says so (`table`); the others return
plain words, to be escaped by the caller for the context they go into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Guest, Meeting, Person
from slt_tui.minutes.escape import cell
from slt_tui.wording import clock_time, hhmm, say


class Variant(StrEnum):
    INTERNAL = "internal"
    PUBLIC = "public"


@dataclass(frozen=True)
class Writing:
    """One document being written: of which meeting, from which records, in which variant and language."""

    meeting: Meeting
    dataset: Dataset
    variant: Variant = Variant.INTERNAL
    lang: str = "nb"
    municipality: str = ""

    def say(self, key: str, **params: object) -> str:
        return say(key, self.lang, **params)


def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A GFM table of plain text: every header and cell escaped (`cell`), so no text breaks a row."""
    headers = list(headers)
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def agency_name(dataset: Dataset, code: str) -> str:
    """The agency's name; the code itself when the register has no such agency (a guest's
    organisation as written)."""
    return dataset.agency(code).name if dataset.has("agencies", code) else code


def person_with_agency(dataset: Dataset, person_id: str | None, lang: str) -> str:
    """`Ingrid Solbakk, SLT-koordinator`; `ikke satt` for nobody."""
    if person_id is None:
        return say("minutes.not_set", lang)
    person = dataset.person(person_id)
    return say("minutes.person", lang, name=person.name, agency=agency_name(dataset, person.agency))


def about_person(dataset: Dataset, person: Person, *extra: str) -> str:
    """`Siri Nygårdsli (Politiet, forebyggende politi)`: name, agency and role, for a list of names.
    The role is left out when it only repeats the agency (`leder kultur og fritid` in Kultur og
    fritid); `extra` (a substitute's errand, part of the meeting) goes last inside the brackets."""
    agency = agency_name(dataset, person.agency)
    repeats = re.search(rf"(?<!\w){re.escape(agency.strip())}(?!\w)", person.role, re.IGNORECASE)
    role = "" if repeats else person.role
    return bracketed(person.name, agency, role, *extra)


def about_guest(dataset: Dataset, guest: Guest, *extra: str) -> str:
    """`Kari Fjell (Utekontakten, miljøarbeider)`: a guest's name, organisation or agency, and role."""
    where = agency_name(dataset, guest.agency) if guest.agency else guest.organisation
    return bracketed(guest.name, where, guest.role, *extra)


def meeting_time(meeting: Meeting, lang: str) -> str:
    """`kl. 09.00–10.55` when held; `kl. 09.00 (planlagt)` before; `kl. 09.00– (pågår)` while running."""
    if meeting.started_at is None:
        return say("minutes.time.planned", lang, start=clock_time(meeting.starts_at, lang))
    if meeting.ended_at is None:
        return say("minutes.time.running", lang, start=clock_time(meeting.started_at, lang))
    return say("minutes.time.span", lang, start=hhmm(meeting.started_at, lang), end=hhmm(meeting.ended_at, lang))


def bracketed(name: str, *about: str) -> str:
    """`name (a, b)` with what is said about them; the name alone when nothing is."""
    words = [a for a in about if a]
    return f"{name} ({', '.join(words)})" if words else name
