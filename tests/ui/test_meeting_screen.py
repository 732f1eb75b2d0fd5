"""The meeting screen, flow by flow, asserting what is on screen and what reached the file."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import TextArea

from slt_tui.domain import MeetingStatus
from slt_tui.ui.modals.forms import ActionForm
from slt_tui.ui.widgets.agenda import AgendaTable
from slt_tui.ui.widgets.detail import NOTES_PAUSE

from helpers import meeting_app, on_disk, settle, start_meeting, text_of, type_text


async def test_the_agenda_shows_numbers_titles_and_times(sample_db):
    async with meeting_app(sample_db, "kg-2026-10-27") as (app, _pilot):
        table = app.screen.query_one(AgendaTable)
        assert [str(k.value) for k in table.rows] == ["s1", "s2", "s3", "s4", "s5", "s6"]
        row = [str(c) for c in table.get_row("s4")]
        assert row[0] == "08/26" and row[1].startswith("U.off. ") and row[3] == "31 min, 11 over"
        assert text_of(app, "#status") == "Koordineringsgruppa · 27.10.2026 09.00 · Utkast – godkjennes i neste møte"
        assert text_of(app, "#clock") == "varte 1 t 55 min"
        assert text_of(app, "#coverage") == "8 av 9 etater representert — mangler: PHR"


async def test_notes_save_themselves_after_typing_pauses_and_escape_leaves(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("down", "down", "n")
        assert app.screen.focused is app.screen.query_one("#notes", TextArea)
        await type_text(pilot, "Ro i friminuttene | *ny* <b>")
        await asyncio.sleep(NOTES_PAUSE + 0.3)
        await settle(app, pilot)
        assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[2].notes == "Ro i friminuttene | *ny* <b>"
        await pilot.press("escape")
        assert isinstance(app.screen.focused, AgendaTable)


async def test_notes_are_saved_when_focus_leaves_before_the_pause(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        await type_text(pilot, "Kort notat")
        await pilot.press("escape")
        await settle(app, pilot)
        assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].notes == "Kort notat"


async def test_a_long_note_with_control_characters_is_kept_clean(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("n")
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert("x" * 10_000 + "\x1b[31m slutt")
        await pilot.press("escape")
        await settle(app, pilot)
        stored = on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].notes
        assert stored == "x" * 10_000 + "[31m slutt"


async def test_the_item_timer_runs_one_item_at_a_time_and_saves_used_time(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "space")
        await settle(app, pilot)
        assert app.clock.item_id == "s1"
        assert on_disk(sample_db).meeting("kg-2026-12-08").status is MeetingStatus.RUNNING  # the clock started it
        await asyncio.sleep(1.1)
        await pilot.press("down", "space")  # switching: s1 pauses, s2 runs
        await settle(app, pilot)
        assert app.clock.item_id == "s2"
        assert str(app.screen.query_one(AgendaTable).get_row("s2")[3]) == "▶ 0 min"
        assert text_of(app, "#clock").startswith("pågår 0 min · slutt ca. ")  # one format: whole minutes
        assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].spent_seconds >= 1
        await pilot.press("space")  # pause
        await settle(app, pilot)
        assert not app.clock.running


async def test_an_item_over_its_time_says_so_in_words(sample_db):
    async with meeting_app(sample_db, "kg-2026-09-15") as (app, _pilot):
        assert str(app.screen.query_one(AgendaTable).get_row("s2")[3]) == "28 min, 8 over"
        assert str(app.screen.query_one(AgendaTable).get_row("s4")[3]) == "15 min"


async def test_add_edit_move_and_delete_items_keep_case_numbers_in_order(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("a")
        await type_text(pilot, "Nytt tiltak")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        meeting = on_disk(sample_db).meeting("kg-2026-12-08")
        # a new case goes before "Eventuelt", which stays last
        assert [(i.number, i.title) for i in meeting.agenda[-2:]] == [("17/26", "Nytt tiltak"), ("18/26", "Eventuelt")]
        assert app.screen.query_one(AgendaTable).selected_id == meeting.agenda[-2].id
        await pilot.press("shift+up")
        await settle(app, pilot)
        meeting = on_disk(sample_db).meeting("kg-2026-12-08")
        assert [i.title for i in meeting.agenda[-3:]] == ["Nytt tiltak", "Oppfølging av bekymringen ved kaiområdet",
                                                          "Eventuelt"]
        assert meeting.agenda[-3].number == "16/26"
        await pilot.press("delete")
        await pilot.press("j")
        await settle(app, pilot)
        meeting = on_disk(sample_db).meeting("kg-2026-12-08")
        assert [i.number for i in meeting.agenda] == ["11/26", "12/26", "13/26", "14/26", "15/26", "16/26", "17/26"]
        assert "Nytt tiltak" not in [i.title for i in meeting.agenda]


async def test_an_empty_title_is_refused_inline(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        before = sample_db.read_bytes()
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert "Tittel: må fylles ut" in text_of(app, ".form-error")
        await pilot.press("escape")
        await settle(app, pilot)
        assert sample_db.read_bytes() == before


async def test_confidential_asks_for_the_legal_basis(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("c", "enter")
        await settle(app, pilot)
        item = on_disk(sample_db).meeting("kg-2026-12-08").agenda[0]
        assert item.confidential and item.legal_basis == "offl. § 13 jf. fvl. § 13"
        assert "unntatt offentlighet, jf. offl. § 13 jf. fvl. § 13" in text_of(app, "#item-meta")
        await pilot.press("c")
        await settle(app, pilot)
        assert not on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].confidential


async def test_a_decision_is_recorded_on_the_item(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("d")
        await type_text(pilot, "Godkjent")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert [d.text for d in on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].decisions] == ["Godkjent"]
        assert "• Godkjent" in text_of(app, "#decisions")


async def test_a_follow_up_point_needs_an_agency_and_a_real_date(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("t")
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.query_one("#due").value == "19.01.2027"  # meeting date + the forum's six weeks
        await type_text(pilot, "Invitere ungdomsrådet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Velg ansvarlig etat" in text_of(app, ".form-error")
        form.query_one("#agency").value = "NAV"
        await pilot.pause()
        form.query_one("#owner").value = "jonas-tveitan"
        form.query_one("#due").value = "31.02.2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Frist" in text_of(app, ".form-error") and "dd.mm.åååå" in text_of(app, ".form-error")
        form.query_one("#due").value = "1.3.2027"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        action = next(a for a in on_disk(sample_db).actions if a.title == "Invitere ungdomsrådet")
        assert (action.agency, action.owner, action.due.isoformat()) == ("NAV", "jonas-tveitan", "2027-03-01")
        assert (action.origin.meeting, action.origin.item, action.forum) == ("kg-2026-12-08", "s1", "kg")


async def test_attendance_keys_and_the_live_coverage_line(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        # members by agency: BV, HS, KF, NAV, PHR, POL, PPT, SKOLE, SLT
        await pilot.press("t", "t", "t", "f", "t", "i", "t", "t", "v")
        await type_text(pilot, "Henrik Aalvik")
        await pilot.press("enter")
        await settle(app, pilot)
        assert text_of(app, "#coverage") == "7 av 9 etater representert — mangler: POL, NAV"
        meeting = on_disk(sample_db).meeting("kg-2026-12-08")
        marks = {a.person: (a.status.value, a.substitute) for a in meeting.attendance}
        assert marks["jonas-tveitan"] == ("excused", "") and marks["siri-nygardsli"] == ("absent", "")
        assert marks["ingrid-solbakk"] == ("substitute", "Henrik Aalvik")
        await pilot.press("g")
        await type_text(pilot, "Liv Gjest")
        await pilot.press("enter")
        await type_text(pilot, "pol")
        await pilot.press("enter", "enter")  # the role may stay empty
        await settle(app, pilot)
        assert text_of(app, "#coverage") == "8 av 9 etater representert — mangler: NAV"
        guests = on_disk(sample_db).meeting("kg-2026-12-08").guests
        assert [(g.name, g.agency) for g in guests] == [("Liv Gjest", "POL")]
        await pilot.press("escape")
        await pilot.pause()
        assert text_of(app, "#coverage") == "8 av 9 etater representert — mangler: NAV"


async def test_start_and_end_the_meeting_with_confirmation_and_next_date(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "s")
        await settle(app, pilot)
        assert on_disk(sample_db).meeting("kg-2026-12-08").status is MeetingStatus.RUNNING
        await pilot.press("s", "n")  # asked, and declined
        await settle(app, pilot)
        assert on_disk(sample_db).meeting("kg-2026-12-08").status is MeetingStatus.RUNNING
        await pilot.press("s", "j")
        app.screen.query_one("#answer").value = "26.01.2027"
        await pilot.press("enter")
        await settle(app, pilot)
        meeting = on_disk(sample_db).meeting("kg-2026-12-08")
        assert meeting.status is MeetingStatus.CLOSED and meeting.ended_at is not None
        assert meeting.next_meeting_at.date().isoformat() == "2027-01-26" and meeting.next_meeting_at.hour == 9
        assert text_of(app, "#clock").startswith("varte ")
        await settle(app, pilot)
    planned = on_disk(sample_db).meeting("kg-2027-01-26")  # the next meeting, planned as the meeting ended
    assert planned.status is MeetingStatus.PLANNED and planned.previous == "kg-2026-12-08"
    assert planned.agenda[0].number == "01/27"


async def test_meeting_details_can_be_edited(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("i")
        form = app.screen
        form.query_one("#time").value = "10:30"
        form.query_one("#location").value = "Kommunestyresalen"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        meeting = on_disk(sample_db).meeting("kg-2026-12-08")
        assert (meeting.starts_at.hour, meeting.starts_at.minute, meeting.location) == (10, 30, "Kommunestyresalen")


async def test_a_date_in_a_year_no_meeting_can_be_in_is_said_in_the_form(sample_db):
    """Year 1 once crashed the app (time-zone arithmetic overflowed); 9999 made the meeting unendable."""
    before = sample_db.read_bytes()
    async with meeting_app(sample_db) as (app, pilot):
        for typed in ("01.01.0001", "31.12.9999"):
            await pilot.press("i")
            form = app.screen
            form.query_one("#date").value = typed
            form.query_one("#time").value = "00:00"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert "1900–2199" in text_of(app, ".form-error")
            await pilot.press("escape")
    assert sample_db.read_bytes() == before


async def test_the_follow_up_register_changes_status_with_a_record(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one("#points")
        first = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        assert first == "a-foreldremote"  # the overdue one comes first
        await pilot.press("3")
        await settle(app, pilot)
        point = on_disk(sample_db).action("a-foreldremote")
        assert point.status.value == "done"
        assert point.updates[-1].meeting == "kg-2026-12-08" and point.updates[-1].status.value == "done"
        row = [str(c) for c in table.get_row("a-foreldremote")]
        assert row[1] == "utført"  # reviewed here: it stays in this meeting's list, and will not come back
        await pilot.press("f")
        await pilot.pause()
        assert "bare BV" in text_of(app, "#register-title")


async def test_read_only_refuses_changes_with_a_message(sample_db):
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, readonly=True) as (app, pilot):
        await pilot.press("a", "space", "n", "d")
        await settle(app, pilot)
        assert not app.clock.running
        assert any("bare for lesing" in str(n.message) for n in app._notifications)
        assert app.screen.query_one("#notes", TextArea).read_only
        assert app.sub_title == "bare lesing"
    assert sample_db.read_bytes() == before


async def test_quit_saves_the_running_timer(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "space")
        await asyncio.sleep(1.1)
        await pilot.press("q")
        await pilot.pause()
    assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].spent_seconds >= 1


async def test_every_key_is_in_the_command_palette(sample_db):
    from slt_tui.ui.modals.forms import DecisionForm

    async with meeting_app(sample_db) as (app, pilot):
        commands = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Ny sak", "Notat", "Vedtak", "Oppfølging", "Oppmøte", "Tid", "U.off.", "Slett sak",
                      "Flytt opp", "Start/avslutt", "Møtedetaljer", "Oppfølgingspunkter", "Avslutt"):
            assert title in commands, title
        await pilot.press("ctrl+p")
        await type_text(pilot, "Vedtak")
        await asyncio.sleep(0.5)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)


async def test_a_resize_keeps_the_agenda_times_and_the_footer_whole(sample_db):
    from slt_tui.ui.widgets.footer import KeyFooter

    async with meeting_app(sample_db, "kg-2026-10-27") as (app, pilot):
        table = app.screen.query_one(AgendaTable)
        narrow = str(table.get_row("s4")[1])
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        wide = str(table.get_row("s4")[1])
        assert len(wide) > len(narrow)  # titles get the room
        full = "U.off. Bekymring for en gruppe ungdommer ved kaiområdet"
        assert full.startswith(wide.rstrip("…")) and full.startswith(narrow.rstrip("…"))
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert str(table.get_row("s4")[1]) == narrow
        assert str(table.get_row("s4")[3]) == "31 min, 11 over"
        assert app.screen.query_one(KeyFooter).size.width == 80


async def test_a_timer_left_running_when_leaving_the_meeting_is_saved_on_quit(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "space")
        await asyncio.sleep(1.1)
        await pilot.press("escape")  # back to the start screen; the item's clock keeps running
        await pilot.pause()
        assert app.clock.running and app.clock.meeting_id == "kg-2026-12-08"
        await pilot.press("q")
        await pilot.pause()
    assert on_disk(sample_db).meeting("kg-2026-12-08").agenda[0].spent_seconds >= 1


async def test_starting_on_another_day_asks_to_move_the_meeting_to_today(sample_db):
    from slt_tui.domain.clock import today
    from slt_tui.ui.modals.questions import Confirm

    planned = on_disk(sample_db).meeting("kg-2026-12-08").starts_at
    if planned.date() == today():
        pytest.skip("run on the sample meeting's own day")
    async with meeting_app(sample_db) as (app, pilot):
        for key in ("s", "space"):  # the meeting alone, or an item's clock and with it the meeting
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, Confirm) and "08.12.2026" not in app.screen.question
            assert "desember 2026" in app.screen.question
            await pilot.press("n")
            await settle(app, pilot)
            assert on_disk(sample_db).meeting("kg-2026-12-08").status is MeetingStatus.PLANNED
            assert not app.clock.running
        await start_meeting(app, pilot, "space")
        await settle(app, pilot)
        assert app.clock.running
    meeting = on_disk(sample_db).meeting("kg-2026-12-08")
    assert meeting.status is MeetingStatus.RUNNING
    assert meeting.starts_at.date() == today() and meeting.starts_at.time() == planned.time()


async def test_a_substitute_survives_the_next_key_and_is_offered_again(sample_db):
    from textual.widgets import DataTable, Input

    from slt_tui.ui.modals.questions import Confirm

    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("jonas-tveitan"))  # NAV
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Henrik Aalvik"  # who stood in for him last time
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("t")  # meant for the next person, and it is for the next person
        await settle(app, pilot)
        table.move_cursor(row=table.get_row_index("jonas-tveitan"))
        await pilot.press("t")  # on the substitute's row: asked first
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "Henrik Aalvik" in app.screen.question
        await pilot.press("n")
        await settle(app, pilot)
    marks = {a.person: (a.status.value, a.substitute) for a in on_disk(sample_db).meeting("kg-2026-12-08").attendance}
    assert marks["jonas-tveitan"] == ("substitute", "Henrik Aalvik")
    assert len([m for m in marks.values() if m == ("present", "")]) == 1


async def test_declining_to_move_a_meeting_leaves_another_meetings_clock_running(sample_db):
    from datetime import date

    from slt_tui.domain.clock import today
    from slt_tui.domain.series import PlanTitles, plan
    from slt_tui.store import Repository
    from slt_tui.ui.modals.questions import Confirm

    if date(2026, 12, 8) == today():
        pytest.skip("run on the sample meeting's own day")
    with Repository.open(sample_db) as repo:
        repo.save(plan(repo.dataset, "politiradet", today(), PlanTitles("Oppfølging", "Godkjenning av referat"),
                       on=today()))
    council = f"politiradet-{today():%Y-%m-%d}"
    async with meeting_app(sample_db, council) as (app, pilot):
        await start_meeting(app, pilot, "space")  # planned for today: no question
        await settle(app, pilot)
        assert (app.clock.meeting_id, app.clock.item_id) == (council, "s1")
        app.open_meeting("kg-2026-12-08")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(app, pilot)
        assert (app.clock.meeting_id, app.clock.item_id) == (council, "s1"), "no changes nothing"
    assert on_disk(sample_db).meeting(council).running_item == "s1"


async def test_keys_typed_before_the_start_lands_do_not_ask_again(sample_db):
    from slt_tui.ui.modals.questions import Confirm

    async with meeting_app(sample_db) as (app, pilot):
        await start_meeting(app, pilot, "s")
        await pilot.press("space")  # at once, before the start is saved: the clock starts, no question
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        await settle(app, pilot)
        assert app.clock.item_id == "s1"
        await pilot.press("s")  # running now: asks to end it, not to move it
        await pilot.pause()
        from slt_tui.i18n import translate

        assert isinstance(app.screen, Confirm) and app.screen.question == translate("confirm.end_meeting", "nb")
