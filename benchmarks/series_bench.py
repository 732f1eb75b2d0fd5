"""Planning a meeting and searching, on the ten-year database.

    python benchmarks/series_bench.py

Baseline in the same run: `json.dumps` of the planned meeting. Goals: plan ≤ 100 ms, search ≤ 100 ms.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_bench import timings
from tenyear import write

from slt_tui.domain.search import SearchIndex
from slt_tui.domain.series import plan
from slt_tui.store import Repository

QUERIES = ["kaiområdet", "RUS", "skole fritid", "foreldremøte", "ungdomsklubb åpningstid", "xyzzy"]


def line(name: str, ms: list[float], base: float) -> str:
    median = statistics.median(ms)
    p95 = sorted(ms)[max(0, round(0.95 * len(ms)) - 1)]
    return f"  {name:<34} median {median:8.2f} ms   p95 {p95:8.2f} ms   ×{median / base:7.1f}"


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = write(folder / "tenyear.json")
        with Repository.open(path) as repo:
            dataset = repo.dataset
            forum = max(dataset.forums, key=lambda f: len(dataset.actions_of(f.id))).id
            last = dataset.meetings_of(forum)[-1]
            today = last.starts_at.date() + timedelta(days=1)
            meeting = plan(dataset, forum, today, "Oppfølging fra tidligere møter")
            base = statistics.median(timings(lambda: json.dumps(meeting.model_dump(mode="json")), 50))
            print(f"ten-year database: {len(dataset.meetings)} meetings, {len(dataset.actions)} follow-up points; "
                  f"forum {forum}")
            print(f"  {'json.dumps of the planned meeting':<34} median {base:8.2f} ms   (baseline)")
            print(line("plan (domain)", timings(lambda: plan(dataset, forum, today, "x"), 30), base))
            print(line("plan + save (validate, fsync)", timings(
                lambda: repo.save(plan(repo.dataset, forum, today, "x", on=today + timedelta(days=len(
                    repo.dataset.meetings)))), 10), base))
            built = timings(lambda: SearchIndex(repo.dataset), 5)
            print(line("search index (once per change)", built, base))
            index = SearchIndex(repo.dataset)
            for query in QUERIES:
                hits = len(index.search(query))
                print(line(f"search {query!r} ({hits} hits)", timings(lambda q=query: index.search(q), 20), base))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
