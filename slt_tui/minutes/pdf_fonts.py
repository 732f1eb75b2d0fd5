"""Which of the fonts that come with Typst draws which character, for the archive PDF.

PDF/A forbids a character drawn with no glyph, and Typst's own font fallback can leave one undrawn
(within one run of text it tries each font once). So the archive PDF does not rely on fallback:
`runs()` cuts every text into pieces that one bundled font draws whole, and the characters none of
them draws (Chinese, emoji, control characters) into their code points (`U+4E2D`), shown instead.

`COVERAGE` holds what each font draws in its regular style and `LACKING` what its bold, italic and
bold italic lack of that, as measured from Typst itself. A new Typst may bring other fonts: `python
-m slt_tui.minutes.pdf_fonts` measures again and prints the tables to paste here, and
tests/unit/test_pdf.py checks that every character they give a font is drawn by it.
"""

from __future__ import annotations

import re
from functools import cache

SERIF = "Libertinus Serif"
MODERN = "New Computer Modern"
MONO = "DejaVu Sans Mono"
MATH = "New Computer Modern Math"

# Hexadecimal code point ranges, measured by `_measure()` from typst 0.15.2.
COVERAGE = {
    SERIF: (
        "20-7e a0-2e4 2ea-36f 374-375 37a-37e 384-38a 38c 38e-3a1 3a3-3ce 3d0-3e1 3f0-3f6 3f8-3f9 3fb 3fd-477 "
        "47c-47f 483 48c-4c4 4c7-4cc 4d0-4f9 5b0-5c3 5c6 5d0-5ea 5f0-5f4 61c 115f-1160 17b4-17b5 17c1-17c3 "
        "180b-180f 1d15 1d35 1d43-1d5f 1d62-1d67 1d9c 1da0 1da4 1db6 1dbb 1e00-1f15 1f18-1f1d 1f20-1f45 "
        "1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fc4 1fc6-1fd3 1fd6-1fdb 1fdd-1fef "
        "1ff2-1ff4 1ff6-1ffe 2000-2037 2039-203e 2042 2044 2047-204b 204f 205f-2064 2066-2071 2074-208e "
        "2090-209c 20a2-20a4 20a7-20a8 20ab-20ac 20af 20b1 20b9 20bf 2100-2103 2105-2106 2109 210c-210f 2111 "
        "2113 2115-2116 2119-211a 211c-211d 2120 2122 2124 2126-2127 212a-212b 212e 2132 2135-2139 214f "
        "2153-2184 2190-219b 21a6 21a8 21ae 21bc-21bd 21c0-21c1 21cb-21d9 2200-220d 220f-222e 2236 223c 2241 "
        "2245 2247-2249 2259 2260-2262 2264-2265 226a-226b 226e-2271 2282-2285 2295-2298 22a2-22a6 22ac "
        "22b6-22b7 22c5 22ee-22ef 2300 2302-2303 2310 2320-2321 2326-2327 2329-232b 237d 2380 239b-23ae 23d3 "
        "2423 2460-2487 24b6-24ff 25a0-25a1 25b2-25b3 25b6-25b7 25bc-25bd 25c0-25c1 25c6-25c7 25c9-25cc "
        "25ce-25d7 25e6 2605 2609 2619 261b 261e 2627 262f 2639-2653 2660 2663 2665-2666 2669-266f 2695 2698 "
        "26a2-26a7 26ac-26af 2714 2718 271d 2767 2776-277f 27c2 27e6-27e9 2c60-2c6c 2c6e-2c6f 2c74-2c77 "
        "2e02-2e05 2e08-2e0a 2e17-2e18 3000 302e-302f 3164 a656-a657 a71b-a71d a720-a721 a765 a789-a78c a793 "
        "ab52 fb1d fb1f-fb20 fb29-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fb4e fe00-fe0f feff ffa0 fffd "
        "1bca0-1bca3 1d106-1d107 1d173-1d17a 1f12f e0001 e0020-e007f e0100-e01ef"
    ),
    MODERN: (
        "20-7e a0-377 37a-37f 384-38a 38c 38e-3a1 3a3-4ff 512-513 51a-51d 531-556 559-58a 58d-58f 591-5c7 "
        "5d0-5ea 5ef-5f4 60b 61c e3f 10d0-10ff 115f-1160 13a0-13f5 13f8-13fd 17b4-17b5 180b-180f 1ab0-1ace "
        "1d00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fc4 "
        "1fc6-1fd3 1fd6-1fdb 1fdd-1fef 1ff2-1ff4 1ff6-1ffe 2000-2014 2016 2018-2022 2024 2026 2028-2031 "
        "2039-203b 203d 203f-2040 2044-2046 2052 2054 205f-2064 2066-206f 207f-2080 20a0-20c0 20d0-20f0 2103 "
        "2116-2117 211e 2120 2122 2126-2127 212a-212b 212e 2190-2193 2197-2198 219a-219b 2206 2212 2215 2217 "
        "221a 221e 2222 2260 226e-226f 22c6 2300 2322 2329-232a 2422-2423 2460-24ff 2502 2551 25cb 25e6 262d "
        "263c 2640 266a 26ad-26ae 26b2 271d 27e6-27e7 2800-28ff 2c60-2cf3 2cf9-2cff 2e18 3000 301a-301b 3164 "
        "a46a-a46b a640-a641 a648-a649 a656-a657 a71b-a71c a727 a72d a730 a735 ab66 ab70-abbf fb00-fb06 "
        "fb13-fb17 fb1d-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fb4f fe00-fe0f fe20-fe2f fe66 feff ffa0 "
        "10140-1018e 102e0-102fb 1bca0-1bca3 1d173-1d17a 1d703 e0001 e0020-e007f e0100-e01ef"
    ),
    MONO: (
        "20-7e a0-1c3 1cd-1e3 1e6-1f0 1f4-1f6 1f8-221 224-241 243-245 24c-24d 250-2b9 2bb-2c1 2c6-2c9 2cc-2d3 "
        "2d6-2de 2e0-2e9 2ee 2f3 300-341 343-344 34f 358 361 374-377 37a-37f 384-38a 38c 38e-3a1 3a3-3ce "
        "3d0-3e1 3f0-45f 462-463 472-473 490-49b 4a2-4a5 4aa-4b3 4ba-4bb 4c0-4c4 4c7-4c8 4cb-4cc 4cf-4f9 "
        "510-511 51a-51d 531-556 559-55f 561-587 589-58a 606-607 609-60a 60c 615 61b-61c 61f 621-63a 640-655 "
        "65a 660-66d 674 679-67b 67e-680 683-684 686-687 691 698 6a4 6a9 6af 6be 6cc 6f0-6f9 e3f e81-e82 e84 "
        "e87-e88 e8a e8d e94-e97 e99-e9f ea1-ea3 ea5 ea7 eaa-eab ead-eb9 ebb-ebc ec8-ecd 10d0-10fc 115f-1160 "
        "17b4-17b5 17c1-17c3 180b-180f 1d02 1d08-1d09 1d14 1d16-1d17 1d1d-1d1f 1d2c-1d2e 1d30-1d3c 1d3e-1d5b "
        "1d62-1d65 1d77-1d78 1d7b 1d85 1d9b-1db7 1db9-1dbf 1e00-1e99 1e9b 1e9f-1ef9 1f00-1f15 1f18-1f1d "
        "1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fc4 1fc6-1fd3 1fd6-1fdb "
        "1fdd-1fef 1ff2-1ff4 1ff6-1ffe 2000-2023 2026 2028-2037 2039-203a 203c-203f 2045-2049 204b 205f-2064 "
        "2066-2071 2074-208e 2090-209c 20a0-20b5 20b8-20ba 20bd 2102 2105 210d-210f 2115-2117 2119-211a 211d "
        "2122 2124 2126 212a-212b 212e 2148 2150-2151 2153-215f 2189 2190-2213 2215 2217-2220 2223-2224 "
        "2227-222d 2234-223d 2241-2269 226d-228b 228d-22a5 22ac 22b2-22b5 22b8 22c2-22c6 22cd-22d1 22da-22ed "
        "22ef 2300-2306 2308-2315 2318-2319 231c-2321 2325-2328 232b 2335-237a 237d 2380-2383 2388-238b 2395 "
        "239b-23ae 23ce-23cf 2423 2500-262f 2638-268b 2690-269c 26a0-26a1 26b0-26b1 2701-2704 2706-2709 "
        "270c-2727 2729-274b 274d 274f-2752 2756 2758-275e 2761-2775 2794 2798-27af 27b1-27be 27c2 27c5-27c6 "
        "27dc 27e0 27e6-27eb 27f5-27f7 2987-2988 2997-2998 29eb 29fa-29fb 2a00 2a2f 2a6a-2a6b 2b05-2b0d "
        "2b12-2b1a 2c64 2c6d-2c70 2c75-2c77 2c79-2c7a 2c7c-2c7f 2e18 2e1f 2e22-2e25 2e2e 3000 302e-302f 3164 "
        "a708-a716 a71b-a71f a722-a727 a789-a78e a790-a791 a7aa a7f8-a7f9 fb01-fb02 fb52-fb81 fb8a-fb95 "
        "fb9e-fb9f fbaa-fbad fbe8-fbe9 fbfc-fbff fe00-fe0f fe70-fe74 fe76-fefc feff ffa0 fff9-fffd "
        "1bca0-1bca3 1d173-1d17a 1d55a 1d670-1d6a3 1d7f6-1d7ff e0001 e0020-e007f e0100-e01ef"
    ),
    MATH: (
        "20-7e a0-180 1a0-1a1 1af-1b0 1b5 1cd-1dc 1de-1e3 1e6-1e9 1f0 1f4-1f5 1f8-21b 21e-21f 226-227 22a-233 "
        "237 2c6-2c7 2d8-2dd 300-30c 30f-312 315 31a 323 326 32c-333 338 33f-341 344 34d 34f 37e 385-38a 38c "
        "38e-3a1 3a3-3ce 3d0-3d1 3d5-3d6 3d8-3dd 3e0-3e1 3f0-3f1 3f4-3f6 428 448 606-608 61c 900-97f "
        "115f-1160 17b4-17b5 17c1-17c3 180b-180f 1e02-1e0f 1e12-1e1b 1e1e-1e27 1e2a-1e71 1e74-1e99 1e9b "
        "1ea0-1ef9 1f70-1f7d 1fb0-1fb1 1fb8-1fbb 1fbe 1fc8-1fcb 1fd0-1fd3 1fd8-1fdb 1fe0-1fe3 1fe8-1feb "
        "1fed-1fef 1ff8-1ffb 1ffd 2000-2064 2066-206f 20a1 20ac 20d0-20d8 20db-20df 20e1 20e4-20f0 2100-214f "
        "2190-23ff 2422-2423 2460-2600 2605-2606 2609 2612 2621 2639-263e 2640 2642 2660-2667 2669-266b "
        "266d-266f 267e 2680-2689 26a5 26aa-26ae 26b2 2713 2717 2720 2726 272a 2736 273d 275a 2772-2773 279b "
        "27a1 27c0-27ff 2900-2b73 2b76-2b95 2b97-2bff 2e18 3000 3012 3016-3017 302e-3030 3036 306e 3164 "
        "fb00-fb04 fb29 fe00-fe0f feff ffa0 1bca0-1bca3 1d173-1d17a 1d400-1d454 1d456-1d49c 1d49e-1d49f 1d4a2 "
        "1d4a5-1d4a6 1d4a9-1d4ac 1d4ae-1d4b9 1d4bb 1d4bd-1d4c3 1d4c5-1d505 1d507-1d50a 1d50d-1d514 "
        "1d516-1d51c 1d51e-1d539 1d53b-1d53e 1d540-1d544 1d546 1d54a-1d550 1d552-1d6a5 1d6a8-1d7cb "
        "1d7ce-1d7ff 1ee00-1ee03 1ee05-1ee1f 1ee21-1ee22 1ee24 1ee27 1ee29-1ee32 1ee34-1ee37 1ee39 1ee3b "
        "1ee42 1ee47 1ee49 1ee4b 1ee4d-1ee4f 1ee51-1ee52 1ee54 1ee57 1ee59 1ee5b 1ee5d 1ee5f 1ee61-1ee62 "
        "1ee64 1ee67-1ee6a 1ee6c-1ee72 1ee74-1ee77 1ee79-1ee7c 1ee7e 1ee80-1ee89 1ee8b-1ee9b 1eea1-1eea3 "
        "1eea5-1eea9 1eeab-1eebb 1eef0-1eef1 1f6d1 1f780-1f7d8 1f7e0-1f7eb 1f800-1f80b 1f810-1f847 "
        "1f850-1f859 1f860-1f887 1f890-1f8ad 1f8b0-1f8b1 e0001 e0020-e007f e0100-e01ef"
    ),
}
LACKING = {
    (SERIF, "bold"): (
        "460-461 464-46f 47c-47f 483 48c-48f 1d15 1e9c-1e9d 1e9f 1efa-1eff 20b9 2132 21a6 221d 2220-2222 "
        "222c-222e 22a2-22a6 22ac 22b6-22b7 22ee 2300 237d 2380 239b-23ae 2423 2474-2487 24b6-24e9 24eb-24fe "
        "25e6 2609 266d-266f 26a6-26a7 26ac-26af 2714 2718 271d 27c2 2c6e-2c6f 2e02-2e05 2e08-2e0a a656-a657 "
        "a765 a793 ab52 fb20"
    ),
    (SERIF, "italic"): (
        "242 244-246 248 24a-24c 24e-24f 1d15 1d45-1d46 1d4c 1d4e 1d54-1d55 1d59 1d5c-1d5f 1d62-1d67 "
        "1efa-1eff 20b9 2132 214f 21a6 221d 2220-2222 222c-222e 22a2-22a6 22ac 22b6-22b7 22ee 2300 2326-2327 "
        "232b 237d 2380 239b-23ae 2423 2460-2487 24b6-24ff 25ce 25e6 2609 266d-266f 26a5-26a7 26ac-26af 2714 "
        "2718 271d 2776-277f 27c2 2c6e-2c6f 2e02-2e05 2e08-2e0a 2e17-2e18 a656-a657 a765 a793 ab52 fb20 1f12f"
    ),
    (SERIF, "bold italic"): (
        "180-19f 1a2-1ae 1b1-1cc 1e4-1e5 1ee-1ef 1f1-1f3 1f6-1f7 21c-21d 220-225 234-236 238-248 24a-24f "
        "251-253 255-262 264-265 267 269-26e 270-278 27a 27c-280 282-294 296-29b 29d-2af 37a-37d 3d2-3d4 "
        "3d6-3e1 3f1-3f6 3f8-3f9 3fb 3fd-3ff 402 452 454 459-45b 45f-477 47c-47f 483 48c-4c0 4c3-4c4 4c7-4cc "
        "4d8-4db 4e0-4e1 4e8-4eb 4f6-4f7 1d15 1d35 1d45-1d46 1d4b-1d4c 1d4e 1d51 1d54-1d55 1d59 1d5c-1d5f "
        "1d62-1d67 1db6 1efa-1eff 20b9 2132 214f 21a6 221d 2220-2222 222c-222e 22a2-22a6 22ac 22b6-22b7 22ee "
        "2300 2326-2327 232b 237d 2380 239b-23ae 2423 2460-2487 24b6-24ff 25ce 25e6 2609 266d-266f 26a5-26a7 "
        "26ac-26af 2714 2718 271d 2776-277f 27c2 2c6e-2c6f 2e02-2e05 2e08-2e0a 2e17-2e18 a656-a657 a765 a793 "
        "ab52 fb20"
    ),
    (MODERN, "bold"): (
        "60b 2024 263c 2c60-2c70 2c72-2c7f"
    ),
    (MODERN, "italic"): (
        "2024 2460-24ff 2c60-2c70 2c72-2c7f"
    ),
    (MODERN, "bold italic"): (
        "60b 13fc-13fd 2024 207f 20a0 20a2-20a3 20a5 20a7-20a8 20ad-20b0 20b3-20c0 2197-2198 2322 2460-24ff "
        "2502 2551 263c 2640 26b2 2800-28ff 2c60-2c7f a641 a649 a657 a71b-a71c a727 a72d a730 a735 ab66 1d703"
    ),
    (MONO, "bold"): (
        "1d670-1d6a3 1d7f6-1d7ff"
    ),
    (MONO, "italic"): (
        "220 606-607 609-60a 60c 615 61b 61f 621-63a 640-655 65a 660-66d 674 679-67b 67e-680 683-684 686-687 "
        "691 698 6a4 6a9 6af 6be 6cc 6f0-6f9 2601-262f 263d-263e 2648-265f 2668 2670-268b 2690-269c 26a0-26a1 "
        "26b0-26b1 2701-2704 2706-2709 270c-2727 2729-274b 274d 274f-2752 2756 2758-275e 2761-2775 2794 "
        "2798-27af 27b1-27be fb52-fb81 fb8a-fb95 fb9e-fb9f fbaa-fbad fbe8-fbe9 fbfc-fbff fe70-fe74 fe76-fefc "
        "1d670-1d6a3 1d7f6-1d7ff"
    ),
    (MONO, "bold italic"): (
        "220 606-607 609-60a 60c 615 61b 61f 621-63a 640-655 65a 660-66d 674 679-67b 67e-680 683-684 686-687 "
        "691 698 6a4 6a9 6af 6be 6cc 6f0-6f9 2601-262f 263d-263e 2648-265f 2668 2670-268b 2690-269c 26a0-26a1 "
        "26b0-26b1 2701-2704 2706-2709 270c-2727 2729-274b 274d 274f-2752 2756 2758-275e 2761-2775 2794 "
        "2798-27af 27b1-27be fb52-fb81 fb8a-fb95 fb9e-fb9f fbaa-fbad fbe8-fbe9 fbfc-fbff fe70-fe74 fe76-fefc "
        "1d670-1d6a3 1d7f6-1d7ff"
    ),
}

