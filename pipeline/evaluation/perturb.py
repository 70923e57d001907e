"""Seeded perturbations of an English reference, one per type, for ``brief eval verify``.

Each function takes a French source and its English reference (treated as a perfect
translation) and returns the reference with one thing changed that a reader must be able to
trust — a number, a date, a name, a negation — or None when the sentence has nothing of that type
that the French also states. "Also states" is decided here with simple rules of this module (and
text2num for French numbers in words), not with the checks under test, so that a check cannot
make itself look good by choosing what it is measured on.

Every choice (which occurrence, which replacement) comes from a ``random.Random`` seeded with the
seed, the type and the sentence's index: the same seed gives the same perturbations.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

# The calendar names are data, shared with the checks (pipeline.lang.lexicon); which sentences a
# perturbation applies to is still decided here.
from pipeline.evaluation import perturb_names
from pipeline.evaluation.perturb_names import CAPITALISED, SENTENCE_START, STOP_CAPS
from pipeline.lang.lexicon import EN_MONTHS, EN_WEEKDAYS, FR_MONTHS, FR_WEEKDAYS

TYPES = (
    "digit_number",
    "percentage",
    "scale_word",
    "number_words",
    "weekday",
    "month",
    "clock_time",
    "name",
    "acronym",
    "negation_added",
    "negation_removed",
)

_EN_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
_SCALE_SWAP = {
    "million": "billion",
    "billion": "million",
    "millions": "billions",
    "billions": "millions",
    "trillion": "billion",
    "bn": "m",
    "m": "bn",
    "mn": "bn",
}
# Replacement names: none is in newstest2014 (checked when the list was made); a perturbation
# still skips any that the sentence pair contains.
_AUX = re.compile(
    r"\b(is|are|was|were|will|would|can|could|should|has|have|had|must|does|did)\b(?! not\b)"
)
# Its own word lists, not lang/polarity.py's: not the checker whose recall they measure.
_EN_NEGATION = re.compile(
    r"\b(?:not|never|no|none|nothing|nobody|neither|nor|without|cannot)\b|n['’]t\b", re.I
)
_FR_NEGATION = re.compile(
    r"\b(?:ne|n['’])\b|\bn['’]|\b(?:pas|jamais|aucun|aucune|rien|personne|sans|non|ni)\b", re.I
)
_NEGATION_CUE = re.compile(
    r"\bcannot\b|\b(?:ca|wo|do|does|did|is|are|was|were|has|have|had|would|could|should)n['’]t\b"
    r"|\s+not\b|\s+never\b",
    re.I,
)
Perturbation = Callable[[str, str, random.Random], str | None]


def _fr_digits(fr: str) -> set[str]:
    """Digit runs of the French, thousands and decimal separators removed ("1 500,5" → 15005)."""
    joined = re.sub(r"(?<=\d)[\s\u00a0\u202f.,](?=\d)", "", fr)
    return set(re.findall(r"\d+", joined))


def _fr_values(fr: str) -> set[str]:
    """Digit runs of the French with its numbers in words read as digits (text2num)."""
    from text_to_num import alpha2digit

    return _fr_digits(fr) | _fr_digits(alpha2digit(fr, "fr"))


def _other_digit(number: str, rng: random.Random) -> str:
    """The number with one of its digits changed (never a leading zero)."""
    positions = [i for i, c in enumerate(number) if c.isdigit()]
    i = rng.choice(positions)
    choices = [d for d in "0123456789" if d != number[i] and not (d == "0" and i == 0)]
    return number[:i] + rng.choice(choices) + number[i + 1 :]


def _replace(text: str, match: re.Match[str], group: int | str, new: str) -> str:
    start, end = match.span(group)
    return text[:start] + new + text[end:]


_DIGIT = re.compile(
    r"(?<![\w.,:/$€£-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w%])|(?<![\w.,:/$€£-])"
    r"\d+(?:\.\d+)?(?![\w%:]|\s*(?:%|per\s?cent|a\.m|p\.m|am\b|pm\b|o'clock))"
)


def digit_number(fr: str, en: str, rng: random.Random) -> str | None:
    """A number in digits (not a percentage or a clock time) gets one digit changed."""
    return _change_a_digit(en, _DIGIT, 0, _fr_digits(fr), rng)


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)(\s*(?:%|per\s?cent\b))")


def percentage(fr: str, en: str, rng: random.Random) -> str | None:
    """A percentage gets one digit changed."""
    digits = _fr_digits(fr)
    if not re.search(r"%|pour\s?cent", fr):
        return None
    return _change_a_digit(en, _PERCENT, 1, digits, rng)


def _change_a_digit(
    en: str, pattern: re.Pattern[str], group: int, digits: set[str], rng: random.Random
) -> str | None:
    """One of the numbers ``pattern`` finds in ``en`` (its ``group``) whose digits the French
    has, with one digit changed; None when there is none."""
    found = [m for m in pattern.finditer(en) if re.sub(r"\D", "", m.group(group)) in digits]
    if not found:
        return None
    m = rng.choice(found)
    return _replace(en, m, group, _other_digit(m.group(group), rng))


_SCALE = re.compile(r"(?<=\d)(bn|m|mn)\b|\b(millions?|billions?|trillion)\b")


def scale_word(fr: str, en: str, rng: random.Random) -> str | None:
    """A scale word swapped: million ↔ billion, "$3bn" ↔ "$3m"."""
    if not re.search(r"millions?|milliards?|billions?|\d\s*(?:M|Md|Mds)\b", fr):
        return None
    picked = _pick(_SCALE, en, rng)
    if picked is None:
        return None
    m, group = picked
    return _replace(en, m, group, _SCALE_SWAP[m.group(group).lower()])


def _pick(
    pattern: re.Pattern[str], en: str, rng: random.Random
) -> tuple[re.Match[str], int] | None:
    """One of the matches of a two-group ``pattern`` in ``en``, at random, with the group that
    matched; None when there is none."""
    found = list(pattern.finditer(en))
    if not found:
        return None
    m = rng.choice(found)
    return m, 1 if m.group(1) else 2


_WORDS = re.compile(r"\b(" + "|".join(_EN_WORDS) + r")\b", re.I)


def number_words(fr: str, en: str, rng: random.Random) -> str | None:
    """A number in words replaced by another ("three" → "five")."""
    values = _fr_values(fr)
    found = [m for m in _WORDS.finditer(en) if str(_EN_WORDS[m.group(1).lower()]) in values]
    if not found:
        return None
    m = rng.choice(found)
    word = m.group(1)
    value = _EN_WORDS[word.lower()]
    new = rng.choice([w for w, v in _EN_WORDS.items() if v != value and w != "dozen"])
    return _replace(en, m, 1, new.capitalize() if word[0].isupper() else new)


def _swap_name(
    fr: str,
    en: str,
    rng: random.Random,
    english: list[str],
    french: list[str],
    alone: Callable[[re.Match[str]], bool],
) -> str | None:
    folded = fr.lower()
    found = []
    for i, name in enumerate(english):
        if not re.search(rf"\b{french[i]}\b", folded):
            continue
        found += [m for m in re.finditer(rf"\b{name}\b", en) if alone(m)]
    if not found:
        return None
    m = rng.choice(found)
    current = english.index(m.group(0))
    return _replace(en, m, 0, rng.choice([n for i, n in enumerate(english) if i != current]))


def weekday(fr: str, en: str, rng: random.Random) -> str | None:
    """A weekday replaced by another ("Thursday" → "Monday")."""
    return _swap_name(fr, en, rng, EN_WEEKDAYS, FR_WEEKDAYS, lambda m: True)


def _month_alone(en: str) -> Callable[[re.Match[str]], bool]:
    def alone(m: re.Match[str]) -> bool:
        before, after = en[max(0, m.start() - 8) : m.start()], en[m.end() : m.end() + 8]
        return not (
            re.search(r"\d\s*(?:st|nd|rd|th)?(?: of)?\s*$", before)
            or re.match(r"\s*,?\s*\d", after)
        )

    return alone


def month(fr: str, en: str, rng: random.Random) -> str | None:
    """A month with no day or year beside it replaced by another ("in March" → "in June")."""
    return _swap_name(fr, en, rng, EN_MONTHS, FR_MONTHS, _month_alone(en))


_CLOCK = re.compile(
    r"(?<![:.\d])\b(\d{1,2})(?=(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|h\b|hrs\b))"
    r"|(?<![:.\d])\b(\d{1,2})(?=:\d\d\b)"
)


# The steps of every perturbation, as scale_word's: what is found and put in its place differ.
def clock_time(fr: str, en: str, rng: random.Random) -> str | None:
    """A clock time's hour changed ("9 a.m." → "10 a.m.", "21:30" → "22:30")."""
    if not re.search(r"\d\s*h\b|\dh\d|\d\s*heures?\b", fr):
        return None
    picked = _pick(_CLOCK, en, rng)
    if picked is None:
        return None
    m, group = picked
    hour = int(m.group(group))
    return _replace(en, m, group, str(hour % 12 + 1 if hour != 12 else 1))


