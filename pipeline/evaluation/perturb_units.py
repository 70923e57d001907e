"""More seeded perturbations for ``brief eval verify``: numbers read with their role or unit.

The types of :mod:`pipeline.evaluation.perturb` change a number, a date, a name or a negation.
These change what those types cannot reach: a score or ratio ("6-2"), an ordinal ("22nd"), a
quarter ("Q3"), a scale word after a bound or in a fraction ("more than 800 million", "half a
million"), a number put in place of another quantity of the same sentence that has another unit,
and one negation of several. As in :mod:`pipeline.evaluation.perturb`, whether the French states
the thing too is decided here with simple rules of this module, never by the checks measured.
"""

from __future__ import annotations

import random
import re

from pipeline.evaluation.perturb import _fr_digits, _other_digit, _replace

TYPES = (
    "score",
    "ordinal",
    "quarter",
    "bound_scale",
    "unit_swap",
    "negation_removed_other",
)

# "6-2", "2:3", "3–1": two small numbers, not a clock time ("9:30"), a date or a range of years.
_SCORE = re.compile(
    r"(?<![\w.,:/–-])(\d{1,2})\s?([-–:])\s?(\d{1,2})(?![\w:/–-]|[.,]\d|\s*(?:a\.?m|p\.?m|h\b|%))"
)
_FR_SCORE = re.compile(r"(?<![\w.,:/–-])(\d{1,2})\s?(?:[-–:/]|à)\s?(\d{1,2})(?![\w:/–-]|[.,]\d)")


def score(fr: str, en: str, rng: random.Random) -> str | None:
    """One number of a score or ratio that the French gives too ("6-2" → "6-3")."""
    pairs = {(m.group(1), m.group(2)) for m in _FR_SCORE.finditer(fr)}
    found = [
        m
        for m in _SCORE.finditer(en)
        if not (m.group(2) == ":" and len(m.group(3)) == 2)  # "9:30": a time
        and ((m.group(1), m.group(3)) in pairs or (m.group(3), m.group(1)) in pairs)
    ]
    if not found:
        return None
    m = rng.choice(found)
    group = rng.choice((1, 3))
    return _replace(en, m, group, _other_digit(m.group(group), rng))


_ORDINAL = re.compile(r"\b(\d{1,4})(st|nd|rd|th)\b")
_FR_ORDINAL = re.compile(r"\b(\d{1,4})\s?(?:e|è|ème|eme|er|ère|re|nd|nde)\b")


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal(fr: str, en: str, rng: random.Random) -> str | None:
    """An ordinal in digits that the French writes as one too ("22e" ↔ "22nd" → "23rd")."""
    french = {m.group(1) for m in _FR_ORDINAL.finditer(fr)}
    found = [m for m in _ORDINAL.finditer(en) if m.group(1) in french]
    if not found:
        return None
    m = rng.choice(found)
    n = int(m.group(1))
    new = n + rng.choice((1, 2, 3)) if n < 4 else n + rng.choice((-1, 1))
    return _replace(en, m, 0, f"{new}{_suffix(new)}")