TEXT_ORDER = (SERIF, MODERN, MONO, MATH)
"""The fonts for running text, most wanted first."""
CODE_ORDER = (MONO, SERIF, MODERN, MATH)
"""The fonts for code (`inline code`): monospace first."""


STYLES = {"regular": ("normal", 400), "bold": ("normal", 700), "italic": ("italic", 400),
          "bold italic": ("italic", 700)}
"""The four styles text is set in, as Typst's (style, weight)."""

# Characters that are never seen (Unicode's default ignorables) are left to the shaper, which may still
# ask a font for them: beside a space, a Mongolian variation selector ends in an undrawn glyph. Only
# those that text needs are kept (zero-width space, joiners, direction marks, word joiner); the rest
# count as drawn by no font, and show as their code points. A variation selector asks for a glyph the
# fonts may lack (a Ǻ with one is undrawn): after a character that is drawn, it is left out.
_KEPT = frozenset([0x061C, *range(0x200B, 0x2010), 0x2060, 0xFEFF])
_SELECTORS = "\ufe00-\ufe0f"
_UNSELECTED = frozenset(range(0xFE00, 0xFE10))
_IGNORABLE = frozenset([0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, *range(0x180B, 0x1810),
                        *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0x3164,
                        *range(0xFE00, 0xFE10), 0xFEFF, 0xFFA0, *range(0xFFF0, 0xFFF9), *range(0x1BCA0, 0x1BCA4),
                        *range(0x1D173, 0x1D17B), *range(0xE0000, 0xE1000)]) - _KEPT
