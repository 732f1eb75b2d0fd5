"""Generate a ten-year database: 4 forums, ~420 meetings, ~5,000 follow-up points, realistic notes.

    python benchmarks/tenyear.py OUT.json

Deterministic for a given seed; built through the real models and repository, so it validates.
Every name is generated from invented parts.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from slt_tui.domain import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Dataset,
    Decision,
    Forum,
    ItemKind,
    Level,
    Meeting,
    MeetingStatus,
    Origin,
    Person,
)
from slt_tui.domain.case_numbers import format_number
from slt_tui.domain.clock import OSLO
from slt_tui.domain.standard import STANDARD_AGENCIES
from slt_tui.store import Repository

FIRST_YEAR = 2017
YEARS = 10
FORUMS = [  # id, name, level, meetings a year, agencies
    ("politiradet", "Politirådet", Level.STEERING, 4, ["KOM", "POL", "SLT"]),
    ("kg", "Koordineringsgruppa", Level.COORDINATION, 9,
     ["SLT", "POL", "BV", "NAV", "PPT", "HS", "SKOLE", "KF", "PHR"]),
    ("ot-nord", "Oppvekstteam Nordbyen skole", Level.OPERATIONAL, 14, ["SKOLE", "HS", "POL", "KF"]),
    ("ot-sor", "Oppvekstteam Sørvik ungdomsskole", Level.OPERATIONAL, 14, ["SKOLE", "HS", "POL", "BV"]),
]
FIRST = ["Kari", "Ola", "Ingrid", "Per", "Siri", "Jonas", "Mona", "Elin", "Arne", "Nora", "Sander", "Liv", "Tone"]
LAST = ["Fjellvik", "Solbakk", "Brekkestø", "Nygårdsli", "Hauglid", "Tveitan", "Rustvik", "Bergheim", "Skarsvåg"]
WORDS = [
    "ungdom", "skole", "tiltak", "foreldre", "politiet", "barnevernet", "oppfølging", "fritid", "kveld",
    "helg", "bekymring", "samarbeid", "kartlegging", "møteplass", "rus", "forebygging", "klubb",
    "helsesykepleier", "trinn", "gruppe", "melding", "avtale", "plan", "evaluering", "nærmiljø", "aktivitet",
    "sommer", "trygghet", "natteravn",
]
TOPICS = ["Situasjonen i sentrum", "Uro etter skoletid", "Rusforebygging på 10. trinn", "Ungdomsklubben",
          "Sommerjobb for ungdom", "Foreldremøter", "Natteravner", "Digital mobbing", "Fritidskortet",
          "Kriminalitetsbildet", "Plan for SLT-arbeidet", "Samarbeid med idrettslagene"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    return " ".join(words).capitalize() + "."


def notes(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.3:
            paragraphs.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 4))))
        else:
            paragraphs.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 6))))
    return "\n\n".join(paragraphs)


def build(seed: int = 2026) -> Dataset:
    rng = random.Random(seed)
    people: list[Person] = []
    forums: list[Forum] = []
    for forum_id, name, level, _, agencies in FORUMS:
        members = []
        for code in agencies:
            pid = f"{forum_id}-{code.lower()}"
            people.append(Person(id=pid, name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", agency=code, role="medlem"))
            members.append(pid)
        forums.append(Forum(id=forum_id, name=name, level=level, members=tuple(members),
                            required_agencies=tuple(agencies), cadence_weeks=max(1, 52 // FORUMS[0][3])))
    meetings: list[Meeting] = []
    actions: list[ActionItem] = []
    for forum, (_, _, _, per_year, _) in zip(forums, FORUMS, strict=True):
        previous = None
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            serial = 1
            for k in range(per_year):
                day = date(year, 1, 10) + timedelta(days=int(k * 350 / per_year))
                starts = datetime(day.year, day.month, day.day, 9, tzinfo=OSLO)
                closed = starts < datetime(2026, 11, 1, tzinfo=OSLO)
                agenda = []
                for n in range(rng.randint(6, 12)):
                    agenda.append(AgendaItem(
                        id=f"s{n + 1}", number=format_number(serial, year), title=rng.choice(TOPICS),
                        kind=rng.choice(list(ItemKind)), planned_minutes=rng.choice([5, 10, 15, 20, 30]),
                        spent_seconds=rng.randint(120, 2400) if closed else 0, notes=notes(rng) if closed else "",
                        confidential=rng.random() < 0.05, legal_basis="offl. § 13 jf. fvl. § 13",
                        decisions=tuple(Decision(id=f"d{d}", text=sentence(rng)) for d in range(rng.randint(0, 2))),
                    ))
                    serial += 1
                meeting_id = f"{forum.id}-{day.isoformat()}"
                meetings.append(Meeting(
                    id=meeting_id, forum=forum.id, starts_at=starts, location="Rådhuset",
                    chair=forum.members[0], minute_taker=forum.members[-1],
                    status=MeetingStatus.CLOSED if closed else MeetingStatus.PLANNED,
                    started_at=starts if closed else None,
                    ended_at=starts + timedelta(minutes=rng.randint(60, 150)) if closed else None,
                    previous=previous, agenda=tuple(agenda),
                    attendance=tuple(Attendance(person=p, status=rng.choice([AttendanceStatus.PRESENT] * 5 + [
                        AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT])) for p in forum.members),
                ))
                previous = meeting_id
                for _ in range(rng.randint(9, 15) if closed else 0):
                    item = rng.choice(agenda)
                    status = rng.choice([ActionStatus.DONE] * 6 + [ActionStatus.DROPPED, ActionStatus.OPEN,
                                                                   ActionStatus.IN_PROGRESS])
                    updates = tuple(ActionUpdate(meeting=meeting_id, status=status, comment=sentence(rng),
                                                 at=starts + timedelta(days=40 * (u + 1)))
                                    for u in range(rng.randint(0, 3)))
                    actions.append(ActionItem(
                        id=f"a-{len(actions) + 1:05d}", title=sentence(rng)[:80], forum=forum.id,
                        agency=rng.choice(forum.required_agencies), owner=rng.choice([None, *forum.members]),
                        due=day + timedelta(days=rng.randint(14, 120)), status=status,
                        origin=Origin(meeting=meeting_id, item=item.id), updates=updates,
                    ))
    return Dataset(agencies=STANDARD_AGENCIES, people=tuple(people), forums=tuple(forums),
                   meetings=tuple(meetings), actions=tuple(actions))


def write(path: Path, seed: int = 2026) -> Path:
    path.unlink(missing_ok=True)
    Repository.create(path, build(seed), municipality="Tiårsvik kommune").close()
    return path


if __name__ == "__main__":
    out = write(Path(sys.argv[1]))
    with Repository.open(out, readonly=True) as repo:
        d = repo.dataset
        print(f"{out}: {out.stat().st_size / 1e6:.1f} MB, {len(d.forums)} forums, {len(d.meetings)} meetings, "
              f"{sum(len(m.agenda) for m in d.meetings)} agenda items, {len(d.actions)} follow-up points")
