"""Cleaning of every text a user types, applied at the model boundary.

Text is normalised to Unicode NFC and stripped of characters that could steer a terminal or a file:
C0 controls other than newline and tab, DEL, the C1 range, the bidi override characters and lone
surrogates (which no file encoder accepts). A pasted escape sequence therefore never reaches the
screen, the database or the minutes.

Notes keep their outer white space: the editor shows exactly what is stored, so a note that ends in
the space just typed is not "changed" by saving it (which once made every save start another).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

# C0 except \t (0x09) and \n (0x0a), DEL, C1, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
# Characters either cleaner would change, so that text that is already clean (all text read back
# from the database) costs one scan: forbidden characters and other line breaks, and for one-line
# text every white space character but the plain space (double spaces are checked apart).
_BLOCK_WORK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_LINE_WORK = re.compile("[\x00-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000\ud800-\udfff]")

LINE_MAX = 300
NOTES_MAX = 100_000


def clean_notes(value: str) -> str:
    """Clean notes as typed: line breaks become `\\n`, forbidden characters go, NFC; nothing else."""
    if _BLOCK_WORK.search(value) is None and (value.isascii() or unicodedata.is_normalized("NFC", value)):
        return value  # already clean: all text read back from the database, and nearly all typing
    value = _LINE_BREAKS.sub("\n", value)
    value = _FORBIDDEN.sub("", value)
    return unicodedata.normalize("NFC", value)


def clean_block(value: str) -> str:
    """Clean multi-line text (decisions, comments): as `clean_notes`, and outer blank space goes."""
    if _BLOCK_WORK.search(value) is None and _settled(value):
        return value
    return clean_notes(value).strip()


def clean_line(value: str) -> str:
    """Clean one-line text (titles, names): as `clean_block`, and all white space folds to one space."""
    if _LINE_WORK.search(value) is None and "  " not in value and _settled(value):
        return value
    return " ".join(clean_block(value).split())


def _settled(value: str) -> bool:
    return (value.isascii() or unicodedata.is_normalized("NFC", value)) and value == value.strip()


def _line_or_other(value: Any) -> Any:
    return clean_line(value) if type(value) is str else value


def _block_or_other(value: Any) -> Any:
    return clean_block(value) if type(value) is str else value


def _notes_or_other(value: Any) -> Any:
    return clean_notes(value) if type(value) is str else value


def _required(value: str) -> str:
    if not value:
        raise PydanticCustomError("empty_text", "must not be empty")
    return value


def _code(value: Any) -> Any:
    return clean_line(value).upper() if isinstance(value, str) else value


# Constraints stand before the cleaning validator so that pydantic checks them in its core (after
# cleaning, which runs first), not in a Python wrapper per value.
Line = Annotated[str, Field(max_length=LINE_MAX), BeforeValidator(_line_or_other)]
"""Optional one-line text; may be empty."""

Title = Annotated[str, Field(max_length=LINE_MAX), BeforeValidator(_line_or_other), AfterValidator(_required)]
"""Required one-line text."""

Block = Annotated[str, Field(max_length=NOTES_MAX), BeforeValidator(_block_or_other)]
"""Optional multi-line text."""

Notes = Annotated[str, Field(max_length=NOTES_MAX), BeforeValidator(_notes_or_other)]
"""Multi-line text kept as typed (outer white space included), cleaned of what must not be stored."""

RequiredBlock = Annotated[str, Field(max_length=NOTES_MAX), BeforeValidator(_block_or_other), AfterValidator(_required)]
"""Required multi-line text (a decision)."""

AgencyCode = Annotated[str, Field(max_length=12, pattern=r"^[A-ZÆØÅ][A-ZÆØÅ0-9_-]{0,11}$"), BeforeValidator(_code)]
"""Short upper-case agency code such as `POL`, `BV` or `NAV`."""

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
"""Record id: lower-case letters, digits and dashes, as typed on the command line."""