def negation_added(fr: str, en: str, rng: random.Random) -> str | None:
    """A "not" after an auxiliary, in a sentence whose French and English deny nothing."""
    if _FR_NEGATION.search(fr) or _EN_NEGATION.search(en):
        return None
    found = list(_AUX.finditer(en))
    if not found:
        return None
    m = rng.choice(found)
    return en[: m.end()] + " not" + en[m.end() :]


_UNDO = {"ca": "can", "wo": "will", "cannot": "can"}


def negation_removed(fr: str, en: str, rng: random.Random) -> str | None:
    """A negation of the English taken out ("did not go" → "did go", "can't" → "can"), in a
    sentence whose French has one."""
    if not _FR_NEGATION.search(fr):
        return None
    found = list(_NEGATION_CUE.finditer(en))
    if not found:
        return None
    m = rng.choice(found)
    cue = m.group(0)
    if cue.lower() == "cannot":
        new = cue[:3]
    elif re.search(r"n['’]t$", cue, re.I):
        stem = cue[:-3]
        new = _UNDO.get(stem.lower(), stem)
    else:
        new = ""
    return en[: m.start()] + new + en[m.end() :]


PERTURBATIONS: dict[str, Perturbation] = {
    "digit_number": digit_number,
    "percentage": percentage,
    "scale_word": scale_word,
    "number_words": number_words,
    "weekday": weekday,
    "month": month,
    "clock_time": clock_time,
    "name": perturb_names.name,
    "acronym": perturb_names.acronym,
    "negation_added": negation_added,
    "negation_removed": negation_removed,
}


