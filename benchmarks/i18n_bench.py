"""What the languages cost: a looked-up message, a date in words, and a command's start-up.

    python benchmarks/i18n_bench.py

Baselines, measured in the same run: a message from a plain dict (what the catalogues were before
they became gettext files), `datetime.strftime` for a date, and `python -c pass` for a process. The
commands are run in nb, nn and en, so a slow catalogue for one language would show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_bench import summary, timings

from slt_tui.i18n import LANGUAGES, catalogue, translate, translate_plural
from slt_tui.sample import sample_path
from slt_tui.wording import date_time, long_date

KEYS = ["error.db_locked", "coverage.line", "minutes.title", "key.quit", "status.used"]
PARAMS = {"path": "slt.json", "user": "kari", "host": "server", "pid": 7, "since": "i dag", "present": 7,
          "required": 9, "forum": "Koordineringsgruppa", "used": 59, "planned": 55}


def main() -> None:
    plain = {key: catalogue("nb").gettext(key) for key in KEYS}  # the old way: a dict of templates

    def from_dict() -> None:
        for _ in range(1000):
            for key in KEYS:
                plain[key].format(**PARAMS)

    print("1,000 × 5 messages")
    print(f"  dict + str.format (baseline)   {summary(timings(from_dict, 20))}")
    for lang in LANGUAGES:
        def looked_up(lang=lang) -> None:
            for _ in range(1000):
                for key in KEYS:
                    translate(key, lang, **PARAMS)
        print(f"  translate() {lang}                 {summary(timings(looked_up, 20))}")

    def plurals() -> None:
        for n in range(5000):
            translate_plural("start.overdue", n, "nn")
    print(f"  5,000 plurals nn               {summary(timings(plurals, 20))}")

    day, moment = date(2026, 12, 8), datetime(2026, 12, 8, 9, 0)

    def strftime() -> None:
        for _ in range(1000):
            moment.strftime("%A %d. %B %Y %H:%M")
    print("1,000 dates in words")
    print(f"  strftime (baseline)            {summary(timings(strftime, 20))}")
    for lang in LANGUAGES:
        def in_words(lang=lang) -> None:
            for _ in range(1000):
                long_date(day, lang)
                date_time(moment, lang)
        print(f"  Babel {lang}                       {summary(timings(in_words, 20))}")

    command = shutil.which("slt-tui") or str(Path(sys.executable).with_name("slt-tui"))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "slt.json"
        shutil.copyfile(sample_path(), db)
        env = {**os.environ, "SLT_TUI_DB": str(db)}

        def run(*args: str) -> None:
            subprocess.run(args, env=env, check=True, capture_output=True)

        def line(label: str, *args: str) -> None:
            print(f"  {label:<31}{summary(timings(lambda: run(*args), 10))}")

        print("a process, start to exit")
        line("python -c pass (baseline)", sys.executable, "-c", "pass")
        for lang in LANGUAGES:
            line(f"slt-tui --help {lang}", command, "--lang", lang, "--help")
            line(f"slt-tui meetings {lang}", command, "--lang", lang, "meetings")
            line(f"slt-tui export {lang}", command, "export", "kg-2026-10-27", "--minutes-lang", lang)

if __name__ == "__main__":
    main()
