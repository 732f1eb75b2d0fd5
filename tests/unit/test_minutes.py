"""The minutes of the sample meetings: layout, the two variants, both languages, export to files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from slt_tui.domain import ActionStatus, ActionUpdate
from slt_tui.domain.clock import now
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.export import Export, ExportExistsError, PrivacyFindingsError
from slt_tui.minutes.html import parser
from slt_tui.store import Repository

GOLDEN = Path(__file__).parent / "golden"
SECRET_NOTE = "Drøftet anonymt"
SECRET_ACTION = "Felles tiltak for gruppen ved kaiområdet"


@pytest.fixture
def sample(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        return repo.dataset, repo.municipality


@pytest.mark.parametrize(("lang", "variant"), [("nb", Variant.INTERNAL), ("en", Variant.INTERNAL),
                                               ("nb", Variant.PUBLIC), ("nn", Variant.INTERNAL),
                                               ("nn", Variant.PUBLIC)])
def test_sample_minutes_match_the_reviewed_golden_file(sample, lang, variant):
    """The files in golden/ were read by eye once; regenerate with SLT_TUI_UPDATE_GOLDEN=1 and review."""
    dataset, municipality = sample
    text = render(dataset.meeting("kg-2026-10-27"), dataset, variant, lang, municipality)
    golden = GOLDEN / f"kg-2026-10-27.{variant.value}.{lang}.md"
    if os.environ.get("SLT_TUI_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_public_minutes_keep_the_confidential_title_and_basis_and_nothing_else(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    internal = render(meeting, dataset, Variant.INTERNAL)
    public = render(meeting, dataset, Variant.PUBLIC)
    assert SECRET_NOTE in internal and SECRET_ACTION in internal and "Mona Hauglid | 08.12.2026" in internal
    assert "### Sak 08/26 Bekymring for en gruppe ungdommer ved kaiområdet" in public
    assert "offl. § 13 jf. fvl. § 13" in public
    assert SECRET_NOTE not in public and SECRET_ACTION not in public
    assert "| 08/26 | unntatt offentlighet | Barnevernstjenesten | — | 08.12.2026 |" in public
    assert "Offentlig referat" in public and "Internt referat" in internal


def test_layout_follows_the_norwegian_convention(sample):
    dataset, municipality = sample
    text = render(dataset.meeting("kg-2026-10-27"), dataset, municipality=municipality)
    headings = [t.content for t in parser().parse(text) if t.type == "inline" and t.map and t.level == 1
                and t.content.startswith(("Referat", "Oppmøte", "Saker", "Oppfølging", "Nye", "Neste", "Sak "))]
    assert headings[:3] == ["Referat fra møte i Koordineringsgruppa", "Oppmøte", "Saker"]
    assert headings[-3:] == ["Oppfølging fra tidligere møter", "Nye oppfølgingspunkter", "Neste møte"]
    assert "- **Tid:** kl. 09.00–10.55" in text
    assert "| NAV | Henrik Aalvik | vara for Jonas Tveitan |" in text
    assert "8 av 9 etater representert — mangler: Psykisk helse og rus" in text
    assert "**Vedtak:**\n\nReferatet fra 15.09.2026 godkjent." in text
    assert "| 04/26 | Sette opp foreldremøter om rus for 9. trinn | Skole | åpen | Dato ikke satt ennå; ny frist. |" \
        in text
    assert "tirsdag 8. desember 2026 kl. 09.00, Rådhuset, møterom Fjorden" in text


def test_a_review_reads_as_the_meeting_left_it_even_after_later_changes(sample):
    dataset, _ = sample
    later = ActionUpdate(meeting="kg-2026-12-08", status=ActionStatus.DONE, comment="Holdt 20.11.", at=now())
    action = dataset.action("a-foreldremote")
    dataset = dataset.put(action.model_copy(update={"status": ActionStatus.DONE,
                                                    "updates": (*action.updates, later)}))
    text = render(dataset.meeting("kg-2026-10-27"), dataset)
    assert "| 04/26 | Sette opp foreldremøter om rus for 9. trinn | Skole | åpen |" in text
    assert "Holdt 20.11." not in text


def test_points_still_open_but_not_reviewed_are_listed_as_such(sample):
    dataset, _ = sample
    action = dataset.action("a-foreldremote")
    dataset = dataset.put(action.model_copy(update={"updates": ()}))
    text = render(dataset.meeting("kg-2026-10-27"), dataset)
    assert "| 04/26 | Sette opp foreldremøter om rus for 9. trinn | Skole | ikke behandlet (åpen) | — |" in text


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
