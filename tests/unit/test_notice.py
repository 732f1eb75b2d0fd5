"""The notice (innkalling) of the sample's planned meeting: its layout, what the public one leaves out,
the planned times, how it reads in two CommonMark implementations, the privacy check and the files;
and the one `Export` that writes minutes and notice in every format and version."""

from __future__ import annotations

import io
import os
import re
import stat
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_structure import headings, structure, tables

from slt_tui.cli import run
from slt_tui.domain import AgendaItem
from slt_tui.domain.approval import correct
from slt_tui.domain.clock import OSLO
from slt_tui.domain.text import clean_line
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.export import (
    DocumentKind,
    Export,
    Format,
    InternalByMailError,
    NoticeFindingsError,
    UnknownVersionError,
)
from slt_tui.minutes.notice import item_starts, notice_findings, render_notice
from slt_tui.minutes.pdf import PdfUnavailableError

from strategies import rich_text

GOLDEN = Path(__file__).parent / "golden"
MEETING = "kg-2026-12-08"
SECRET_SUMMARY = "Barnevernet og politiet orienterer"
SECRET_ACTION = "Felles tiltak for gruppen ved kaiområdet"


def _case(blocks, number: str):
    """The blocks under the case's `###` heading, up to the next heading."""
    start = next(n for n, b in enumerate(blocks) if b[0] == "h3" and b[1].startswith(f"Sak {number} "))
    end = next((n for n in range(start + 1, len(blocks)) if blocks[n][0] in ("h2", "h3")), len(blocks))
    return blocks[start + 1:end]


