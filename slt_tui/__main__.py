"""`python -m slt_tui` runs the `slt-tui` command."""

from slt_tui.cli import main

main()
