"""UI benchmark in a real pseudo-terminal: slt-tui against a bare Textual app, in the same run.

    python benchmarks/ui_bench.py [--keys 60] [--idle 31] [--cpu-idle 20] [--no-ssh]

(a) a bare Textual app with a Header, a 20-row ListView and a Footer, and (b) `slt-tui --meeting` on
the ten-year database, each at 80×24, first in a local pseudo-terminal and then through a private
sshd on 127.0.0.1 (the ssh client in the pty, the app on the server side; tests/e2e/sshd.py). For
each: time to first full screen; median and p95 time from a key (down/up, alternately) to the screen
showing its effect; bytes written to the terminal per key; bytes per second while idle (for slt-tui:
meeting running, item timer running, so the clocks tick). Then, over ssh, the CPU the app process
uses while idle with no meeting running (read from /proc, utime + stime).
Goals (issues 4 and 7): startup ≤ 1.5× bare, key-to-screen ≤ 2× bare and never above 50 ms, bytes
per key ≤ 1.5× bare, idle ≤ 1 KB/s, idle CPU ≤ 2 %. Figures only; not a test.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))
import tenyear  # noqa: E402
from sshd import PrivateSshd, find_sshd  # noqa: E402

from slt_tui.store import Repository  # noqa: E402

from terminal import Terminal  # noqa: E402  (the pty driver the end-to-end tests use)

BARE_APP = textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Footer, Header, ListItem, ListView, Label

    class Bare(App):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self):
            yield Header()
            yield ListView(*[ListItem(Label(f"Item {n}")) for n in range(1, 21)])
            yield Footer()

    Bare().run()
""")

DOWN, UP = "\x1b[B", "\x1b[A"


def cells(term: Terminal) -> tuple:
    """Characters and their colours: a moved highlight changes colours only."""
    return tuple((c.data, c.fg, c.bg, c.reverse) for row in term.screen.buffer.values() for c in row.values())