# The line and paragraph separators end a line or paragraph in Typst: text has them as spaces.
_BREAKS = frozenset([0x2028, 0x2029])

# A character no font draws takes with it the joiners and selectors that only mean something beside it
# (the zero-width joiner of an emoji sequence, a variation selector, tag characters), so that the code
# points shown say what was typed.
_JOINERS = "\u200d\ufe00-\ufe0f\U000e0020-\U000e007f\U000e0100-\U000e01ef"


def runs(text: str, order: tuple[str, ...] = TEXT_ORDER, style: str = "regular") -> list[tuple[str | None, str]]:
    """`text` as (font, piece) pairs: each character goes to the first font in `order` that draws
    it in `style`, and neighbours with the same font form one piece; a piece whose font is None is
    characters that no font draws."""
    pattern, fonts = _pattern(order, style)
    out: list[tuple[str | None, str]] = []
    for match in pattern.finditer(text):
        font = fonts[match.lastindex - 1]
        if font == "":
            continue  # variation selectors after a drawn character
        if font is None and out and out[-1][0] is None:
            out[-1] = (None, out[-1][1] + match.group())
        else:
            out.append((font, match.group()))
    return out


def code_point(char: str) -> str:
    """`U+4E2D`: how a character that no font draws is shown."""
    return f"U+{ord(char):04X}"


