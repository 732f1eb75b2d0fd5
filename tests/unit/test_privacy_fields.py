"""Whatever field a person types an identity number into, and however they write it, the guard finds
it in everything that field reaches: the public minutes, and the calendar invitation.

The numbers are synthetic (see `synthetic_ids`). The sample municipality's closed meeting of
27 October 2026 is the meeting; each example puts one number into one field, through the models'
own validation (so the text is cleaned as the app would store it), and checks the finding's place.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic_ids import numbers, written

from slt_tui.domain.dataset import Dataset
from slt_tui.domain.models import Model, Person
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import Export
from slt_tui.minutes.invite import invitation
from slt_tui.minutes.privacy import Kind, Section, scan_invitation
from slt_tui.sample import sample_path
from slt_tui.store import Repository

MEETING = "kg-2026-10-27"


@dataclass(frozen=True)
class Sample:
    dataset: Dataset
    municipality: str


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Sample:
    path = tmp_path_factory.mktemp("sample") / "slt.json"
    shutil.copyfile(sample_path(), path)
    with Repository.open(path, readonly=True) as repo:
        return Sample(repo.dataset, repo.municipality)


def changed(record: Model, **fields) -> Model:
    """`record` with `fields` set and validated, so that text is cleaned as when it is saved."""
    return type(record).model_validate({**record.model_dump(), **fields})


def in_meeting(change: Callable) -> Callable:
    def put(dataset: Dataset, text: str) -> Dataset:
        return dataset.put(change(dataset.meeting(MEETING), text))
    return put


def in_item(number: str, name: str) -> Callable:
    def change(meeting, text):
        agenda = tuple(changed(i, **{name: text}) if i.number == number else i for i in meeting.agenda)
        return changed(meeting, agenda=[i.model_dump() for i in agenda])
    return in_meeting(change)


def in_decision(meeting, text):
    item = meeting.agenda[0]
    decision = changed(item.decisions[0], text=text)
    return changed(meeting, agenda=[changed(item, decisions=[decision.model_dump()]).model_dump(),
                                    *(i.model_dump() for i in meeting.agenda[1:])])


def in_attendance(meeting, text):
    attendance = [changed(a, substitute=text) if a.substitute else a for a in meeting.attendance]
    return changed(meeting, attendance=[a.model_dump() for a in attendance])


def in_person(person_id: str) -> Callable:
    def put(dataset, text):
        return dataset.put(changed(dataset.person(person_id), name=text))
    return put


def in_action(action_id: str, name: str) -> Callable:
    def put(dataset, text):
        action = dataset.action(action_id)
        if name == "comment":  # the review given at this meeting
            updates = [changed(u, comment=text) if u.meeting == MEETING else u for u in action.updates]
            return dataset.put(changed(action, updates=[u.model_dump() for u in updates]))
        return dataset.put(changed(action, **{name: text}))
    return put


def in_owner(dataset, text):
    owner = Person(id="eier", name=text, agency="NAV")
    return dataset.put(owner).put(changed(dataset.action("a-sommerjobb"), owner="eier"))


def in_agency(dataset, text):
    return dataset.put(changed(dataset.agency("PPT"), name=text))


def in_forum(dataset, text):
    return dataset.put(changed(dataset.forum("kg"), name=text))


def in_forum_field(name: str, before: list[str]) -> Callable:
    def put(dataset, text):
        return dataset.put(changed(dataset.forum("kg"), **{name: [*before, text]}))
    return put


@dataclass(frozen=True)
class Field:
    put: Callable[[Dataset, str], Dataset]
    minutes: tuple[Section, str]
    """Where the public minutes say the finding is."""
    invitation: tuple[Section, str] | None = None
    """Where the invitation says it is, when the field reaches it."""
    municipality: bool = False


FIELDS = {
    "item title": Field(in_item("09/26", "title"), (Section.AGENDA, "09/26"), (Section.AGENDA, "09/26")),
    "notes": Field(in_item("09/26", "notes"), (Section.AGENDA, "09/26")),
    "decision": Field(in_meeting(in_decision), (Section.AGENDA, "05/26")),
    "presenter": Field(in_item("09/26", "presenter"), (Section.AGENDA, "09/26")),
    "legal basis": Field(in_item("08/26", "legal_basis"), (Section.AGENDA, "08/26")),
    "meeting place": Field(in_meeting(lambda m, text: changed(m, location=text)), (Section.HEADER, ""),
                           (Section.PLACE, "")),
    "guest name": Field(in_meeting(lambda m, text: changed(m, guests=[{"name": text, "agency": "KF"}])),
                        (Section.ATTENDANCE, "")),
    "substitute name": Field(in_meeting(in_attendance), (Section.ATTENDANCE, "")),
    "chair's name": Field(in_person("ingrid-solbakk"), (Section.HEADER, ""), (Section.PARTICIPANTS, "")),
    # A member with an address: the invitation asks her as a participant.
    "minute-taker's name": Field(in_person("camilla-ovrebotn"), (Section.HEADER, ""), (Section.PARTICIPANTS, "")),
    # A point is told under the case it was raised in; a review, under the follow-up case (07/26).
    "follow-up point title": Field(in_action("a-sommerjobb", "title"), (Section.AGENDA, "09/26")),
    "owner's name": Field(in_owner, (Section.AGENDA, "09/26")),
    "review comment": Field(in_action("a-klubb-evaluering", "comment"), (Section.AGENDA, "07/26")),
    "copy to": Field(in_forum_field("copy_to", ["Arkivet"]), (Section.COPY_TO, "")),
    "agency name": Field(in_agency, (Section.ATTENDANCE, "")),
    "forum name": Field(in_forum, (Section.HEADER, ""), (Section.SUMMARY, "")),
    "municipality": Field(lambda dataset, text: dataset, (Section.HEADER, ""), municipality=True),
}
CONTEXTS = [("", ""), ("Fnr. ", ""), ("Eleven, født ", ", bor her"), ("(", ")"), ("Kari ", "."), ("", "\nMer.")]


@pytest.mark.parametrize("name", sorted(FIELDS))
@settings(max_examples=12, derandomize=True, deadline=None)
@given(number=numbers.flatmap(written), context=st.sampled_from(CONTEXTS))
def test_a_number_in_any_field_is_found_wherever_the_field_is_published(sample, name, number, context):
    field = FIELDS[name]
    text = context[0] + number + context[1]
    dataset = field.put(sample.dataset, text)
    municipality = text if field.municipality else sample.municipality
    meeting = dataset.meeting(MEETING)

    export = Export(meeting, dataset, Variant.PUBLIC, lang="nb", municipality=municipality)
    assert (*field.minutes, Kind.NATIONAL_ID) in {(f.section, f.case, f.kind) for f in export.findings()}

    found = {(f.section, f.case, f.kind) for f in scan_invitation(invitation(meeting, dataset, "nb"), meeting)}
    if field.invitation is not None:
        assert (*field.invitation, Kind.NATIONAL_ID) in found
    else:
        assert Kind.NATIONAL_ID not in {kind for *_, kind in found}  # it never reaches the invitation


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_each_field_is_clean_in_the_sample(sample, name):
    """The sample itself has no findings, so each finding above comes from the number put in."""
    field = FIELDS[name]
    dataset = field.put(sample.dataset, "Ola Nordmann")
    meeting = dataset.meeting(MEETING)
    assert Export(meeting, dataset, Variant.PUBLIC, municipality=sample.municipality).findings() == []
    assert scan_invitation(invitation(meeting, dataset, "nb"), meeting) == []
