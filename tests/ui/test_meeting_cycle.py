"""The meeting cycle in the app: minutes approved at the next meeting and locked, corrections recorded
after approval, a planned meeting called off, and the saksframlegg, archive case and "Kopi til" fields.

The sample: kg-2026-09-15 approved at kg-2026-10-27 (case 06/26); kg-2026-10-27 awaiting approval at
kg-2026-12-08 (case 12/26 approves it)."""

from __future__ import annotations

import email

import pytest
from textual.widgets import DataTable, TextArea

from slt_tui.domain import MeetingStatus, approval
from slt_tui.i18n import set_language
from slt_tui.ui.modals.correction import CorrectionForm
from slt_tui.ui.modals.forms import ItemForm, MeetingForm
from slt_tui.ui.modals.questions import Confirm
from slt_tui.ui.screens.help import KeysScreen
from slt_tui.ui.screens.meeting import MeetingScreen
from slt_tui.ui.screens.start import StartScreen
from slt_tui.ui.widgets.footer import KeyFooter

from helpers import meeting_app, on_disk, settle, start_meeting, text_of, type_text

APPROVED, AWAITING, PLANNED = "kg-2026-09-15", "kg-2026-10-27", "kg-2026-12-08"


def said(app) -> list[str]:
    return [n.message for n in app._notifications]


async def open_correction(app, pilot, what="Navnet på innlederen", why="Skrevet feil", by="Kari Nordmann"):
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, CorrectionForm)
    for text in (what, why):
        await type_text(pilot, text)
        await pilot.press("enter")
    if by:
        await type_text(pilot, by)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_header_says_where_the_minutes_were_approved_or_that_they_await_it(sample_db):
    async with meeting_app(sample_db, APPROVED) as (app, _):
        assert "Godkjent i møte 27.10.2026, sak 06/26" in text_of(app, "#status").replace("\n", " ")
    async with meeting_app(sample_db, AWAITING) as (app, _):
        assert "Utkast – godkjennes i neste møte" in text_of(app, "#status").replace("\n", " ")
    async with meeting_app(sample_db, PLANNED) as (app, _):
        assert "godkjen" not in text_of(app, "#status").lower(), "a meeting not held has no minutes yet"


async def test_typing_notes_into_approved_minutes_changes_nothing_and_tells_about_r(sample_db):
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        await pilot.press("n")
        await type_text(pilot, "Dette var feil i referatet")
        await pilot.press("enter", "backspace")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingScreen), "no letter worked as a key of the meeting (e: export)"
        assert app.screen.query_one("#notes", TextArea).text == "", "nothing typed into the locked notes"
        hints = [m for m in said(app) if "Trykk r" in m]
        assert len(hints) == 1, said(app)
        assert "godkjent i møte 27.10.2026, sak 06/26" in hints[0]
    assert sample_db.read_bytes() == before


@pytest.mark.parametrize("keys", [("d",), ("a",), ("t",), ("c",), ("delete",), ("J",), ("enter",), ("p", "t")])
async def test_every_editing_key_on_approved_minutes_says_so_before_the_edit_starts(sample_db, keys):
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(app, pilot)
        assert not isinstance(app.screen, Confirm | ItemForm), "no form or question opens"
        assert len([m for m in said(app) if "Trykk r" in m]) == 1, said(app)
    assert sample_db.read_bytes() == before


