"""Whatever people type, the minutes keep their shape: checked on markdown-it-py's token stream.

Every user field of a meeting (forum and people's names, titles, notes, decisions, follow-up points
and their comments, places, legal bases) is filled with hostile text. The document must still have
exactly the headings and tables the renderer writes, every table row its columns and its text as
typed, no raw HTML, no code, quote or rule from user text, and no control character.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_structure import structure

from slt_tui.domain import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Correction,
    Dataset,
    Decision,
    Forum,
    Guest,
    ItemKind,
    Level,
    Meeting,
    MeetingStatus,
    Origin,
    Person,
)
from slt_tui.domain.approval import content
from slt_tui.domain.clock import OSLO
from slt_tui.domain.standard import STANDARD_AGENCIES
from slt_tui.domain.text import clean_line
from slt_tui.minutes.document import Variant, render, shows_content
from slt_tui.minutes.escape import block, cell, inline
from slt_tui.minutes.html import page, parser
from slt_tui.wording import guest_name

FRAGMENTS = [
    "<script>alert(1)</script>", "<b>", "<!-- x -->", "<div>", "</p>", "```", "~~~", "# ", "## ", "\n# ",
    "\n---\n", "\n===\n", "---", "***", "* * *", "| a | b |\n|---|---|\n| c | d |", "|", "||", "\\", "\\|",
    "    code", "\n    code", "\t", "\n> ", ">", "[x](javascript:alert(1))", "![i](x.png)", "<http://x.y>",
    "[ref]: http://x.y", "&amp;", "&#0;", "&lt;", "1. ", "2) ", "- ", "+ ", "* ", "  - ", "     - ", "_x_", "**",
    "`", "æøå", "ÆØÅ", "😀", "\x1b[31m", "\x00", "\x07", "\x7f", "\u202e", "\r\n", "\n", "\n\n", "  ", "=",
    "0123456789", "Sak 07/26",
]
nasty = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=12).map("".join)
nasty_title = nasty.filter(lambda s: clean_line(s) != "")


@st.composite
def hostile_minutes(draw):
    """A dataset whose forum has an earlier and a current meeting, every text field hostile."""
    codes = [a.code for a in STANDARD_AGENCIES]
    people = tuple(Person(id=f"p{n}", name=draw(nasty_title), agency=code)
                   for n, code in enumerate(draw(st.lists(st.sampled_from(codes), min_size=1, max_size=4))))
    forum = Forum(id="f", name=draw(nasty_title), level=Level.COORDINATION, members=tuple(p.id for p in people),
                  required_agencies=tuple(dict.fromkeys(p.agency for p in people)))
    start = datetime(2026, 3, 3, 9, 0, tzinfo=OSLO)
    earlier = Meeting(id="m1", forum="f", starts_at=start, status=MeetingStatus.CLOSED, started_at=start,
                      ended_at=start + timedelta(hours=1),
                      agenda=(AgendaItem(id="e1", number="01/26", title=draw(nasty_title),
                                         confidential=draw(st.booleans()), legal_basis="offl. § 13"),))
    items = []
    for n in range(draw(st.integers(1, 4))):
        confidential = draw(st.booleans())
        items.append(AgendaItem(
            id=f"s{n}", number=f"{n + 2:02d}/26", title=draw(nasty_title), presenter=draw(nasty),
            kind=draw(st.sampled_from(ItemKind)),
            notes=draw(nasty), confidential=confidential, legal_basis=draw(nasty_title) if confidential else "",
            decisions=tuple(Decision(id=f"d{i}", text=draw(nasty_title)) for i in range(draw(st.integers(0, 2))))))
    attendance = []
    for person in people:
        status = draw(st.sampled_from(AttendanceStatus))
        attendance.append(Attendance(person=person.id, status=status,
                                     substitute=draw(nasty_title) if status is AttendanceStatus.SUBSTITUTE else ""))
    current_start = start + timedelta(weeks=6)
    meeting = Meeting(
        id="m2", forum="f", starts_at=current_start, location=draw(nasty), chair=people[0].id,
        status=MeetingStatus.CLOSED, started_at=current_start, ended_at=current_start + timedelta(hours=2),
        agenda=tuple(items), attendance=tuple(attendance),
        guests=tuple(draw(st.sampled_from([
            Guest(name=draw(nasty_title), agency=draw(st.sampled_from(codes))),
            Guest(name=draw(nasty_title), organisation=draw(nasty_title), role=draw(nasty_title),
                  from_item=draw(st.sampled_from([None, *(i.id for i in items)])))]))
                     for _ in range(draw(st.integers(0, 2)))),
        previous="m1", next_meeting_at=current_start + timedelta(weeks=6))
    old = ActionItem(id="a-old", title=draw(nasty_title), forum="f", agency=people[0].agency, due="2026-04-01",
                     origin=Origin(meeting="m1", item="e1"), status=ActionStatus.IN_PROGRESS,
                     updates=(ActionUpdate(meeting="m2", status=ActionStatus.IN_PROGRESS, comment=draw(nasty),
                                           at=current_start + timedelta(minutes=5)),))
    new = [ActionItem(id=f"a-new{n}", title=draw(nasty_title), forum="f", agency=draw(st.sampled_from(codes)),
                      owner=draw(st.sampled_from([None, people[0].id])), due="2026-06-01",
                      origin=Origin(meeting="m2", item=item.id))
           for n, item in enumerate(items) if draw(st.booleans())]
    if draw(st.booleans()):  # corrected after approval: what and why are typed text too
        meeting = meeting.model_copy(update={"corrections": tuple(
            Correction(id=f"r{n}", at=current_start + timedelta(days=50 + n), by=draw(nasty_title),
                       what=draw(nasty_title), why=draw(nasty_title), before=content(meeting))
            for n in range(draw(st.integers(1, 2))))})
    dataset = Dataset(agencies=STANDARD_AGENCIES, people=people, forums=(forum,), meetings=(earlier, meeting),
                      actions=(old, *new))
    return dataset, meeting


def _text(inline_token) -> str:
    return "".join(child.content for child in inline_token.children if child.type in ("text", "text_special"))


def _structure(markdown: str):
    tokens = parser().parse(markdown)
    headings, tables = [], []
    for n, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((token.tag, _text(tokens[n + 1])))
        elif token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tokens[n - 1].type in ("th_open", "td_open"):
            tables[-1][-1].append(_text(token))
    return tokens, headings, tables


def _shown(text: str) -> str:
    return " ".join(clean_line(text).replace("\t", " ").split()) or "—"


def _as_block(text: str) -> str:
    """Typed text as `markdown_structure` writes a block's text: folded, its `&` and `<` spelled out."""
    return _shown(text).replace("&", "&amp;").replace("<", "&lt;")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_minutes(), st.sampled_from(Variant))
