"""Forms for the registers: an agency, a person, a forum with its members and agenda template."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from slt_tui.domain import Agency, Dataset, Forum, Level, Person
from slt_tui.domain.registers import format_standing_items, parse_standing_items, slug_id
from slt_tui.i18n import LANGUAGES, current_language, t
from slt_tui.ui.modals.base import FormModal, field
from slt_tui.ui.widgets.inputs import LineInput
from slt_tui.ui.widgets.plain import PlainSelect, PlainSelectionList
from slt_tui.wording import agency_label, standard_agenda


class AgencyForm(FormModal[Agency]):
    def __init__(self, agency: Agency | None = None, taken: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.agency, self.taken = agency, taken  # the codes in use: a new agency must not replace one
        self.title = t("form.agency.edit" if agency else "form.agency.new")

    def compose_fields(self) -> ComposeResult:
        a = self.agency
        yield from field(t("field.code"), LineInput(value=a.code if a else "", id="code", disabled=a is not None))
        yield from field(t("field.name"), LineInput(value=a.name if a else "", id="name"))

    def build(self) -> Agency:
        agency = Agency(code=self.value("code"), name=self.value("name"))
        if self.agency is None and agency.code in self.taken:
            raise ValueError(t("form.code_taken", code=agency.code))
        return agency


class PersonForm(FormModal[Person]):
    def __init__(self, dataset: Dataset, person: Person | None = None) -> None:
        super().__init__()
        self.dataset, self.person = dataset, person
        self.title = t("form.person.edit" if person else "form.person.new")

    def compose_fields(self) -> ComposeResult:
        p = self.person
        agencies = [(agency_label(a), a.code) for a in self.dataset.agencies]
        yield from field(t("field.name"), LineInput(value=p.name if p else "", id="name"))
        yield from field(t("field.person_agency"), PlainSelect(agencies, value=p.agency if p else PlainSelect.NULL,
                                                   prompt=t("form.choose"), id="agency"))
        yield from field(t("field.role"), LineInput(value=p.role if p else "", id="role"))
        yield from field(t("field.email"), LineInput(value=p.email if p else "", id="email"))

    def build(self) -> Person:
        agency = self.value("agency")
        if agency is PlainSelect.NULL:
            raise ValueError(t("form.person_agency_required"))
        name = self.value("name")
        person_id = self.person.id if self.person else slug_id(name, {p.id for p in self.dataset.people})
        return Person(id=person_id, name=name, agency=agency, role=self.value("role"), email=self.value("email"))


class ForumForm(FormModal[Forum]):
    def __init__(self, dataset: Dataset, forum: Forum | None = None, *, documents_language: str = "nb") -> None:
        super().__init__()
        self.dataset, self.forum = dataset, forum
        self.documents_language = documents_language  # a new forum's standard agenda is written in it
        self.title = t("form.forum.edit" if forum else "form.forum.new")

    def compose_fields(self) -> ComposeResult:
        f = self.forum
        levels = [(t(f"level.{level.value}"), level) for level in Level]
        members = set(f.members) if f else set()
        required = set(f.required_agencies) if f else set()
        yield from field(t("field.name"), LineInput(value=f.name if f else "", id="name"))
        yield from field(t("field.level"), PlainSelect(levels, value=f.level if f else Level.COORDINATION,
                                                  allow_blank=False, id="level"))
        yield from field(t("field.cadence"), LineInput(value=str(f.cadence_weeks if f else 6), type="integer",
                                                   id="cadence"))
        yield from field(t("field.members"), PlainSelectionList(
            *[(f"{p.name} ({p.agency})", p.id, p.id in members) for p in self.dataset.people], id="members"))
        yield from field(t("field.required_agencies"), PlainSelectionList(
            *[(agency_label(a), a.code, a.code in required) for a in self.dataset.agencies], id="required"))
        yield from field(t("field.standing_items"), TextArea(format_standing_items(
            f.standing_items if f else standard_agenda(self.documents_language), current_language()),
                                                             id="standing", show_line_numbers=False))
        yield from field(t("field.copy_to"), TextArea("\n".join(f.copy_to) if f else "", id="copy_to",
                                                      show_line_numbers=False))

    def build(self) -> Forum:
        name = self.value("name")
        forum_id = self.forum.id if self.forum else slug_id(name, {f.id for f in self.dataset.forums})
        cadence = self.value("cadence").strip()
        return Forum(
            id=forum_id, name=name, level=self.value("level"),
            cadence_weeks=int(cadence) if cadence.isdigit() else cadence,
            members=tuple(self.query_one("#members", PlainSelectionList).selected),
            required_agencies=tuple(self.query_one("#required", PlainSelectionList).selected),
            standing_items=parse_standing_items(self.query_one("#standing", TextArea).text,
                                                current_language()),
            copy_to=tuple(line.strip() for line in self.query_one("#copy_to", TextArea).text.splitlines()
                          if line.strip()),
        )


class DocumentsLanguageForm(FormModal[str]):
    """The municipality's written form, which its minutes, notices and invitations are in."""

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        self.title = t("form.documents_language")

    def compose_fields(self) -> ComposeResult:
        choices = [(t(f"language.{lang}"), lang) for lang in LANGUAGES]
        yield from field(t("field.documents_language"), PlainSelect(choices, value=self.current, allow_blank=False,
                                                                   id="language"))

    def build(self) -> str:
        return str(self.value("language"))
