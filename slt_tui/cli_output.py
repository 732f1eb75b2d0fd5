"""What every command prints: tables and JSON on standard output, and a failure as one sentence on
standard error with exit status 2."""

from __future__ import annotations

import json
import sys

from slt_tui.cli_parser import EXIT_USAGE


def print_json(rows: list[dict]) -> int:
    print(json.dumps(rows, ensure_ascii=False, indent=2))
    return 0


def print_table(headers: list[str], rows: list[list[str]], empty: str) -> None:
    if not rows:
        print(empty)
        return
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers) - 1)]
    for row in [headers, *rows]:
        cells = [str(c).ljust(w) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, str(row[-1])]).rstrip())


def fail(sentence: str, *details: str) -> int:
    print(f"slt-tui: {sentence}", *details, sep="\n", file=sys.stderr)
    return EXIT_USAGE
