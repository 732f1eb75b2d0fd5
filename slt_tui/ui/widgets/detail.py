"""What the meeting screen says about an item besides its notes: its follow-up points."""

from __future__ import annotations

from slt_tui.domain import AgendaItem, Dataset, ItemKind, Meeting
from slt_tui.domain.clock import format_date
from slt_tui.domain.follow_up import CARRIED_FLAG, raised_in, reviews_at, times_carried
from slt_tui.i18n import t


def actions_text(dataset: Dataset, meeting: Meeting, item: AgendaItem) -> str:
    """The item's new follow-up points; for the follow-up item, every point carried into the meeting."""
    lines = []
    if item.kind is ItemKind.FOLLOW_UP:
        reviews = reviews_at(meeting, dataset)
        if reviews:
            lines.append(t("detail.carried", count=len(reviews)))
        for r in reviews:
            status = t(f"action.{r.status.value}") if r.update else t("detail.not_reviewed")
            carried = times_carried(r.action, meeting, dataset)
            flag = f" ⚑{t('detail.carried_times', count=carried)}" if carried >= CARRIED_FLAG else ""
            lines.append(f"• {r.action.title} — {r.action.agency}, {format_date(r.due)}, {status}{flag}")
        if reviews:
            lines.append(t("detail.review_hint"))
    mine = [a for a in raised_in(meeting, dataset) if a.origin.item == item.id]
    if mine:
        lines.append(t("detail.actions"))
        lines += [f"• {a.title} — {a.agency}, {format_date(a.due)}" for a in mine]
    return "\n".join(lines)
