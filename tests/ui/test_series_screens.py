"""Meeting series in the app: plan from the start screen, review carried points, search, escalate."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Input, Select

from slt_tui.domain.clock import format_date, today
from slt_tui.minutes.document import render
from slt_tui.store import Repository
from slt_tui.ui.app import SltApp
from slt_tui.ui.modals.questions import AskDate, Confirm
from slt_tui.ui.modals.series import EscalateForm
from slt_tui.ui.screens.meeting import MeetingScreen
from slt_tui.ui.screens.register import RegisterScreen
from slt_tui.ui.screens.search import SearchScreen
from slt_tui.ui.widgets.agenda import AgendaTable

from helpers import meeting_app, on_disk, settle, text_of, type_text


async def start_app(path):
    repo = Repository.open(path)
    return repo, SltApp(repo)


async def test_plan_from_the_start_screen_proposes_a_date_and_makes_the_meeting(sample_db):
    repo, app = await start_app(sample_db)
    with repo:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("home", "n")  # Politirådet, the first forum: no meetings yet
            assert isinstance(app.screen, AskDate)
            assert app.screen.query_one(Input).value == format_date(today() + timedelta(weeks=1))  # proposed
            app.screen.query_one(Input).value = "15.13.2026"
            await pilot.press("enter")
            assert isinstance(app.screen, AskDate)
            assert text_of(app, ".form-error") == "«15.13.2026» er ikke en dag i kalenderen"
            app.screen.query_one(Input).value = "15.12.2026"
            await pilot.press("enter")
            await settle(app, pilot)
    meeting = on_disk(sample_db).meeting("politiradet-2026-12-15")
    assert [i.number for i in meeting.agenda][:1] == ["01/26"]
    assert meeting.agenda[0].title == "Godkjenning av innkalling og saksliste"


async def test_the_register_across_forums_filters_and_shows_history(sample_db):
    repo, app = await start_app(sample_db)
    with repo:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("o")  # the koordineringsgruppe, with the next meeting, highlighted first
            assert isinstance(app.screen, RegisterScreen)
            table = app.screen.query_one(DataTable)
            assert len(table.rows) == 4  # open and in progress
            await pilot.press("s")  # all
            assert len(table.rows) == 5
            await pilot.press("s")  # done
            assert [str(k.value) for k in table.rows] == ["a-kai-kartlegging"]
            assert "27.10.2026: utført Kartlegging lagt fram i møtet." in text_of(app, "#register-detail")
            await pilot.press("s", "s", "x")  # open again, only overdue
            assert [str(k.value) for k in table.rows] == ["a-foreldremote"]
            await pilot.press("3")  # review keys do nothing outside a meeting
            await settle(app, pilot)
    assert on_disk(sample_db).action("a-foreldremote").status.value == "open"


async def test_reviewing_in_the_meeting_records_status_and_new_due_date(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("down", "down")  # 13/26 Oppfølging fra tidligere møter
        assert "Fra tidligere møter (4):" in text_of(app, "#actions")
        await pilot.press("o")
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("a-kai-tiltak"))
        await pilot.press("r")
        app.screen.query_one(Input).value = "15.01.2027"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        line = next(x for x in text_of(app, "#actions").splitlines() if "Felles tiltak" in x)
        assert line.endswith("BV, 15.01.2027, under arbeid")
    point = on_disk(sample_db).action("a-kai-tiltak")
    assert point.due.isoformat() == "2027-01-15" and point.status.value == "in_progress"
    assert [(u.meeting, u.due) for u in point.updates][-2][0] == "kg-2026-12-08"


async def test_search_opens_the_meeting_on_the_case(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await app.workers.wait_for_complete()
        await type_text(pilot, "ÅPNINGSTID")
        await pilot.pause()
        table = app.screen.query_one("#hits", DataTable)
        assert len(table.rows) >= 2 and "treff" in text_of(app, "#search-status")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting_id == "kg-2026-09-15"
        assert app.screen.query_one(AgendaTable).selected_id == "s3"


async def test_h_goes_home_from_a_search_hit_and_keeps_what_was_typed(sample_db):
    from slt_tui.ui.screens.help import KeysScreen
    from slt_tui.ui.screens.start import StartScreen

    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        await type_text(pilot, "Notat før søket")
        await pilot.press("escape")  # out of the notes editor: h types there
        await pilot.press("slash")
        await app.workers.wait_for_complete()
        await type_text(pilot, "kaiomradet")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and len(app.screen_stack) == 5
        await pilot.press("question_mark")  # a window over the screen is closed first: h does nothing there
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await settle(app, pilot)
        assert isinstance(app.screen, StartScreen) and len(app.screen_stack) == 2
    assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].notes == "Notat før søket"


async def test_escalating_to_the_police_council_warns_about_an_individual_case(sample_db):
    with Repository.open(sample_db) as repo:
        from datetime import date

        from slt_tui.domain.series import PlanTitles, plan
        titles = PlanTitles("Oppfølging", "Godkjenning av referat")
        repo.save(plan(repo.dataset, "politiradet", date(2026, 11, 24), titles, on=date(2026, 12, 1)))
        meeting = repo.dataset.meeting("kg-2026-12-08")
        item = meeting.agenda[3].model_copy(update={"notes": "Gutten (15) er bekymringsfull"})
        repo.save(meeting.model_copy(update={"agenda": (*meeting.agenda[:3], item, *meeting.agenda[4:])}))
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("down", "down", "down", "u")
        assert isinstance(app.screen, EscalateForm)
        app.screen.query_one(Select).value = "politiradet-2026-12-01"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, Confirm) and "enkeltsak" in app.screen.question
        await pilot.press("j")
        await settle(app, pilot)
        assert "sendt til Politirådet 01.12.2026, sak 04/26" in text_of(app, "#item-meta")
    dataset = on_disk(sample_db)
    arrived = dataset.meeting("politiradet-2026-12-01").agenda[-1]
    assert arrived.sent_from.meeting == "kg-2026-12-08" and arrived.title == item.title
    minutes = render(dataset.meeting("politiradet-2026-12-01"), dataset)
    assert "Fra Koordineringsgruppa 08.12.2026, sak 14/26." in minutes


async def test_the_invitation_is_written_from_the_meeting_and_never_replaced_unasked(sample_db, tmp_path):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("k")
        app.screen.query_one(Input).value = str(tmp_path / "finnes-ikke")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not (tmp_path / "finnes-ikke").exists()  # said in a notification; nothing written
        await pilot.press("k")
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await settle(app, pilot)
        written = tmp_path / "innkalling-kg-2026-12-08.ics"
        assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
        written.write_text("mine", encoding="utf-8")
        await pilot.press("k")
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, Confirm) and "finnes allerede" in app.screen.question
        await pilot.press("n")
        await settle(app, pilot)
        assert written.read_text(encoding="utf-8") == "mine"


async def test_a_review_moves_on_to_the_next_point_and_shows_what_was_just_recorded(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        order = [str(k.value) for k in table.rows]
        assert len(order) >= 3
        await pilot.press("k")
        app.screen.query_one(Input).value = "Skolen har svart"
        await pilot.press("enter")
        await settle(app, pilot)
        detail = text_of(app, "#register-detail").splitlines()
        assert "Skolen har svart" in detail[2], "the newest line comes first, under the title and origin"
        await pilot.press("3", "2")  # done for the first point, in progress for the second, as said aloud
        await settle(app, pilot)
        assert [str(k.value) for k in table.rows] == order, "the order stays while statuses change"
        assert table.cursor_row == 2
    data = on_disk(sample_db)
    assert data.action(order[0]).status.value == "done"
    assert data.action(order[1]).status.value == "in_progress"
