"""The archive PDF (PDF/A-2b) of the minutes, read back with tools that are not ours: poppler's pdfinfo,
pdffonts and pdftotext, pikepdf as a second reader of the XMP, and veraPDF where it is installed. Any
text a user types (Typst's syntax, Markdown, scripts no bundled font has) comes out as text, never
as markup and never as a failed PDF; what the machine lacks for a PDF is one sentence."""

from __future__ import annotations

import builtins
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from slt_tui.domain import AgendaItem, Guest
from slt_tui.domain.clock import OSLO
from slt_tui.minutes.document import Variant, render
from slt_tui.minutes.escape import block
from slt_tui.minutes.html import parser
from slt_tui.minutes.pdf import PdfUnavailableError, archive_pdf, document_tree
from slt_tui.minutes.pdf_fonts import COVERAGE, LACKING, STYLES, TEXT_ORDER
from slt_tui.sample import sample_path
from slt_tui.store import Repository

MEETING = "kg-2026-10-27"
TITLE = "Referat fra møte i Koordineringsgruppa 27.10.2026"
AUTHOR = "Ingrid Solbakk"
CREATED = datetime(2026, 10, 27, 11, 5, tzinfo=OSLO)
CREATED_UTC = "2026-10-27T10:05:00Z"  # the same moment: Oslo is UTC+1 on 27 October 2026
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
POPPLER = "poppler-utils is not installed (.ci/run installs it): apt-get install poppler-utils"
# The body of an A4 page in points, inside the running header and footer (the template's margins).
BODY = ("-x", "0", "-y", "57", "-W", "596", "-H", "734")


def tool(name: str, reason: str = POPPLER) -> str:
    """The checking program `name`, or a skip saying it is missing: never a skip for our own failure."""
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name}: {reason}")
    return found


def run(*args: str | Path) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True,
                          env={**os.environ, "TZ": "UTC", "LC_ALL": "C.UTF-8"})
    return done.stdout


def sample():
    with Repository.open(sample_path(), readonly=True) as repo:
        return repo.dataset