def _shown(text: str) -> str:
    """Text as `markdown_structure` gives it: its own `&` and `<` written as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _with_item(dataset, number: str, **fields):
    meeting = dataset.meeting(MEETING)
    agenda = tuple(AgendaItem.model_validate({**i.model_dump(), **fields}) if i.number == number else i
                   for i in meeting.agenda)
    meeting = meeting.model_copy(update={"agenda": agenda})
    return dataset.put(meeting), meeting


# The document ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("variant", list(Variant))
def test_the_sample_notice_matches_the_reviewed_golden_file(sample, variant, lang):
    """The files in golden/ were read by eye once; regenerate with SLT_TUI_UPDATE_GOLDEN=1 and review."""
    dataset, municipality = sample
    text = render_notice(dataset.meeting(MEETING), dataset, variant, lang, municipality)
    golden = GOLDEN / f"{MEETING}.notice.{variant.value}.{lang}.md"
    if os.environ.get("SLT_TUI_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_notice_says_when_where_to_whom_and_how_to_send_word(sample):
    dataset, municipality = sample
    blocks = structure(render_notice(dataset.meeting(MEETING), dataset, Variant.INTERNAL, "nb", municipality))
    assert headings(blocks)[:3] == [("h1", "Innkalling til møte i Koordineringsgruppa"), ("h2", "Til"),
                                    ("h2", "Saksliste")]
    head = blocks[2]  # the title, the variant, then the meeting's details
    assert head[0] == "ul" and [item[0][1] for item in head[2]] == [
        "<strong>Kommune:</strong> Fjordvik kommune", "<strong>Dato:</strong> tirsdag 8. desember 2026",
        "<strong>Tid:</strong> kl. 09.00–10.30", "<strong>Sted:</strong> Rådhuset, møterom Fjorden",
        "<strong>Møteleder:</strong> Ingrid Solbakk, SLT-koordinator",
        "<strong>Referent:</strong> Camilla Øvrebotn, Kultur og fritid"]
    to = blocks[blocks.index(("h2", "Til")) + 1:blocks.index(("h2", "Saksliste"))]
    members = [item[0][1] for item in to[0][2]]
    assert len(members) == 9 and members[0] == "Ingrid Solbakk, SLT-koordinator"
    assert "Per Ivar Lundeby, Psykisk helse og rus" in members  # no address: invited all the same
    assert to[1] == ("p", "<strong>Kopi til:</strong> Kommunedirektøren, Politiråd v/ leder, Arkivet")
    assert to[2] == ("p", "Forfall meldes til møteleder Ingrid Solbakk (slt@fjordvik.example), med navn på den som "
                          "møter som vara.")


def test_each_case_starts_when_the_ones_before_it_have_had_their_planned_minutes(sample):
    dataset, municipality = sample
    meeting = dataset.meeting(MEETING)
    text = render_notice(meeting, dataset, Variant.INTERNAL, "nb", municipality)
    blocks = structure(text)
    minute = meeting.starts_at.hour * 60 + meeting.starts_at.minute
    for item, offset in item_starts(meeting):
        start, end = minute, minute + item.planned_minutes
        said = _case(blocks, item.number)[0]
        assert said[1].startswith(f"Kl. {start // 60:02d}.{start % 60:02d}–{end // 60:02d}.{end % 60:02d}. "), said
        assert offset.total_seconds() == (start - 9 * 60) * 60
        minute = end
    assert _case(blocks, "15/26")[0] == ("p", "Kl. 09.45–10.10. Sakstype: drøftingssak. Innleder: Ingrid Solbakk.")
    assert _case(blocks, "12/26")[0][1].endswith("Gjelder referatet fra møtet 27.10.2026.")


def test_the_saksframlegg_follows_its_case_with_its_paragraphs(sample):
    dataset, municipality = sample
    blocks = structure(render_notice(dataset.meeting(MEETING), dataset, Variant.PUBLIC, "nb", municipality))
    assert _case(blocks, "15/26")[1:] == [
        ("p", "<strong>Saksframlegg:</strong>"),
        ("p", "Koordinatoren legger fram utkast til handlingsplan for 2027."),
        ("p", "Gruppen bes om innspill til tre prioriterte innsatsområder.")]
    assert _case(blocks, "14/26") == [("p", "Kl. 09.25–09.45. Sakstype: orienteringssak.")]  # none written


def test_a_case_exempt_from_public_access_shows_only_number_title_and_legal_basis_in_public(sample):
    dataset, municipality = sample
    meeting = dataset.meeting(MEETING)
    internal = structure(render_notice(meeting, dataset, Variant.INTERNAL, "nb", municipality))
    public_text = render_notice(meeting, dataset, Variant.PUBLIC, "nb", municipality)
    public = structure(public_text)
    assert ("h3", "Sak 16/26 Oppfølging av bekymringen ved kaiområdet") in public
    assert _case(public, "16/26") == [("p", "<em>Unntatt offentlighet, jf. offl. § 13 jf. fvl. § 13.</em>")]
    assert ("p", "Kl. 10.10–10.25. Sakstype: drøftingssak. Innleder: Mona Hauglid.") in _case(internal, "16/26")
    assert any(SECRET_SUMMARY in b[1] for b in _case(internal, "16/26"))
    assert SECRET_SUMMARY not in public_text and SECRET_ACTION not in public_text
    assert "Offentlig innkalling" in public_text and "slt@fjordvik.example" not in public_text
    # the point raised in it stands under no agency: who works on it tells of the case
    assert ("08/26", "unntatt offentlighet", "—", "08.12.2026") in tables(public)[-1]
    assert ("h3", "Unntatt offentlighet") in public and ("h3", "Barnevernstjenesten") not in public


def test_open_points_are_grouped_by_the_owning_agency_with_overdue_ones_marked(sample):
    dataset, municipality = sample
    blocks = structure(render_notice(dataset.meeting(MEETING), dataset, Variant.INTERNAL, "nb", municipality))
    follow_up = blocks[blocks.index(("h2", "Oppfølging fra tidligere møter")):]
    assert [b[1] for b in follow_up if b[0] == "h3"] == ["Barnevernstjenesten", "NAV", "Skole", "Kultur og fritid"]
    assert [t[1:] for t in tables(follow_up)] == [
        [("08/26", SECRET_ACTION, "Mona Hauglid", "08.12.2026")],  # due on the day: not yet over
        [("09/26", "Søke om midler til 40 sommerjobber", "—", "15.02.2027")],
        [("04/26", "Sette opp foreldremøter om rus for 9. trinn", "Ola Skarsvåg", "13.11.2026 (over frist)")],
        [("03/26", "Evaluere utvidet åpningstid i ungdomsklubben", "Camilla Øvrebotn", "31.01.2027")]]
    assert all(t[0] == ("Sak", "Hva", "Ansvarlig", "Frist") for t in tables(follow_up))


def test_word_of_absence_goes_to_the_minute_taker_when_there_is_no_chair(sample):
    dataset, _ = sample
    meeting = dataset.meeting(MEETING).model_copy(update={"chair": None})
    text = render_notice(meeting, dataset.put(meeting), Variant.INTERNAL, "en")
    assert ("If you cannot come, send word to the minute-taker, Camilla Øvrebotn (camilla-ovrebotn@fjordvik.example), "
            "and say who comes as your substitute.") in text
    nobody = meeting.model_copy(update={"minute_taker": None})
    assert "Forfall meldes til møteleder, med navn" in render_notice(nobody, dataset.put(nobody))


def test_a_cancelled_meeting_says_so_at_the_top(sample):
    from slt_tui.domain import MeetingStatus

    dataset, _ = sample
    meeting = dataset.meeting(MEETING).model_copy(update={"status": MeetingStatus.CANCELLED})
    blocks = structure(render_notice(meeting, dataset.put(meeting), Variant.PUBLIC, "nb"))
    assert blocks[2] == ("p", "<strong>Møtet er avlyst.</strong>")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(summary=rich_text, title=st.text(max_size=80), presenter=st.text(max_size=40),
       variant=st.sampled_from(Variant))
def test_typed_text_cannot_change_the_shape_of_the_notice(sample, summary, title, presenter, variant):
    dataset, _ = sample
    title = clean_line(title) or "Sak"
    dataset, meeting = _with_item(dataset, "15/26", summary=summary, title=title, presenter=presenter)
    dataset, meeting = _with_item(dataset, "16/26", summary=summary, title=title, presenter=presenter)
    markdown = render_notice(meeting, dataset, variant, "nb")
    assert not [c for c in markdown if ord(c) < 0x20 and c != "\n"], "a control character reached the file"
    blocks = structure(markdown)
    assert [h[1] for h in headings(blocks) if h[0] == "h3"][:len(meeting.agenda)] == [
        _shown(f"Sak {i.number} {i.title}") for i in meeting.agenda]
    assert [h for h in headings(blocks) if h[0] in ("h1", "h2")] == [
        ("h1", "Innkalling til møte i Koordineringsgruppa"), ("h2", "Til"), ("h2", "Saksliste"),
        ("h2", "Oppfølging fra tidligere møter")]
    for number in ("15/26", "16/26"):
        assert {b[0] for b in _case(blocks, number)} <= {"p", "ul", "ol"}
    assert len(tables(blocks)) == 4
    if variant is Variant.PUBLIC and summary.strip():
        assert _case(blocks, "16/26") == [("p", "<em>Unntatt offentlighet, jf. offl. § 13 jf. fvl. § 13.</em>")]


# Privacy and files ---------------------------------------------------------------------------------------


def test_the_sample_notice_has_nothing_for_the_privacy_guard(sample):
    dataset, municipality = sample
    assert notice_findings(dataset.meeting(MEETING), dataset, "nb", municipality) == []


def test_findings_elsewhere_in_the_public_notice_say_where_they_are(sample):
    dataset, municipality = sample
    dataset = dataset.put(dataset.action("a-klubb-evaluering").model_copy(update={"title": "Ring 912 34 567"}))
    dataset = dataset.put(dataset.forum("kg").model_copy(update={"copy_to": ("arkiv@fjordvik.example",)}))
    found = notice_findings(dataset.meeting(MEETING), dataset, "nb", municipality)
    assert [f.sentence("nb") for f in found] == ["Kopi til: e-postadresse",
                                                 "Oppfølging fra tidligere møter, sak 03/26: telefonnummer"]


def test_a_number_in_a_saksframlegg_is_found_in_its_case_and_the_public_notice_is_not_written(sample, tmp_path):
    dataset, municipality = sample
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    dataset, meeting = _with_item(dataset, "15/26", summary="Ring Kari på 912 34 567.")
    dataset, meeting = _with_item(dataset, "16/26", summary="Mor: 912 34 567")  # exempt: never published
    export = Export(meeting, dataset, Variant.PUBLIC, Format.MARKDOWN, "nb", municipality, kind=DocumentKind.NOTICE)
    assert [f.sentence("nb") for f in export.findings()] == ["Sak 15/26: telefonnummer"]
    with pytest.raises(NoticeFindingsError) as refused:
        export.write(tmp_path)
    assert refused.value.sentence("nb").startswith("Den offentlige innkallingen ble ikke skrevet")
    assert list(tmp_path.iterdir()) == []
    written = export.write(tmp_path, force=True)
    assert written.name == "innkalling-koordineringsgruppa-2026-12-08.md"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    internal = Export(meeting, dataset, Variant.INTERNAL, Format.MARKDOWN, "en", kind=DocumentKind.NOTICE)
    assert internal.findings() == [] and internal.file_name == "notice-koordineringsgruppa-2026-12-08-internal.md"
    assert stat.S_IMODE(internal.write(tmp_path).stat().st_mode) == 0o600


def test_the_notice_as_an_html_page_and_as_an_archive_pdf(sample):
    dataset, municipality = sample
    meeting = dataset.meeting(MEETING)
    page = Export(meeting, dataset, Variant.PUBLIC, Format.HTML, "nb", municipality, kind=DocumentKind.NOTICE)
    html = page.text()
    assert page.file_name.endswith(".html") and "<h1>Innkalling til møte i Koordineringsgruppa</h1>" in html
    assert "<title>Innkalling til møte i Koordineringsgruppa 08.12.2026</title>" in html
    pdf = Export(meeting, dataset, Variant.PUBLIC, Format.PDF, "nb", municipality, kind=DocumentKind.NOTICE)
    assert pdf.file_name == "innkalling-koordineringsgruppa-2026-12-08.pdf" and pdf.author == "Ingrid Solbakk"
    try:
        payload = pdf.payload()
    except PdfUnavailableError as missing:
        pytest.skip(str(missing))
    assert payload.startswith(b"%PDF-")
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf (the test extra) is not installed")
    with pikepdf.open(io.BytesIO(payload)) as read:
        meta = read.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert meta["dc:title"] == "Innkalling til møte i Koordineringsgruppa 08.12.2026"
        assert meta["dc:creator"] == ["Ingrid Solbakk"]


# The one Export ----------------------------------------------------------------------------------------


def test_a_machine_without_what_a_pdf_needs_gets_one_sentence_and_no_file(sample_db, tmp_path, monkeypatch, capsys):
    def unavailable(*args, **kwargs):
        raise PdfUnavailableError(reason="the PDF engine is missing")

    monkeypatch.setattr("slt_tui.minutes.export.archive_pdf", unavailable)
    for command in (["notice", MEETING], ["export", "kg-2026-10-27", "--public"]):
        code = run(["--db", str(sample_db), "--lang", "en", *command, "--pdf", "-o", f"{tmp_path}/archive/"])
        said = capsys.readouterr()
        assert code == 2 and said.out == ""
        assert said.err == "slt-tui: No PDF can be made on this machine: the PDF engine is missing.\n"
    assert list((tmp_path / "archive").iterdir()) == []


def test_the_former_html_flag_still_chooses_the_format(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    assert Export(meeting, dataset, Variant.PUBLIC, True, "nb").format is Format.HTML
    assert Export(meeting, dataset, Variant.PUBLIC, False, "nb").format is Format.MARKDOWN
    assert Export(meeting, dataset, Variant.PUBLIC, html=True).file_name == \
        "referat-koordineringsgruppa-2026-10-27.html"
    assert Export(meeting, dataset, format="pdf").file_name == "referat-koordineringsgruppa-2026-10-27-internt.pdf"


def test_the_internal_minutes_never_go_in_an_e_mail(sample, tmp_path):
    dataset, _ = sample
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    export = Export(dataset.meeting("kg-2026-10-27"), dataset, Variant.INTERNAL, Format.EML)
    for attempt in (export.payload, export.findings, lambda: export.write(tmp_path)):
        with pytest.raises(InternalByMailError):
            attempt()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError):
        Export(dataset.meeting(MEETING), dataset, Variant.PUBLIC, Format.EML, kind=DocumentKind.NOTICE)


def test_each_approved_version_of_the_minutes_can_be_exported(sample):
    dataset, municipality = sample
    approved = dataset.meeting("kg-2026-09-15")
    changed = approved.model_copy(update={"location": "Kulturhuset, sal 2"})
    corrected = correct(approved, changed, by="Ingrid Solbakk", what="Rettet sted", why="Feil sted i referatet",
                        session="s", at=datetime(2026, 11, 2, 10, 15, tzinfo=OSLO))
    dataset = dataset.put(corrected)
    first = Export(corrected, dataset, Variant.PUBLIC, Format.MARKDOWN, "nb", municipality, version=1)
    current = Export(corrected, dataset, Variant.PUBLIC, Format.MARKDOWN, "nb", municipality)
    assert "Rådhuset, møterom Fjorden" in first.text() and "Kulturhuset, sal 2" not in first.text()
    assert "Kulturhuset, sal 2" in current.text()
    assert current.text() == Export(corrected, dataset, Variant.PUBLIC, version=2, municipality=municipality).text()
    assert first.file_name == "referat-koordineringsgruppa-2026-09-15-versjon-1.md"
    assert current.text() == render(corrected, dataset, Variant.PUBLIC, "nb", municipality)
    for wrong in (0, 3):
        with pytest.raises(UnknownVersionError) as unknown:
            Export(corrected, dataset, version=wrong).text()
        assert re.fullmatch(rf"The minutes of meeting kg-2026-09-15 have no version {wrong}; the current version is "
                            r"2 \(see “slt-tui export kg-2026-09-15 --versions”\)\.", str(unknown.value))
