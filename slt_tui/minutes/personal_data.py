"""The one scanner over text: does it hold a national identity number, a phone number, an e-mail address?

`kinds_in` is used by every document the app publishes (the minutes, the invitation, later the
notice) and by the warning while typing. It reads text the way a person does: the text is first
normalised (NFKC, every Unicode decimal digit as ASCII, invisible characters gone, all white space
and line breaks folded to one space), so that `140309 970 19`, `1403 0997019`, a number broken over
two lines, with a no-break or zero-width space inside, or in fullwidth or Arabic-Indic digits, reads
as the number it is.

National identity numbers (fødselsnummer, D-, H- and synthetic test numbers) are any run of digit
groups whose digits add up to eleven, whatever the grouping and separator, with a possible date and
right control digits by the current rule or by the one for numbers issued from 2032. Phone numbers
are eight digits starting 2–9 in the ways Norwegians write them; dates, amounts, references and lists
of round or evenly stepped numbers are left alone, so that the warning is not cried for nothing.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from enum import StrEnum
from itertools import accumulate, pairwise


class Kind(StrEnum):
    NATIONAL_ID = "national_id"
    PHONE = "phone"
    EMAIL = "email"


def kinds_in(text: str) -> list[Kind]:
    """The kinds of personal data `text` seems to hold, each once, in a fixed order."""
    return kinds_in_each([text])[0]


def kinds_in_each(texts: Sequence[str]) -> list[list[Kind]]:
    """`kinds_in` of each text, each read apart, in one pass over them all (a document's paragraphs
    and cells are many, and mostly short)."""
    # A NUL keeps the texts apart: it is no digit, letter, space or separator to any rule below, the
    # models never store one, and normalising leaves it as it is.
    joined = normalise(_APART.join(t.replace(_APART, "") for t in texts))
    ends = list(accumulate(len(t) + 1 for t in joined.split(_APART)))
    found: dict[int, list[Kind]] = {}  # by the text's place in `texts`; most have nothing
    for kind, starts in ((Kind.NATIONAL_ID, _national_ids), (Kind.PHONE, _phones), (Kind.EMAIL, _emails)):
        for start in starts(joined):
            kinds = found.setdefault(bisect_right(ends, start), [])
            if kind not in kinds:
                kinds.append(kind)
    return [found.get(n, []) for n in range(len(texts))]


_APART = "\0"


# Reading as a person reads ------------------------------------------------------------------------

# Characters that show nothing, so a number with one inside reads as if it were not there: soft
# hyphen, combining grapheme joiner, Arabic letter mark, Mongolian vowel separator, zero-width space
# and (non-)joiner, LRM/RLM, bidi embeddings and isolates, word joiner and the invisible operators,
# variation selectors, BOM.
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]")
# After NFKC, what still looks like a hyphen or a slash: hyphens, figure dash, en and em dash,
# horizontal bar, minus sign; fraction and division slash.
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_SLASHES = re.compile("[\u2044\u2215]")
_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit (Unicode category Nd) other than 0–9


def normalise(text: str) -> str:
    """`text` as read: NFKC, ASCII digits and dashes, no invisible characters, single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
        text = _SLASHES.sub("/", _DASHES.sub("-", text))
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
    return " ".join(text.split())  # every run of white space and line breaks (not NUL) as one space


# National identity numbers -----------------------------------------------------------------------

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# Digit groups one after another, apart by a space, `.`, `-` or `/`, with or without spaces around
# the sign (`140309 97019`, `14.03.09-970.19`, `140309 - 97019`). White space is one space by now.
_RUN = re.compile(r"\d+(?:(?: ?[-./] ?| )\d+)*")
_GROUP = re.compile(r"\d+")
_ID_LENGTH = 11


def national_id_valid(digits: str) -> bool:
    """Whether 11 ASCII digits are a possible national identity number: a real date (D-numbers add 4
    to the first digit, H-numbers 4 and synthetic test numbers 8 to the third) and right control digits.

    The first control digit k1 is right when (S1 + k1) mod 11 is 0, as for every number issued so
    far, or 1, 2 or 3, as numbers issued from 1 January 2032 may have it (Skatteetaten,
    "Nytt fødselsnummer fra 2032"); k2 is reckoned as always, over the nine digits and k1.
    """
    if len(digits) != _ID_LENGTH or not digits.isascii() or not digits.isdigit():
        return False
    numbers = [int(d) for d in digits]
    if (sum(w * n for w, n in zip(_WEIGHTS_1, numbers, strict=False)) + numbers[9]) % 11 > 3:
        return False
    if (sum(w * n for w, n in zip(_WEIGHTS_2, numbers, strict=False)) + numbers[10]) % 11 != 0:
        return False
    day, month = int(digits[:2]), int(digits[2:4])
    day -= 40 if day > 40 else 0  # D-number
    month -= 80 if month > 80 else 40 if month > 40 else 0  # synthetic test number, H-number
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]  # 2000: 29 February is possible


