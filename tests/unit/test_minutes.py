"""The minutes of the sample meetings: the møtereferat's layout, the two variants, the three languages,
approval and corrections, a cancelled meeting, export to files."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from markdown_structure import headings, structure, tables

from slt_tui.domain import ActionStatus, ActionUpdate, Guest, ItemKind, MeetingStatus
from slt_tui.domain.approval import correct, versions
from slt_tui.domain.clock import OSLO, now
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.export import Export, ExportExistsError, PrivacyFindingsError
from slt_tui.minutes.privacy import scan

GOLDEN = Path(__file__).parent / "golden"
SECRET_NOTE = "Drøftet anonymt"
SECRET_ACTION = "Felles tiltak for gruppen ved kaiområdet"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("variant", list(Variant))
@pytest.mark.parametrize("meeting", ["kg-2026-09-15", "kg-2026-10-27"])
def test_sample_minutes_match_the_reviewed_golden_file(sample, meeting, variant, lang):
    """The files in golden/ were read by eye; regenerate with SLT_TUI_UPDATE_GOLDEN=1 and review them.
    15 September: approved (case 06/26), journaled as 26/812. 27 October: awaiting approval."""
    dataset, municipality = sample
    text = render(dataset.meeting(meeting), dataset, variant, lang, municipality)
    golden = GOLDEN / f"{meeting}.{variant.value}.{lang}.md"
    if os.environ.get("SLT_TUI_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_public_minutes_keep_the_confidential_title_and_basis_and_nothing_else(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    internal = render(meeting, dataset, Variant.INTERNAL)
    public = render(meeting, dataset, Variant.PUBLIC)
    assert SECRET_NOTE in internal and SECRET_ACTION in internal
    assert f"- {SECRET_ACTION} – Barnevernstjenesten, Mona Hauglid – frist 08.12.2026" in internal
    assert "### Sak 08/26 Bekymring for en gruppe ungdommer ved kaiområdet" in public
    assert "offl. § 13 jf. fvl. § 13" in public
    assert SECRET_NOTE not in public and SECRET_ACTION not in public and "Mona Hauglid –" not in public
    assert "- Unntatt offentlighet – frist 08.12.2026" in public and "Barnevernstjenesten" not in public.split(
        "## Saker")[1], "who answers for a point of a confidential case is not said in public"
    assert "Offentlig referat" in public and "Internt referat" in internal


def _case(blocks, number: str):
    """The blocks under a case's heading, up to the next heading."""
    start = next(n for n, b in enumerate(blocks) if b[0] == "h3" and b[1].startswith(f"Sak {number} "))
    end = next((n for n in range(start + 1, len(blocks)) if blocks[n][0] in ("h2", "h3")), len(blocks))
    return blocks[start + 1:end]


