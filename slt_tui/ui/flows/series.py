"""A meeting's links to the rest of the series: escalation to another forum, the calendar invitation,
and planning the next meeting when one ends. Each flow opens its forms (`ui.modals`) and does the work
on the writer thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from slt_tui.domain.clock import format_date
from slt_tui.domain.series import escalate, is_steering, looks_individual, next_planned
from slt_tui.i18n import t
from slt_tui.minutes.export import existing_folder, write_file
from slt_tui.minutes.invite import file_name, invitation
from slt_tui.minutes.privacy import Finding, scan_invitation
from slt_tui.store.settings import export_folder
from slt_tui.ui.modals.questions import AskText, Confirm, write_after_asking
from slt_tui.ui.modals.series import EscalateForm
from slt_tui.wording import plan_next

if TYPE_CHECKING:
    from slt_tui.ui.app import SltApp


def escalate_item(app: SltApp, meeting_id: str, item_id: str) -> None:
    dataset = app.repo.dataset
    meeting = dataset.meeting(meeting_id)
    item = meeting.item(item_id)
    choices = []
    for forum in dataset.forums:
        target = next_planned(dataset, forum.id) if forum.id != meeting.forum else None
        if target is not None:
            choices.append((f"{forum.name} · {format_date(target.starts_at)}", target.id))
    if item is None or not choices:
        app.notify(t("escalate.none"), severity="warning")
        return

    def send(target_id: str) -> None:
        def job() -> str:
            latest = app.repo.dataset
            source, target = escalate(latest, latest.meeting(meeting_id), item_id, latest.meeting(target_id))
            with app.repo.batch():  # the new item first: the link to it must point at something
                app.repo.save(target)
                app.repo.save(app.meeting_changes.corrected(source))
            return target.agenda[-1].number

        forum = dataset.forum(dataset.meeting(target_id).forum).name
        app.writer.submit(job, lambda number: app.notify(t("escalate.done", forum=forum, number=number)))

    def chosen(target_id: str | None) -> None:
        if target_id is None:
            return
        target_forum = dataset.meeting(target_id).forum
        if is_steering(dataset, target_forum) and looks_individual(item.title, item.notes):
            app.push_screen(Confirm(t("escalate.individual")), lambda yes: send(target_id) if yes else None)
        else:
            send(target_id)

    app.push_screen(EscalateForm(item.number, choices), chosen)


def invite(app: SltApp, meeting_id: str) -> None:
    """Ask for a folder, then write the meeting's .ics there: personal data the privacy guard finds
    in it is listed and asked about first, as for a public export, and a file is never replaced unasked.

    The folder, the file and the scan are looked at on the writer thread, like every other disk access;
    what is written is the invitation that was scanned.
    """

    def chosen(folder_text: str | None) -> None:
        if folder_text:
            app.writer.submit(lambda: prepare(folder_text), ask)

    def prepare(folder_text: str) -> tuple[Path, bytes, list[Finding], bool]:
        folder = existing_folder(folder_text)  # again: it may have gone since the form was closed
        dataset = app.repo.dataset  # after the saves submitted before this one
        meeting = dataset.meeting(meeting_id)
        payload = invitation(meeting, dataset, app.repo.minutes_language, app.repo.municipality)
        path = folder / file_name(meeting, app.repo.minutes_language)
        return path, payload, scan_invitation(payload, meeting), path.exists()

    def ask(prepared: tuple[Path, bytes, list[Finding], bool]) -> None:
        path, payload, findings, exists = prepared
        write_after_asking(app, path, findings, exists, "invite.privacy_confirm", "saved.invitation",
                           lambda: write_file(path, payload))

    app.push_screen(AskText(t("invite.title"), t("export.folder"), str(export_folder()), check=existing_folder),
                    chosen)


def plan_after(app: SltApp, meeting_id: str, day) -> None:
    """After a meeting ends with a next date: plan that meeting, unless one is planned already."""
    dataset = app.repo.dataset
    forum_id = dataset.meeting(meeting_id).forum
    if day is None or next_planned(dataset, forum_id) is not None:
        return
    app.writer.submit(
        lambda: app.repo.save(plan_next(app.repo.dataset, forum_id, app.repo.minutes_language, on=day)),
        lambda m: app.notify(t("plan.done", date=format_date(m.starts_at), id=m.id)))
