"""The whole municipality's records as one validated aggregate, and the rules that span records.

A `Dataset` refuses references to things that do not exist (an unknown agency code, a forum member
who is not a person, an action from a meeting that is not there) and case numbers that repeat or run
backwards within a forum's year. Lookups by id raise `UnknownRecordError`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from slt_tui.domain import case_numbers
from slt_tui.domain.models import ActionItem, Agency, Forum, Meeting, MeetingStatus, Model, Person
from slt_tui.errors import UnknownRecordError
from slt_tui.i18n import translate

TABLES: dict[str, type[Model]] = {
    "agencies": Agency,
    "people": Person,
    "forums": Forum,
    "meetings": Meeting,
    "actions": ActionItem,
}
"""Table name → model, in the order records refer to each other."""


class Problem:
    """A rule broken across records: a message key and its facts, said in English or Norwegian."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params

    def sentence(self, lang: str = "en") -> str:
        params = dict(self.params)
        params["where"] = f"{translate('kind.' + str(params['table']), lang)} {params.get('id', '')}".strip()
        if "label" in params:
            params["label"] = translate(f"label.{params['label']}", lang)
        if "table" in params:
            params["table"] = translate(f"kind.{params['table']}", lang)
        return translate(self.key, lang, **params)

    def __str__(self) -> str:
        return self.sentence("en")

    def __repr__(self) -> str:
        return f"Problem({self.key!r}, {self.params!r})"


def key_of(record: Model) -> str:
    """The identifying field of a record: an agency's code, everything else's id."""
    return record.code if isinstance(record, Agency) else record.id  # type: ignore[attr-defined]


