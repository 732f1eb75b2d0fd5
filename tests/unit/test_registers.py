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


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_standing_items_round_trip_through_text(lang):
    items = (StandingItem(title="Godkjenning av referat", kind=ItemKind.DECISION, planned_minutes=5),
             StandingItem(title="Runde rundt bordet", planned_minutes=20))
    text = format_standing_items(items, lang)
    assert "vedtak;" not in text and "orientering;" not in text  # kinds by name, not by id
    assert parse_standing_items(text, lang) == items
    assert parse_standing_items("Bare tittel\n\n", lang) == (StandingItem(title="Bare tittel"),)


@pytest.mark.parametrize("kind", ["vedtak", "Vedtakssak", "VEDTAKSSAK ", "for decision", "vedtakssak"])
def test_a_kind_is_read_by_its_id_or_its_name_in_any_language(kind):
    assert parse_standing_items(f"Sak; {kind}; 5", "nb")[0].kind is ItemKind.DECISION
    assert parse_standing_items("Sak; drøfting", "nb")[0].kind is ItemKind.DISCUSSION


@pytest.mark.parametrize("text, fragment", [
    ("Sak; tull; 5", "line 1"), ("Ok\n; vedtak; 5", "line 2"), ("Sak; vedtak; mange", "line 1"),
    ("Sak; vedtak; 9999", "line 1"), ("Sak; vedtak; 5; 6", "line 1"),
])
def test_bad_template_lines_are_named(text, fragment):
    with pytest.raises(DomainError) as exc:
        parse_standing_items(text, "en")
    assert fragment in str(exc.value)


def test_minutes_that_are_not_a_number_are_said_so_and_kinds_listed_by_name():
    with pytest.raises(DomainError) as exc:
        parse_standing_items("Sak; vedtak; mange", "nb")
    assert exc.value.sentence("nb") != ""
    assert "mange" in exc.value.sentence("nb")
    with pytest.raises(DomainError) as exc:
        parse_standing_items("Sak; tull", "nb")
    assert "vedtakssak" in exc.value.sentence("nb") and "vedtak," not in exc.value.sentence("nb")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_bad_line_names_the_field_as_the_form_does_not_as_the_code_does(lang):
    from slt_tui.i18n import translate

    for line, field in [("; vedtak; 5", "title"), ("Sak; vedtak; 601", "planned_minutes")]:
        with pytest.raises(DomainError) as exc:
            parse_standing_items(line, lang)
        said = exc.value.sentence(lang)
        assert translate(f"field.{field}", lang) in said and field not in said
