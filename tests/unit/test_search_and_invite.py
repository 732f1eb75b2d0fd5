"""Search across meetings, and the calendar invitation read back by two independent parsers: an
invitation to answer, from the chair, whose revision grows when the time or place changes, and a
cancellation under the same UID."""

from __future__ import annotations

import os
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from slt_tui.domain.search import SearchIndex, Where
from slt_tui.domain.series import cancel
from slt_tui.minutes.invite import invitation
from slt_tui.store import Repository


@pytest.fixture
def dataset(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        return repo.dataset


@pytest.mark.parametrize("query", ["kaiområdet", "KAIOMRÅDET", "KaiOmRåDeT",
                                   unicodedata.normalize("NFD", "kaiområdet"), "kaiomradet", "KAIOMRAADET"])
def test_search_finds_norwegian_words_whatever_the_case_or_composition(dataset, query):
    hits = SearchIndex(dataset).search(query)
    found = {(h.meeting, h.item, h.where) for h in hits}
    assert ("kg-2026-10-27", "s4", Where.TITLE) in found  # "Bekymring for en gruppe ungdommer ved kaiområdet"
    assert ("kg-2026-09-15", "s2", Where.NOTES) in found
    assert ("kg-2026-10-27", "s4", Where.ACTION) in found  # "Felles tiltak for gruppen ved kaiområdet"


def test_every_word_must_occur_and_titles_rank_above_notes(dataset):
    index = SearchIndex(dataset)
    assert index.search("kaiområdet sommerjobb") == []
    hits = index.search("kaiområdet")
    assert hits[0].where is Where.TITLE
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert index.search("  ") == []
    snippet = hits[0].snippet("kaiområdet")
    assert "kaiområdet" in snippet.casefold() and "\n" not in snippet


@pytest.mark.parametrize("written, typed", [("Tromsø", "tromso"), ("Tromsø", "TROMSOE"), ("Tromsoe", "tromsø"),
                                            ("Ærlig", "aerlig"), ("Aerlig", "ærlig"), ("Åsane", "aasane"),
                                            ("Aasane", "åsane"), ("Åsane", "asane")])
def test_norwegian_letters_meet_their_keyboard_spellings_both_ways(written, typed):
    from slt_tui.domain.search import fold

    assert fold(typed) in fold(f"Møte i {written} sentrum")


LETTERS = "aåæøoeAÅÆØOE xy"


@given(st.text(LETTERS, max_size=300), st.text(LETTERS.replace(" ", ""), min_size=1, max_size=5))
def test_the_snippet_shows_the_word_found_however_the_letters_are_folded(before, word):
    from slt_tui.domain.search import Hit, fold

    text = f"{before} {word} slutt"
    snippet = Hit("m", "i", Where.NOTES, text, 1.0).snippet(word)
    assert fold(word) in fold(snippet)


def test_words_with_aeoeaa_in_review_comments(dataset):
    hits = SearchIndex(dataset).search("BESØKENDE")  # in a review comment: "35–40 besøkende"
    assert [(h.meeting, h.where) for h in hits] == [("kg-2026-09-15", Where.ACTION)]


def test_the_invitation_parses_with_icalendar_and_with_vobject(dataset):
    meeting = dataset.meeting("kg-2026-12-08")
    meeting = meeting.model_copy(update={"location": "Rådhuset; møterom «Fjorden», 2. etg"})
    payload = invitation(meeting, dataset.put(meeting), "nb")

    calendar = icalendar.Calendar.from_ical(payload)
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["summary"]) == "Møte i Koordineringsgruppa"
    assert str(event["location"]) == "Rådhuset; møterom «Fjorden», 2. etg"
    start = event.decoded("dtstart")
    assert start == datetime.fromisoformat("2026-12-08T09:00:00+01:00")
    assert str(start.tzinfo) == "Europe/Oslo"
    assert event.decoded("dtend") - start == timedelta(minutes=sum(i.planned_minutes for i in meeting.agenda))
    description = str(event["description"])
    assert description.splitlines()[0] == "Saksliste:"
    assert "Sak 13/26 Oppfølging fra tidligere møter (15 min)" in description.splitlines()
    assert calendar.walk("VTIMEZONE"), "Outlook needs the time zone spelt out"

    other = vobject.readOne(payload.decode())
    vevent = other.vevent
    assert vevent.summary.value == "Møte i Koordineringsgruppa"
    assert vevent.location.value == "Rådhuset; møterom «Fjorden», 2. etg"
    assert vevent.dtstart.value == start
    assert vevent.description.value == description
    assert vevent.uid.value == "kg-2026-12-08@slt-tui"


