"""What the second attack on the languages found in the app, each now a test: folders that cannot be
written to are said in the form, in the run's language; the too-small cover never outstays the small
terminal; questions show whole; yes is the run's own key; empty lists say why they are empty."""

from __future__ import annotations

from test_minutes_screen import MEETING, export_with
from test_registers_screen import open_registers
from textual.widgets import DataTable, Input

from slt_tui.i18n import set_language, translate
from slt_tui.ui.modals.export import ExportForm
from slt_tui.ui.modals.questions import AskText, Confirm
from slt_tui.ui.modals.register_forms import ForumForm, PersonForm
from slt_tui.ui.screens.help import KeysScreen
from slt_tui.ui.screens.meeting import MeetingScreen
from slt_tui.ui.screens.register import RegisterScreen
from slt_tui.ui.screens.too_small import TooSmallScreen

from helpers import meeting_app, on_disk, settle, text_of

TOO_LONG = "a" * 300  # one name longer than any file system takes


async def test_a_folder_name_too_long_is_said_in_the_export_form(sample_db, tmp_path):
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("e")
        await export_with(app, pilot, tmp_path / TOO_LONG, public=False)
        assert isinstance(app.screen, ExportForm), "the form stays open, the app runs on"
        assert translate("system.ENAMETOOLONG", "nb") in text_of(app, ".form-error")


async def test_a_file_where_a_folder_should_be_is_called_a_file(sample_db, tmp_path):
    (tmp_path / "notat.txt").write_text("x", encoding="utf-8")
    async with meeting_app(sample_db, MEETING) as (app, pilot):
        await pilot.press("e")
        await export_with(app, pilot, tmp_path / "notat.txt", public=False)
        assert isinstance(app.screen, ExportForm)
        assert text_of(app, ".form-error") == translate("export.not_folder", "nb", folder=tmp_path / "notat.txt")


async def test_the_invitation_form_refuses_a_missing_or_impossible_folder_and_keeps_what_was_typed(
        sample_db, tmp_path):
    set_language("en")
    async with meeting_app(sample_db) as (app, pilot):
        for folder, reason in [(tmp_path / "gone", "does not exist"), (tmp_path / TOO_LONG, "too long")]:
            await pilot.press("k")
            assert isinstance(app.screen, AskText)
            app.screen.query_one(Input).value = str(folder)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, AskText), "the form stays open"
            assert app.screen.query_one(Input).value == str(folder)
            assert reason in text_of(app, ".form-error")
            await pilot.press("escape")
            await pilot.pause()
    assert not list(tmp_path.glob("*.ics"))


async def test_the_too_small_cover_goes_when_the_terminal_grows_whatever_was_tried_meanwhile(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+p", "question_mark")  # nothing opens over the cover
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)


