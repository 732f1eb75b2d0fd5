"""Soak: SIGKILL the installed app at random moments while a note is typed without pause.

Each round opens a fresh copy of the sample database in the installed `slt-tui` in a real
pseudo-terminal, opens the planned meeting's notes and types a sentence at ~40 characters a second
without ever pausing, then kills the process (SIGKILL) after a random 0.3–4 s. The file is then
opened as the next session would. Reported:

- files left unreadable (goal 0);
- characters lost that had been typed more than 1 s before the kill (goal 0), in all and per round;
- how much of the text typed in the last second before the kill was kept (for reference).

    python benchmarks/soak.py [--rounds 200] [--seed 1]

The baseline of the same run is the time the round's typing took: rounds are independent.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from slt_tui.errors import SltError  # noqa: E402
from slt_tui.sample import sample_path  # noqa: E402
from slt_tui.store import Repository  # noqa: E402

from terminal import Terminal  # noqa: E402

MEETING = "kg-2026-12-08"
TEXT = "Rektor orienterte om uro i friminuttene, og politiet tar kontakt med foreldrene før jul. " * 8


def command() -> str:
    script = Path(sys.executable).parent / "slt-tui"
    return str(script) if script.exists() else shutil.which("slt-tui") or "slt-tui"


def one_round(rng: random.Random, folder: Path) -> dict:
    path = folder / "slt.json"
    shutil.copyfile(sample_path(), path)
    path.chmod(0o600)
    term = Terminal([command(), "--db", str(path), "--meeting", MEETING, "--no-mouse"])
    try:
        term.wait_for("Sak 10/26", "14/26")
        term.send("n")
        term.pump(0.2)
        run_for = rng.uniform(0.3, 4.0)
        sent: list[tuple[float, int]] = []
        start = time.monotonic()
        n = 0
        while time.monotonic() - start < run_for and n < len(TEXT):
            os.write(term.master, TEXT[n].encode())
            n += 1
            sent.append((time.monotonic(), n))
            term.pump(0.025)
        killed_at = time.monotonic()
        term.process.send_signal(signal.SIGKILL)
        term.process.wait()
    finally:
        term.close()
    try:
        with Repository.open(path, readonly=True) as repo:
            kept = repo.dataset.meeting(MEETING).agenda[0].notes
    except SltError:
        return {"unreadable": True}
    old_enough = max((count for when, count in sent if when <= killed_at - 1.0), default=0)
    return {"unreadable": False, "typed": n, "kept": len(kept), "old_enough": old_enough,
            "lost_old": max(0, old_enough - len(kept)), "prefix_ok": TEXT.startswith(kept),
            "last_second": n - old_enough, "kept_last_second": max(0, len(kept) - old_enough)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results = []
    began = time.monotonic()
    for i in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="slt-soak-") as folder:
            results.append(one_round(rng, Path(folder)))
        if (i + 1) % 20 == 0:
            print(f"  {i + 1} rounds, {time.monotonic() - began:.0f} s", file=sys.stderr)
    readable = [r for r in results if not r["unreadable"]]
    lost = [r["lost_old"] for r in readable]
    print(f"rounds: {len(results)}")
    print(f"files left unreadable: {len(results) - len(readable)}  (goal 0)")
    print(f"stored text not a prefix of what was typed: {sum(not r['prefix_ok'] for r in readable)}")
    print(f"characters typed more than 1 s before the kill and lost: {sum(lost)} in all, "
          f"{sum(1 for x in lost if x)} rounds with any, worst round {max(lost, default=0)}  (goal 0)")
    typed = sum(r["typed"] for r in readable)
    print(f"characters typed in all: {typed}; kept: {sum(r['kept'] for r in readable)}")
    last = [r["kept_last_second"] / r["last_second"] for r in readable if r["last_second"]]
    if last:
        print(f"share of the last second's typing kept: median {statistics.median(last):.0%}")


if __name__ == "__main__":
    main()
