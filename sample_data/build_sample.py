"""Build `fjordvik.json`: the fictional Fjordvik kommune that `slt-tui --demo` opens.

Every name here is invented. Run `python sample_data/build_sample.py` after changing the models;
the file is written through the real repository, so it always validates.

Contents (SPEC §7): the standard agencies, three forums (politiråd, koordineringsgruppe and one
oppvekstteam), fourteen people, two closed meetings of the koordineringsgruppe with decisions and
follow-up points (some open, one overdue, one from a confidential item), and one planned meeting
whose agenda carries the open points forward.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

from slt_tui.domain import (
    DEFAULT_LEGAL_BASIS,
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Dataset,
    Decision,
    Forum,
    Guest,
    ItemKind,
    ItemPurpose,
    Level,
    Meeting,
    MeetingStatus,
    Origin,
    Person,
    StandingItem,
)
from slt_tui.domain.approval import with_register_records
from slt_tui.domain.clock import OSLO
from slt_tui.domain.standard import STANDARD_AGENCIES
from slt_tui.store import Repository

MUNICIPALITY = "Fjordvik kommune"

PEOPLE = [
    Person(id="tone-vikaune", name="Tone Vikaune", agency="KOM", role="ordfører"),
    Person(id="hallvard-strandmo", name="Hallvard Strandmo", agency="KOM", role="kommunedirektør"),
    Person(id="ingrid-solbakk", name="Ingrid Solbakk", agency="SLT", role="SLT-koordinator",
           email="slt@fjordvik.example"),
    Person(id="arne-brekkesto", name="Arne Brekkestø", agency="POL", role="politistasjonssjef"),
    Person(id="siri-nygardsli", name="Siri Nygårdsli", agency="POL", role="forebyggende politi"),
    Person(id="mona-hauglid", name="Mona Hauglid", agency="BV", role="barnevernleder"),
    Person(id="jonas-tveitan", name="Jonas Tveitan", agency="NAV", role="veileder ungdom"),
    Person(id="elin-rustvik", name="Elin Rustvik", agency="PPT", role="PP-rådgiver"),
    Person(id="fatima-bergheim", name="Fatima Bergheim", agency="HS", role="helsesykepleier"),
    Person(id="ola-skarsvag", name="Ola Skarsvåg", agency="SKOLE", role="rektor Fjordvik ungdomsskole"),
    Person(id="camilla-ovrebotn", name="Camilla Øvrebotn", agency="KF", role="leder kultur og fritid"),
    Person(id="per-ivar-lundeby", name="Per Ivar Lundeby", agency="PHR", role="rådgiver psykisk helse og rus"),
    Person(id="nora-haugtun", name="Nora Haugtun", agency="SKOLE", role="sosiallærer"),
    Person(id="sander-holmvik", name="Sander Holmvik", agency="KF", role="miljøarbeider"),
]
# Invitations and the minutes' e-mail go to those with an address; one member has none, as happens.
PEOPLE = [p if p.email or p.id == "per-ivar-lundeby" else p.model_copy(update={"email": f"{p.id}@fjordvik.example"})
          for p in PEOPLE]

KG_STANDING = (
    StandingItem(title="Godkjenning av innkalling og saksliste", kind=ItemKind.DECISION, planned_minutes=5),
    StandingItem(title="Godkjenning av referat fra forrige møte", kind=ItemKind.DECISION, planned_minutes=5,
                 purpose=ItemPurpose.APPROVE_MINUTES),
    StandingItem(title="Oppfølging fra tidligere møter", kind=ItemKind.FOLLOW_UP, planned_minutes=15),
    StandingItem(title="Runde rundt bordet: situasjonen blant barn og unge", kind=ItemKind.BRIEFING,
                 planned_minutes=20),
    StandingItem(title="Eventuelt", planned_minutes=5, purpose=ItemPurpose.OTHER_BUSINESS),
)

FORUMS = [
    Forum(id="politiradet", name="Politirådet", level=Level.STEERING,
          members=("tone-vikaune", "hallvard-strandmo", "arne-brekkesto", "ingrid-solbakk"),
          required_agencies=("KOM", "POL", "SLT"), cadence_weeks=12,
          standing_items=(*KG_STANDING[:2], StandingItem(title="Politiets situasjonsbilde", planned_minutes=20))),
    Forum(id="kg", name="Koordineringsgruppa", level=Level.COORDINATION,
          members=("ingrid-solbakk", "siri-nygardsli", "mona-hauglid", "jonas-tveitan", "elin-rustvik",
                   "fatima-bergheim", "ola-skarsvag", "camilla-ovrebotn", "per-ivar-lundeby"),
          required_agencies=("SLT", "POL", "BV", "NAV", "PPT", "HS", "SKOLE", "KF", "PHR"),
          standing_items=KG_STANDING, cadence_weeks=6,
          copy_to=("Kommunedirektøren", "Politiråd v/ leder", "Arkivet")),
    Forum(id="ot-fjordvik-us", name="Oppvekstteam Fjordvik ungdomsskole", level=Level.OPERATIONAL,
          members=("ola-skarsvag", "nora-haugtun", "fatima-bergheim", "siri-nygardsli", "sander-holmvik"),
          required_agencies=("SKOLE", "HS", "POL"), cadence_weeks=3,
          standing_items=(StandingItem(title="Oppfølging fra tidligere møter", kind=ItemKind.FOLLOW_UP),)),
]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def attendance(**statuses: str) -> tuple[Attendance, ...]:
    members = FORUMS[1].members
    rows = []
    for person in members:
        status = statuses.get(person.replace("-", "_"), "present")
        if status.startswith("vara:"):
            rows.append(Attendance(person=person, status=AttendanceStatus.SUBSTITUTE, substitute=status[5:]))
        else:
            rows.append(Attendance(person=person, status=AttendanceStatus(status)))
    return tuple(rows)


def september() -> Meeting:
    day = date(2026, 9, 15)
    return Meeting(
        id="kg-2026-09-15", forum="kg", starts_at=at(day, 9), location="Rådhuset, møterom Fjorden",
        chair="ingrid-solbakk", minute_taker="ingrid-solbakk", status=MeetingStatus.CLOSED,
        started_at=at(day, 9, 2), ended_at=at(day, 10, 41), next_meeting_at=at(date(2026, 10, 27), 9),
        archive_ref="26/812",
        attendance=attendance(jonas_tveitan="excused", elin_rustvik="absent"),
        agenda=(
            AgendaItem(id="s1", number="01/26", title="Godkjenning av innkalling og saksliste",
                       kind=ItemKind.DECISION, planned_minutes=5, spent_seconds=120,
                       decisions=(Decision(id="d1", text="Innkalling og saksliste godkjent."),)),
            AgendaItem(id="s2", number="02/26", title="Runde rundt bordet: situasjonen blant barn og unge",
                       planned_minutes=20, spent_seconds=1680, presenter="Alle",
                       notes=("Skolen melder om mer uro i friminuttene etter sommerferien.\n\n"
                              "- Politiet har sett flere unge samlet ved kaiområdet på fredagskvelder\n"
                              "- Helsestasjonen opplever *økt pågang* på drop-in\n"
                              "- Utekontakten er ved kaiområdet fredager etter kl. 18\n"
                              "Kontakt: SLT-koordinator Ingrid Solbakk.")),
            AgendaItem(id="s3", number="03/26", title="Ungdomsklubben: utvidet åpningstid",
                       kind=ItemKind.DECISION, planned_minutes=15, spent_seconds=1260,
                       presenter="Camilla Øvrebotn",
                       notes="Kultur og fritid foreslår å holde klubben åpen til kl. 23 på fredager.",
                       decisions=(Decision(id="d2", text="Koordineringsgruppa støtter forsøk med utvidet "
                                           "åpningstid ut skoleåret."),)),
            AgendaItem(id="s4", number="04/26", title="Foreldremøter om rus på 9. trinn",
                       kind=ItemKind.DISCUSSION, planned_minutes=15, spent_seconds=900,
                       presenter="Siri Nygårdsli"),
        ),
    )


def october() -> Meeting:
    day = date(2026, 10, 27)
    return Meeting(
        id="kg-2026-10-27", forum="kg", starts_at=at(day, 9), location="Rådhuset, møterom Fjorden",
        chair="ingrid-solbakk", minute_taker="camilla-ovrebotn", status=MeetingStatus.CLOSED,
        started_at=at(day, 9, 0), ended_at=at(day, 10, 55), previous="kg-2026-09-15",
        next_meeting_at=at(date(2026, 12, 8), 9),
        attendance=attendance(jonas_tveitan="vara:Henrik Aalvik", per_ivar_lundeby="excused"),
        guests=(Guest(name="Liv Mørkedal", agency="KF"),),
        agenda=(
            AgendaItem(id="s1", number="05/26", title="Godkjenning av innkalling og saksliste",
                       kind=ItemKind.DECISION, planned_minutes=5, spent_seconds=90,
                       decisions=(Decision(id="d1", text="Godkjent."),)),
            AgendaItem(id="s2", number="06/26", title="Godkjenning av referat fra forrige møte",
                       kind=ItemKind.DECISION, planned_minutes=5, spent_seconds=60, approves="kg-2026-09-15",
                       decisions=(Decision(id="d1", text="Referatet fra 15.09.2026 godkjent."),)),
            AgendaItem(id="s3", number="07/26", title="Oppfølging fra tidligere møter",
                       kind=ItemKind.FOLLOW_UP, planned_minutes=15, spent_seconds=1020),
            AgendaItem(id="s4", number="08/26", title="Bekymring for en gruppe ungdommer ved kaiområdet",
                       kind=ItemKind.DISCUSSION, planned_minutes=20, spent_seconds=1860,
                       confidential=True, legal_basis=DEFAULT_LEGAL_BASIS, presenter="Siri Nygårdsli",
                       notes=("Drøftet anonymt. Gruppen er på fem–seks ungdommer i alderen 14–16 år. "
                              "Politiet og barnevernet har felles bekymring; skolen kjenner til tre av dem.")),
            AgendaItem(id="s5", number="09/26", title="Sommerjobb for ungdom 2027",
                       kind=ItemKind.BRIEFING, planned_minutes=10, spent_seconds=540,
                       presenter="Henrik Aalvik (vara for NAV)",
                       notes="NAV og kommunen ønsker 40 plasser neste sommer, mot 30 i år."),
            AgendaItem(id="s6", number="10/26", title="Eventuelt", planned_minutes=5, spent_seconds=180,
                       notes="Ingen saker."),
        ),
    )


def december() -> Meeting:
    day = date(2026, 12, 8)
    standing = [AgendaItem(id=f"s{n}", number=f"{n + 10:02d}/26", title=item.title, kind=item.kind,
                           planned_minutes=item.planned_minutes,
                           approves="kg-2026-10-27" if item.purpose is ItemPurpose.APPROVE_MINUTES else None)
                for n, item in enumerate(KG_STANDING, 1)]
    return Meeting(
        id="kg-2026-12-08", forum="kg", starts_at=at(day, 9), location="Rådhuset, møterom Fjorden",
        chair="ingrid-solbakk", minute_taker="camilla-ovrebotn", previous="kg-2026-10-27",
        agenda=(
            *standing[:-1],
            AgendaItem(id="s5", number="15/26", title="Plan for SLT-arbeidet 2027",
                       kind=ItemKind.DISCUSSION, planned_minutes=25, presenter="Ingrid Solbakk",
                       summary=("Koordinatoren legger fram utkast til handlingsplan for 2027.\n\n"
                                "Gruppen bes om innspill til tre prioriterte innsatsområder.")),
            AgendaItem(id="s6", number="16/26", title="Oppfølging av bekymringen ved kaiområdet",
                       kind=ItemKind.DISCUSSION, planned_minutes=15, presenter="Mona Hauglid",
                       confidential=True, legal_basis=DEFAULT_LEGAL_BASIS,
                       summary="Barnevernet og politiet orienterer om det felles tiltaket for gruppen."),
            standing[-1].model_copy(update={"id": "s7", "number": "17/26"}),
        ),
    )


def actions() -> list[ActionItem]:
    review = at(date(2026, 10, 27), 9, 20)
    return [
        ActionItem(id="a-klubb-evaluering", title="Evaluere utvidet åpningstid i ungdomsklubben",
                   forum="kg", agency="KF", owner="camilla-ovrebotn", due=date(2027, 1, 31),
                   origin=Origin(meeting="kg-2026-09-15", item="s3"), status=ActionStatus.IN_PROGRESS,
                   updates=(ActionUpdate(meeting="kg-2026-10-27", status=ActionStatus.IN_PROGRESS,
                                         comment="Første fredager gjennomført; 35–40 besøkende.", at=review),)),
        ActionItem(id="a-foreldremote", title="Sette opp foreldremøter om rus for 9. trinn",
                   forum="kg", agency="SKOLE", owner="ola-skarsvag", due=date(2026, 11, 13),
                   agreed_due=date(2026, 10, 23), origin=Origin(meeting="kg-2026-09-15", item="s4"),
                   updates=(ActionUpdate(meeting="kg-2026-10-27", status=ActionStatus.OPEN,
                                         comment="Dato ikke satt ennå; ny frist.", at=review,
                                         due=date(2026, 11, 13)),)),
        ActionItem(id="a-kai-kartlegging", title="Kartlegge tilbud på fredagskvelder ved kaiområdet",
                   forum="kg", agency="POL", owner="siri-nygardsli", due=date(2026, 10, 20),
                   origin=Origin(meeting="kg-2026-09-15", item="s2"), status=ActionStatus.DONE,
                   updates=(ActionUpdate(meeting="kg-2026-10-27", status=ActionStatus.DONE,
                                         comment="Kartlegging lagt fram i møtet.", at=review),)),
        ActionItem(id="a-kai-tiltak", title="Felles tiltak for gruppen ved kaiområdet",
                   forum="kg", agency="BV", owner="mona-hauglid", due=date(2026, 12, 8),
                   origin=Origin(meeting="kg-2026-10-27", item="s4")),
        ActionItem(id="a-sommerjobb", title="Søke om midler til 40 sommerjobber",
                   forum="kg", agency="NAV", due=date(2027, 2, 15),
                   origin=Origin(meeting="kg-2026-10-27", item="s5")),
    ]


def build() -> Dataset:
    dataset = Dataset(agencies=STANDARD_AGENCIES, people=tuple(PEOPLE), forums=tuple(FORUMS),
                      meetings=(september(), october(), december()), actions=tuple(actions()))
    # The registers as the minutes of 15.09 showed them when 27.10 approved them, as a save records them.
    return dataset.put(with_register_records(dataset.meeting("kg-2026-10-27"), dataset))


def write(path: Path) -> None:
    """Write the sample to `path` (built in a scratch folder, so no lock file is left beside it)."""
    with tempfile.TemporaryDirectory() as scratch:
        built = Path(scratch) / path.name
        Repository.create(built, build(), municipality=MUNICIPALITY).close()
        # Indented, so that a change to the sample reads well in a diff; the loader takes either form.
        data = json.loads(built.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("fjordvik.json"))