class Dataset(Model):
    agencies: tuple[Agency, ...] = ()
    people: tuple[Person, ...] = ()
    forums: tuple[Forum, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    actions: tuple[ActionItem, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Dataset:
        problems = list(self.problems())
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise PydanticCustomError("reference", "{problem}{more}", {
                "problem": str(first), "more": more, "key": first.key, "params": first.params,
                "others": len(problems) - 1})
        return self

    # Lookups -----------------------------------------------------------------------------------

    @cached_property
    def _index(self) -> dict[str, dict[str, Any]]:
        return {name: {key_of(r): r for r in getattr(self, name)} for name in TABLES}

    def get(self, table: str, key: str) -> Any:
        try:
            return self._index[table][key]
        except KeyError:
            raise UnknownRecordError(kind=table, id=key) from None

    def agency(self, code: str) -> Agency:
        return self.get("agencies", code)

    def person(self, person_id: str) -> Person:
        return self.get("people", person_id)

    def forum(self, forum_id: str) -> Forum:
        return self.get("forums", forum_id)

    def meeting(self, meeting_id: str) -> Meeting:
        return self.get("meetings", meeting_id)

    def action(self, action_id: str) -> ActionItem:
        return self.get("actions", action_id)

    def has(self, table: str, key: str) -> bool:
        return key in self._index[table]

    def meetings_of(self, forum_id: str) -> list[Meeting]:
        """The forum's meetings, earliest first."""
        return sorted((m for m in self.meetings if m.forum == forum_id), key=lambda m: m.starts_at)

    def actions_of(self, forum_id: str) -> list[ActionItem]:
        """The forum's follow-up points, in stored order."""
        return self._actions_by_forum.get(forum_id, [])

    @cached_property
    def _actions_by_forum(self) -> dict[str, list[ActionItem]]:
        by_forum: dict[str, list[ActionItem]] = defaultdict(list)
        for action in self.actions:
            by_forum[action.forum].append(action)
        return dict(by_forum)

    # Changes -------------------------------------------------------------------------------------

    def put(self, record: Model) -> Dataset:
        """A new dataset with `record` added, or replacing the record with the same key."""
        table = table_of(record)
        key = key_of(record)
        rows = list(getattr(self, table))
        position = next((i for i, r in enumerate(rows) if key_of(r) == key), None)
        if position is None:
            rows.append(record)
        else:
            rows[position] = record
        return self._with(table, rows)

    def remove(self, table: str, key: str) -> Dataset:
        self.get(table, key)
        return self._with(table, [r for r in getattr(self, table) if key_of(r) != key])

    def _with(self, table: str, rows: list[Model]) -> Dataset:
        fields = {name: getattr(self, name) for name in TABLES}
        fields[table] = tuple(rows)
        return Dataset(**fields)

    # Rules ---------------------------------------------------------------------------------------

    def problems(self) -> Iterator[Problem]:
        """Every broken reference or sequence, naming the record."""
        for name in TABLES:
            seen: set[str] = set()
            for record in getattr(self, name):
                if key_of(record) in seen:
                    yield Problem("problem.duplicate", table=name, key=key_of(record))
                seen.add(key_of(record))
        agencies = {a.code for a in self.agencies}
        people = {p.id for p in self.people}
        forums = {f.id for f in self.forums}
        meetings = {m.id: m for m in self.meetings}
        known = {"agency": agencies, "person": people, "forum": forums, "meeting": meetings}

        def check(table: str, record_id: str, refs: list[tuple[str, str, str | None]]) -> Iterator[Problem]:
            for label, kind, value in refs:
                if value is not None and value not in known[kind]:
                    yield Problem("problem.unknown", table=table, id=record_id, label=label, value=value)

        # Each record gets one cheap test; only a record that fails it is looked at in detail.
        for p in self.people:
            if p.agency not in agencies:
                yield from check("people", p.id, [("agency", "agency", p.agency)])
        for f in self.forums:
            if not (people.issuperset(f.members) and agencies.issuperset(f.required_agencies)):
                yield from check("forums", f.id, [("member", "person", m) for m in f.members]
                                 + [("agency", "agency", c) for c in f.required_agencies])
        for m in self.meetings:
            persons = [m.chair, m.minute_taker, *(a.person for a in m.attendance)]
            if (m.forum not in forums or (m.previous is not None and m.previous not in meetings)
                    or not people.issuperset(p for p in persons if p is not None)
                    or not agencies.issuperset(g.agency for g in m.guests if g.agency)):
                yield from check("meetings", m.id, [
                    ("forum", "forum", m.forum), ("chair", "person", m.chair),
                    ("minute_taker", "person", m.minute_taker), ("previous", "meeting", m.previous),
                    *(("attendee", "person", a.person) for a in m.attendance),
                    *(("guest_agency", "agency", g.agency) for g in m.guests if g.agency)])
        for m in self.meetings:
            for item in m.agenda:
                for link in (item.sent_to, item.sent_from):
                    if link is not None and (link.meeting not in meetings or meetings[link.meeting].item(link.item)
                                             is None):
                        yield Problem("problem.no_item", table="meetings", id=m.id, meeting=link.meeting,
                                      item=link.item)
        yield from _approval_problems(meetings)
        for a in self.actions:
            origin = meetings.get(a.origin.meeting)
            if origin is None:
                yield Problem("problem.unknown", table="actions", id=a.id, label="origin", value=a.origin.meeting)
            elif origin.item(a.origin.item) is None:
                yield Problem("problem.no_item", table="actions", id=a.id, meeting=origin.id, item=a.origin.item)
            if (a.forum not in forums or a.agency not in agencies or (a.owner is not None and a.owner not in people)
                    or any(u.meeting not in meetings for u in a.updates)):
                yield from check("actions", a.id, [
                    ("forum", "forum", a.forum), ("agency", "agency", a.agency), ("owner", "person", a.owner),
                    *(("history", "meeting", u.meeting) for u in a.updates)])
        yield from _case_number_problems(self.meetings)


def _approval_problems(meetings: dict[str, Meeting]) -> Iterator[Problem]:
    """An item approves the minutes of an earlier meeting of its own forum, and a decision on it (the
    approval) needs those minutes to exist: the meeting must have been held."""
    for m in meetings.values():
        for item in m.agenda:
            if item.approves is None:
                continue
            target = meetings.get(item.approves)
            if target is None or target.forum != m.forum or target.starts_at >= m.starts_at:
                yield Problem("problem.approves", table="meetings", id=m.id, number=item.number,
                              meeting=item.approves)
            elif item.decisions and target.status is not MeetingStatus.CLOSED:
                yield Problem("problem.approves_unheld", table="meetings", id=m.id, number=item.number,
                              meeting=item.approves)
            elif item.decisions and m.status not in (MeetingStatus.RUNNING, MeetingStatus.CLOSED):
                yield Problem("problem.approves_not_held", table="meetings", id=m.id, number=item.number,
                              meeting=item.approves)


def table_of(record: Model) -> str:
    for name, model in TABLES.items():
        if isinstance(record, model):
            return name
    raise TypeError(f"{type(record).__name__} is not stored")


def _case_number_problems(meetings: tuple[Meeting, ...]) -> Iterator[Problem]:
    """Per forum and year: no number twice, and a later meeting continues above an earlier one."""
    by_forum_year: dict[tuple[str, int], list[Meeting]] = defaultdict(list)
    for m in meetings:
        by_forum_year[(m.forum, m.year)].append(m)
    for (forum, year), group in by_forum_year.items():
        highest = 0
        for m in sorted(group, key=lambda m: m.starts_at):
            if not m.agenda:
                continue
            first, _ = case_numbers.split(m.agenda[0].number)
            if first <= highest:
                yield Problem("problem.case_taken", table="meetings", id=m.id, number=m.agenda[0].number,
                              year=year, forum=forum, free=case_numbers.format_number(highest + 1, year))
            highest = max(highest, case_numbers.split(m.agenda[-1].number)[0])