def test_the_minutes_read_as_a_norwegian_municipal_referat(sample):
    dataset, municipality = sample
    blocks = structure(render(dataset.meeting("kg-2026-10-27"), dataset, municipality=municipality))
    assert [h for h in headings(blocks) if h[0] != "h3"] == [
        ("h1", "Referat fra møte i Koordineringsgruppa"), ("h2", "Saker"), ("h2", "Neste møte")]
    assert blocks[2] == ("p", "<strong>Status:</strong> Utkast. Referatet godkjennes i møte 08.12.2026, sak 12/26.")
    fields = [item[0][1] for item in blocks[3][2]]
    assert fields[2:] == [
        "<strong>Tid:</strong> kl. 09.00–10.55", "<strong>Sted:</strong> Rådhuset, møterom Fjorden",
        "<strong>Møteleder:</strong> Ingrid Solbakk, SLT-koordinator",
        "<strong>Referent:</strong> Camilla Øvrebotn, Kultur og fritid",
        "<strong>Til stede:</strong> Ingrid Solbakk (SLT-koordinator), Siri Nygårdsli (Politiet, forebyggende "
        "politi), Mona Hauglid (Barnevernstjenesten, barnevernleder), Henrik Aalvik (NAV, vara for Jonas Tveitan), "
        "Elin Rustvik (PP-tjenesten, PP-rådgiver), Fatima Bergheim (Helsestasjon og skolehelsetjenesten, "
        "helsesykepleier), Ola Skarsvåg (Skole, rektor Fjordvik ungdomsskole), Camilla Øvrebotn (Kultur og fritid)",
        "<strong>Forfall:</strong> Jonas Tveitan (NAV, veileder ungdom), Per Ivar Lundeby (Psykisk helse og rus)",
        "<strong>Andre til stede:</strong> Liv Mørkedal (Kultur og fritid)"]
    attendance, review = tables(blocks)
    assert ("NAV", "Henrik Aalvik", "vara for Jonas Tveitan") in attendance
    assert blocks[5] == ("p", "8 av 9 etater representert — mangler: Psykisk helse og rus")
    # Each case: its decisions, its own follow-up points; no "Sakstype" line anywhere.
    assert _case(blocks, "06/26") == [("p", "<strong>Vedtak:</strong>"), ("p", "Referatet fra 15.09.2026 godkjent.")]
    assert _case(blocks, "09/26") == [
        ("p", "Innleder: Henrik Aalvik (vara for NAV)."),
        ("p", "NAV og kommunen ønsker 40 plasser neste sommer, mot 30 i år."),
        ("p", "Tatt til orientering."), ("p", "<strong>Oppfølging:</strong>"),
        ("ul", True, [[("p", "Søke om midler til 40 sommerjobber – NAV – frist 15.02.2027")]])]
    # The review of the earlier points is the follow-up case's content.
    assert _case(blocks, "07/26") == [("table", review)]
    assert review[2] == ("03/26", "Evaluere utvidet åpningstid i ungdomsklubben", "Kultur og fritid, Camilla Øvrebotn",
                         "under arbeid", "Første fredager gjennomført; 35–40 besøkende.", "31.01.2027")
    assert _case(blocks, "10/26") == [("p", "Ingen saker.")]
    assert blocks[-5:] == [
        ("h2", "Neste møte"), ("p", "tirsdag 8. desember 2026 kl. 09.00, Rådhuset, møterom Fjorden"),
        ("p", "Møtet hevet kl. 10.55."), ("p", "<strong>Referent:</strong> Camilla Øvrebotn"),
        ("p", "<strong>Kopi til:</strong> Ingrid Solbakk, Siri Nygårdsli, Mona Hauglid, Jonas Tveitan, Elin Rustvik, "
              "Fatima Bergheim, Ola Skarsvåg, Camilla Øvrebotn, Per Ivar Lundeby, Kommunedirektøren, "
              "Politiråd v/ leder, Arkivet")]
    assert "Sakstype" not in str(blocks) and "Punktene står" not in str(blocks)


def test_approved_minutes_say_where_and_carry_the_archive_reference(sample):
    dataset, _ = sample
    text = render(dataset.meeting("kg-2026-09-15"), dataset)
    assert "**Status:** Godkjent i møte 27.10.2026, sak 06/26." in text
    assert "- **Arkivsak:** 26/812" in text
    assert "Neste møte\n\ntirsdag 27. oktober 2026 kl. 09.00" in text  # the meeting that followed, though held
    english = render(dataset.meeting("kg-2026-09-15"), dataset, lang="en")
    assert "**Status:** Approved at the meeting of 27.10.2026, case 06/26." in english


def test_minutes_without_a_planned_approval_await_the_next_meeting(sample):
    dataset, _ = sample
    planned = dataset.meeting("kg-2026-12-08")
    dataset = dataset.put(planned.model_copy(update={"agenda": tuple(
        i.model_copy(update={"approves": None}) for i in planned.agenda)}))
    text = render(dataset.meeting("kg-2026-10-27"), dataset)
    assert "**Status:** Utkast. Referatet godkjennes i neste møte." in text
    assert "**Status:** Utkast.\n" in render(planned, dataset)  # not held yet: a draft, nothing noted
    assert "Tatt til orientering" not in render(planned, dataset)


