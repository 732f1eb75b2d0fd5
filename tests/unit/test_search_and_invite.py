"""Search across meetings, and the calendar invitation read back by two independent parsers."""

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
    assert "Sak 12/26 Oppfølging fra tidligere møter (15 min)" in description.splitlines()
    assert calendar.walk("VTIMEZONE"), "Outlook needs the time zone spelt out"

    other = vobject.readOne(payload.decode())
    vevent = other.vevent
    assert vevent.summary.value == "Møte i Koordineringsgruppa"
    assert vevent.location.value == "Rådhuset; møterom «Fjorden», 2. etg"
    assert vevent.dtstart.value == start
    assert vevent.description.value == description
    assert vevent.uid.value == "kg-2026-12-08@slt-tui"


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