async def test_a_correction_records_what_why_and_by_whom_once_for_every_edit_of_the_session(sample_db):
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        await open_correction(app, pilot)
        assert "Rettelse pågår: Navnet på innlederen" in text_of(app, "#status").replace("\n", " ")
        await pilot.press("n")
        await type_text(pilot, "Rettet")
        await pilot.press("escape")
        await settle(app, pilot)
        first = on_disk(sample_db).meeting(APPROVED)
        assert len(first.corrections) == 1
        await pilot.press("down", "n")  # a second edit, another item, other saves: the same correction
        await type_text(pilot, "Tillegg. ")
        await pilot.press("escape", "d")
        await type_text(pilot, "Rettet vedtak")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not [m for m in said(app) if "Trykk r" in m]
    meeting = on_disk(sample_db).meeting(APPROVED)
    assert len(meeting.corrections) == 1
    correction = meeting.corrections[0]
    assert (correction.what, correction.why, correction.by) == ("Navnet på innlederen", "Skrevet feil", "Kari Nordmann")
    assert meeting.agenda[0].notes == "Rettet"
    assert meeting.agenda[1].notes.startswith("Tillegg. Skolen melder")
    assert [d.text for d in meeting.agenda[1].decisions] == ["Rettet vedtak"]
    assert correction.before.agenda[0].notes == "" and correction.before.agenda[1].decisions == ()
    assert approval.versions(meeting)[0].meeting.agenda[0].notes == "", "the approved version can be rebuilt"


async def test_leaving_the_meeting_ends_the_correction_and_the_name_is_offered_next_time(sample_db):
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        await open_correction(app, pilot, by="Kari Nordmann")
        await pilot.press("n")
        await type_text(pilot, "Rettet")
        await pilot.press("escape", "escape")  # the editor, then the meeting
        await settle(app, pilot)
        assert isinstance(app.screen, StartScreen)
        app.open_meeting(APPROVED)
        await settle(app, pilot)
        status = text_of(app, "#status").replace("\n", " ")
        assert "Rettelse pågår" not in status and "1 rettelse" in status
        await pilot.press("n")
        await type_text(pilot, "x")
        await settle(app, pilot)
        assert [m for m in said(app) if "Trykk r" in m], "locked again: a new edit is a new correction"
        await pilot.press("escape", "r")
        await pilot.pause()
        assert app.screen.query_one("#by").value == "Kari Nordmann"
        await pilot.press("escape")
    assert len(on_disk(sample_db).meeting(APPROVED).corrections) == 1


async def test_a_correction_needs_what_why_and_who(sample_db):
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        await open_correction(app, pilot, by="")
        assert isinstance(app.screen, CorrectionForm), "the form stays open on what was typed"
        assert "må fylles ut" in text_of(app, ".form-error")
        await pilot.press("escape")
        await pilot.pause()
        assert "Rettelse pågår" not in text_of(app, "#status")
    assert sample_db.read_bytes() == before


async def test_attendance_is_corrected_under_the_correction_opened_there(sample_db):
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        await open_correction(app, pilot, what="Oppmøte rettet")
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("elin-rustvik"))
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Rettelse pågår: Oppmøte rettet" in text_of(app, "#status").replace("\n", " ")
    meeting = on_disk(sample_db).meeting(APPROVED)
    assert [c.what for c in meeting.corrections] == ["Oppmøte rettet"]
    assert next(a for a in meeting.attendance if a.person == "elin-rustvik").status.value == "present"


async def test_a_decision_on_the_approval_case_approves_the_previous_minutes(sample_db):
    async with meeting_app(sample_db, PLANNED) as (app, pilot):
        await pilot.press("down")  # 12/26 Godkjenning av referat fra forrige møte
        await start_meeting(app, pilot, "s")
        await settle(app, pilot)
        await pilot.press("d")
        await type_text(pilot, "Referatet godkjent")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "Referatet fra 27.10.2026 er godkjent." in said(app)
        await pilot.press("d")  # a second decision approves nothing new
        await type_text(pilot, "Merknad")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert said(app).count("Referatet fra 27.10.2026 er godkjent.") == 1
    dataset = on_disk(sample_db)
    found = approval.approval_of(dataset.meeting(AWAITING), dataset)
    assert found is not None and (found.meeting.id, found.item.number) == (PLANNED, "12/26")
    assert approval.is_locked(dataset.meeting(AWAITING), dataset)


async def test_minutes_are_not_approved_from_a_meeting_not_yet_held_and_it_is_said_before_typing(sample_db):
    """The attack: `d` on 12/26 of the planned meeting approved the minutes of 27.10 from a future date."""
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, PLANNED) as (app, pilot):
        await pilot.press("down")  # 12/26 Godkjenning av referat fra forrige møte, the meeting not started
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingScreen), "no form to type a decision that would be refused"
        assert "Et referat godkjennes i et møte som holdes: start møtet først (s)." in said(app)
    assert sample_db.read_bytes() == before


