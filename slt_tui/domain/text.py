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

LINE_MAX = 300
NOTES_MAX = 100_000


def clean_block(value: str) -> str:
    """Clean multi-line text (notes, decisions): line breaks become `\\n`, outer blank space goes."""
    value = _LINE_BREAKS.sub("\n", value)
    value = _FORBIDDEN.sub("", value)
    return unicodedata.normalize("NFC", value).strip()


def clean_line(value: str) -> str:
    """Clean one-line text (titles, names): as `clean_block`, and all white space folds to one space."""
    return " ".join(clean_block(value).split())


def _before(cleaner):
    return BeforeValidator(lambda v: cleaner(v) if isinstance(v, str) else v)


def _required(value: str) -> str:
    if not value:
        raise PydanticCustomError("empty_text", "must not be empty")
    return value


def _code(value: Any) -> Any:
    return clean_line(value).upper() if isinstance(value, str) else value


Line = Annotated[str, _before(clean_line), Field(max_length=LINE_MAX)]
"""Optional one-line text; may be empty."""

Title = Annotated[str, _before(clean_line), Field(max_length=LINE_MAX), AfterValidator(_required)]
"""Required one-line text."""

Block = Annotated[str, _before(clean_block), Field(max_length=NOTES_MAX)]
"""Optional multi-line text."""

RequiredBlock = Annotated[str, _before(clean_block), Field(max_length=NOTES_MAX), AfterValidator(_required)]
"""Required multi-line text (a decision)."""

AgencyCode = Annotated[str, BeforeValidator(_code), Field(pattern=r"^[A-ZÆØÅ][A-ZÆØÅ0-9_-]{0,11}$")]
"""Short upper-case agency code such as `POL`, `BV` or `NAV`."""

Identifier = Annotated[
    str, BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v), Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")
]
"""Record id: lower-case letters, digits and dashes, as typed on the command line."""