def _national_ids(text: str) -> Iterator[int]:
    """Where each run of digit groups holding a national identity number starts."""
    for run in _RUN.finditer(text):
        if run.end() - run.start() < _ID_LENGTH:
            continue
        groups = _GROUP.findall(run.group())
        # Every stretch of whole groups with eleven digits in all: the number may stand after a case
        # number or a date in the same run (`Sak 08/26 140309 97019`).
        for first in range(len(groups)):
            digits = ""
            for group in groups[first:]:
                digits += group
                if len(digits) >= _ID_LENGTH:
                    break
            if len(digits) == _ID_LENGTH and national_id_valid(digits):
                yield run.start()
                break


# Phone numbers -------------------------------------------------------------------------------------

# Eight digits starting 2–9, as 91234567, 912 34 567, 91 23 45 67 or 9123 4567, each grouping with one
# kind of separator (a space, `.` or `-`), optionally after +47 or 0047. Not part of a longer number:
# nothing glued on (`1.912…`, `…567-8`), no digit a space away (a list of numbers, an amount). The
# lookahead first lets most places in a text fail at once.
_PHONE = re.compile(
    r"(?=[+0-9])(?<![\w+])(?<!\d[.,/-])(?<!\d )(?:(?:\+|00) ?47[ .-]?)?"
    r"(?P<number>[2-9]\d{7}"
    r"|[2-9]\d\d(?P<s3>[ .-])\d\d(?P=s3)\d{3}"
    r"|[2-9]\d(?P<s2>[ .-])\d\d(?P=s2)\d\d(?P=s2)\d\d"
    r"|[2-9]\d{3}(?P<s4>[ .-])\d{4})"
    r"(?!\w)(?![.,/-]\d)(?! \d)")
# Words after which eight digits are a reference, an account or an amount: `Referanse 98765432`,
# `saksnr. 2026/123`, `org.nr. 912 345 678`, `kr 25 000 000`.
_REFERENCE = re.compile(
    r"(?<!\w)(?:ref(?:eranse)?|saks?|arkivsaks?|journalpost|jp|dok(?:ument)?|org(?:anisasjons)?|foretaks"
    r"|konto|faktura|ordre|kunde|avtale|bilag|kid|id|løpe|kr|nok|beløp)"
    r"\.?(?: ?-?(?:nr|nummer|no)\.?)?[ :.#]*$", re.IGNORECASE)
_REFERENCE_REACH = 30  # characters looked back for such a word
_YEARS = range(1900, 2100)


def _phones(text: str) -> Iterator[int]:
    """Where each phone number starts."""
    for match in _PHONE.finditer(text):
        if _REFERENCE.search(text, max(0, match.start() - _REFERENCE_REACH), match.start()):
            continue
        if not _ordinary_number(match.group("number")):
            yield match.start()


def _ordinary_number(written: str) -> bool:
    """Whether phone-shaped digits read as something else: a date, two years, round numbers, a series."""
    groups = _GROUP.findall(written)
    if len(groups) == 1:
        digits = groups[0]
        return _is_date(digits[:4], digits[4:6], digits[6:]) or _is_date(digits[4:], digits[2:4], digits[:2])
    values = [int(g) for g in groups]
    if all(value % 10 == 0 for value in values):
        return True  # `30 40 50 60`, `2000 3000`
    if len(values) == 2 and all(value in _YEARS for value in values):
        return True  # `2026 2027`
    steps = {b - a for a, b in pairwise(values)}
    return len(values) > 2 and len({len(g) for g in groups}) == 1 and len(steps) == 1 and steps != {0}


def _is_date(year: str, month: str, day: str) -> bool:
    """`20261208` (yyyymmdd) or `08122026` (ddmmyyyy) from this century or the last."""
    y, m, d = int(year), int(month), int(day)
    return y in _YEARS and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# E-mail addresses ----------------------------------------------------------------------------------

# Tried only where a name can start (the lookbehind), so a long text costs one pass.
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")


def _emails(text: str) -> Iterator[int]:
    """Where each e-mail address starts."""
    if "@" in text:
        yield from (match.start() for match in _EMAIL.finditer(text))
