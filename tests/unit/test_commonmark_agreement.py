"""Every reader of the minutes sees the same document: markdown-it-py and cmark-gfm (CommonMark's
reference implementation, as GitHub runs it), two independent implementations, build the same
headings, lists, paragraphs and table rows from every Markdown file the minutes are written as,
whatever the notes hold (`markdown_structure`)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_structure import StructureMismatch, by_cmark, by_markdown_it, headings, structure, tables

from slt_tui.domain import AgendaItem, MeetingStatus
from slt_tui.domain.approval import correct
from slt_tui.domain.clock import OSLO
from slt_tui.domain.text import clean_block
from slt_tui.i18n import LANGUAGES
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.escape import block
from slt_tui.sample import sample_path
from slt_tui.store import Repository

from strategies import any_text, rich_text


class Sample(tuple):
    """The sample's dataset and municipality, shown short in a failing example."""

    def __repr__(self) -> str:
        return "Sample(fjordvik)"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "slt.json"
    path.write_bytes(sample_path().read_bytes())
    with Repository.open(path, readonly=True) as repo:
        return Sample((repo.dataset, repo.municipality))


def _with_item(dataset, meeting_id: str, number: str, **fields):
    """The dataset with one item of a meeting changed and validated, as the app would save it."""
    meeting = dataset.meeting(meeting_id)
    agenda = tuple(AgendaItem.model_validate({**i.model_dump(), **fields}) if i.number == number else i
                   for i in meeting.agenda)
    meeting = meeting.model_copy(update={"agenda": agenda})
    return dataset.put(meeting), meeting


def _case(blocks, number: str):
    """The blocks under the case's `###` heading, up to the next heading."""
    start = next(n for n, b in enumerate(blocks) if b[0] == "h3" and b[1].startswith(f"Sak {number} "))
    end = next((n for n in range(start + 1, len(blocks)) if blocks[n][0] in ("h2", "h3")), len(blocks))
    return blocks[start + 1:end]


def test_the_helper_tells_the_two_readings_apart():
    """Raw HTML is text to the app's parser (HTML is off) and markup to cmark: a document the two read
    differently is refused, so the agreement below means something."""
    assert by_markdown_it("<b>x</b>\n") != by_cmark("<b>x</b>\n")
    with pytest.raises(StructureMismatch, match="read the document differently"):
        structure("Før\n\n<b>x</b>\n")
    assert structure("# T\n\n- a\n- b\n\n| x |\n|---|\n| y \\| z |\n") == [
        ("h1", "T"), ("ul", True, [[("p", "a")], [("p", "b")]]), ("table", [("x",), ("y | z",)])]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("variant", list(Variant))
def test_every_sample_meeting_reads_the_same_in_both_implementations(sample, variant, lang):
    dataset, municipality = sample
    for meeting in dataset.meetings:
        blocks = structure(render(meeting, dataset, variant, lang, municipality))
        assert headings(blocks)[0][0] == "h1"


@pytest.mark.parametrize("variant", list(Variant))
def test_cancelled_and_corrected_minutes_read_the_same_in_both_implementations(sample, variant):
    dataset, municipality = sample
    planned = dataset.meeting("kg-2026-12-08").model_copy(update={"status": MeetingStatus.CANCELLED})
    approved = dataset.meeting("kg-2026-09-15")
    changed = approved.model_copy(update={"location": "Rådhuset | møterom *Fjorden*"})
    corrected = correct(approved, changed, by="Ingrid Solbakk", what="Rettet sted: <b>møterom</b> | 2",
                        why="Feil i\\ referatet [/b]", session="s", at=datetime(2026, 11, 2, 10, 15, tzinfo=OSLO))
    for meeting in (planned, corrected):
        for lang in LANGUAGES:
            structure(render(meeting, dataset.put(meeting), variant, lang, municipality))


# What people type in notes: lists followed by lines, nested lists, emphasis (beside symbols too),
# backslashes, Rich markup, headings and HTML, mixed with any text at all.
FRAGMENTS = ["- ", "* ", "+ ", "1. ", "2. ", "7) ", "  - ", "   1. ", "    - ", "      * ", "\n", "\n", "\n\n",
             "*", "**", "_", "__", "*viktig*", "**fet**", "\\", "\\\n", "[/b]", "[b]", "# ", "## ", "### ",
             "<b>", "<div>", "</p>", "<!-- x -->", "`", "```", "|", "| a | b |\n|---|---|", "---", "===",
             "> ", "&amp;", "&#0;", "a", "ord", "Tekst", " ", "  ", "0123", "æøå", "€", "¬", "©", "«", "»", "–"]