async def test_a_held_meetings_cases_are_neither_deleted_nor_moved(sample_db):
    """The attack: deleting 06/26 of the held 27.10 renumbered its cases and un-approved 15.09."""
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, AWAITING) as (app, pilot):
        await pilot.press("down", "delete")
        await settle(app, pilot)
        assert not isinstance(app.screen, Confirm), "said before asking"
        await pilot.press("J")
        await settle(app, pilot)
        assert said(app).count("Møtet er holdt: sakene beholder nummeret sitt, så de verken slettes eller flyttes "
                               "(skriv i saken hva som ble av den).") == 2
    assert sample_db.read_bytes() == before


async def test_a_planned_meeting_is_cancelled_from_the_start_screen_and_cannot_be_started(sample_db):
    async with meeting_app(sample_db, None) as (app, pilot):
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert app.screen.question == "Avlyse møtet 08.12.2026? Åpne punkter går til neste møte."
        await pilot.press("j")
        await settle(app, pilot)
        assert "Møtet i Koordineringsgruppa 08.12.2026 (kg-2026-12-08) er avlyst." in said(app)
        table = app.screen.query_one("#meetings", DataTable)
        assert str(table.get_row(PLANNED)[1]) == "avlyst"
        app.open_meeting(PLANNED)
        await settle(app, pilot)
        assert text_of(app, "#clock") == "" and "avlyst" in text_of(app, "#status"), "no planned clock"
        for key in ("s", "space"):
            app.clear_notifications()
            await pilot.press(key)
            await settle(app, pilot)
            assert not isinstance(app.screen, Confirm), "not even the question to move it to today"
            assert said(app) == ["Møtet er avlyst og kan ikke startes; planlegg et nytt (n på startskjermen)."]
    assert on_disk(sample_db).meeting(PLANNED).status is MeetingStatus.CANCELLED


async def test_a_held_meeting_is_not_cancelled(sample_db):
    before = sample_db.read_bytes()
    async with meeting_app(sample_db, None) as (app, pilot):
        await pilot.press("tab")  # to the list of meetings
        table = app.screen.query_one("#meetings", DataTable)
        table.move_cursor(row=table.get_row_index(AWAITING))
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert any("kan ikke avlyses" in m for m in said(app)), said(app)
        assert str(table.get_row(APPROVED)[1]) == "godkjent"
    assert sample_db.read_bytes() == before


async def test_the_saksframlegg_of_an_item_is_saved(sample_db):
    async with meeting_app(sample_db, PLANNED) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Ny sak om skolevei")
        await pilot.press("tab", "tab", "tab", "tab")  # kind, presenter, minutes, saksframlegg
        await type_text(pilot, "Linje en")
        await pilot.press("enter")
        await type_text(pilot, "Linje to")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("enter")  # the new item is selected: edit it, the saksframlegg is there
        await pilot.pause()
        assert app.screen.query_one("#summary", TextArea).text == "Linje en\nLinje to"
        await pilot.press("escape")
    item = on_disk(sample_db).meeting(PLANNED).agenda[-2]  # before "Eventuelt"
    assert (item.title, item.summary) == ("Ny sak om skolevei", "Linje en\nLinje to")


async def test_the_archive_case_is_given_to_approved_minutes_without_a_correction(sample_db):
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        assert form.query_one("#location").disabled and app.focused is form.query_one("#archive_ref")
        form.query_one("#archive_ref").value = ""
        await type_text(pilot, "26/900")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not [m for m in said(app) if "Trykk r" in m]
    meeting = on_disk(sample_db).meeting(APPROVED)
    assert (meeting.archive_ref, meeting.corrections) == ("26/900", ())


