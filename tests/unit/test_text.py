"""Text cleaning at the model boundary: nothing that can steer a terminal gets through."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from slt_tui.domain.text import clean_block, clean_line

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_escape_sequences_lose_their_escape():
    assert clean_line("Sak \x1b[2J\x1b]0;pwned\x07om skolen") == "Sak [2J]0;pwnedom skolen"


def test_bidi_overrides_are_removed():
    assert clean_line("faktura\u202egpj.exe") == "fakturagpj.exe"
    assert clean_line("a\u2066b\u2069c") == "abc"


def test_c1_controls_and_del_are_removed():
    # NEL (0x85) is a line break, so it folds to a space; CSI (0x9b) and DEL go.
    assert clean_line("a\x85b\x9bc\x7fd") == "a bcd"


def test_block_keeps_newlines_and_tabs_and_normalises_line_breaks():
    assert clean_block("første linje\r\nandre\tlinje\rtredje") == "første linje\nandre\tlinje\ntredje"


def test_line_folds_white_space():
    assert clean_line("  Godkjenning \n av\treferat  ") == "Godkjenning av referat"


def test_nfc():
    decomposed = "Sk" + "a\u030a" + "rsvag"  # å as a + combining ring
    assert clean_line(decomposed) == "Skårsvag"


@given(st.text())
def test_block_output_is_clean_nfc_and_stable(text):
    cleaned = clean_block(text)
    assert FORBIDDEN.search(cleaned) is None
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_block(cleaned) == cleaned


@given(st.text())
def test_line_output_has_no_line_breaks_and_is_stable(text):
    cleaned = clean_line(text)
    assert "\n" not in cleaned and "\t" not in cleaned
    assert FORBIDDEN.search(cleaned) is None
    assert clean_line(cleaned) == cleaned


@given(st.text(st.characters(codec="utf-8") | st.sampled_from(list(" \t\n\r\x85\u2028\xa0\u202e\x1b")), max_size=60))
def test_the_fast_path_for_clean_text_agrees_with_full_cleaning(text):
    from unittest.mock import patch

    from slt_tui.domain import text as module

    fast = (clean_line(text), clean_block(text))
    with patch.object(module, "_settled", lambda value: False):
        assert (clean_line(text), clean_block(text)) == fast
