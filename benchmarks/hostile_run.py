"""The hostile-input property test of the real app, run long: many more sequences than the suite's
fixed budget, with shrinking, so that a failure comes back as its smallest example.

    python benchmarks/hostile_run.py [--examples 200] [--seed N]

Prints the number of examples run, the failures found (each shrunk), and the time per example.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from hostile import run_plan, steps  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    runs = []

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck),
              report_multiple_bugs=True, database=None)
    @given(plan=steps)
    def run(plan):
        started = time.monotonic()
        try:
            run_plan(plan)
        finally:
            runs.append(time.monotonic() - started)

    began = time.monotonic()
    failures: list[BaseException] = []
    try:
        run()
    except BaseExceptionGroup as exc:
        failures = list(exc.exceptions)
    except Exception as exc:  # one failure, shrunk; hypothesis has printed the example
        failures = [exc]
    print(f"examples run: {len(runs)} in {time.monotonic() - began:.0f} s "
          f"({sum(runs) / max(1, len(runs)):.1f} s each, shrinking included)")
    print(f"failures: {len(failures)}")
    for failure in failures:
        print(f"  {type(failure).__name__}: {str(failure)[:300]}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