def rng_for(seed: int, kind: str, index: int) -> random.Random:
    """The generator of one perturbation: the same for the same seed, type and sentence."""
    return random.Random(f"{seed}:{kind}:{index}")


def perturb(kind: str, fr: str, en: str, seed: int, index: int) -> str | None:
    """The reference with one ``kind`` perturbation, or None when the pair has nothing to change.

    Raises:
        KeyError: An unknown kind.
    """
    return PERTURBATIONS[kind](fr, en, rng_for(seed, kind, index))


# -- summaries --------------------------------------------------------------------------------

_MOVABLE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])|" + CAPITALISED.pattern)


def summary_move(en: str, others: list[str], rng: random.Random) -> str | None:
    """A number or name of ``en`` replaced by one that another sentence of the same article
    states (about another subject): ``None`` when there is none to take."""
    calendar = set(EN_WEEKDAYS) | set(EN_MONTHS)

    def items(text: str) -> list[re.Match[str]]:
        return [
            m
            for m in _MOVABLE.finditer(text)
            if m.group(0) not in calendar
            and m.group(0) not in STOP_CAPS
            and not (m.group(0)[0].isupper() and SENTENCE_START.search(text[: m.start()]))
        ]

    here = items(en)
    own = {m.group(0) for m in here}
    pairs = []
    for m in here:
        digit = m.group(0)[0].isdigit()
        for other in others:
            for o in items(other):
                if o.group(0)[0].isdigit() == digit and o.group(0) not in own:
                    pairs.append((m, o.group(0)))
    if not pairs:
        return None
    m, new = rng.choice(sorted(pairs, key=lambda p: (p[0].start(), p[1])))
    return _replace(en, m, 0, new)


def summary_negation(fr: str, en: str, rng: random.Random) -> str | None:
    """A summary sentence that denies what its source asserts, or the reverse."""
    return negation_added(fr, en, rng) or negation_removed(fr, en, rng)