@cache
def _pattern(order: tuple[str, ...], style: str) -> tuple[re.Pattern[str], tuple[str | None, ...]]:
    """One group per font, each matching a run of the characters that font is the first in `order` to
    draw in `style`; one for variation selectors after them, to leave out; and a last group for a
    character none draws, with the joiners after it."""
    taken: set[int] = set()
    groups = []
    for font in order:
        mine = sorted(_code_points(font, style) - taken)
        taken.update(mine)
        groups.append(f"([{_char_class(mine)}]+)")
    groups.append(f"([{_SELECTORS}]+)")
    return re.compile("|".join([*groups, f"(.[{_JOINERS}]*)"]), re.DOTALL), (*order, "", None)


def _code_points(font: str, style: str) -> frozenset[int]:
    lacking = _parse(LACKING.get((font, style), "")) | _IGNORABLE | _BREAKS | _UNSELECTED
    return frozenset(p for p in _parse(COVERAGE[font]) if p not in lacking)


@cache
def _parse(ranges: str) -> frozenset[int]:
    points: set[int] = set()
    for part in ranges.split():
        first, _, last = part.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


def _char_class(points: list[int]) -> str:
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in _ranges(points))


def _ranges(points: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for point in points:
        if out and out[-1][1] == point - 1:
            out[-1][1] = point
        else:
            out.append([point, point])
    return [(a, b) for a, b in out]


# Measuring the fonts (by hand, after a Typst upgrade) ------------------------------------------------

_PROBE = b"""
#let probe = json(bytes(sys.inputs.probe))
#set page(width: 30cm, height: auto, margin: 1cm)
#set text(font: probe.font, fallback: false, style: probe.style, weight: probe.weight)
#for piece in probe.text [x#(piece)x #parbreak()]
"""
_UNDRAWN = re.compile(r'the text `"((?:[^"\\]|\\.)*)"` could not be displayed')


def _measure() -> dict[tuple[str, str], list[int]]:
    """Each font's characters in each style, as Typst draws them in a PDF/A-2b file: every character
    is tried, each in a paragraph of its own between two x (alone, a space would not be drawn at all),
    and Typst names those it could not draw."""
    import json
    import unicodedata

    import typst

    def undrawn(chars: list[str], **probe: object) -> set[str]:
        try:
            typst.compile(_PROBE, format="pdf", pdf_standards=["a-2b"], ignore_system_fonts=True,
                          sys_inputs={"probe": json.dumps({**probe, "text": chars})})
        except typst.TypstError as error:
            found = {c for m in _UNDRAWN.finditer(error.diagnostic) for c in _unescape(m.group(1))} - {"x"}
            if not found:
                raise
            return found
        return set()

    candidates = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ("Cn", "Co", "Cs", "Cc")]
    coverage = {}
    for font in TEXT_ORDER:
        for name, (style, weight) in STYLES.items():
            drawable = set(candidates)
            for start in range(0, len(candidates), 8000):
                drawable -= undrawn(candidates[start:start + 8000], font=font, style=style, weight=weight)
            coverage[font, name] = sorted(ord(c) for c in drawable)
    return coverage


