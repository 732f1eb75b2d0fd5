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
from itertools import accumulate


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

# Letters that show as blank space: Hangul fillers, the halfwidth filler, the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


class _AsRead(dict):
    """A `str.translate` table built as characters are met: what a reader sees of each one.

    Every character that shows nothing is dropped: format characters (category Cf: zero-width space
    and joiners, bidi marks, tags, the Arabic number sign, musical and shorthand format controls…),
    combining and enclosing marks (Mn, Me: variation selectors, keycaps, underlines, accents on a
    digit), and letters that show as blank. Every character that is a digit to a reader becomes that
    ASCII digit: other scripts' digits, superscripts, circled, parenthesised and dingbat digits.
    Hyphens, dashes and the minus sign become `-`; fraction and division slashes `/`.
    """

    def __missing__(self, code: int) -> str | int:
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Cf", "Mn", "Me") or char in _BLANK_LETTERS:
            read: str | int = ""
        elif (digit := unicodedata.digit(char, None)) is not None:
            read = str(digit)
        elif "\u2010" <= char <= "\u2015" or char == "\u2212":
            read = "-"
        elif char in "\u2044\u2215":
            read = "/"
        else:
            read = code
        self[code] = read
        return read


_AS_READ = _AsRead()


def normalise(text: str) -> str:
    """`text` as read: no invisible characters, ASCII digits and dashes, NFKC, single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_AS_READ)).translate(_AS_READ)
    return " ".join(text.split())  # every run of white space and line breaks (not NUL) as one space


# National identity numbers -----------------------------------------------------------------------

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# Digit groups one after another, apart by a space or one or two signs (`.`, `-`, `/`, `,`, `:`, `'`,
# `·`, a backslash, brackets), with or without spaces around them (`140309 97019`, `14.03.09-970.19`,
# `140309 - 97019`, `(140309) 97019`). White space is one space by now.
_RUN = re.compile(r"\d+(?:(?: ?[-./,:'\\·()]{1,2} ?| )\d+)*")
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
        # number or a date in the same run (`Sak 08/26 140309 97019`). A window slides over the groups,
        # so a run of thousands of small groups costs one pass.
        last, length = 0, 0
        for first in range(len(groups)):
            while last < len(groups) and length < _ID_LENGTH:
                length += len(groups[last])
                last += 1
            if length == _ID_LENGTH:
                taken = groups[first:last]
                if national_id_valid("".join(taken)) and not _other_eleven(taken, run, text):
                    yield run.start()
                    break
            length -= len(groups[first])


_ACCOUNT_WORD = re.compile(r"(?<!\w)konto(?:nr|nummer|nummeret)?\.?:? ?$", re.IGNORECASE)


def _other_eleven(groups: list[str], run: re.Match, text: str) -> bool:
    """Eleven digits that read as something else: a bank account (`1503.00.10008`, or any grouping
    after `konto`), or a date and a time of day (`23.01.2026 9.00`, `02.01.2026 9-11`; hours and
    minutes of one or two digits, so `01 9 2000 0033` is a number). Account numbers share the second
    control digit with identity numbers, so about one in six would otherwise be taken for one."""
    lengths = [len(g) for g in groups]
    if lengths == [4, 2, 5] and re.search(r"(?<![\d.])" + r"\.".join(map(re.escape, groups)) + r"(?![\d.])",
                                          run.group()):
        return True  # the banks' own way of writing an account number, dots and nothing else between
    if _ACCOUNT_WORD.search(text, max(0, run.start() - 16), run.start()):
        return True
    if len(lengths) >= 4 and lengths[0] <= 2 and lengths[1] <= 2 and lengths[2] == 4:
        day, month, year = (int(g) for g in groups[:3])
        hour, *minutes = (int(g) for g in groups[3:])
        time_of_day = max(lengths[3:]) <= 2 and hour <= 24 and all(m <= 59 for m in minutes)
        return year in _YEARS and 1 <= month <= 12 and 1 <= day <= 31 and time_of_day
    return False


# Phone numbers -------------------------------------------------------------------------------------

# Eight digits starting 2–9, optionally after +47 or 0047: written whole (91234567), or grouped as
# 912 34 567, 91 23 45 67 or 9123 4567 with a space, `.`, `-` or `/` between the groups (` - ` and
# ` / ` too). Not part of a longer number: nothing glued on (`1.912…`, `…567-8`). A grouped number
# with another number a space away is a list of numbers or an amount, not a phone; eight digits
# written whole are a phone wherever they stand (`91234567 92345678`). The lookahead first lets most
# places in a text fail at once.
_SEP = r"(?: ?[/-] ?|[ .])"
_PHONE = re.compile(
    r"(?=[+0-9])(?<![\w+])(?<!\d[.,/-])(?:(?:\+|00) ?47[ .-]?)?"
    r"(?:(?P<whole>[2-9]\d{7})(?!\w)(?![.,/-]\d)"
    rf"|(?P<grouped>[2-9]\d\d{_SEP}\d\d{_SEP}\d{{3}}"
    rf"|[2-9]\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d\d"
    rf"|[2-9]\d{{3}}{_SEP}\d{{4}})"
    r"(?!\w)(?![.,/-]\d)(?! \d))")
# Words after which eight digits are a reference, a code, a time or an amount: `Referanse 98765432`,
# `saksnr. 2026/123`, `Prosjektnummer 40012345`, `org.nr. 912 345 678`, `kl 2015-2245`, `kr 25 000 000`.
_REFERENCE = re.compile(
    r"(?<!\w)(?:ref(?:eranse)?|saks?|arkivsaks?|journalpost|journalført som|jp|dok(?:ument)?|org(?:anisasjons)?"
    r"|foretaks|konto|faktura|ordre|kunde|bilag|kid|id|løpe|kr|nok|beløp|kl|\w*nummer|\w*nr|\w*kode)"
    r"\.?(?: ?-?(?:nr|nummer|no)\.?)?(?: er)?[ :.#]*$", re.IGNORECASE)
_REFERENCE_REACH = 30  # characters looked back for such a word
_YEARS = range(1900, 2200)


def _phones(text: str) -> Iterator[int]:
    """Where each phone number starts."""
    for match in _PHONE.finditer(text):
        start = match.start()
        if match.group("grouped") and start >= 2 and text[start - 1] == " " and text[start - 2].isdigit():
            continue  # a grouped number right after another number: a list, an amount
        if _REFERENCE.search(text, max(0, start - _REFERENCE_REACH), start):
            continue
        if not _ordinary_number(match.group("whole") or match.group("grouped")):
            yield match.start()


def _ordinary_number(written: str) -> bool:
    """Whether phone-shaped digits read as something else: a date, two years, round numbers, a series."""
    groups = _GROUP.findall(written)
    if len(groups) == 1:
        digits = groups[0]
        if digits.endswith("00000"):
            return True  # an amount: `25000000`
        return _is_date(digits[:4], digits[4:6], digits[6:]) or _is_date(digits[4:], digits[2:4], digits[:2])
    values = [int(g) for g in groups]
    if all(value % 5 == 0 for value in values):
        return True  # `30 40 50 60`, `20 25 30 35`, `2000 3000`: a list, a scale (`22 33 44 55` is a phone)
    return len(values) == 2 and all(value in _YEARS for value in values)  # `2026 2027`, `2099-2100`


def _is_date(year: str, month: str, day: str) -> bool:
    """`20261208` (yyyymmdd) or `08122026` (ddmmyyyy) from this century or the last."""
    y, m, d = int(year), int(month), int(day)
    return y in _YEARS and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# E-mail addresses ----------------------------------------------------------------------------------

# Tried only where a name can start (the lookbehind), so a long text costs one pass.
# A space may stand on either side of the @: a line break after it, or `ola @ fjordvik.no`.
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+ ?@ ?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")


def _emails(text: str) -> Iterator[int]:
    """Where each e-mail address starts."""
    if "@" in text:
        yield from (match.start() for match in _EMAIL.finditer(text))
