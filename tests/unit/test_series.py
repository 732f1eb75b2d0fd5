"""A forum's meetings as a series: planning, carrying follow-up points, reviews, escalation."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slt_tui.domain import (
    ActionStatus,
    Dataset,
    Decision,
    Forum,
    ItemKind,
    ItemPurpose,
    Level,
    MeetingStatus,
    StandingItem,
)
from slt_tui.domain import meeting_ops as ops
from slt_tui.domain.approval import approval_of
from slt_tui.domain.clock import OSLO
from slt_tui.domain.follow_up import CARRIED_FLAG, review, reviews_at, times_carried
from slt_tui.domain.series import PlanError, PlanTitles, escalate, looks_individual, plan, proposed_start

from strategies import BASE, FORUM

TEMPLATE = (StandingItem(title="Godkjenning av innkalling og saksliste", kind=ItemKind.DECISION, planned_minutes=5),
            StandingItem(title="Godkjenning av referat fra forrige møte", kind=ItemKind.DECISION, planned_minutes=5,
                         purpose=ItemPurpose.APPROVE_MINUTES))
SERIES = FORUM.model_copy(update={"standing_items": TEMPLATE, "cadence_weeks": 5})
FOLLOW_UP = PlanTitles("Oppfølging fra tidligere møter", "Godkjenning av referat fra forrige møte")


def fresh() -> Dataset:
    return BASE.put(SERIES)


def hold(dataset: Dataset, meeting_id: str, at: datetime) -> Dataset:
    meeting = dataset.meeting(meeting_id)
    return dataset.put(ops.start(meeting, at))


@settings(max_examples=12, deadline=None)
@given(st.randoms(use_true_random=False))
def test_a_year_of_meetings_carries_every_open_point_until_it_is_closed(rng: random.Random):
    dataset = fresh()
    day = date(2026, 9, 1)
    history = []  # (meeting id, ids of points open from earlier meetings when it began)
    for n in range(10):
        meeting = plan(dataset, "kg", day, FOLLOW_UP)
        assert meeting.starts_at.date() == (day + timedelta(weeks=1) if n == 0 else meeting.starts_at.date())
        dataset = dataset.put(meeting)
        start = meeting.starts_at + timedelta(minutes=2)
        expected = {a.id for a in dataset.actions_of("kg") if a.status.is_open}
        carried = [r.action.id for r in reviews_at(dataset.meeting(meeting.id), dataset)]
        assert len(carried) == len(set(carried)), "a point appears twice"
        assert set(carried) == expected, "an open point was not carried, or a closed one came back"
        assert (FOLLOW_UP.follow_up in [i.title for i in meeting.agenda]) == bool(expected)
        history.append((meeting.id, expected))

        dataset = hold(dataset, meeting.id, start)
        meeting = dataset.meeting(meeting.id)
        for action_id in carried:  # review some of them
            choice = rng.choice(["skip", "done", "dropped", "in_progress", "redate"])
            if choice == "skip":
                continue
            changes = {"due": meeting.starts_at.date() + timedelta(weeks=3)} if choice == "redate" else {
                "status": ActionStatus(choice)}
            dataset = dataset.put(review(dataset.action(action_id), meeting.id, start + timedelta(minutes=5),
                                         comment=f"behandlet i {meeting.id}", **changes))
        for _ in range(rng.randint(0, 3)):  # new points on a random item
            item = rng.choice(meeting.agenda)
            action = ops.new_action(meeting, item, title="Følge opp", agency="NAV", owner=None,
                                    due=meeting.starts_at.date() + timedelta(weeks=5))
            dataset = dataset.put(action)
        item = next((i for i in meeting.agenda if i.approves), None)
        assert (item is not None) == (n > 0), "from the second meeting on, one case approves the last minutes"
        if item is not None:
            assert item.approves == history[-2][0]
            approved = item.model_copy(update={"decisions": (Decision(id="d1", text="Godkjent."),)})
            dataset = dataset.put(ops.replace_item(dataset.meeting(meeting.id), approved))
            assert approval_of(dataset.meeting(item.approves), dataset).item.number == item.number
        dataset = dataset.put(ops.end(dataset.meeting(meeting.id), start + timedelta(hours=1), None))
        day = meeting.starts_at.date() + timedelta(days=1)

    # Looking back: each meeting's minutes list exactly the points open when it began (or reviewed there).
    for meeting_id, open_then in history:
        meeting = dataset.meeting(meeting_id)
        assert {r.action.id for r in reviews_at(meeting, dataset)} >= open_then
    # Case numbers: consecutive within each year, restarting at 01 in the new year (the Dataset checks the rest).
    by_year: dict[int, list[int]] = {}
    for m in dataset.meetings_of("kg"):
        by_year.setdefault(m.year, []).extend(int(i.number[:2]) for i in m.agenda)
    for serials in by_year.values():
        assert serials == list(range(1, len(serials) + 1))
    assert set(by_year) == {2026, 2027}
    held = dataset.meetings_of("kg")
    assert all(approval_of(m, dataset) is not None for m in held[:-1]) and approval_of(held[-1], dataset) is None


def test_a_forum_without_meetings_gets_its_first_from_the_template():
    dataset = fresh()
    meeting = plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 12, 3))
    assert [i.number for i in meeting.agenda] == ["01/26", "02/26"]
    assert [i.title for i in meeting.agenda] == [s.title for s in TEMPLATE]  # nothing to follow up yet
    assert meeting.chair is None and meeting.previous is None
    assert meeting.starts_at == datetime(2026, 12, 3, 9, 0, tzinfo=OSLO)
    assert meeting.id == "kg-2026-12-03"


def test_the_next_meeting_continues_numbers_keeps_people_and_follows_the_cadence():
    dataset = fresh()
    first = plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 12, 3))
    first = first.model_copy(update={"chair": "p1", "minute_taker": "p2", "location": "Rådhuset"})
    dataset = dataset.put(first)
    assert proposed_start(dataset, "kg", date(2026, 11, 24)).date() == date(2027, 1, 7)
    second = plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP)
    assert second.starts_at.date() == date(2027, 1, 7)
    assert [i.number for i in second.agenda] == ["01/27", "02/27"]  # a new year starts at 01
    assert (second.chair, second.minute_taker, second.location, second.previous) == ("p1", "p2", "Rådhuset", first.id)


def test_planning_is_refused_while_running_in_the_past_or_before_the_last_meeting():
    dataset = fresh()
    first = plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 12, 3))
    dataset = dataset.put(first)
    with pytest.raises(PlanError) as past:
        plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 11, 1))
    assert past.value.sentence("nb") == "01.11.2026 er passert; et nytt møte må være i dag eller senere."
    with pytest.raises(PlanError) as before:
        plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 12, 2))
    assert "må komme etter" in before.value.sentence("nb")
    dataset = hold(dataset, first.id, first.starts_at)
    with pytest.raises(PlanError) as running:
        plan(dataset, "kg", date(2026, 12, 3), FOLLOW_UP)
    assert running.value.sentence("en") == (
        "Koordineringsgruppa has a meeting running (kg-2026-12-03); end it before planning the next.")


def test_a_point_carried_three_times_is_flagged():
    dataset = fresh()
    today = date(2026, 1, 5)
    first = plan(dataset, "kg", today, FOLLOW_UP)
    dataset = dataset.put(first)
    dataset = dataset.put(ops.new_action(first, first.agenda[0], title="Lenge åpen", agency="NAV", owner=None,
                                         due=date(2026, 2, 1)))
    meetings = []
    for _ in range(CARRIED_FLAG):
        nxt = plan(dataset, "kg", today, FOLLOW_UP)
        dataset = dataset.put(nxt)
        meetings.append(nxt)
    action = dataset.actions[-1]
    assert [times_carried(action, m, dataset) for m in meetings] == [1, 2, 3]


def test_escalation_links_both_ways_and_lands_in_the_other_forums_next_meeting():
    council = Forum(id="pr", name="Politirådet", level=Level.STEERING)
    dataset = fresh().put(council)
    source = plan(dataset, "kg", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 12, 3))
    dataset = dataset.put(source)
    target = plan(dataset, "pr", date(2026, 11, 24), FOLLOW_UP, on=date(2026, 12, 10))
    dataset = dataset.put(target)
    source, target = escalate(dataset, source, "s2", dataset.meeting(target.id))
    dataset = dataset.put(target).put(source)  # validated: both links point at real items
    sent = dataset.meeting(source.id).item("s2").sent_to
    arrived = dataset.meeting(target.id).item(sent.item)
    assert arrived.sent_from.meeting == source.id and arrived.sent_from.item == "s2"
    assert arrived.number == "01/26" and arrived.title == source.item("s2").title
    assert dataset.meeting(target.id).status is MeetingStatus.PLANNED


@pytest.mark.parametrize(("text", "individual"), [
    ("Gutten (15) har vært borte fra skolen", True), ("En 14-åring i sentrum", True), ("Eleven sliter", True),
    ("Enkeltsak fra barnevernet", True), ("Rusbruk blant unge i sentrum", False), ("Sommerjobber 2027", False)])
def test_individual_cases_are_recognised(text, individual):
    assert looks_individual(text) is individual


def test_the_same_status_said_twice_at_one_meeting_is_recorded_once():
    from datetime import date, datetime

    from slt_tui.domain import ActionItem, ActionStatus
    from slt_tui.domain.clock import OSLO
    from slt_tui.domain.follow_up import review

    point = ActionItem.model_validate({"id": "a", "title": "Punkt", "forum": "kg", "agency": "NAV",
                                       "due": date(2026, 12, 1), "origin": {"meeting": "kg-1", "item": "s1"}})
    at = datetime(2026, 12, 8, 9, tzinfo=OSLO)
    once = review(point, "kg-2", at, status=ActionStatus.DONE)
    assert review(once, "kg-2", at, status=ActionStatus.DONE) == once  # a key pressed again
    assert len(review(once, "kg-2", at, status=ActionStatus.DONE, comment="Ferdig").updates) == 2
    assert len(review(once, "kg-3", at, status=ActionStatus.DONE).updates) == 2  # another meeting's review