def test_corrections_after_approval_are_listed_in_both_variants_and_scanned(sample):
    dataset, _ = sample
    approved = dataset.meeting("kg-2026-09-15")
    changed = approved.model_copy(update={"location": "Rådhuset, møterom Fjellet"})
    corrected = correct(approved, changed, by="Ingrid Solbakk", what="Møterommet rettet til Fjellet",
                        why="Feil i referatet; meld fra til 912 34 567", session="s1",
                        at=datetime(2026, 11, 3, 10, 15, tzinfo=OSLO))
    dataset = dataset.put(corrected)
    for variant in Variant:
        blocks = structure(render(corrected, dataset, variant))
        assert blocks[2] == ("p", "<strong>Status:</strong> Godkjent i møte 27.10.2026, sak 06/26. Rettet etter "
                                  "godkjenning: se «Rettelser etter godkjenning».")
        assert headings(blocks)[-1] == ("h2", "Rettelser etter godkjenning")
        assert tables(blocks)[-1] == [("Tidspunkt", "Rettet av", "Hva", "Begrunnelse"),
                                      ("03.11.2026 10.15", "Ingrid Solbakk", "Møterommet rettet til Fjellet",
                                       "Feil i referatet; meld fra til 912 34 567")]
    assert [f.sentence("nb") for f in scan(corrected, dataset)] == ["Rettelser etter godkjenning: telefonnummer"]
    # An earlier version, exported again, reads as it was approved: no corrections yet.
    first = versions(corrected)[0].meeting
    assert "Rettelser" not in render(first, dataset) and "møterom Fjorden" in render(first, dataset)


def test_a_cancelled_meeting_says_so(sample):
    dataset, municipality = sample
    cancelled = dataset.meeting("kg-2026-12-08").model_copy(update={"status": MeetingStatus.CANCELLED})
    dataset = dataset.put(cancelled)
    for lang, said in (("nb", "Møtet ble avlyst."), ("nn", "Møtet vart avlyst."), ("en", "The meeting was cancelled.")):
        blocks = structure(render(cancelled, dataset, Variant.PUBLIC, lang, municipality))
        assert blocks[2][1].endswith(said)
        assert [h[0] for h in headings(blocks)] == ["h1", "h2"]  # the title and the next meeting: no cases
        assert tables(blocks) == []


