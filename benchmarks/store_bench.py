"""Store benchmark on a ten-year database, against stock TinyDB in the same run.

    python benchmarks/store_bench.py [--repeat 15] [--kills 40]

Prints, for the same generated file:
  - opening and validating it (in this process, and as a fresh `slt-tui check` process);
  - one edit persisted (a meeting's notes changed): slt-tui's atomic, fsynced save against stock
    TinyDB `JSONStorage` making the same edit on a copy of the same file;
  - peak memory (max RSS) of a process that opens the file and saves one edit;
  - crash safety: writers killed with SIGKILL at random moments, stock TinyDB and slt-tui, and how
    many files were left unreadable.
Goals (issue 3): open ≤ 150 ms, edit ≤ 1.5 × stock, peak memory ≤ 150 MB. Not a test: figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

sys.path.insert(0, str(Path(__file__).parent))
import tenyear

from slt_tui.sample import sample_path
from slt_tui.store import Repository

MEETING = ""  # the koordineringsgruppe's latest meeting: set from the generated file in main()


def timings(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(ms: list[float]) -> str:
    p95 = sorted(ms)[max(0, round(0.95 * len(ms)) - 1)]
    return f"median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   (n={len(ms)})"


def doc_id_of(path: Path, meeting_id: str) -> int:
    raw = json.loads(path.read_bytes())
    return next(int(k) for k, v in raw["meetings"].items() if v["id"] == meeting_id)


def bench_open(path: Path, repeat: int) -> dict:
    def open_close(readonly: bool):
        Repository.open(path, readonly=readonly).close()

    read_only = timings(lambda: open_close(True), repeat)
    writable = timings(lambda: open_close(False), repeat)
    env = {**os.environ, "SLT_TUI_LANG": "en"}
    command = [sys.executable, "-m", "slt_tui", "check", "--db", str(path)]
    runs = max(3, repeat // 3)
    cold = timings(lambda: subprocess.run(command, check=True, capture_output=True, env=env), runs)
    bare = timings(lambda: subprocess.run([sys.executable, "-c", "import slt_tui.cli"], check=True), runs)
    print(f"open + validate, read-only    {summary(read_only)}")
    print(f"open + validate, for writing  {summary(writable)}")
    print(f"`slt-tui check` process       {summary(cold)}")
    print(f"  of which Python + imports   {summary(bare)}")
    return {"open_ro_ms": statistics.median(read_only), "open_rw_ms": statistics.median(writable),
            "check_process_ms": statistics.median(cold), "imports_ms": statistics.median(bare)}


def bench_edit(path: Path, folder: Path, repeat: int) -> dict:
    ours_path = folder / "ours.json"
    stock_path = folder / "stock.json"
    shutil.copyfile(path, ours_path)
    shutil.copyfile(path, stock_path)
    counter = iter(range(10**9))

    with Repository.open(ours_path) as repo:
        def ours():
            meeting = repo.dataset.meeting(MEETING)
            item = meeting.agenda[0]
            agenda = (item.model_copy(update={"notes": f"Notat {next(counter)}"}), *meeting.agenda[1:])
            repo.save(meeting.model_copy(update={"agenda": agenda}))

        first = timings(ours, 1)  # includes parsing TinyDB's copy of the file, once per session
        ours_ms = timings(ours, repeat)

    stock_db = TinyDB(stock_path, storage=JSONStorage)
    doc_id = doc_id_of(stock_path, MEETING)
    meetings = stock_db.table("meetings")

    def stock():
        doc = meetings.get(doc_id=doc_id)
        agenda = doc["agenda"]
        agenda[0] = {**agenda[0], "notes": f"Notat {next(counter)}"}
        meetings.update({"agenda": agenda}, doc_ids=[doc_id])

    stock_ms = timings(stock, repeat)
    stock_db.close()
    ratio = statistics.median(ours_ms) / statistics.median(stock_ms)
    print(f"edit, slt-tui (atomic)        {summary(ours_ms)}   first edit of a session {first[0]:.1f} ms")
    print(f"edit, stock TinyDB in place   {summary(stock_ms)}")
    print(f"  ratio slt-tui / stock       {ratio:.2f}  (goal ≤ 1.5)")
    return {"edit_ms": statistics.median(ours_ms), "first_edit_ms": first[0],
            "stock_edit_ms": statistics.median(stock_ms), "edit_ratio": ratio}


MEMORY_PROBE = """
import sys
def peak_kb():  # VmHWM: this process's own high-water mark (ru_maxrss is inherited over fork + exec)
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
from slt_tui.store import Repository
imports = peak_kb()
with Repository.open(sys.argv[1]) as repo:
    meeting = repo.dataset.meeting(sys.argv[2])
    repo.save(meeting.model_copy(update={"location": "Kommunestyresalen"}))
