"""Derived figures on the Fjordvik sample: coverage, overdue points, time used."""

from datetime import date

import pytest

from slt_tui.domain import agenda_time, coverage, overdue
from slt_tui.store import Repository


@pytest.fixture
def dataset(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        return repo.dataset


def people(dataset):
    return {p.id: p for p in dataset.people}


def test_coverage_names_the_missing_agencies(dataset):
    september = dataset.meeting("kg-2026-09-15")  # NAV excused, PPT absent
    cov = coverage(september, dataset.forum("kg"), people(dataset))
    assert len(cov.required) == 9 and len(cov.represented) == 7
    assert cov.missing == ("NAV", "PPT")
    assert not cov.complete


def test_a_substitute_and_a_guest_represent_their_agency(dataset):
    october = dataset.meeting("kg-2026-10-27")  # NAV by a substitute, PHR excused, a KF guest
    cov = coverage(october, dataset.forum("kg"), people(dataset))
    assert "NAV" in cov.represented
    assert cov.missing == ("PHR",)
    only_guest = october.model_copy(update={"attendance": ()})
    assert coverage(only_guest, dataset.forum("kg"), people(dataset)).represented == ("KF",)


def test_overdue_is_open_points_past_their_due_date(dataset):
    assert [a.id for a in overdue(dataset.actions, date(2026, 11, 24))] == ["a-foreldremote"]
    assert [a.id for a in overdue(dataset.actions, date(2026, 12, 9))] == ["a-foreldremote", "a-kai-tiltak"]
    assert overdue(dataset.actions, date(2026, 11, 13)) == []  # due today is not overdue yet


def test_done_points_are_never_overdue(dataset):
    assert "a-kai-kartlegging" not in [a.id for a in overdue(dataset.actions, date(2030, 1, 1))]


def test_agenda_time(dataset):
    september = agenda_time(dataset.meeting("kg-2026-09-15"))
    assert september.planned_seconds == (5 + 20 + 15 + 15) * 60
    assert september.spent_seconds == 120 + 1680 + 1260 + 900
    assert september.over
