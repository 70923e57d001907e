"""Scale words with no number of their own: "des centaines de millions" ↔ "hundreds of millions".

"multimillion-dollar"; "thousands of millions" is the long form of "milliards". The scale words
that come with a number ("7,7 milliards") are checked with it by
:mod:`pipeline.text.consistency`.
"""

from __future__ import annotations

import re

from pipeline.text.numbers import quantities_fr
from pipeline.text.quantity_match import within

_EN_SCALES_ANY = re.compile(
    r"\b(?:multi-?)?(million|billion|trillion)s?\b|\d\s*(m|bn|mn)\b", re.IGNORECASE
)
_EN_THOUSANDS_OF = re.compile(r"\bthousands?\s+(?:of\s+)?$", re.IGNORECASE)
_FR_TO_EN = {"millions": 6, "milliards": 9}
_EN_MAGNITUDE = {"million": 6, "m": 6, "mn": 6, "billion": 9, "bn": 9, "trillion": 12}


def missing_scale_words(french: str, english: str) -> list[str]:
    """ "millions"/"milliards" that no number comes with ("des centaines de millions") and that
    the English gives at no scale of the same size."""
    bare = []
    written = None
    # "un demi-million" ↔ "half a million": a fraction of a scale, never of another one.
    # So is "un quart de million" ↔ "a quarter of a million".
    halves = list(
        re.finditer(
            r"\b(?:demi|quart|tiers)[- ](?:de\s+|d['’])?(million|milliard)s?\b", french, re.I
        )
    )
    for m in re.finditer(r"\b(millions|milliards)\b", french, re.IGNORECASE):
        if written is None:  # "sept milliards de dollars", "3 millions": checked as a number
            written = [
                q.span
                for q in quantities_fr(french, words=True)
                if q.written or q.value != q.number
            ]
        if within(written, m.start()):
            continue
        # A scale after a number the parser leaves out ("Q120 millions": a code) is checked
        # here, as a scale word alone.
        before = french[max(0, m.start() - 40) : m.start()].rstrip()
        if re.search(r"\b(?:de|d['’])$", before) and not re.search(
            r"\b(?:centaines|dizaines|milliers|des|de)\s+(?:de\s+|d['’])?$", before + " "
        ):
            continue
        bare.append(m)
    if not bare and not halves:
        return []
    found = set()
    for m in _EN_SCALES_ANY.finditer(english):
        thousands = 3 if _EN_THOUSANDS_OF.search(english, max(0, m.start() - 20), m.start()) else 0
        found.add(_EN_MAGNITUDE[(m.group(1) or m.group(2)).lower()] + thousands)
    out = [m.group(0) for m in bare if _FR_TO_EN[m.group(1).lower()] not in found]
    return out + [m.group(0) for m in halves if _FR_TO_EN[m.group(1).lower() + "s"] not in found]
