"""Register rules: ids from names, the agenda template as text."""

import pytest

from slt_tui.domain import ItemKind, StandingItem
from slt_tui.domain.registers import format_standing_items, parse_standing_items, slug_id
from slt_tui.errors import DomainError


def test_ids_from_norwegian_names():
    assert slug_id("Ola Skarsvåg", set()) == "ola-skarsvag"
    assert slug_id("Camilla Øvrebotn", set()) == "camilla-ovrebotn"
    assert slug_id("Ærlig Ås", {"aerlig-as"}) == "aerlig-as-2"
    assert slug_id("!!!", set()) == "x"


def test_standing_items_round_trip_through_text():
    items = (StandingItem(title="Godkjenning av referat", kind=ItemKind.DECISION, planned_minutes=5),
             StandingItem(title="Runde rundt bordet", planned_minutes=20))
    assert parse_standing_items(format_standing_items(items)) == items
    assert parse_standing_items("Bare tittel\n\n") == (StandingItem(title="Bare tittel"),)


@pytest.mark.parametrize("text, fragment", [
    ("Sak; tull; 5", "line 1"), ("Ok\n; vedtak; 5", "line 2"), ("Sak; vedtak; mange", "line 1"),
    ("Sak; vedtak; 9999", "line 1"),
])
def test_bad_template_lines_are_named(text, fragment):
    with pytest.raises(DomainError) as exc:
        parse_standing_items(text)
    assert fragment in str(exc.value)