_QUARTER_WORDS = ["first", "second", "third", "fourth"]
_QUARTER = re.compile(r"\b(?:Q([1-4])|(first|second|third|fourth)[ -]quarter)\b", re.I)
_FR_QUARTER = re.compile(
    r"\b(?:T([1-4])|([1-4])T|([1-4])(?:er|e|ème)\s+trimestre"
    r"|(premier|deuxième|second|troisième|quatrième)\s+trimestre)\b",
    re.I,
)
_FR_QUARTER_WORDS = {"premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4}


def quarter(fr: str, en: str, rng: random.Random) -> str | None:
    """A quarter that the French names too ("3T" ↔ "Q3" → "Q2", "third quarter" → "second")."""
    french = set()
    for m in _FR_QUARTER.finditer(fr):
        digit = m.group(1) or m.group(2) or m.group(3)
        french.add(int(digit) if digit else _FR_QUARTER_WORDS[m.group(4).lower()])
    found = []
    for m in _QUARTER.finditer(en):
        n = int(m.group(1)) if m.group(1) else _QUARTER_WORDS.index(m.group(2).lower()) + 1
        if n in french:
            found.append((m, n))
    if not found:
        return None
    m, n = rng.choice(found)
    new = rng.choice([k for k in range(1, 5) if k != n])
    if m.group(1):
        return _replace(en, m, 1, str(new))
    word = _QUARTER_WORDS[new - 1]
    return _replace(en, m, 2, word.capitalize() if m.group(2)[0].isupper() else word)


_BOUND = re.compile(
    r"\b(?:more than|over|nearly|almost|about|around|up to|at least|less than|fewer than|some)"
    r"\s+(?:[$€£]\s?)?\d[\d,.]*\s*(million|billion|bn|m)\b"
    r"|\bhalf an?\s+(million|billion)\b",
    re.I,
)
_FR_BOUND = re.compile(
    r"\b(?:plus|moins|près|environ|jusqu['’]à|au moins|quelque|demi|quasiment|presque)\b"
    r"[^.;]{0,30}?\b(millions?|milliards?)\b",
    re.I,
)
_BOUND_SWAP = {"million": "billion", "billion": "million", "bn": "m", "m": "bn"}


def bound_scale(fr: str, en: str, rng: random.Random) -> str | None:
    """The scale word of a bound or a fraction ("more than 800 million", "half a million")
    swapped for the other, where the French has a bound or fraction with a scale word too."""
    if not _FR_BOUND.search(fr):
        return None
    found = list(_BOUND.finditer(en))
    if not found:
        return None
    m = rng.choice(found)
    group = 1 if m.group(1) else 2
    word = m.group(group)
    return _replace(en, m, group, _BOUND_SWAP[word.lower()])


# A number with its unit: a percentage, an amount, or a count of people, years, days…
_UNIT_QUANTITY = re.compile(
    r"(?<![\w.,])(?:([$€£])\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(%|per\s?cent\b|"
    r"(?:people|persons|years?|days?|months?|weeks?|hours?|euros?|dollars?|km|kilometres?)\b))"
)


def unit_swap(fr: str, en: str, rng: random.Random) -> str | None:
    """A number with a unit given the value of another quantity of the sentence that has
    another unit ("3 people … 40%" → "40 people … 40%"): both values are the French's, so only
    a check that matches a number with its unit sees the change."""
    digits = _fr_digits(fr)
    found = []
    for m in _UNIT_QUANTITY.finditer(en):
        number = m.group(2) or m.group(3)
        unit = (m.group(1) or m.group(4)).lower().rstrip("s")
        if re.sub(r"\D", "", number) in digits:
            found.append((m, 2 if m.group(2) else 3, number, unit))
    pairs = [
        (a, b) for a in found for b in found if a[3] != b[3] and float_of(a[2]) != float_of(b[2])
    ]
    if not pairs:
        return None
    (m, group, _, _), (_, _, other, _) = rng.choice(pairs)
    return _replace(en, m, group, other)


def float_of(number: str) -> float:
    return float(number.replace(",", ""))


_EN_NEG = re.compile(
    r"\b(?:ca|wo|do|does|did|is|are|was|were|has|have|had|would|could|should)n['’]t\b"
    r"|\bcannot\b|\s+not\b|\s+never\b",
    re.I,
)
_FR_NEG = re.compile(r"\b(?:pas|jamais|aucun|aucune|rien|personne|plus|guère)\b", re.I)
_UNDO = {"ca": "can", "wo": "will"}


def negation_removed_other(fr: str, en: str, rng: random.Random) -> str | None:
    """One negation of the English taken out where the English has two or more and the French
    as many ("did not say he would not go" → "did not say he would go")."""
    if not re.search(r"\bne\b|\bn['’]", fr, re.I):
        return None
    french = len(_FR_NEG.findall(fr))
    found = list(_EN_NEG.finditer(en))
    if len(found) < 2 or french < len(found):
        return None
    m = rng.choice(found)
    cue = m.group(0)
    if cue.lower() == "cannot":
        new = cue[:3]
    elif re.search(r"n['’]t$", cue, re.I):
        new = _UNDO.get(cue[:-3].lower(), cue[:-3])
    else:
        new = ""
    return en[: m.start()] + new + en[m.end() :]


PERTURBATIONS = {
    "score": score,
    "ordinal": ordinal,
    "quarter": quarter,
    "bound_scale": bound_scale,
    "unit_swap": unit_swap,
    "negation_removed_other": negation_removed_other,
}