def test_hostile_text_cannot_change_the_shape_of_the_minutes(case, variant):
    dataset, meeting = case
    markdown = render(meeting, dataset, variant, "nb")
    tokens, headings, tables = _structure(markdown)
    blocks = structure(markdown)  # and cmark-gfm reads the same document

    assert not [c for c in markdown if ord(c) < 0x20 and c != "\n"], "a control character reached the file"
    forbidden = {"html_block", "html_inline", "fence", "code_block", "code_inline", "blockquote_open", "hr",
                 "link_open", "image"}
    found = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not found & forbidden

    follow_up = next((i for i in meeting.agenda if i.kind is ItemKind.FOLLOW_UP), None)
    expected = [("h1", f"Referat fra møte i {_shown(dataset.forum('f').name)}"), ("h2", "Saker")]
    expected += [("h3", f"Sak {item.number} {_shown(item.title)}") for item in meeting.agenda]
    if follow_up is None:
        expected.append(("h2", "Oppfølging fra tidligere møter"))
    expected.append(("h2", "Neste møte"))
    if meeting.corrections:
        expected.append(("h2", "Rettelser etter godkjenning"))
    assert headings == expected

    attendance, *rest = tables
    assert len(attendance) == 1 + len(meeting.attendance) + len(meeting.guests)
    assert all(len(row) == 3 for row in attendance)
    names = sorted(row[1] for row in attendance[1:])
    typed = [a.substitute if a.substitute else dataset.person(a.person).name for a in meeting.attendance]
    assert names == sorted(_shown(n) for n in [*typed, *(guest_name(g) for g in meeting.guests)])

    old = dataset.action("a-old")
    public_hides = variant is Variant.PUBLIC and dataset.meeting("m1").agenda[0].confidential
    if follow_up is None or shows_content(follow_up, variant):
        reviews, *rest = rest
        assert reviews[1] == ["01/26", "unntatt offentlighet" if public_hides else _shown(old.title), reviews[1][2],
                              "under arbeid", "—" if public_hides else _shown(old.updates[0].comment), "01.04.2026"]
    if meeting.corrections:
        corrections, *rest = rest
        assert [row[1:] for row in corrections[1:]] == [[_shown(c.by), _shown(c.what), _shown(c.why)]
                                                        for c in meeting.corrections]
    assert rest == []

    # Each point raised stands under its case, after "Oppfølging:", as typed or withheld.
    for item in meeting.agenda:
        raised = [a for a in dataset.actions if a.origin.meeting == "m2" and a.origin.item == item.id]
        start = blocks.index(("h3", _as_block(f"Sak {item.number} {item.title}")))
        case = blocks[start + 1:next(n for n in range(start + 1, len(blocks)) if blocks[n][0] in ("h2", "h3"))]
        if not raised:
            assert ("p", "<strong>Oppfølging:</strong>") not in case
            continue
        assert case[-2:-1] == [("p", "<strong>Oppfølging:</strong>")] and case[-1][0] == "ul"
        hidden = variant is Variant.PUBLIC and item.confidential
        shown = []
        for action in raised:
            if hidden:  # neither the text nor who answers for it: that tells of the case
                shown.append([("p", _as_block("Unntatt offentlighet – frist 01.06.2026"))])
                continue
            who = dataset.agency(action.agency).name
            if action.owner:
                who += ", " + dataset.person(action.owner).name
            shown.append([("p", _as_block(f"{_shown(action.title)} – {who} – frist 01.06.2026"))])
        assert case[-1][2] == shown