async def test_the_archive_case_of_minutes_not_approved_is_saved_with_the_details(sample_db):
    async with meeting_app(sample_db, AWAITING) as (app, pilot):
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#archive_ref").value = "26/1001"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert on_disk(sample_db).meeting(AWAITING).archive_ref == "26/1001"


async def test_a_forums_copy_to_is_one_recipient_a_line(sample_db):
    async with meeting_app(sample_db, None) as (app, pilot):
        await pilot.press("r", "right", "right")  # registers, the forums tab
        await pilot.pause()
        table = app.screen.query_one("#forums", DataTable)
        table.move_cursor(row=table.get_row_index("kg"))
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("#copy_to", TextArea)
        assert field.text == "Kommunedirektøren\nPolitiråd v/ leder\nArkivet"
        field.load_text("Kommunedirektøren\n\n  Rektor ved Fjordvik skole  \n")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert on_disk(sample_db).forum("kg").copy_to == ("Kommunedirektøren", "Rektor ved Fjordvik skole")


@pytest.mark.parametrize(("lang", "state", "key"), [
    ("nb", "Godkjent i møte 27.10.2026, sak 06/26", "r Rettelse"),
    ("nn", "Godkjent i møte 27.10.2026, sak 06/26", "r Retting"),
    ("en", "Approved at the meeting of 27.10.2026, case 06/26", "r Correction"),
])
async def test_the_correction_key_is_in_sight_at_80x24_in_every_language(sample_db, lang, state, key):
    set_language(lang)
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        assert state in text_of(app, "#status").replace("\n", " ")
        lines = str(app.screen.query_one(KeyFooter).render()).splitlines()
        assert key in " ".join(lines) and len(lines) <= 2 and all(len(line) <= 80 for line in lines)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        assert any(line.split()[:1] == ["r"] for line in text_of(app, "KeysScreen Plain").splitlines())
        await pilot.press("escape", "d")  # the hint, in the run's language (checked for every notification)
        await pilot.pause()
        assert len(said(app)) == 1 and "27.10.2026" in said(app)[0]
    async with meeting_app(sample_db, AWAITING) as (app, _):
        assert key not in str(app.screen.query_one(KeyFooter).render()), "r is for approved minutes only"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
async def test_the_cancel_key_is_on_the_start_screen_in_every_language(sample_db, lang):
    set_language(lang)
    async with meeting_app(sample_db, None) as (app, pilot):
        lines = str(app.screen.query_one(KeyFooter).render()).splitlines()
        assert any(" x " in f" {line} " for line in lines) and len(lines) <= 2
        assert all(len(line) <= 80 for line in lines)
        await pilot.press("question_mark")
        await pilot.pause()
        assert any(line.split()[:1] == ["x"] for line in text_of(app, "KeysScreen Plain").splitlines())


async def open_export(app, pilot, folder):
    from slt_tui.ui.modals.export import ExportForm

    folder.mkdir(exist_ok=True)
    await pilot.press("e")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, ExportForm)
    form.query_one("#folder").value = str(folder)
    await pilot.pause()
    return form


async def test_the_export_offers_the_notice_of_a_planned_meeting_and_writes_it_as_html(sample_db, tmp_path):
    from slt_tui.minutes.export import Format
    from slt_tui.ui.modals.export import Document

    tmp_path = tmp_path / "ut"
    async with meeting_app(sample_db, PLANNED) as (app, pilot):
        form = await open_export(app, pilot, tmp_path)
        assert form.query_one("#document").value is Document.NOTICE
        form.query_one("#format").value = Format.HTML
        await pilot.pause()
        assert "innkalling-koordineringsgruppa-2026-12-08-internt.html" in text_of(app, "#file-name")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        written = tmp_path / "innkalling-koordineringsgruppa-2026-12-08-internt.html"
        assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert f"Innkallingen er lagret i {written}." in said(app)
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        form = await open_export(app, pilot, tmp_path)
        assert form.query_one("#document").value is Document.MINUTES, "a meeting held: its minutes"