def test_attendance_lines_name_partial_presence_guests_and_who_was_not_recorded(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    attendance = tuple(a.model_copy(update={"from_item": "s4"}) if a.person == "siri-nygardsli" else a
                       for a in meeting.attendance if a.person != "elin-rustvik")
    guests = (*meeting.guests, Guest(name="Kari Fjell", organisation="Utekontakten", role="miljøarbeider",
                                     until_item="s5"))
    meeting = meeting.model_copy(update={"attendance": attendance, "guests": guests})
    text = render(meeting, dataset.put(meeting))
    assert "Siri Nygårdsli (Politiet, forebyggende politi, fra sak 08/26)" in text
    assert "- **Oppmøte ikke registrert:** Elin Rustvik (PP-tjenesten, PP-rådgiver)\n" in text
    assert ("- **Andre til stede:** Liv Mørkedal (Kultur og fritid), Kari Fjell (Utekontakten, miljøarbeider, "
            "til og med sak 09/26)") in text
    assert "| Utekontakten | Kari Fjell (miljøarbeider) | gjest til og med sak 09/26 |" in text


def test_without_a_follow_up_case_the_review_has_a_section_of_its_own(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    meeting = meeting.model_copy(update={"agenda": tuple(
        i.model_copy(update={"kind": ItemKind.DISCUSSION}) if i.kind is ItemKind.FOLLOW_UP else i
        for i in meeting.agenda)})
    blocks = structure(render(meeting, dataset.put(meeting)))
    assert [h[1] for h in headings(blocks) if h[0] == "h2"] == ["Saker", "Oppfølging fra tidligere møter",
                                                                "Neste møte"]
    assert _case(blocks, "07/26") == []


def test_a_review_reads_as_the_meeting_left_it_even_after_later_changes(sample):
    dataset, _ = sample
    later = ActionUpdate(meeting="kg-2026-12-08", status=ActionStatus.DONE, comment="Holdt 20.11.", at=now())
    action = dataset.action("a-foreldremote")
    dataset = dataset.put(action.model_copy(update={"status": ActionStatus.DONE,
                                                    "updates": (*action.updates, later)}))
    text = render(dataset.meeting("kg-2026-10-27"), dataset)
    assert "| 04/26 | Sette opp foreldremøter om rus for 9. trinn | Skole, Ola Skarsvåg | åpen |" in text
    assert "Holdt 20.11." not in text


def test_points_still_open_but_not_reviewed_are_listed_as_such(sample):
    dataset, _ = sample
    action = dataset.action("a-foreldremote")
    dataset = dataset.put(action.model_copy(update={"updates": ()}))
    text = render(dataset.meeting("kg-2026-10-27"), dataset)
    assert ("| 04/26 | Sette opp foreldremøter om rus for 9. trinn | Skole, Ola Skarsvåg | ikke behandlet (åpen) | — |"
            in text)


def test_export_writes_private_internal_and_refuses_to_overwrite(sample, tmp_path):
    dataset, _ = sample
    tmp_path = tmp_path / "minutes"
    tmp_path.mkdir()
    export = Export(dataset.meeting("kg-2026-10-27"), dataset)
    assert export.file_name == "referat-koordineringsgruppa-2026-10-27-internt.md"
    written = export.write(tmp_path)
    assert written == tmp_path / export.file_name
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert SECRET_NOTE in written.read_text(encoding="utf-8")
    with pytest.raises(ExportExistsError):
        export.write(written)
    public = Export(dataset.meeting("kg-2026-10-27"), dataset, Variant.PUBLIC, html=True)
    assert public.file_name == "referat-koordineringsgruppa-2026-10-27.html"
    page = public.write(tmp_path).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>Referat fra møte i Koordineringsgruppa</h1>" in page
    assert SECRET_NOTE not in page
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_public_export_with_findings_writes_nothing_unless_forced(sample, tmp_path):
    dataset, _ = sample
    tmp_path = tmp_path / "minutes"
    tmp_path.mkdir()
    meeting = dataset.meeting("kg-2026-10-27")
    item = meeting.agenda[4].model_copy(update={"notes": "Ring Ola på 912 34 567."})
    meeting = meeting.model_copy(update={"agenda": (*meeting.agenda[:4], item)})
    dataset = dataset.put(meeting)
    export = Export(meeting, dataset, Variant.PUBLIC)
    with pytest.raises(PrivacyFindingsError) as caught:
        export.write(tmp_path)
    assert [f.sentence("nb") for f in caught.value.findings] == ["Sak 09/26: telefonnummer"]
    assert list(tmp_path.iterdir()) == []
    assert "912 34 567" in export.write(tmp_path, force=True).read_text(encoding="utf-8")
    assert Export(meeting, dataset, Variant.INTERNAL).findings() == []  # internal minutes are not public


def test_public_minutes_do_not_say_where_a_confidential_case_was_sent(sample):
    """The second attack: "Sendt til Politirådet 10.12.2026, sak 04/26." stood under the exempt 08/26."""
    from datetime import date

    from slt_tui.domain import TABLES, Dataset
    from slt_tui.domain.series import escalate
    from slt_tui.wording import plan_next

    dataset, municipality = sample
    council = plan_next(dataset, "politiradet", "nb", on=date(2026, 12, 10))
    dataset = dataset.put(council)
    source, target = escalate(dataset, dataset.meeting("kg-2026-10-27"), "s4", council)
    dataset = Dataset(**{**{name: getattr(dataset, name) for name in TABLES},
                         "meetings": tuple(source if m.id == source.id else target if m.id == target.id else m
                                           for m in dataset.meetings)})
    internal = render(dataset.meeting("kg-2026-10-27"), dataset, Variant.INTERNAL, "nb", municipality)
    public = render(dataset.meeting("kg-2026-10-27"), dataset, Variant.PUBLIC, "nb", municipality)
    assert "Sendt til Politirådet 10.12.2026" in internal
    assert "Politirådet" not in public.split("## Saker")[1].split("## Neste møte")[0]
