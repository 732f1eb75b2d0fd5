"""A hostile-input property test of the real app: sequences of the meeting screen's actions with text
drawn from markup, Markdown, white space at the edges, control and bidi characters, emoji and very long
lines. After each sequence: nothing crashed, `q` ended the app, the file is sound, and it holds what
the screen showed as saved. A fixed, derandomised budget here; `benchmarks/hostile_run.py` runs long."""

from __future__ import annotations

from hostile import Step, run_plan, steps
from hypothesis import HealthCheck, Phase, given, settings


# No shrinking in the suite: one app run per example makes it take minutes; the long run shrinks.
@settings(max_examples=8, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.generate], print_blob=True)
@given(plan=steps)
def test_hostile_text_in_every_action_never_crashes_and_what_is_shown_is_saved(plan):
    run_plan(plan)


def test_the_inputs_that_once_broke_the_app():
    """Seen in the field: a decision and a presenter with a closing tag, a link, a click action, notes
    ending in a space; each once crashed the app for good or hung quit."""
    plan = [
        Step("decision", "Saken utsettes [/b] til januar"),
        Step("new_item", "Sak [link=https://example.invalid]lenke[/link]", "Ola [/i]"),
        Step("action", "[@click=app.quit]Klikk[/]"),
        Step("notes", "Notat som slutter med mellomrom "),
        Step("substitute", "Kari [/x]"),
        Step("guest", "Gjest [b]", "[/b]"),
        Step("preview"),
    ]
    expected = run_plan(plan)
    assert expected.notes and next(iter(expected.notes.values())) == "Notat som slutter med mellomrom "
    assert expected.decisions == ["Saken utsettes [/b] til januar"]