def wait_change(term: Terminal, before: tuple, timeout: float = 2.0) -> float:
    """Read output as it comes until the screen differs from `before`; the moment it did."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        ready, _, _ = select.select([term.master], [], [], 0.001)
        if ready:
            data = os.read(term.master, 65536)
            term.output += data
            term.stream.feed(data)
            if cells(term) != before:
                return time.perf_counter()
    raise RuntimeError("the key changed nothing on the screen")


def quiet(term: Terminal, seconds: float = 0.05) -> None:
    """Read until the program has written nothing for `seconds`."""
    while True:
        before = len(term.output)
        term.pump(seconds)
        if len(term.output) == before:
            return


def process_with(marker: str) -> int:
    """The newest process whose command line contains `marker` (the app, wherever sshd started it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker in (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    if not found:
        raise RuntimeError(f"no process runs {marker}")
    return max(found)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def idle_cpu(name: str, argv: list[str], ready: tuple[str, ...], marker: str, seconds: float) -> float:
    """Per cent of one core the app uses while nothing happens (no meeting running)."""
    term = Terminal(argv, env={"SLT_TUI_LANG": "nb"})
    try:
        term.wait_for(*ready, timeout=60)
        quiet(term, 1.0)
        pid = process_with(marker)
        before, start = cpu_seconds(pid), time.perf_counter()
        term.pump(seconds)
        share = (cpu_seconds(pid) - before) / (time.perf_counter() - start) * 100
        term.send("q")
        term.wait_exit(30)
    finally:
        term.close()
    print(f"{name:14} idle CPU, no meeting running: {share:4.1f} % of a core (goal ≤ 2 %)")
    return share


def measure(name: str, argv: list[str], ready: tuple[str, ...], prepare: Callable[[Terminal], None] | None,
            keys: int, idle: float) -> dict:
    start = time.perf_counter()
    term = Terminal(argv, env={"SLT_TUI_LANG": "nb"})
    try:
        term.wait_for(*ready, timeout=60)
        startup = (time.perf_counter() - start) * 1000
        if prepare is not None:
            prepare(term)
        quiet(term, 0.3)
        latencies, per_key = [], []
        for n in range(keys):
            quiet(term)
            before, sent_at, size = cells(term), 0.0, len(term.output)
            sent_at = time.perf_counter()
            os.write(term.master, (DOWN if n % 2 == 0 else UP).encode())
            latencies.append((wait_change(term, before) - sent_at) * 1000)
            quiet(term)
            per_key.append(len(term.output) - size)
        quiet(term, 0.3)
        size = len(term.output)
        term.pump(idle)
        idle_rate = (len(term.output) - size) / idle
        term.send("q")
        term.wait_exit(30)
    finally:
        term.close()
    p95 = sorted(latencies)[max(0, round(0.95 * len(latencies)) - 1)]
    figures = {"startup_ms": startup, "key_median_ms": statistics.median(latencies), "key_p95_ms": p95,
               "bytes_per_key": statistics.median(per_key), "idle_bytes_per_s": idle_rate}
    print(f"{name:14} first screen {startup:7.0f} ms   key→screen median {figures['key_median_ms']:5.1f} ms"
          f"  p95 {p95:5.1f} ms   {figures['bytes_per_key']:6.0f} B/key   idle {idle_rate:6.0f} B/s")
    return figures


def start_meeting(term: Terminal) -> None:
    """The meeting running and its first item's clock with it (moved to today when asked)."""
    term.start_meeting(" ")


def compare(transport: str, run: dict[str, Callable[[], dict]]) -> None:
    a, b = run["bare"](), run["slt-tui"]()
    print(f"  {transport}: slt-tui / bare: startup {b['startup_ms'] / a['startup_ms']:.2f} (goal ≤ 1.5), "
          f"key→screen {b['key_median_ms'] / a['key_median_ms']:.2f} (goal ≤ 2, and ≤ 50 ms), "
          f"bytes per key {b['bytes_per_key'] / max(1, a['bytes_per_key']):.2f} (goal ≤ 1.5); "
          f"idle {b['idle_bytes_per_s']:.0f} B/s (goal ≤ 1024)\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--idle", type=float, default=31.0, help="seconds; 31 takes in one 30 s timer save")
    parser.add_argument("--cpu-idle", type=float, default=20.0, help="seconds of idle CPU measuring")
    parser.add_argument("--no-ssh", action="store_true", help="only the local pseudo-terminal")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="slt-ui-bench-") as scratch:
        folder = Path(scratch)
        bare = folder / "bare.py"
        bare.write_text(BARE_APP)
        made = tenyear.write(folder / "ten-years.json")
        with Repository.open(made, readonly=True) as repo:
            meeting = repo.dataset.meetings_of("kg")[-1]
        slt = str(Path(sys.executable).parent / "slt-tui")
        print(f"80×24; ten-year database {made.stat().st_size / 1e6:.1f} MB, meeting {meeting.id} "
              f"({len(meeting.agenda)} items); {args.keys} keys; {os.cpu_count()} cores\n")
        bare_ready, slt_ready = ("Item 20", "Quit"), (meeting.agenda[-1].number, "? Hjelp")

        def fresh_db(name: str) -> Path:  # each run starts the meeting anew
            copy = folder / f"{name}.json"
            shutil.copyfile(made, copy)
            return copy

        def via(transport: Callable[[list[str]], list[str]], label: str) -> dict[str, Callable[[], dict]]:
            return {
                "bare": lambda: measure(f"bare {label}", transport([sys.executable, str(bare)]), bare_ready, None,
                                        args.keys, args.idle),
                "slt-tui": lambda: measure(f"slt-tui {label}", transport(
                    [slt, "--db", str(fresh_db(f"db-{label}")), "--meeting", meeting.id]),
                    slt_ready, start_meeting, args.keys, args.idle),
            }

        compare("local pty", via(lambda argv: argv, "pty"))
        if args.no_ssh:
            return
        program = find_sshd()
        if program is None:
            print("no sshd here (apt-get install openssh-server): the ssh figures are left out")
            return
        server = PrivateSshd(folder / "sshd", program)
        env = {"HOME": str(folder), "XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config")}
        try:
            compare("through sshd", via(lambda argv: server.ssh_argv(argv, env), "ssh"))
            idle_db = fresh_db("idle")
            idle_cpu("bare ssh", server.ssh_argv([sys.executable, str(bare)], env), bare_ready, str(bare),
                     args.cpu_idle)
            idle_cpu("slt-tui ssh", server.ssh_argv([slt, "--db", str(idle_db)], env), ("Avslutt", "? Hjelp"),
                     str(idle_db), args.cpu_idle)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
