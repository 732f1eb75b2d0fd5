"""Rendering the minutes: a 20-item meeting, and every meeting of the ten-year database.

    python benchmarks/minutes_bench.py

Baseline, measured in the same run on the same meetings: a plain `json.dumps` of the meeting's
dict (what any export of the record has to pay at least). Goals: the Markdown in at most 20 ms per
meeting, the archive PDF (PDF/A-2b with Typst, from the Markdown) in at most 1 s. The privacy scan
of the public variant (with its rendering, and of the rendered text alone), the scan of the calendar
invitation, the HTML page, and the PDF's share spent in Python (the Markdown read into the template's
tree) are measured too. The first PDF of a process also pays for importing typst and reading its
fonts; it is shown on its own line.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_bench import timings
from tenyear import write

from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.html import page
from slt_tui.minutes.invite import invitation
from slt_tui.minutes.pdf import archive_pdf, document_tree
from slt_tui.minutes.privacy import scan, scan_invitation, scan_markdown
from slt_tui.store import Repository


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "tenyear.json")
        with Repository.open(path, readonly=True) as repo:
            dataset = repo.dataset
    meetings = dataset.meetings
    # A 20-item meeting after the last one of the busiest forum, its items taken from earlier
    # meetings (real notes and decisions), with follow-up points raised in half of them.
    biggest = max(meetings, key=lambda m: (len(m.agenda), m.id))
    last = dataset.meetings_of(biggest.forum)[-1]
    starts = last.starts_at.replace(year=last.starts_at.year + 2, month=3, day=3)
    pool = [i for m in dataset.meetings_of(biggest.forum) for i in m.agenda][-20:]
    items = tuple(i.model_copy(update={"id": f"s{n}", "number": f"{n:02d}/{starts.year % 100:02d}"})
                  for n, i in enumerate(pool, 1))
    twenty = last.model_copy(update={"id": "bench-20", "starts_at": starts, "agenda": items,
                                     "started_at": starts, "ended_at": starts, "previous": last.id})
    template = next(a for a in dataset.actions if a.forum == biggest.forum)
    raised = [template.model_copy(update={"id": f"bench-a{n}", "origin": template.origin.model_copy(
        update={"meeting": "bench-20", "item": item.id}), "updates": ()}) for n, item in enumerate(items[::2])]
    dataset = dataset.put(twenty)
    for action in raised:
        dataset = dataset.put(action)

    public = render(twenty, dataset, Variant.PUBLIC)
    cases = [i.number for i in twenty.agenda]
    ics = invitation(twenty, dataset)

    internal = render(twenty, dataset)

    def pdf() -> bytes:
        return archive_pdf(render(twenty, dataset), title="x", author="x", created=starts, lang="nb")

    first = timings(pdf, 1)[0]
    rows = []
    for name, fn, runs in [*((name, fn, 50) for name, fn in [
        ("json.dumps (baseline)", lambda: json.dumps(twenty.model_dump(mode="json"), ensure_ascii=False)),
        ("render internal", lambda: render(twenty, dataset, Variant.INTERNAL)),
        ("render public", lambda: render(twenty, dataset, Variant.PUBLIC)),
        ("privacy scan", lambda: scan(twenty, dataset)),
        ("  of the text alone", lambda: scan_markdown(public, cases, "nb")),
        ("  of the invitation", lambda: scan_invitation(ics, twenty)),
        ("HTML page", lambda: page(render(twenty, dataset), "x", "nb")),
        ("  of the PDF, its tree", lambda: document_tree(internal, "nb")),
    ]), ("PDF/A-2b (goal ≤ 1 s)", pdf, 10)]:
        times = timings(fn, runs)
        rows.append((name, statistics.median(times), sorted(times)[int(len(times) * 0.95) - 1], runs))
    made = pdf()
    pages = len(re.findall(rb"/Type\s*/Page\b", made))
    print(f"20-item meeting, {len(raised)} points raised ({pages} pages, {len(made) // 1024} KiB of PDF):")
    for name, median, p95, runs in rows:
        print(f"  {name:<24} median {median:8.2f} ms   p95 {p95:8.2f} ms   ×{median / rows[0][1]:7.1f}   ({runs} runs)")
    print(f"  {'first PDF of the process':<24}        {first:8.2f} ms   (imports typst, reads its fonts)")

    start = time.perf_counter()
    for m in meetings:
        json.dumps(m.model_dump(mode="json"), ensure_ascii=False)
    baseline = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for m in meetings:
        render(m, dataset, Variant.INTERNAL)
    ours = (time.perf_counter() - start) * 1000
    n = len(meetings)
    print(f"every meeting of the ten-year database ({n} meetings, {len(dataset.actions)} follow-up points):")
    print(f"  json.dumps  total {baseline:8.1f} ms   {baseline / n:6.2f} ms per meeting")
    print(f"  render      total {ours:8.1f} ms   {ours / n:6.2f} ms per meeting   (goal ≤ 20 ms)")


if __name__ == "__main__":
    main()