def _invited(payload: bytes) -> dict[str, dict[str, str]]:
    """Each ATTENDEE's address with its parameters, as vobject (the second parser) reads them."""
    vevent = vobject.readOne(payload.decode()).vevent
    return {a.value: {k: v[0] for k, v in a.params.items()} for a in vevent.contents.get("attendee", [])}


def test_calendars_see_an_invitation_to_answer_from_the_chair_to_each_member_with_an_address(dataset):
    meeting = dataset.meeting("kg-2026-12-08")
    payload = invitation(meeting, dataset, "nb")

    calendar = icalendar.Calendar.from_ical(payload)
    event = calendar.walk("VEVENT")[0]
    assert str(calendar["method"]) == "REQUEST"
    assert str(event["status"]) == "CONFIRMED" and event.decoded("sequence") == 0
    assert str(event["organizer"]) == "mailto:slt@fjordvik.example"
    assert event["organizer"].params["CN"] == "Ingrid Solbakk"

    invited = _invited(payload)
    members = [dataset.person(p) for p in dataset.forum("kg").members]
    assert set(invited) == {f"mailto:{p.email}" for p in members if p.email}
    assert "per-ivar-lundeby" in dataset.forum("kg").members and not dataset.person("per-ivar-lundeby").email
    assert invited.pop("mailto:slt@fjordvik.example") == {"CN": "Ingrid Solbakk", "ROLE": "CHAIR",
                                                          "PARTSTAT": "ACCEPTED"}
    for address, params in invited.items():
        assert params.pop("CN"), address
        assert params == {"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}, address
    assert invited["mailto:siri-nygardsli@fjordvik.example"] == {"ROLE": "REQ-PARTICIPANT",
                                                                 "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
    other = vobject.readOne(payload.decode())
    assert other.method.value == "REQUEST" and other.vevent.organizer.value == "mailto:slt@fjordvik.example"
    assert other.vevent.status.value == "CONFIRMED" and int(other.vevent.sequence.value) == 0
    assert payload.count(b"ATTENDEE") == len(invited) + 1  # the chair once, as chair


def test_without_a_chair_with_an_address_the_file_is_published_not_sent(dataset):
    meeting = dataset.meeting("kg-2026-12-08").model_copy(update={"chair": "per-ivar-lundeby"})
    payload = invitation(meeting, dataset.put(meeting), "nb")
    calendar = icalendar.Calendar.from_ical(payload)
    assert str(calendar["method"]) == "PUBLISH"  # iTIP asks an organiser of every REQUEST
    assert "organizer" not in calendar.walk("VEVENT")[0]
    assert "ROLE=CHAIR" not in payload.decode() and len(_invited(payload)) == 8


def _sequence(repo: Repository, meeting_id: str) -> int:
    payload = invitation(repo.dataset.meeting(meeting_id), repo.dataset, "nb")
    sequence = icalendar.Calendar.from_ical(payload).walk("VEVENT")[0].decoded("sequence")
    assert int(vobject.readOne(payload.decode()).vevent.sequence.value) == sequence
    return sequence


def test_a_new_time_or_place_raises_the_sequence_and_a_note_does_not(sample_db):
    with Repository.open(sample_db) as repo:
        first = _sequence(repo, "kg-2026-12-08")
        meeting = repo.dataset.meeting("kg-2026-12-08")
        repo.save(meeting.model_copy(update={"starts_at": meeting.starts_at + timedelta(hours=1)}))
        moved = _sequence(repo, "kg-2026-12-08")
        meeting = repo.dataset.meeting("kg-2026-12-08")
        repo.save(meeting.model_copy(update={"location": "Kulturhuset, sal 2"}))
        elsewhere = _sequence(repo, "kg-2026-12-08")
        meeting = repo.dataset.meeting("kg-2026-12-08")
        item = meeting.agenda[4].model_copy(update={"notes": "Ta med utkastet.", "summary": "Nytt framlegg."})
        repo.save(meeting.model_copy(update={"agenda": (*meeting.agenda[:4], item, *meeting.agenda[5:])}))
        noted = _sequence(repo, "kg-2026-12-08")
    assert first < moved < elsewhere == noted
    with Repository.open(sample_db, readonly=True) as repo:  # as stored, not only as held
        assert _sequence(repo, "kg-2026-12-08") == elsewhere


def test_a_cancelled_meeting_writes_a_cancellation_under_the_same_uid_one_sequence_higher(sample_db):
    with Repository.open(sample_db) as repo:
        request = icalendar.Calendar.from_ical(invitation(repo.dataset.meeting("kg-2026-12-08"), repo.dataset))
        changed = cancel(repo.dataset, "kg-2026-12-08")
        with repo.batch():
            for meeting in changed:
                repo.save(meeting)
        payload = invitation(repo.dataset.meeting("kg-2026-12-08"), repo.dataset)
    calendar = icalendar.Calendar.from_ical(payload)
    before, after = request.walk("VEVENT")[0], calendar.walk("VEVENT")[0]
    assert str(calendar["method"]) == "CANCEL" and str(after["status"]) == "CANCELLED"
    assert str(after["uid"]) == str(before["uid"]) == "kg-2026-12-08@slt-tui"
    assert after.decoded("sequence") == before.decoded("sequence") + 1
    assert str(after["description"]).splitlines()[0] == "Møtet er avlyst."
    other = vobject.readOne(payload.decode())
    assert other.method.value == "CANCEL" and other.vevent.status.value == "CANCELLED"
    assert other.vevent.uid.value == "kg-2026-12-08@slt-tui"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_invitations_text_matches_the_reviewed_golden_file(dataset, lang):
    """The subject and agenda as a reader sees them, read by eye once per language (golden/); the
    calendar fields around them are checked above. Regenerate with SLT_TUI_UPDATE_GOLDEN=1 and review."""
    event = icalendar.Calendar.from_ical(invitation(dataset.meeting("kg-2026-12-08"), dataset, lang))
    event = event.walk("VEVENT")[0]
    text = f"{event['summary']}\n{event['location']}\n\n{event['description']}\n"
    golden = Path(__file__).parent / "golden" / f"kg-2026-12-08.invitation.{lang}.txt"
    if os.environ.get("SLT_TUI_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_same_meeting_id_in_two_municipalities_gets_two_calendar_events(sample_db):
    """The attack: a police officer in two municipalities' koordineringsgruppe, both meeting on the same
    day, would see one invitation replace the other (the UID was the meeting id alone)."""
    with Repository.open(sample_db, readonly=True) as repo:
        meeting, dataset = repo.dataset.meeting("kg-2026-12-08"), repo.dataset
    uids = {str(icalendar.Calendar.from_ical(invitation(meeting, dataset, "nb", town)).walk("VEVENT")[0]["uid"])
            for town in ("Fjordvik kommune", "Nordvik kommune")}
    assert uids == {"kg-2026-12-08@fjordvik-kommune.slt-tui", "kg-2026-12-08@nordvik-kommune.slt-tui"}
