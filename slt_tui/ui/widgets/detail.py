"""What the meeting screen says about an item besides its notes: links and follow-up points."""

from __future__ import annotations

from slt_tui.domain import AgendaItem, Dataset, ItemKind, Meeting
from slt_tui.domain.clock import format_date
from slt_tui.domain.follow_up import CARRIED_FLAG, raised_in, reviews_at, times_carried
from slt_tui.i18n import t


def linked_items(dataset: Dataset, item: AgendaItem) -> list[str]:
    """`sendt til Politirådet 01.12.2026, sak 04/26` and the like, for an escalated item."""
    out = []
    for key, link in (("detail.sent_to", item.sent_to), ("detail.sent_from", item.sent_from)):
        if link is not None and dataset.has("meetings", link.meeting):
            meeting = dataset.meeting(link.meeting)
            other = meeting.item(link.item)
            out.append(t(key, forum=dataset.forum(meeting.forum).name, date=format_date(meeting.starts_at),
                         number=other.number if other else "?"))
    return out


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
