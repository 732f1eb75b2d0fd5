"""The start screen, driven with Textual's Pilot at 80×24."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from slt_tui.store import Repository
from slt_tui.ui.app import SltApp


async def test_start_screen_lists_forums_and_the_highlighted_forums_meetings(sample_db):
    with Repository.open(sample_db) as repo:
        app = SltApp(repo)
        async with app.run_test(size=(80, 24)) as pilot:
            forums = app.screen.query_one("#forums", OptionList)
            ids = [forums.get_option_at_index(i).id for i in range(forums.option_count)]
            assert [i for i in ids if i] == ["politiradet", "kg", "ot-fjordvik-us"]
            table = app.screen.query_one("#meetings", DataTable)
            assert forums.highlighted_option.id == "kg"  # the forum with the next meeting comes first
            assert [str(k.value) for k in table.rows] == ["kg-2026-12-08", "kg-2026-10-27", "kg-2026-09-15"]
            assert not table.border_subtitle
            await pilot.press("home")
            await pilot.pause()
            assert forums.highlighted_option.id == "politiradet"
            assert table.row_count == 0 and table.border_subtitle == "Ingen møter i dette forumet ennå."
            assert "Fjordvik kommune" in app.title


async def test_forum_summary_tells_next_meeting_and_overdue_points(sample_db):
    with Repository.open(sample_db) as repo:
        app = SltApp(repo)
        async with app.run_test(size=(80, 24)):
            forums = app.screen.query_one("#forums", OptionList)
            kg = str(forums.get_option("kg").prompt)
            assert "Koordineringsgruppa" in kg and "Neste møte: 08.12.2026" in kg
            assert "1 oppfølgingspunkt over frist" in kg
            assert "Ingen planlagte møter" in str(forums.get_option("politiradet").prompt)


async def test_help_lists_the_keys_in_norwegian_and_q_quits(sample_db):
    from textual.widgets import Static

    from slt_tui.ui.screens.help import KeysScreen

    with Repository.open(sample_db) as repo:
        app = SltApp(repo)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, KeysScreen)
            listed = "\n".join(str(w.render()) for w in app.screen.query(Static))
            assert "Avslutt" in listed and "Åpne" in listed and "ctrl+p" in listed
            await pilot.press("question_mark")
            await pilot.pause()
            assert not isinstance(app.screen, KeysScreen)
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0


async def test_a_running_meeting_is_offered_first(sample_db):
    from datetime import datetime

    from slt_tui.domain import meeting_ops as ops
    from slt_tui.domain.clock import OSLO
    from slt_tui.ui.screens.meeting import MeetingScreen

    with Repository.open(sample_db) as repo:
        repo.update("meetings", "kg-2026-12-08", lambda m: ops.start(m, datetime(2026, 12, 8, 9, 1, tzinfo=OSLO)))
        app = SltApp(repo)
        async with app.run_test(size=(80, 24)) as pilot:
            forums = app.screen.query_one("#forums", OptionList)
            assert forums.highlighted_option.id == "kg" and app.screen.focused is forums
            assert "Pågående møte: 08.12.2026" in str(forums.get_option("kg").prompt)
            assert any("pågående møte" in str(n.message) for n in app._notifications)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen) and app.screen.meeting_id == "kg-2026-12-08"
