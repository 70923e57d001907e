"""Ordinals and quarters of the French that the English gives at no rank: "22e" ↔ "22nd",
"vingt et unième" ↔ "21st", "3T" / "T3" / "3e trimestre" ↔ "Q3" / "third quarter" (the number
and date checks of :mod:`pipeline.text.consistency` leave these out)."""

from __future__ import annotations

import re

from pipeline.text.number_words import (
    EN_ORDINAL_WORDS,
    FR_ORDINAL_COMPOUND,
    FR_ORDINAL_WORDS,
    parse_english_ordinal,
    parse_french_ordinal,
)
from pipeline.text.numbers import quantities_en
from pipeline.text.quantity_match import within

# Ordinals and quarters: "22e" ↔ "22nd", "3T" / "T3" / "3e trimestre" ↔ "Q3" / "third quarter".
FR_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,4})\s?(?:e|è|ème|eme|er|ère|re|nd|nde)(?![\w])")
_FR_QUARTER = re.compile(
    r"(?<![\w])(?:T([1-4])|([1-4])T|([1-4])\s?(?:er|e|ème)\s+trimestre"
    r"|(premier|deuxième|second|troisième|quatrième)\s+trimestre)(?![\w])",
    re.IGNORECASE,
)
_EN_ORDINAL_WORD = re.compile(EN_ORDINAL_WORDS, re.IGNORECASE)
# "onzième", "vingt et unième": checked from eleven on; the first ten in words are as often an
# idiom as a rank ("le troisième âge", "la sixième": old age, a school year).
_FR_ORDINAL_WORD = re.compile(FR_ORDINAL_COMPOUND, re.IGNORECASE)
_EN_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,4})\s?(?:st|nd|rd|th)(?![\w])", re.IGNORECASE)
_EN_QUARTER = re.compile(
    r"(?<![\w])(?:Q([1-4])|([1-4])Q|(first|second|third|fourth)[\s-]+quarter)(?![\w])",
    re.IGNORECASE,
)


def missing_ordinals(french: str, english: str) -> list[str]:
    """French ordinals in digits ("22e", "1er") and quarters ("3T", "troisième trimestre") that
    the English gives as no ordinal, number or quarter of the same rank ("22nd", "Q3")."""
    quarters_fr = list(_FR_QUARTER.finditer(french))
    if not _EN_QUARTER.search(english) and not re.search(r"trimestr", french, re.IGNORECASE):
        # "un T4" is also a four-room flat: "T4" is a quarter only beside a quarter's words.
        quarters_fr = [m for m in quarters_fr if m.group(3) or m.group(4)]
    ordinals_fr = [
        m
        for m in FR_ORDINAL.finditer(french)
        if not within([q.span() for q in quarters_fr], m.start())
    ]
    # Past the table's ranks, every French ordinal in words ends in "-ième": looked for first.
    words_fr = [
        (m.group(0), rank)
        for m in (_FR_ORDINAL_WORD.finditer(french) if "ième" in french.lower() else ())
        if (rank := parse_french_ordinal(m.group(0)) or 0) > max(FR_ORDINAL_WORDS.values())
    ]
    if not quarters_fr and not ordinals_fr and not words_fr:
        return []
    ranks = {int(m.group(1)) for m in _EN_ORDINAL.finditer(english)}
    ranks |= {int(n) for n in re.findall(r"(?<![\d,.])\d{1,4}(?![\d,.]\d)", english)}
    ranks |= {int(q.value) for q in quantities_en(english, words=True) if q.value.is_integer()}
    lowered = english.lower()
    # "twelfth", "twenty-first", "one hundred fiftieth"
    ranks |= {parse_english_ordinal(m.group(0)) or 0 for m in _EN_ORDINAL_WORD.finditer(english)}
    quarters = set()
    for m in _EN_QUARTER.finditer(english):
        digit = m.group(1) or m.group(2)
        quarters.add(int(digit) if digit else parse_english_ordinal(m.group(3)) or 0)
    out = [m.group(0) for m in ordinals_fr if int(m.group(1)) not in ranks]
    # "pour la millième fois" ↔ "for the umpteenth time"
    if re.search(r"\b(?:umpteenth|nth)\b", english, re.IGNORECASE):
        ranks |= {100, 1000}
    out += [surface for surface, rank in words_fr if rank not in ranks]
    for m in quarters_fr:
        digit = m.group(1) or m.group(2) or m.group(3)
        rank = int(digit) if digit else FR_ORDINAL_WORDS[m.group(4).lower()]
        if rank not in quarters and not (digit and rank in ranks and "quarter" in lowered):
            out.append(m.group(0))
    return out
