"""slt-tui: run SLT coordination meetings from a terminal."""

__version__ = "0.1.0"