@settings(max_examples=300, deadline=None)
@given(nasty_title)
def test_escaped_text_reads_back_exactly_as_typed(text):
    for escaped, wrap in ((inline(text), "{}"), (cell(text), "| x |\n|---|\n| {} |")):
        tokens = parser().parse(wrap.format(escaped))
        inlines = [t for t in tokens if t.type == "inline"]
        assert _text(inlines[-1]) == _shown(text)
        assert {c.type for c in inlines[-1].children} <= {"text", "text_special"}


@settings(max_examples=300, deadline=None)
@given(nasty)
def test_notes_keep_lists_and_emphasis_and_nothing_else(text):
    tokens = parser().parse("## Before\n\n" + block(text) + "\n\n## After\n")
    allowed = {"paragraph_open", "paragraph_close", "inline", "bullet_list_open", "bullet_list_close",
               "ordered_list_open", "ordered_list_close", "list_item_open", "list_item_close",
               "heading_open", "heading_close"}
    assert {t.type for t in tokens} <= allowed
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h2", "h2"]
    inline_kinds = {c.type for t in tokens if t.type == "inline" for c in t.children}
    assert inline_kinds <= {"text", "text_special", "em_open", "em_close", "strong_open", "strong_close",
                            "softbreak", "hardbreak"}
    # Every letter typed is still there, in order (digits may number a list).
    typed = [c for c in clean_line(text) if c.isalpha()]
    shown = [c for t in tokens if t.type == "inline" and t.content not in ("Before", "After")
             for child in t.children for c in child.content if c.isalpha()]
    assert shown == typed


def test_notes_lists_and_emphasis_work():
    notes = "Innledning\nandre linje\n- første *viktig*\n  - under\n1. nummer"
    html = parser().render(block(notes))
    assert "<ul>" in html and "<em>viktig</em>" in html and "<ol>" in html
    assert html.count("<li>") == 3
    assert "Innledning<br />\nandre linje" in html  # a typed line break stays a line break


def test_html_page_is_standalone_and_passes_no_raw_html():
    html = page("# Tittel\n\n<script>alert(1)</script>\n\n| a |\n|---|\n| b |\n", "Referat <x>", "nb")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nb">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<table>" in html and "<title>Referat &lt;x&gt;</title>" in html
    assert "http" not in html.replace("http-equiv", "")  # no external asset
