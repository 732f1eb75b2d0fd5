"""The privacy guard: identity numbers by their control digits in any writing, phone numbers without
false alarms, e-mail addresses, and findings that say where in the public minutes they are.

Identity numbers here are synthetic (see `synthetic_ids`), or the examples Skatteetaten publishes for
numbers to be issued from 2032; none is a real person's number.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from synthetic_ids import next_synthetic, numbers, synthetic, with_controls, written

from slt_tui.domain import Decision, ItemKind
from slt_tui.minutes.document import Variant
from slt_tui.minutes.invite import invitation
from slt_tui.minutes.privacy import Kind, Section, kinds_in, national_id_valid, scan, scan_invitation

NUMBER = next_synthetic(date(2009, 3, 14), 0)
# Skatteetaten's examples of numbers issued from 1 January 2032 (nyttfnr2032.md): the first by
# today's rule, the others with a first control digit only the new rule allows.
EXAMPLES_2032 = ("02013299997", "30108299920", "30108299939")


@given(numbers)
def test_numbers_with_right_control_digits_by_either_rule_are_valid(number):
    assert national_id_valid(number)
    wrong_last = number[:10] + str((int(number[10]) + 1) % 10)
    assert not national_id_valid(wrong_last)


@given(st.dates(date(1900, 1, 1), date(2039, 12, 31)), st.integers(0, 999))
def test_a_first_control_digit_past_the_2032_rule_is_wrong(born, personal):
    for remainder in range(4, 11):  # (S1 + k1) mod 11 may be 0–3, nothing more
        number = synthetic(born, personal, remainder)
        assert number is None or not national_id_valid(number)


def test_the_examples_of_the_2032_numbers_are_valid():
    assert all(national_id_valid(n) for n in EXAMPLES_2032)
    assert not national_id_valid("30108299949")  # k1 one more than the new rule allows: k2 no longer fits
    assert kinds_in("Nytt nummer: 301082 999 39") == [Kind.NATIONAL_ID]


def test_d_numbers_h_numbers_and_impossible_dates():
    assert national_id_valid(next_synthetic(date(2031, 1, 15), 0, d_number=True))  # first digit raised by 4
    assert national_id_valid(with_controls("154131999") or with_controls("154131998"))  # H-number: month + 40
    assert national_id_valid(next_synthetic(date(2032, 2, 29), 0))  # 29 February exists in leap years
    for impossible in ("328131", "008131", "318431", "729131", "159331"):
        number = next(n for p in range(900, 1000) if (n := with_controls(f"{impossible}{p}")))
        assert not national_id_valid(number), impossible
    assert not national_id_valid(NUMBER[:10])  # ten digits
    assert not national_id_valid("١٤٠٣٠٩٩٧٠١٩")  # national_id_valid wants ASCII; kinds_in reads any digits


# How the test that found the misses wrote them: groupings, signs, breaks, invisible characters, scripts.
FORMS = ["{n}", "{a} {b}", "{a}-{b}", "{a}.{b}", "{a}/{b}", "{a}–{b}", "{a} – {b}", "{a} - {b}", "{a}—{b}",
         "{d}.{m}.{y} {b}", "{d}.{m}.{y}-{p}.{k}", "{a} {p} {k}", "{dm} {y}{b}", "{a}\n{b}", "{a}  {b}",
         "{a}\t{b}", "{a}\u00a0{b}", "{a}\u200b{b}", "{dm}\u2060{y}{b}", "{a}\u00ad{b}", "{a}\ufeff{b}",
         "{a}\u200e{b}", "fnr.{n}.", "(fnr {n})", "født {a} {b}, bor", "Sak 08/26 {a} {b}", "08.12.2026 {n}"]


@pytest.mark.parametrize("form", FORMS)
def test_numbers_are_found_however_they_are_written(form):
    n = NUMBER
    text = form.format(n=n, a=n[:6], b=n[6:], d=n[:2], m=n[2:4], y=n[4:6], dm=n[:4], p=n[6:9], k=n[9:])
    assert kinds_in("Eleven har " + text) == [Kind.NATIONAL_ID]


@pytest.mark.parametrize("zero", ["\uff10", "\u0660", "\u06f0", "\u0966", "\U0001d7ce"])
def test_numbers_in_other_digits_are_found(zero):
    other = "".join(chr(ord(zero) + int(c)) for c in NUMBER)
    assert kinds_in(f"fnr {other[:6]} {other[6:]}") == [Kind.NATIONAL_ID]


@given(numbers.flatmap(written))
@example("01 9 2000 0033")  # once read as a date and a time of day
@example("0181 00.0\u200b0186")  # the account form once made by an invisible separator, said apart
@example("0\u200b181.00-00186")  # a dot and a dash: not the banks' form, so an identity number
def test_any_grouping_and_separator(text):
    assert Kind.NATIONAL_ID in kinds_in(f"Eleven har {text}, og")


def test_longer_digit_runs_and_wrong_controls_are_not_numbers():
    assert kinds_in(f"konto 9{NUMBER}") == []
    assert kinds_in(f"{NUMBER}9") == []
    assert kinds_in(NUMBER[:10] + str((int(NUMBER[10]) + 1) % 10)) == []


PHONES = ["ring 912 34 567", "tlf. 91234567", "+47 91 23 45 67", "0047 22123456", "mobil: 412 34 567.",
          "9123 4567", "9123-4567", "9123.4567", "912-34-567", "912.34.567", "+47 912-34-567",
          "ring 912 34 567 / 22 12 34 56",
          "912\u00a034\u00a0567", "９１２ ３４ ５６７", "Mor: 91 23 45 67, far: 41 23 45 67"]


@pytest.mark.parametrize("text", PHONES)
def test_phone_numbers(text):
    assert kinds_in(text) == [Kind.PHONE]


# Ordinary numbers of SLT minutes: none of them is a finding.
ORDINARY = ["møte 08.12.2026 kl. 09:00", "kl. 09.00", "19.00–23.00", "kl. 20.00–22.30", "2026-12-08",
            "08.12.26", "8. desember 2026", "20261208", "08122026", "i 20261208-utkastet", "sak 07/26",
            "07/26", "26/1234", "saksnr. 2026/1234", "arkivsak 26/1234", "Referanse 98765432", "ref. 98765432",
            "journalpost 98765432", "org.nr. 912 345 678", "orgnr 912345678", "organisasjonsnummer 912 345 678",
            "912 345 678", "konto 1234 56 78903", "faktura 98765432", "ordre 45678901", "kr 25 000 000",
            "25 000 000 kr", "kr 98765432", "40 000 kroner", "30 40 50 60", "20 25 30 35", "2000 3000",
            "år 2026 2027", "12345678 er for kort? nei: 1234567", "postnr 0150", "35–40 besøkende",
            "40 plasser, mot 30 i år", "Sak 12/26 Oppfølging", "9. trinn", "v. 1.2.3"]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_are_not_findings(text):
    assert kinds_in(text) == []


def test_email_addresses():
    assert kinds_in("skriv til kari.nordmann@fjordvik.kommune.no") == [Kind.EMAIL]
    assert kinds_in("skriv til kari\u200b.nordmann@fjordvik.kommune.no") == [Kind.EMAIL]
    assert kinds_in("to@ sider") == []


@settings(max_examples=30)
@given(st.lists(st.sampled_from(["Ola", "912 34 567", "kari@example.no", NUMBER, "08.12.2026", "\n", " "]),
                max_size=6))
def test_kinds_in_each_reads_each_text_apart(parts):
    from slt_tui.minutes.personal_data import kinds_in_each

    assert kinds_in_each(parts) == [kinds_in(p) for p in parts]


def test_public_scan_skips_confidential_items_and_says_where(sample):
    dataset, _ = sample
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
    assert [(f.section, f.case, f.kind) for f in findings] == [(Section.AGENDA, "09/26", Kind.EMAIL)]
    internal = scan(meeting, dataset, Variant.INTERNAL)
    assert [(f.case, f.kind) for f in internal] == [("08/26", Kind.PHONE), ("09/26", Kind.EMAIL)]
    assert findings[0].sentence("nb") == "Sak 09/26: e-postadresse"
    assert findings[0].sentence("en") == "Case 09/26: e-mail address"


def test_findings_outside_the_cases_name_the_section_or_the_line(sample):
    dataset, municipality = sample
    meeting = dataset.meeting("kg-2026-10-27")
    action = dataset.action("a-klubb-evaluering")
    update = action.updates[-1].model_copy(update={"comment": f"Far har fnr. {NUMBER}"})
    dataset = dataset.put(action.model_copy(update={"updates": (*action.updates[:-1], update)}))
    guests = (meeting.guests[0].model_copy(update={"name": "Liv, tlf. 912 34 567"}),)
    meeting = meeting.model_copy(update={"guests": guests, "location": "Rådhuset (kari@example.no)"})
    forum = dataset.forum("kg")
    dataset = dataset.put(meeting).put(forum.model_copy(update={"copy_to": (*forum.copy_to, "ola@example.no")}))
    sentences = [f.sentence("nb") for f in scan(meeting, dataset, municipality=municipality)]
    # The review of an earlier point is told under the follow-up case it was reviewed in.
    assert sentences == ["Møteopplysningene øverst: e-postadresse", "Oppmøte: telefonnummer",
                         "Sak 07/26: fødselsnummer eller D-nummer", "Kopi til: e-postadresse"]
    assert not any(NUMBER in s or "912" in s or "kari" in s or "ola@" in s for s in sentences)
    english = [f.sentence("en") for f in scan(meeting, dataset, lang="en", municipality=municipality)]
    assert english[1:] == ["Attendance: phone number", "Case 07/26: national identity number or D-number",
                           "Copy to: e-mail address"]


def test_a_review_without_a_follow_up_case_is_told_by_the_case_it_was_raised_in(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    meeting = meeting.model_copy(update={"agenda": tuple(
        i.model_copy(update={"kind": ItemKind.DISCUSSION}) if i.kind is ItemKind.FOLLOW_UP else i
        for i in meeting.agenda)})
    action = dataset.action("a-klubb-evaluering")
    update = action.updates[-1].model_copy(update={"comment": "Ring 912 34 567"})
    dataset = dataset.put(meeting).put(action.model_copy(update={"updates": (update,)}))
    assert [f.sentence("nb") for f in scan(meeting, dataset)] == [
        "Oppfølging fra tidligere møter, sak 03/26: telefonnummer"]


def test_a_phone_number_first_in_a_title_is_not_read_with_the_case_number(sample):
    dataset, _ = sample
    meeting = dataset.meeting("kg-2026-10-27")
    item = meeting.agenda[4].model_copy(update={"title": "91234567 ringer om sommerjobb"})
    meeting = meeting.model_copy(update={"agenda": (*meeting.agenda[:4], item)})
    dataset = dataset.put(meeting)
    assert [f.sentence("nb") for f in scan(meeting, dataset)] == ["Sak 09/26: telefonnummer"]
    found = scan_invitation(invitation(meeting, dataset, "nb"), meeting)
    assert [f.sentence("nb") for f in found] == ["Sak 09/26: telefonnummer"]
