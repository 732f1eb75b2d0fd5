"""The privacy guard reads the minutes as markdown-it-py does: the same text for every heading,
paragraph, list item and table cell, whatever people typed, with and without confidential items."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_minutes_safety import hostile_minutes, nasty

from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.escape import block
from slt_tui.minutes.html import parser
from slt_tui.minutes.reading import Piece, pieces
from slt_tui.store import Repository


def markdown_it_texts(markdown: str) -> list[str]:
    """The text of each inline token, a numbered list item's number before it, breaks as spaces."""
    texts, number = [], ""
    for token in parser().parse(markdown):
        if token.type == "list_item_open" and token.info:
            number = f"{token.info}{token.markup} "
        elif token.type == "inline":
            texts.append(number + "".join(
                child.content if child.type in ("text", "text_special") else
                " " if child.type in ("softbreak", "hardbreak") else "" for child in token.children))
            number = ""
    return texts


def as_read(texts: list[str]) -> list[str]:
    # Emphasis marks are dropped by the reader even where markdown-it shows a lone one, and white
    # space is folded by the scanner anyway.
    return [" ".join(text.replace("*", "").replace("_", "").split()) for text in texts]


def test_the_sample_minutes_read_as_markdown_it_reads_them(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        dataset, municipality = repo.dataset, repo.municipality
    for meeting in dataset.meetings:
        for variant in Variant:
            for lang in ("nb", "en"):
                markdown = render(meeting, dataset, variant, lang, municipality)
                assert [p.text for p in pieces(markdown)] == markdown_it_texts(markdown)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_minutes(), st.sampled_from(Variant))
def test_hostile_minutes_read_as_markdown_it_reads_them(case, variant):
    dataset, meeting = case
    markdown = render(meeting, dataset, variant, "nb")
    assert as_read([p.text for p in pieces(markdown)]) == as_read(markdown_it_texts(markdown))


@settings(max_examples=300, deadline=None)
@given(nasty)
def test_notes_read_as_markdown_it_reads_them(text):
    markdown = block(text)
    assert as_read([p.text for p in pieces(markdown)]) == as_read(markdown_it_texts(markdown))


def test_pieces_say_what_they_are():
    markdown = "# T\n\n## A\n\n| Sak | Hva |\n|---|---|\n| 01/26 | x \\| y |\n\n140309. 97019\\\nmer\n\n- **Sted:** z"
    assert list(pieces(markdown)) == [
        Piece("h1", 0, "T"), Piece("h2", 0, "A"), Piece("th", 1, "Sak"), Piece("th", 2, "Hva"),
        Piece("td", 1, "01/26"), Piece("td", 2, "x | y"), Piece("p", 0, "140309. 97019 mer"),
        Piece("p", 0, "Sted: z")]