async def test_a_cover_left_under_a_question_goes_when_the_question_is_answered(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        app.push_screen(Confirm("Skrive over?"))  # as a save's question arrives while the terminal is small
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_a_long_question_is_shown_whole(sample_db):
    path = "/" + "/".join(["mappe-med-et-langt-navn"] * 8) + "/referat.md"
    async with meeting_app(sample_db) as (app, pilot):
        app.push_screen(Confirm(translate("export.overwrite", "nb", path=path)))
        await pilot.pause()
        question = app.screen.query_one(".form-title")
        assert question.size.height > 1, "wrapped, not cut"
        shown = "".join(line.text for line in question.render_lines(question.region.reset_offset)
                        ).replace(" ", "")
        assert path.replace(" ", "") in shown


async def test_yes_is_the_runs_own_key(sample_db):
    set_language("en")
    async with meeting_app(sample_db) as (app, pilot):
        answers = []
        app.push_screen(Confirm("Write over it?"), answers.append)
        await pilot.pause()
        await pilot.press("j")  # Norwegian yes: no answer in an English run
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and answers == []
        await pilot.press("y")
        await pilot.pause()
        assert answers == [True]


async def test_forms_open_at_their_title(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "right", "a")
        await pilot.pause()
        assert isinstance(app.screen, ForumForm)
        form = app.screen.query_one(".form")
        assert form.scroll_y == 0
        assert form.region.contains_region(app.screen.query_one(".form-title").region)


async def test_a_persons_agency_is_not_called_the_owner_agency(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "a")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        labels = [str(label.render()) for label in app.screen.query(".field-label")]
        assert translate("field.person_agency", "nb") in labels
        assert translate("field.agency", "nb") not in labels


async def test_the_forum_template_names_kinds_and_takes_them_back(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_registers(app, pilot)
        await pilot.press("right", "right", "a")
        await pilot.pause()
        template = app.screen.query_one("#standing").text
        assert "vedtakssak" in template and "; vedtak;" not in template
        app.screen.query_one("#name").value = "Nytt forum"
        app.screen.query_one("#standing").text = template + "\nSak; drøftingssak; mange"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "mange" in text_of(app, ".form-error")
        app.screen.query_one("#standing").text = template + "\nSak; drøftingssak; 15"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    forum = on_disk(sample_db).forum("nytt-forum")
    assert forum.standing_items[-1].kind.value == "drofting" and forum.standing_items[-1].planned_minutes == 15


async def open_follow_up_register(app, pilot) -> None:
    """From the meeting back to the start screen, then `o`: every forum's points, filtered, not reviewed."""
    app.pop_screen()
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, RegisterScreen) and not app.screen.reviewing


async def test_an_empty_register_says_what_is_empty(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_follow_up_register(app, pilot)
        for _ in range(3):  # open, all, done, dropped
            await pilot.press("s")
            await pilot.pause()
        assert app.screen.status_filter == "dropped" and not app.screen.query_one(DataTable).rows
        assert text_of(app, "#register-detail") == translate("register.empty.dropped", "nb")


async def test_the_key_list_leaves_out_keys_that_do_nothing_here(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await open_follow_up_register(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        listed = text_of(app, "KeysScreen Plain")
        assert translate("key.status_filter", "nb") in listed
        assert translate("key.comment", "nb") not in listed  # a review key: only in a meeting


async def test_a_day_that_cannot_be_planned_is_said_in_the_form(sample_db):
    from test_series_screens import start_app

    from slt_tui.ui.modals.questions import AskDate

    repo, app = await start_app(sample_db)
    with repo:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("home", "n")  # Politirådet
            assert isinstance(app.screen, AskDate)
            app.screen.query_one(Input).value = "01.01.2020"
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, AskDate), "the form stays open for another day"
            assert text_of(app, ".form-error") == translate("plan.past", "nb", date="01.01.2020")
    assert not [m for m in on_disk(sample_db).meetings if m.forum == "politiradet"]


async def test_a_review_comment_too_long_is_said_in_the_form(sample_db):
    from slt_tui.domain.text import NOTES_MAX

    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("o")  # the points brought to this meeting
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen) and app.screen.reviewing
        await pilot.press("k")
        await pilot.pause()
        app.screen.query_one(Input).value = "x" * (NOTES_MAX + 1)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AskText)
        assert text_of(app, ".form-error")


# The third attack ---------------------------------------------------------------------------------


async def test_a_home_folder_of_no_such_user_is_said_in_the_forms(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("k")
        app.screen.query_one(Input).value = "~ingen-slik-bruker/ut"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AskText), "the app runs on and the form stays open"
        assert text_of(app, ".form-error") == translate("error.unknown_home", "nb", path="~ingen-slik-bruker/ut")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m", "e")
        await pilot.pause()
        await export_with(app, pilot, "~ingen-slik-bruker", public=False)
        assert isinstance(app.screen, ExportForm)
        assert "~ingen-slik-bruker" in text_of(app, ".form-error")


async def test_a_folder_no_file_can_be_made_in_is_said_in_the_form(sample_db, read_only_folder):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("k")
        app.screen.query_one(Input).value = str(read_only_folder)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AskText), "the folder typed stays in the form"
        assert translate("system.EROFS", "nb") in text_of(app, ".form-error")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m", "e")
        await pilot.pause()
        await export_with(app, pilot, read_only_folder, public=False)
        assert isinstance(app.screen, ExportForm)
        assert translate("system.EROFS", "nb") in text_of(app, ".form-error")


async def test_a_one_field_forms_error_says_what_it_is_about_and_groups_the_limit(sample_db):
    from slt_tui.domain.text import NOTES_MAX

    set_language("en")
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("o", "k")
        await pilot.pause()
        app.screen.query_one(Input).value = "y" * (NOTES_MAX + 1)
        await pilot.press("enter")
        await settle(app, pilot)
        assert text_of(app, ".form-error").startswith(translate("field.comment", "en").split(" (")[0] + ": ")
        assert "100,000" in text_of(app, ".form-error")


async def test_a_one_field_forms_error_is_led_by_its_own_label(sample_db):
    async with meeting_app(sample_db) as (app, pilot):
        await pilot.press("p", "v")  # the substitute's name: a one-field form
        await pilot.pause()
        app.screen.query_one(Input).value = "[i]" + "Å" * 300
        await pilot.press("enter")
        await pilot.pause()
        error = text_of(app, ".form-error")
        assert error.startswith("Navn: ") and "300" in error
