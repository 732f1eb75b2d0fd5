"""The e-mail draft (.eml) with the public minutes: read back with Python's own e-mail parser, it is
addressed to the members, carries the public minutes and nothing of the internal ones, tells each
member their own open points, and goes through the privacy guard."""

from __future__ import annotations

import email
import stat
from email import policy

import pytest

from slt_tui.domain import ActionItem, Origin
from slt_tui.minutes.document import Variant
from slt_tui.minutes.export import Export, Format, MailFindingsError
from slt_tui.minutes.mail import email_findings, minutes_email
from slt_tui.minutes.privacy import Finding, Kind, Section

MEETING = "kg-2026-10-27"
SECRET_NOTE = "Drøftet anonymt"
SECRET_ACTION = "Felles tiltak for gruppen ved kaiområdet"


def _read(payload: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(payload, policy=policy.default)


def _addresses(message, header: str) -> list[str]:
    return [a.addr_spec for a in message[header].addresses] if message[header] else []


def _body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_the_draft_is_addressed_to_every_member_with_an_address_from_the_chair(sample):
    dataset, municipality = sample
    message = _read(minutes_email(dataset.meeting(MEETING), dataset, "nb", municipality))
    members = [dataset.person(p) for p in dataset.forum("kg").members]
    assert _addresses(message, "To") == [p.email for p in members if p.email]
    assert len(_addresses(message, "To")) == len(members) - 1  # Per Ivar Lundeby has no address
    assert [(a.display_name, a.addr_spec) for a in message["From"].addresses] == [("Ingrid Solbakk",
                                                                                   "slt@fjordvik.example")]
    assert message["Subject"] == "Referat fra møte i Koordineringsgruppa 27.10.2026"
    assert message["X-Unsent"] == "1"  # Outlook opens it as a draft to send
    assert message["Cc"] is None  # the sample's "Kopi til" names offices, not addresses


def test_the_attachments_are_the_public_minutes_as_markdown_and_html(sample):
    dataset, municipality = sample
    meeting = dataset.meeting(MEETING)
    message = _read(minutes_email(meeting, dataset, "nb", municipality))
    attached = {part.get_filename(): part for part in message.iter_attachments()}
    markdown = Export(meeting, dataset, Variant.PUBLIC, Format.MARKDOWN, "nb", municipality)
    page = Export(meeting, dataset, Variant.PUBLIC, Format.HTML, "nb", municipality)
    assert set(attached) == {"referat-koordineringsgruppa-2026-10-27.md", "referat-koordineringsgruppa-2026-10-27.html"}
    assert attached[markdown.file_name].get_content_type() == "text/markdown"
    assert attached[markdown.file_name].get_content() == markdown.text()
    assert attached[markdown.file_name].get_payload(decode=True) == markdown.payload()  # the very file
    assert attached[page.file_name].get_content_type() == "text/html"
    assert attached[page.file_name].get_content() == page.text()
    assert "Offentlig referat" in markdown.text()


def test_nothing_of_the_internal_minutes_is_anywhere_in_the_draft(sample):
    dataset, municipality = sample
    payload = minutes_email(dataset.meeting(MEETING), dataset, "nb", municipality)
    for secret in (SECRET_NOTE, SECRET_ACTION):
        assert secret.encode() not in payload
        for part in _read(payload).walk():
            if not part.is_multipart():
                assert secret not in part.get_content(), part.get_content_type()
    assert b"Internt referat" not in payload


def test_each_member_is_told_their_own_open_points_and_none_from_an_exempt_case(sample):
    dataset, municipality = sample
    body = _body(_read(minutes_email(dataset.meeting(MEETING), dataset, "nb", municipality)))
    lines = body.splitlines()
    assert lines[:3] == ["Hei,", "", "Vedlagt er det offentlige referatet fra møtet i Koordineringsgruppa tirsdag "
                                     "27. oktober 2026, som Markdown og som nettside (HTML)."]
    start = lines.index("Åpne oppfølgingspunkter, etter ansvarlig:")
    assert lines[start + 2] == "Ola Skarsvåg"
    assert lines[start + 3].startswith("- Sak 04/26: Sette opp foreldremøter om rus for 9. trinn, frist 13.11.2026")
    assert lines[start + 5:start + 7] == [
        "Camilla Øvrebotn", "- Sak 03/26: Evaluere utvidet åpningstid i ungdomsklubben, frist 31.01.2027"]
    # Mona Hauglid's point comes from the confidential case 08/26: whose it is tells of the case
    assert "Mona Hauglid" not in body and "08/26" not in body
    assert "Jonas Tveitan" not in body  # NAV's point has no owner
    assert lines[-2:] == ["Hilsen", "Ingrid Solbakk"]


def test_copy_to_entries_that_are_addresses_go_in_cc(sample):
    dataset, municipality = sample
    forum = dataset.forum("kg").model_copy(update={"copy_to": (
        "Kommunedirektøren", "Arkivet <postmottak@fjordvik.example>", "arkiv@fjordvik.example", "v/ leder @ rådhuset")})
    message = _read(minutes_email(dataset.meeting(MEETING), dataset.put(forum), "nb", municipality))
    assert _addresses(message, "Cc") == ["postmottak@fjordvik.example", "arkiv@fjordvik.example"]
    assert message["Cc"].addresses[0].display_name == "Arkivet"


def test_the_sender_is_the_minute_taker_when_the_chair_has_no_address_and_nobody_when_neither(sample):
    dataset, municipality = sample
    chair = dataset.person("ingrid-solbakk").model_copy(update={"email": "ikke oppgitt"})
    dataset = dataset.put(chair)
    message = _read(minutes_email(dataset.meeting(MEETING), dataset, "nb", municipality))
    assert _addresses(message, "From") == ["camilla-ovrebotn@fjordvik.example"]
    assert "slt@fjordvik.example" not in _addresses(message, "To") and len(_addresses(message, "To")) == 7
    dataset = dataset.put(dataset.person("camilla-ovrebotn").model_copy(update={"email": ""}))
    message = _read(minutes_email(dataset.meeting(MEETING), dataset, "en", municipality))
    assert message["From"] is None and message["X-Unsent"] == "1"
    assert _body(message).splitlines()[-1] == "Ingrid Solbakk"
    assert message["Subject"] == "Minutes of the meeting of Koordineringsgruppa, 27.10.2026"


def test_personal_data_in_the_body_is_found_and_the_draft_is_not_written(sample, tmp_path):
    dataset, municipality = sample
    # A point raised at the next meeting is in the owner's list, but in no minutes attached.
    item = next(i for i in dataset.meeting("kg-2026-12-08").agenda if i.number == "15/26")
    point = ActionItem(id="a-ring", title="Ring mor på 912 34 567", forum="kg", agency="KF", owner="camilla-ovrebotn",
                       due="2027-01-15", origin=Origin(meeting="kg-2026-12-08", item=item.id))
    dataset = dataset.put(point)
    meeting = dataset.meeting(MEETING)
    assert email_findings(meeting, dataset, "nb", municipality) == [Finding(Section.FOLLOW_UP, "15/26", Kind.PHONE)]
    export = Export(meeting, dataset, Variant.PUBLIC, Format.EML, "nb", municipality)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(MailFindingsError) as refused:
        export.write(out)
    assert refused.value.sentence("nb").startswith("E-postutkastet ble ikke skrevet")
    assert [f.sentence("nb") for f in refused.value.findings] == ["Oppfølging fra tidligere møter, sak 15/26: "
                                                                  "telefonnummer"]
    assert list(out.iterdir()) == []
    written = export.write(out, force=True)
    assert written.name == "referat-koordineringsgruppa-2026-10-27.eml"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    assert "912 34 567" in _body(_read(written.read_bytes()))


def test_the_sample_draft_has_nothing_for_the_privacy_guard(sample):
    dataset, municipality = sample
    for meeting in dataset.meetings:
        assert email_findings(meeting, dataset, "nb", municipality) == [], meeting.id