print(imports, peak_kb())
"""


def bench_memory(path: Path, folder: Path) -> dict:
    copy = folder / "memory.json"
    shutil.copyfile(path, copy)
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(copy), MEETING],
                         check=True, capture_output=True, text=True).stdout.split()
    imports_mb, peak_mb = (int(x) / 1024 for x in out)
    print(f"peak memory (VmHWM)           {peak_mb:.0f} MB  (Python + imports alone {imports_mb:.0f} MB;"
          " goal ≤ 150 MB)")
    return {"peak_rss_mb": peak_mb, "imports_rss_mb": imports_mb}


def notes_of_random_length(rng: random.Random) -> str:
    return "Notat. " * rng.randint(0, 30_000)  # 0–210 kB: the file grows and shrinks


def stock_writer(path: Path, ack: int) -> None:
    db = TinyDB(path, storage=JSONStorage)
    meetings = db.table("meetings")
    doc_id = doc_id_of(path, CRASH_MEETING)
    rng = random.Random(os.getpid())
    while True:
        agenda = meetings.get(doc_id=doc_id)["agenda"]
        agenda[0] = {**agenda[0], "notes": notes_of_random_length(rng)}
        meetings.update({"agenda": agenda}, doc_ids=[doc_id])
        os.write(ack, b".")


def our_writer(path: Path, ack: int) -> None:
    rng = random.Random(os.getpid())
    with Repository.open(path) as repo:
        while True:
            meeting = repo.dataset.meeting(CRASH_MEETING)
            agenda = (meeting.agenda[0].model_copy(update={"notes": notes_of_random_length(rng)}), *meeting.agenda[1:])
            repo.save(meeting.model_copy(update={"agenda": agenda}))
            os.write(ack, b".")


def readable(path: Path, ours: bool) -> bool:
    try:
        if ours:
            Repository.open(path, readonly=True).close()
        else:
            json.loads(path.read_bytes())
        return True
    except Exception:
        return False


CRASH_MEETING = "kg-2026-12-08"


def bench_crashes(folder: Path, kills: int) -> dict:
    """On the small sample file: with ten years of data each stock write is ~50 ms of JSON work around
    a ~2 ms write, and random kills rarely land in the write; with a small file they often do."""
    path = sample_path()
    print(f"\ncrash safety on the sample file ({path.stat().st_size // 1024} kB), notes of 0–210 kB written in a loop:")
    results = {}
    for name, writer, ours in (("stock TinyDB", stock_writer, False), ("slt-tui", our_writer, True)):
        target = folder / f"crash-{'ours' if ours else 'stock'}.json"
        shutil.copyfile(path, target)
        rng = random.Random(1)
        corrupt = 0
        for _ in range(kills):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                try:
                    writer(target, write_fd)
                finally:
                    os._exit(1)
            os.close(write_fd)
            os.read(read_fd, 1)  # it has written once: now kill it at a random moment
            time.sleep(rng.uniform(0, 0.25))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_fd)
            if not readable(target, ours):
                corrupt += 1
                shutil.copyfile(path, target)  # start the next trial from a good file
        results[name] = corrupt
        print(f"  SIGKILL at a random moment, {name:13} {corrupt:3d} of {kills} files left unreadable")
    return {"kills": kills, "corrupt_stock": results["stock TinyDB"], "corrupt_ours": results["slt-tui"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="slt-bench-") as scratch:
        folder = Path(scratch)
        path = tenyear.write(folder / "ten-years.json")
        global MEETING
        with Repository.open(path, readonly=True) as repo:
            d = repo.dataset
            MEETING = d.meetings_of("kg")[-1].id
            print(f"ten-year database: {path.stat().st_size / 1e6:.1f} MB, {len(d.forums)} forums, "
                  f"{len(d.meetings)} meetings, {sum(len(m.agenda) for m in d.meetings)} agenda items, "
                  f"{len(d.actions)} follow-up points; {os.cpu_count()} cores\n")
        figures = {"size_mb": path.stat().st_size / 1e6}
        figures |= bench_open(path, args.repeat)
        figures |= bench_edit(path, folder, args.repeat)
        figures |= bench_memory(path, folder)
        figures |= bench_crashes(folder, args.kills)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    print(f"\n(own max RSS of this benchmark: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