async def test_an_email_draft_carries_the_public_minutes_only(sample_db, tmp_path):
    from slt_tui.minutes.document import Variant
    from slt_tui.minutes.export import Format
    from slt_tui.ui.modals.export import Document

    tmp_path = tmp_path / "ut"
    async with meeting_app(sample_db, APPROVED) as (app, pilot):
        form = await open_export(app, pilot, tmp_path)
        form.query_one("#document").value = Document.MAIL
        await pilot.pause()
        variant, fmt = form.query_one("#variant"), form.query_one("#format")
        assert (variant.value, variant.disabled, fmt.value, fmt.disabled) == (Variant.PUBLIC, True, Format.EML, True)
        assert "bare det offentlige referatet" in text_of(app, "#mail-note")
        assert text_of(app, "#file-name").endswith("referat-koordineringsgruppa-2026-09-15.eml")
        form.query_one("#document").value = Document.MINUTES  # and back: the fields are free again
        await pilot.pause()
        assert (variant.value, variant.disabled, fmt.value, fmt.disabled) == (Variant.INTERNAL, False,
                                                                             Format.MARKDOWN, False)
        assert text_of(app, "#mail-note") == ""
        form.query_one("#document").value = Document.MAIL
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        if isinstance(app.screen, Confirm):  # personal data found: listed and asked about first
            await pilot.press("j")
            await settle(app, pilot)
    written = tmp_path / "referat-koordineringsgruppa-2026-09-15.eml"
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    message = email.message_from_bytes(written.read_bytes())
    assert [p.get_content_type() for p in message.walk()][1:] == ["text/plain", "text/markdown", "text/html"]
    assert "det offentlige referatet" in message.get_payload()[0].get_payload(decode=True).decode()


async def test_a_pdf_that_cannot_be_made_is_one_notification_and_no_file(sample_db, tmp_path, monkeypatch):
    from slt_tui.errors import Said
    from slt_tui.minutes import export
    from slt_tui.minutes.export import Format
    from slt_tui.minutes.pdf import PdfUnavailableError

    def unavailable(*_args, **_kwargs):
        raise PdfUnavailableError(reason=Said("pdf.no_fonts"))

    monkeypatch.setattr(export, "archive_pdf", unavailable)
    tmp_path = tmp_path / "ut"
    async with meeting_app(sample_db, AWAITING) as (app, pilot):
        form = await open_export(app, pilot, tmp_path)
        form.query_one("#format").value = Format.PDF
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert said(app) == [PdfUnavailableError(reason=Said("pdf.no_fonts")).sentence("nb")]
        assert isinstance(app.screen, MeetingScreen)
    assert list(tmp_path.iterdir()) == []


async def test_a_refused_save_is_said_and_the_typed_notes_are_kept(sample_db):
    from slt_tui.domain import meeting_ops as ops
    from slt_tui.domain.clock import now

    def approve(meeting):  # 12/26 decided: the minutes of 27.10 approved, behind the editor's back
        running = ops.start(meeting, now())  # approved by a meeting being held
        return ops.replace_item(running, ops.add_decision(running.item("s2"), "Godkjent"))

    async with meeting_app(sample_db, AWAITING) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#notes", TextArea).insert("Nytt notat")
        app.writer.submit(lambda: app.repo.update("meetings", PLANNED, approve))  # lands before the notes
        await pilot.pause(0.8)  # the notes' pause: handed to the writer, refused by the repository
        await settle(app, pilot)
        assert any(m.startswith("Referatet ble godkjent i møtet 08.12.2026, sak 12/26") for m in said(app)), said(app)
        assert app.screen.query_one("#notes", TextArea).text == "Nytt notat", "what was typed stays in the editor"
        await pilot.press("escape", "down")  # leaving the item: the notes go to a file of their own
        await settle(app, pilot)
        kept = sorted(sample_db.parent.glob("*unsaved*"))
        assert len(kept) == 1 and "Nytt notat" in kept[0].read_text(encoding="utf-8")
        assert any("ble ikke lagret: referatet er godkjent" in m for m in said(app)), said(app)
    assert on_disk(sample_db).meeting(AWAITING).agenda[0].notes == ""
