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
from slt_tui.domain.models import ActionItem, Agency, Forum, Meeting, Model, Person
from slt_tui.errors import UnknownRecordError

TABLES: dict[str, type[Model]] = {
    "agencies": Agency,
    "people": Person,
    "forums": Forum,
    "meetings": Meeting,
    "actions": ActionItem,
}
"""Table name → model, in the order records refer to each other."""


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
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise PydanticCustomError("reference", "{problem}{more}", {"problem": problems[0], "more": more})
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

    def problems(self) -> Iterator[str]:
        """Every broken reference or sequence, as a sentence that names the record."""
        for name in TABLES:
            seen: set[str] = set()
            for record in getattr(self, name):
                if key_of(record) in seen:
                    yield f"{name}: '{key_of(record)}' appears twice"
                seen.add(key_of(record))
        agencies = {a.code for a in self.agencies}
        people = {p.id for p in self.people}
        forums = {f.id for f in self.forums}
        meetings = {m.id: m for m in self.meetings}

        def unknown(where: str, kind: str, value: str | None, known) -> Iterator[str]:
            if value is not None and value not in known:
                yield f"{where}: unknown {kind} '{value}'"

        for p in self.people:
            yield from unknown(f"person {p.id}", "agency", p.agency, agencies)
        for f in self.forums:
            for member in f.members:
                yield from unknown(f"forum {f.id}", "member", member, people)
            for code in f.required_agencies:
                yield from unknown(f"forum {f.id}", "agency", code, agencies)
        for m in self.meetings:
            where = f"meeting {m.id}"
            yield from unknown(where, "forum", m.forum, forums)
            yield from unknown(where, "chair", m.chair, people)
            yield from unknown(where, "minute-taker", m.minute_taker, people)
            yield from unknown(where, "previous meeting", m.previous, meetings)
            for a in m.attendance:
                yield from unknown(where, "person in attendance", a.person, people)
            for g in m.guests:
                yield from unknown(where, "guest agency", g.agency, agencies)
        for a in self.actions:
            where = f"follow-up point {a.id}"
            yield from unknown(where, "forum", a.forum, forums)
            yield from unknown(where, "agency", a.agency, agencies)
            yield from unknown(where, "owner", a.owner, people)
            origin = meetings.get(a.origin.meeting)
            if origin is None:
                yield f"{where}: unknown meeting of origin '{a.origin.meeting}'"
            elif origin.item(a.origin.item) is None:
                yield f"{where}: meeting {origin.id} has no agenda item '{a.origin.item}'"
            for u in a.updates:
                yield from unknown(where, "meeting in its history", u.meeting, meetings)
        yield from _case_number_problems(self.meetings)


def table_of(record: Model) -> str:
    for name, model in TABLES.items():
        if isinstance(record, model):
            return name
    raise TypeError(f"{type(record).__name__} is not stored")


def _case_number_problems(meetings: tuple[Meeting, ...]) -> Iterator[str]:
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
                number = m.agenda[0].number
                yield (f"meeting {m.id}: case number {number} is already used earlier in {year} "
                       f"by forum {forum} (next free is {case_numbers.format_number(highest + 1, year)})")
            highest = max(highest, case_numbers.split(m.agenda[-1].number)[0])