def minutes_pdf(variant: Variant, lang: str = "nb") -> bytes:
    dataset = sample()
    markdown = render(dataset.meeting(MEETING), dataset, variant, lang)
    return archive_pdf(markdown, title=TITLE, author=AUTHOR, created=CREATED, lang=lang)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[Variant, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    paths = {}
    for variant in Variant:
        paths[variant] = folder / f"{variant.value}.pdf"
        paths[variant].write_bytes(minutes_pdf(variant))
    return paths


@pytest.fixture
def internal(pdfs) -> Path:
    return pdfs[Variant.INTERNAL]


def pdfaid(xmp: str) -> tuple[str | None, str | None]:
    """(part, conformance) of the XMP's PDF/A identification, written as attributes or as elements."""
    root = ET.fromstring(xmp[xmp.index("<x:xmpmeta"):xmp.rindex("</x:xmpmeta>") + len("</x:xmpmeta>")])
    found: dict[str, str] = {}
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for name in ("part", "conformance"):
            qualified = f"{{{NS['pdfaid']}}}{name}"
            value = description.get(qualified) or description.findtext(qualified)
            if value:
                found[name] = value.strip()
    return found.get("part"), found.get("conformance")


def pages(path: Path) -> list[str]:
    text = run(tool("pdftotext"), "-layout", path, "-")
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


# The format and the metadata ------------------------------------------------------------------------


def test_the_xmp_identifies_the_file_as_pdf_a_2b(internal):
    xmp = run(tool("pdfinfo"), "-meta", internal)
    assert pdfaid(xmp) == ("2", "B")


def test_a_second_reader_sees_the_same_identification_title_author_and_date(internal):
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf (the test extra) is not installed")
    with pikepdf.open(internal) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert meta["dc:title"] == TITLE
        assert meta["dc:creator"] == [AUTHOR]
        assert meta["xmp:CreateDate"] == CREATED_UTC
        assert str(pdf.docinfo["/Title"]) == TITLE and str(pdf.docinfo["/Author"]) == AUTHOR
        assert str(pdf.Root.Lang) == "nb"
        assert "/Outlines" in pdf.Root  # the headings as bookmarks
        assert "/OutputIntents" in pdf.Root  # PDF/A's colour promise: an sRGB output intent
        assert pdf.check_pdf_syntax() == []  # qpdf finds the file's structure sound


def test_the_document_information_holds_title_author_and_creation_date(internal):
    info = dict(line.split(":", 1) for line in run(tool("pdfinfo"), "-isodates", internal).splitlines() if ":" in line)
    info = {key.strip(): value.strip() for key, value in info.items()}
    assert info["Title"] == TITLE
    assert info["Author"] == AUTHOR
    assert info["CreationDate"] == CREATED_UTC  # the date given, not "now"
    assert info["Page size"].endswith("(A4)")
    assert info["Encrypted"] == "no"  # PDF/A forbids encryption


def test_a_time_without_zone_is_norwegian_and_no_author_is_no_author(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(archive_pdf("# Referat\n", title="Referat", author="", created=datetime(2026, 7, 1, 9, 0),
                                 lang="nb"))
    info = run(tool("pdfinfo"), "-isodates", path)
    assert "CreationDate:    2026-07-01T07:00:00Z" in info  # 09.00 in Oslo's summer time
    assert "Author:" not in info


def test_every_font_is_embedded(internal):
    lines = run(tool("pdffonts"), internal).splitlines()
    assert lines[0].split()[-5:] == ["emb", "sub", "uni", "object", "ID"]
    rows = lines[2:]
    assert rows, "the minutes use at least one font"
    # From the right: a font's name may be wider than its column, and its type ("CID Type 0C") holds spaces.
    assert {row.split()[-5] for row in rows} == {"yes"}, "\n".join(lines)


def test_the_same_minutes_and_date_give_the_same_bytes():
    """In this process and in another: nothing in the file depends on the clock, a random seed or
    the order a set happens to have."""
    code = ("import hashlib, sys; sys.path.insert(0, sys.argv[1]); from test_pdf import Variant, minutes_pdf; "
            "print(hashlib.sha256(minutes_pdf(Variant.PUBLIC)).hexdigest())")
    other = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    ours = minutes_pdf(Variant.PUBLIC)
    assert ours == minutes_pdf(Variant.PUBLIC)
    assert other.stdout.strip() == hashlib.sha256(ours).hexdigest()


# What is on the pages -------------------------------------------------------------------------------


def test_norwegian_letters_survive_into_the_text(internal):
    text = "\n".join(pages(internal))
    assert "Referat fra møte i Koordineringsgruppa" in text
    assert "Camilla Øvrebotn" in text and "Rådhuset" in text


@pytest.mark.parametrize(("variant", "says"), [(Variant.INTERNAL, "Internt referat."),
                                               (Variant.PUBLIC, "Offentlig referat.")])
def test_every_page_says_which_variant_it_is_and_its_number(pdfs, variant, says):
    texts = pages(pdfs[variant])
    assert len(texts) >= 2, "the sample's minutes run over more than one page"
    for number, text in enumerate(texts, 1):
        assert says in text, f"page {number}"
        assert f"side {number} av {len(texts)}" in text


def test_the_page_number_is_worded_in_the_documents_language(tmp_path):
    path = tmp_path / "en.pdf"
    path.write_bytes(minutes_pdf(Variant.PUBLIC, "en"))
    texts = pages(path)
    assert all(f"page {n} of {len(texts)}" in text for n, text in enumerate(texts, 1))


def test_the_running_header_is_only_the_italic_line_right_under_the_title():
    assert document_tree("# Referat\n\n*Offentlig referat.*\n", "nb")["header"] == [
        {"k": "text", "s": "Offentlig referat.", "i": True}]
    for markdown in ("# Referat\n\nTekst *kursiv*\n", "# Referat\n\n## Saker\n\n*kursiv*\n", "*kursiv*\n"):
        assert document_tree(markdown, "nb")["header"] == [], markdown


def test_a_long_table_repeats_its_header_row_on_every_page(tmp_path):
    rows = "".join(f"| {n:03d} | rad nummer {n} |\n" for n in range(300))
    path = tmp_path / "table.pdf"
    path.write_bytes(archive_pdf(f"# T\n\n| Nr | Hva |\n|---|---|\n{rows}", title="T", author="a",
                                 created=CREATED, lang="nb"))
    texts = pages(path)
    assert len(texts) >= 3
    assert all(re.search(r"^\s*Nr\s+Hva\s*$", text, re.MULTILINE) for text in texts)
    assert all(f"rad nummer {n}" in "".join(texts) for n in range(300))


# User text is text ---------------------------------------------------------------------------------

# Typst's own syntax, Markdown, and text that no bundled font draws or that runs right to left.
HOSTILE = ["#", "$", "*", "_", "\\", '"', "@x", "<label>", "//", "/*", "*/", "]", "[", "=", "`", "``",
           "#set page(width: 1cm)", '#read("/etc/passwd")', '#eval("1 + 1")', "#import", "{", "}", "$x^2$",
           "\n", "\n\n", "- ", "1. ", "> ", "**", "~~", "|", "<b>", "&amp;", "[lenke](http://x.no)",
           "😀", "👨‍👩‍👧", "❤️", "中文", "日本語", "עברית", "مرحبا", "Ωμέγα", "Кириллица",
           "æøå ÆØÅ", "e\u0301", "x" * 70, "\u200b", "\u00ad", " "]
texts = st.lists(st.sampled_from(HOSTILE) | st.text(st.characters(codec="utf-8"), max_size=12),
                 min_size=1, max_size=12).map("".join)
IGNORABLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                       "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
# A code point the PDF shows for a character no font draws. It stands apart from its neighbours (the
# template spaces it), though pdftotext may move that space elsewhere beside text that runs right to left.
CODE = re.compile(r"(?<![0-9A-Za-z+])U\+([0-9A-F]{4,6})(?![0-9A-F])")
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def normalised(text: str) -> str:
    """Text as it can be compared with what pdftotext reads: characters no font draws (shown by their
    code points, `U+4E2D`) back as themselves; no white space (where lines break is the layout's
    business) and none of the characters that are never seen (joiners, direction marks)."""
    text = IGNORABLE.sub("", unicodedata.normalize("NFKC", text))
    text = CODE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return unicodedata.normalize("NFKC", IGNORABLE.sub("", "".join(text.split())))


def shows(pdf_text: str, typed: str) -> bool:
    """Whether the PDF's text shows `typed`. Text that runs right to left is put back in reading
    order by pdftotext with its neighbours moved about, so there only the characters are counted."""
    want, have = normalised(typed), normalised(pdf_text)
    if RIGHT_TO_LEFT.search(typed):
        return not Counter(want) - Counter(have)
    return want in have


def seen(markdown: str) -> list[str]:
    """The text of each paragraph, list item and heading in `markdown`, as a reader sees it (what its
    emphasis and list markers leave)."""
    out = []
    for token in parser().parse(markdown):
        if token.type == "inline":
            out.append("".join(c.content if c.type in ("text", "code_inline") else " "
                               for c in token.children or [] if c.type in ("text", "code_inline", "softbreak",
                                                                            "hardbreak")))
    return out


def body_text(pdf: bytes, folder: Path) -> str:
    """The text of the pages' bodies, in the order it was written: `-raw`, since pdftotext's reading
    order takes a hyphen that ends a line for a word broken in two, and runs a table's cells together."""
    path = folder / "typed.pdf"
    path.write_bytes(pdf)
    return run(tool("pdftotext"), "-raw", *BODY, path, "-")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=texts, decision=texts, title=texts, guest=texts)
@example(note='#set page(width: 1cm)\n#read("/etc/passwd") $x$ @x <y> // a /* b */ ] [ = `c` \\',
         decision='"#eval(\\"1\\")"', title="#import \"/etc/passwd\" *not bold*", guest="<Ola> [Nordmann] 😀")
def test_any_text_in_a_note_decision_title_or_guest_name_is_shown_as_text(tmp_path, note, decision, title, guest):
    dataset = sample()
    meeting = dataset.meeting(MEETING)
    item = meeting.agenda[4]  # 09/26, a briefing every variant shows in full
    fields = {**item.model_dump(), "title": title or "x", "notes": note,
              "decisions": [{"id": "v1", "text": decision or "x"}]}
    try:
        changed = AgendaItem.model_validate(fields)
        named = Guest.model_validate({**meeting.guests[0].model_dump(), "name": guest or "x"})
    except ValueError:  # cleaned to nothing: the model refuses an empty title, decision or name
        return
    meeting = meeting.model_copy(update={"agenda": (*meeting.agenda[:4], changed, *meeting.agenda[5:]),
                                         "guests": (named,)})
    markdown = render(meeting, dataset, Variant.INTERNAL)
    text = body_text(archive_pdf(markdown, title=changed.title, author=named.name, created=CREATED, lang="nb"),
                     tmp_path)
    assert "root:" not in text  # nothing was read from the machine
    assert shows(text, changed.title), changed.title
    assert shows(text, named.name), named.name
    for shown in seen(block(changed.notes)) + seen(block(changed.decisions[0].text)):
        assert shows(text, shown), shown


def test_characters_no_font_has_are_shown_as_their_code_points(tmp_path):
    text = body_text(archive_pdf("# T\n\nHei 中文 og 😀!\n", title="T", author="", created=CREATED, lang="nb"),
                     tmp_path)
    assert "Hei U+4E2D U+6587 og U+1F600 !" in " ".join(text.split())


def test_hebrew_arabic_and_greek_are_drawn_not_coded(tmp_path):
    text = body_text(archive_pdf("# T\n\nשלום · مرحبا · Ωμέγα · Кириллица\n", title="T", author="", created=CREATED,
                                 lang="nb"), tmp_path)
    assert "U+" not in text
    for word in ("שלום", "مرحبا", "Ωμέγα", "Кириллица"):
        assert word in text


def test_a_note_of_100_000_characters_makes_a_pdf_with_all_of_it(tmp_path):
    words = [f"ord{n}" for n in range(20_000)]
    note = "\n".join(" ".join(words[n:n + 12]) for n in range(0, len(words), 12))[:100_000]
    note = note[:note.rindex(" ")]
    dataset = sample()
    meeting = dataset.meeting(MEETING)
    item = AgendaItem.model_validate({**meeting.agenda[4].model_dump(), "notes": note})
    meeting = meeting.model_copy(update={"agenda": (*meeting.agenda[:4], item, *meeting.agenda[5:])})
    path = tmp_path / "long.pdf"
    path.write_bytes(archive_pdf(render(meeting, dataset, Variant.INTERNAL), title=TITLE, author=AUTHOR,
                                 created=CREATED, lang="nb"))
    texts = pages(path)
    assert len(texts) > 10
    assert f"side {len(texts)} av {len(texts)}" in texts[-1]
    seen_words = set(" ".join(texts).split())
    assert all(word in seen_words for word in note.split())


@pytest.mark.parametrize("word", ["".join(f"{n:03d}" for n in range(600)),  # 1,800 digits, no space
                                  "\u00a0".join(["kl. 09.00"] * 150)],  # tied with no-break spaces
                         ids=["digits", "no-break spaces"])
def test_a_word_longer_than_a_line_breaks_instead_of_running_off_the_page(tmp_path, word):
    text = body_text(archive_pdf(f"# T\n\n{word}\n", title="T", author="", created=CREATED, lang="nb"), tmp_path)
    assert normalised(text) == normalised(f"T {word}")
    assert len(text.splitlines()) > 10


def test_every_character_the_font_tables_give_a_font_is_drawn_by_it():
    """The tables in `pdf_fonts`, checked against this Typst: each font in each style draws every
    character they give it (PDF/A-2b refuses the file otherwise). If this fails after a Typst upgrade,
    measure again: python -m slt_tui.minutes.pdf_fonts."""
    import typst  # a dependency of ours: missing, it is our failure, not a skip

    from slt_tui.minutes.pdf_fonts import _code_points

    probe = b"""
    #let p = json(bytes(sys.inputs.p))
    #set text(font: p.font, fallback: false, style: p.style, weight: p.weight)
    #p.text
    """
    for font in TEXT_ORDER:
        assert font in COVERAGE
        for name, (style, weight) in STYLES.items():
            text = " ".join(chr(c) for c in sorted(_code_points(font, name)))
            typst.compile(probe, format="pdf", pdf_standards=["a-2b"], ignore_system_fonts=True,
                          sys_inputs={"p": json.dumps({"font": font, "style": style, "weight": weight,
                                                       "text": text})})
    assert set(LACKING) <= {(font, style) for font in TEXT_ORDER for style in STYLES}


# veraPDF, the reference validator -------------------------------------------------------------------


def test_verapdf_finds_the_file_compliant_with_pdf_a_2b(internal):
    verapdf = tool("verapdf", "veraPDF is not installed; it is not in PyPI, Debian or npm, so CI has none")
    report = run(verapdf, "--flavour", "2b", "--format", "xml", internal)
    assert 'isCompliant="true"' in report, report[-4000:]


# What the machine lacks ------------------------------------------------------------------------------


def refuse(name: str, error: Exception, monkeypatch) -> None:
    """Make `import typst` fail as it does where the package is missing or will not load."""
    real = builtins.__import__

    def fake(module, *args, **kwargs):
        if module == name or module.startswith(name + "."):
            raise error
        return real(module, *args, **kwargs)

    for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setattr(builtins, "__import__", fake)


@pytest.mark.parametrize("error", [ModuleNotFoundError("No module named 'typst'"),
                                   ImportError("libc.so.6: version `GLIBC_2.34' not found"),
                                   OSError("cannot load library")])
def test_without_a_working_typst_the_error_is_one_sentence_saying_what_to_install(monkeypatch, capsys, error):
    refuse("typst", error, monkeypatch)
    with pytest.raises(PdfUnavailableError) as raised:
        archive_pdf("# Referat\n", title="t", author="a", created=CREATED, lang="nb")
    assert str(raised.value) == ("No PDF can be made on this machine: it needs the Python package typst; "
                                 "install it with “pip install typst”.")
    assert raised.value.sentence("nb") == ("Det kan ikke lages PDF på denne maskinen: det trengs Python-pakken "
                                           "typst; installer den med «pip install typst».")
    assert capsys.readouterr() == ("", "")


def test_the_app_does_not_import_typst_until_a_pdf_is_asked_for():
    code = "import sys, slt_tui.minutes.pdf, slt_tui.minutes.export; print('typst' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"
