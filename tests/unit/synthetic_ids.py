"""Synthetic national identity numbers for the privacy tests, and the ways people write them.

Every number is made here from a date and a personal number by computing the control digits with
the published weights. The month has 80 added, as in the synthetic test numbers of the Norwegian
test population (Tenor), so none of them is, or can become, a real person's number.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
SYNTHETIC_MONTH = 80
D_NUMBER_DAY = 40


def with_controls(nine: str, remainder: int = 0) -> str | None:
    """The 11-digit number for nine digits, with k1 so that (S1 + k1) mod 11 == `remainder` (0 for
    every number issued so far, 1–3 also for those issued from 2032) and k2 as always; None when a
    control digit would be 10."""
    digits = [int(c) for c in nine]
    k1 = (remainder - sum(w * d for w, d in zip(WEIGHTS_1, digits, strict=False))) % 11
    if k1 == 10:
        return None
    digits.append(k1)
    k2 = -sum(w * d for w, d in zip(WEIGHTS_2, digits, strict=True)) % 11
    if k2 == 10:
        return None
    return "".join(map(str, [*digits, k2]))


def synthetic(born: date, personal: int, remainder: int = 0, *, d_number: bool = False) -> str | None:
    day = born.day + (D_NUMBER_DAY if d_number else 0)
    return with_controls(f"{day:02d}{born.month + SYNTHETIC_MONTH:02d}{born.year % 100:02d}{personal:03d}", remainder)


def next_synthetic(born: date, personal: int, remainder: int = 0, *, d_number: bool = False) -> str:
    """The first valid synthetic number from `personal` on (no control digit of 10), for strategies."""
    return next(n for p in range(personal, personal + 1000)
                if (n := synthetic(born, p % 1000, remainder, d_number=d_number)))


numbers = st.builds(next_synthetic, st.dates(date(1900, 1, 1), date(2039, 12, 31)), st.integers(0, 999),
                    st.sampled_from([0, 1, 2, 3]), d_number=st.booleans())

# What may stand between the groups of a written number: the usual signs, with and without spaces,
# every kind of white space and line break, and characters that show nothing at all.
SEPARATORS = (" ", ".", "-", "/", "–", "—", " - ", " – ", " / ", ". ", "\n", "\t", "  ", "\u00a0", "\u202f",
              "\u200b", "\u200c", "\u2060", "\u00ad", "\ufeff", "\u200e")
# Decimal digits of other scripts: fullwidth, Arabic-Indic, extended Arabic-Indic, Devanagari,
# Bengali, Thai, mathematical bold.
ZEROS = ("0", "\uff10", "\u0660", "\u06f0", "\u0966", "\u09e6", "\u0e50", "\U0001d7ce")


INVISIBLE = {"\u200b", "\u200c", "\u2060", "\u00ad", "\ufeff", "\u200e"}


def _as_read(groups: list[str], separators: list[str]) -> tuple[list[int], set[str]]:
    """The group lengths and separators a reader sees: an invisible separator joins its groups."""
    lengths, seen = [len(groups[0])], set()
    for separator, group in zip(separators, groups[1:], strict=True):
        if separator in INVISIBLE:
            lengths[-1] += len(group)
        else:
            lengths.append(len(group))
            seen.add(separator)
    return lengths, seen


@st.composite
def written(draw, number: str) -> str:
    """`number` as someone might type it: cut into groups anywhere, any separators, any digits."""
    cuts = sorted(draw(st.sets(st.integers(1, len(number) - 1), max_size=4)))
    groups = [number[a:b] for a, b in zip([0, *cuts], [*cuts, len(number)], strict=True)]
    separators = [draw(st.sampled_from(SEPARATORS)) for _ in groups[1:]]
    if _as_read(groups, separators) == ([4, 2, 5], {"."}):
        separators[0] = " "  # `1503.00.10008` is how banks write an account number: not a finding
    text = groups[0]
    for separator, group in zip(separators, groups[1:], strict=True):
        text += separator + group
    zero = ord(draw(st.sampled_from(ZEROS)))
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)