def _unescape(text: str) -> str:
    """A string as Rust's `Debug` writes it (`\\u{1f600}`, `\\"`), back to the characters."""
    named = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}
    return re.sub(r"\\u\{([0-9a-f]+)\}|\\(.)",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else named.get(m.group(2), m.group(2)), text)


def _table(coverage: dict[tuple[str, str], list[int]]) -> str:
    """`COVERAGE` and `LACKING` as Python source."""
    names = {SERIF: "SERIF", MODERN: "MODERN", MONO: "MONO", MATH: "MATH"}

    def entry(key: str, points: list[int]) -> list[str]:
        parts = [f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in _ranges(points)]
        lines, line = [f"    {key}: ("], ""
        for part in parts:
            if len(line) + len(part) + 1 > 100:
                lines.append(f'        "{line} "')
                line = ""
            line = f"{line} {part}" if line else part
        return [*lines, f'        "{line}"', "    ),"]

    out = ["COVERAGE = {"]
    for font in TEXT_ORDER:
        out += entry(names[font], coverage[font, "regular"])
    out += ["}", "LACKING = {"]
    for font in TEXT_ORDER:
        regular = set(coverage[font, "regular"])
        for style in list(STYLES)[1:]:
            lacking = sorted(regular - set(coverage[font, style]))
            if lacking:
                out += entry(f'({names[font]}, "{style}")', lacking)
    return "\n".join([*out, "}"])


if __name__ == "__main__":
    print(_table(_measure()))