notes = (st.lists(st.sampled_from(FRAGMENTS) | any_text.map(lambda s: s[:6]), max_size=25).map("".join)
         | rich_text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=notes, decision=notes, variant=st.sampled_from(Variant))
@example(text="- a\nb", decision="Vedtatt.", variant=Variant.INTERNAL)
@example(text="Innledning\n- a\n  - b\nTekst *etter* \\\n[/b]", decision="1. a\n1. b\nc", variant=Variant.PUBLIC)
def test_any_notes_read_the_same_in_both_implementations(sample, text, decision, variant):
    dataset, municipality = sample
    fields = {"notes": text}
    if clean_block(decision):
        fields["decisions"] = [{"id": "d1", "text": decision}]
    dataset, meeting = _with_item(dataset, "kg-2026-10-27", "09/26", **fields)
    blocks = structure(render(meeting, dataset, variant, "nb", municipality))
    # Typed text makes paragraphs and lists, nothing else: no heading, table, code, quote or HTML.
    assert {b[0] for b in _case(blocks, "09/26")} <= {"p", "ul", "ol"}
    assert [h[1] for h in headings(blocks) if h[0] == "h3"] == [f"Sak {i.number} {i.title}" for i in meeting.agenda]
    assert len(tables(blocks)) == 2  # the attendance, and the review in the follow-up case


@settings(max_examples=300, deadline=None)
@given(notes)
def test_notes_alone_read_the_same_in_both_implementations(text):
    structure(block(text))


def test_a_line_typed_after_a_list_is_a_paragraph_of_its_own(sample):
    dataset, municipality = sample
    dataset, meeting = _with_item(dataset, "kg-2026-10-27", "09/26", notes="- a\nb")
    blocks = structure(render(meeting, dataset, Variant.INTERNAL, "nb", municipality))
    assert _case(blocks, "09/26")[:3] == [("p", "Innleder: Henrik Aalvik (vara for NAV)."),
                                          ("ul", True, [[("p", "a")]]), ("p", "b")]
    assert "\\" not in block("- a\nb")  # no stray hard break left in the file


def test_the_sample_note_with_a_list_and_a_line_after_it(sample):
    """The note of case 02/26: a paragraph, a list of three, and the contact line as a paragraph after it."""
    dataset, municipality = sample
    blocks = structure(render(dataset.meeting("kg-2026-09-15"), dataset, Variant.PUBLIC, "nb", municipality))
    assert _case(blocks, "02/26")[1:4] == [
        ("p", "Skolen melder om mer uro i friminuttene etter sommerferien."),
        ("ul", True, [[("p", "Politiet har sett flere unge samlet ved kaiområdet på fredagskvelder")],
                      [("p", "Helsestasjonen opplever <em>økt pågang</em> på drop-in")],
                      [("p", "Utekontakten er ved kaiområdet fredager etter kl. 18")]]),
        ("p", "Kontakt: SLT-koordinator Ingrid Solbakk.")]


@pytest.mark.parametrize(("typed", "expected"), [
    ("a\n- b", [("p", "a"), ("ul", True, [[("p", "b")]])]),
    ("a\n3. b", [("p", "a"), ("ol", 3, True, [[("p", "b")]])]),
    ("- a\n  b\nc", [("ul", True, [[("p", "a<br>\nb")]]), ("p", "c")]),
    ("- a\n  - b\nc", [("ul", True, [[("p", "a"), ("ul", True, [[("p", "b")]])]]), ("p", "c")]),
    ("- a\n\n  b\nc", [("ul", False, [[("p", "a"), ("p", "b")]]), ("p", "c")]),
    ("1. a\nb\n1. c", [("ol", 1, True, [[("p", "a")]]), ("p", "b"), ("ol", 1, True, [[("p", "c")]])]),
    ("a\nb", [("p", "a<br>\nb")]),
])
def test_lists_and_paragraphs_as_typed(typed, expected):
    assert structure(block(typed)) == expected


def test_a_list_typed_deeper_than_readers_nest_keeps_every_item():
    """markdown-it stops nesting at about nine levels and drops what is below; the minutes nest at most
    MAX_LIST_DEPTH deep, so every item typed is read, in both parsers alike."""
    from slt_tui.minutes.escape import MAX_LIST_DEPTH, block
    from slt_tui.minutes.html import parser

    note = "\n".join(" " * (2 * level) + f"- nivå {level}" for level in range(30)) + "\nEtter listen."
    markdown = block(note)
    html = parser().render(markdown)
    assert all(re.search(f"nivå {level}(?!\\d)", html) for level in range(30)) and "<p>Etter listen.</p>" in html
    assert html.count("<ul>") == MAX_LIST_DEPTH
    structure(markdown)  # the same in cmark-gfm
