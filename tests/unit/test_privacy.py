"""The privacy guard: identity numbers by their control digits, phone numbers, e-mail addresses.

Identity numbers here are made in the test from a date and a personal number by computing the two
control digits with the published weights; none is a real person's number.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slt_tui.domain import Decision
from slt_tui.minutes.document import Variant
from slt_tui.minutes.privacy import Field, Kind, kinds_in, national_id_valid, scan
from slt_tui.store import Repository

WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def with_controls(nine: str) -> str | None:
    """The 11-digit number for a date and personal number, or None when no control digit fits."""
    digits = [int(c) for c in nine]
    for weights in (WEIGHTS_1, WEIGHTS_2):
        control = (11 - sum(w * d for w, d in zip(weights, digits, strict=False)) % 11) % 11
        if control == 10:
            return None
        digits.append(control)
    return "".join(map(str, digits))


def some_number(date: str) -> str:
    """The first valid number for a date `ddmmyy`."""
    return next(n for p in range(100, 1000) if (n := with_controls(f"{date}{p:03d}")))


@given(st.dates().map(lambda d: d.strftime("%d%m%y")), st.integers(0, 999))
def test_numbers_with_both_control_digits_right_are_found(date, personal):
    number = with_controls(f"{date}{personal:03d}")
    if number is None:
        return  # no valid number has this personal number
    assert national_id_valid(number)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    assert not national_id_valid(wrong)
    wrong_first = number[:9] + str((int(number[9]) + 1) % 10) + number[10]
    assert not national_id_valid(wrong_first)


def test_d_numbers_h_numbers_and_impossible_dates():
    d_number = some_number("550190")  # 15 January 1990, first digit raised by 4
    assert national_id_valid(d_number)
    assert national_id_valid(some_number("154190"))  # H-number: month raised by 40
    assert national_id_valid(some_number("290200"))  # 29 February exists in leap years
    for impossible in ("320190", "001390", "310490", "720190"):
        number = with_controls(f"{impossible}123") or with_controls(f"{impossible}124")
        assert number and not national_id_valid(number), impossible
    assert not national_id_valid("1501901231")  # ten digits
    assert not national_id_valid("١٥٠١٩٠١٢٣١٧")  # not ASCII digits


@pytest.mark.parametrize("form", ["{n}", "{a} {b}", "{a}-{b}", "fnr.{n}.", "(fnr {n})", "født {a} {b}, bor"])
def test_numbers_inside_text(form):
    number = some_number("150190")
    assert kinds_in("Eleven har " + form.format(n=number, a=number[:6], b=number[6:])) == [Kind.NATIONAL_ID]


def test_longer_digit_runs_and_wrong_controls_are_not_numbers():
    number = some_number("150190")
    assert kinds_in(f"konto 9{number}") == []
    assert kinds_in(f"{number}9") == []
    assert kinds_in(number[:10] + str((int(number[10]) + 1) % 10)) == []


@pytest.mark.parametrize("text", ["ring 912 34 567", "tlf. 91234567", "+47 91 23 45 67", "0047 22123456",
                                  "mobil: 412 34 567."])
def test_phone_numbers(text):
    assert kinds_in(text) == [Kind.PHONE]


@pytest.mark.parametrize("text", ["møte 08.12.2026 kl. 09:00", "sak 07/26", "40 000 kroner", "år 2026 2027",
                                  "12345678 er for kort? nei: 1234567", "postnr 0150", "19.00–23.00"])
def test_ordinary_numbers_are_not_findings(text):
    assert kinds_in(text) == []


def test_email_addresses():
    assert kinds_in("skriv til kari.nordmann@fjordvik.kommune.no") == [Kind.EMAIL]
    assert kinds_in("to@ sider") == []


def test_public_scan_skips_confidential_items_and_says_where(sample_db):
    with Repository.open(sample_db, readonly=True) as repo:
        dataset = repo.dataset
    meeting = dataset.meeting("kg-2026-10-27")
    assert scan(meeting, dataset) == []
    secret, open_item = meeting.agenda[3], meeting.agenda[4]
    assert secret.confidential and not open_item.confidential
    phone = "Mor ringer på 912 34 567."
    meeting = meeting.model_copy(update={"agenda": (
        *meeting.agenda[:3],
        secret.model_copy(update={"notes": phone}),
        open_item.model_copy(update={"decisions": (Decision(id="d9", text="Kontakt kari@example.no"),)}),
    )})
    dataset = dataset.put(meeting)
    findings = scan(meeting, dataset, Variant.PUBLIC)
    assert [(f.number, f.field, f.kind) for f in findings] == [("09/26", Field.DECISION, Kind.EMAIL)]
    internal = scan(meeting, dataset, Variant.INTERNAL)
    assert [(f.number, f.field, f.kind) for f in internal] == [
        ("08/26", Field.NOTES, Kind.PHONE), ("09/26", Field.DECISION, Kind.EMAIL)]
    assert findings[0].sentence("nb") == "Sak 09/26, vedtak: e-postadresse"
    assert "kari" not in findings[0].sentence("en")
