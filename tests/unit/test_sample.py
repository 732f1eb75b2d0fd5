"""The committed sample municipality (SPEC §7) is what its builder makes, and has what it promises."""

import subprocess
import sys
from datetime import date
from pathlib import Path

from slt_tui.domain import MeetingStatus, overdue
from slt_tui.store import Repository

from conftest import SAMPLE

BUILDER = Path(__file__).resolve().parents[2] / "sample_data" / "build_sample.py"


def test_the_committed_sample_is_what_the_builder_makes(tmp_path):
    rebuilt = tmp_path / "fjordvik.json"
    subprocess.run([sys.executable, str(BUILDER), str(rebuilt)], check=True)
    with Repository.open(rebuilt, readonly=True) as fresh, Repository.open(SAMPLE, readonly=True) as committed:
        assert fresh.dataset == committed.dataset
        assert fresh.municipality == committed.municipality == "Fjordvik kommune"


def test_the_sample_has_what_the_spec_asks_for():
    with Repository.open(SAMPLE, readonly=True) as repo:
        d = repo.dataset
    assert len(d.forums) == 3 and {f.level.value for f in d.forums} == {"styring", "koordinering", "utforer"}
    assert 10 <= len(d.people) <= 16
    kg = d.meetings_of("kg")
    assert [m.status for m in kg] == [MeetingStatus.CLOSED, MeetingStatus.CLOSED, MeetingStatus.PLANNED]
    assert any(i.confidential for m in kg for i in m.agenda)
    assert any(i.decisions for m in kg for i in m.agenda)
    assert [a.id for a in overdue(d.actions, date(2026, 11, 24))] == ["a-foreldremote"]
    assert any(a.status.is_open for a in d.actions) and any(not a.status.is_open for a in d.actions)
    planned = kg[-1]
    assert any(i.kind.value == "oppfolging" for i in planned.agenda)
