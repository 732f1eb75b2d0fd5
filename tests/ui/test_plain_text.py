"""User text is text: every screen shows strings through the widgets of `ui/widgets/plain.py`, which
never read them as markup. This test keeps it so: outside that module no code in `slt_tui/ui` builds
Textual's text widgets itself, parses markup, or asks for it."""

from __future__ import annotations

import ast
from pathlib import Path

import slt_tui.ui

UI = Path(slt_tui.ui.__file__).parent
PLAIN = UI / "widgets" / "plain.py"
MARKUP_WIDGETS = {"Static", "Label", "DataTable", "OptionList", "SelectionList", "Select", "Markup"}


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in MARKUP_WIDGETS:
            found.append(f"{path.name}:{node.lineno} builds {name}")
        if name == "from_markup":
            found.append(f"{path.name}:{node.lineno} parses markup")
        for keyword in node.keywords:
            literal_false = isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            if keyword.arg == "markup" and not literal_false:
                found.append(f"{path.name}:{node.lineno} asks for markup")
    return found


def test_no_screen_builds_a_widget_that_reads_markup():
    files = [p for p in UI.rglob("*.py") if p != PLAIN]
    assert files
    assert [o for path in files for o in offences(path)] == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from textual.widgets import Static\nStatic('x')\nText.from_markup(y)\nz.notify(m, markup=True)\n")
    assert len(offences(bad)) == 3
