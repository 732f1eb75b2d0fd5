"""Cleaning of every text a user types, applied at the model boundary.

Text is normalised to Unicode NFC and stripped of characters that could steer a terminal or a file:
C0 controls other than newline and tab, DEL, the C1 range and the bidi override characters. A pasted
escape sequence therefore never reaches the screen, the database or the minutes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

# C0 except \t (0x09) and \n (0x0a), DEL, C1, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
# Characters either cleaner would change, so that text that is already clean (all text read back
# from the database) costs one scan: forbidden characters and other line breaks, and for one-line
# text every white space character but the plain space (double spaces are checked apart).
_BLOCK_WORK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_LINE_WORK = re.compile("[\x00-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000]")

LINE_MAX = 300
NOTES_MAX = 100_000


def clean_block(value: str) -> str:
    """Clean multi-line text (notes, decisions): line breaks become `\\n`, outer blank space goes."""
    if _BLOCK_WORK.search(value) is None and _settled(value):
        return value  # already clean: all text read back from the database
    value = _LINE_BREAKS.sub("\n", value)
    value = _FORBIDDEN.sub("", value)
    return unicodedata.normalize("NFC", value).strip()


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

RequiredBlock = Annotated[str, Field(max_length=NOTES_MAX), BeforeValidator(_block_or_other), AfterValidator(_required)]
"""Required multi-line text (a decision)."""

AgencyCode = Annotated[str, Field(pattern=r"^[A-ZÆØÅ][A-ZÆØÅ0-9_-]{0,11}$"), BeforeValidator(_code)]
"""Short upper-case agency code such as `POL`, `BV` or `NAV`."""

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
"""Record id: lower-case letters, digits and dashes, as typed on the command line."""
