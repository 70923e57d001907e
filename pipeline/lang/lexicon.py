"""Months and weekdays in French and English, and the one ``fold`` used to compare words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Abbreviations a translation may use: "Jan.", "Sept.".
EN_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 15)
def fold(word: str) -> str:
    """Lower-cased, without accents: ``"États"`` → ``"etats"`` (cached: the same words come
    back in every comparison)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_phrase(text: str) -> str:
    """A phrase folded, one space between words and one at each end, so that
    ``fold_phrase(name) in fold_phrase(text)`` finds whole words only."""
    return " " + _NON_WORD.sub(" ", fold(text)).strip() + " "


_PLANETS = re.compile(r"\b(?:v[ée]nus|jupiter|saturne|mercure|plan[èe]tes?)\b", re.IGNORECASE)
# Months written without their accents, as readers' comments often do ("en aout").
_FR_UNACCENTED = {"fevrier": "février", "aout": "août", "decembre": "décembre"}
_FR_CALENDAR = re.compile(
    r"(?<![\w])("
    + "|".join([*FR_MONTHS, *_FR_UNACCENTED])
    + "|(?:"
    + "|".join(FR_WEEKDAYS)
    + r")s?)(?![\w])",
    re.IGNORECASE,
)
_EN_CALENDAR = re.compile(
    r"(?<![\w])(?:("
    + "|".join(EN_MONTHS + EN_WEEKDAYS)
    + r")s?|("
    + "|".join(EN_MONTH_ABBREVIATIONS)
    + r")\.)(?![\w-])",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def calendar_fr(text: str) -> tuple[tuple[int, str, int], ...]:
    """French months and weekdays: ``(key, surface, offset)``, key 1–12 for months, 101–107
    for weekdays. "Mars" with a capital and no date around it is the planet (left out) only
    when it does not follow a number or "en"/"de"/"fin"/"début"/"mi". Remembered for the last
    sentences: the checks of a pair read the French's calendar for each English word."""
    out = []
    for m in _FR_CALENDAR.finditer(text):
        word = m.group(1).lower()
        word = _FR_UNACCENTED.get(word, word)
        word = word[:-1] if word.endswith("s") and word[:-1] in FR_WEEKDAYS else word
        if word == "mars" and _PLANETS.search(text, max(0, m.start() - 30), m.end() + 30):
            continue  # "Vénus et mars": the planet, whatever its case
        if (
            word == "mars"
            and m.group(1)[0] == "M"
            and not re.search(
                r"(?:\d|\b(?:en|de|fin|début|mi|depuis|le|du))[\s-]*$", text[: m.start()], re.I
            )
        ):
            continue
        out.append((_key(word, FR_MONTHS, FR_WEEKDAYS), m.group(0), m.start()))
    return tuple(out)


def calendar_en(text: str) -> list[tuple[int, str, int]]:
    """English months and weekdays, keyed as :func:`calendar_fr`. "may" and "march" count only
    capitalised, not at the start of a sentence ("May I…")."""
    out = []
    lowered = [w.lower() for w in EN_MONTHS]
    days = [w.lower() for w in EN_WEEKDAYS]
    for m in _EN_CALENDAR.finditer(text):
        if m.group(2):
            out.append((EN_MONTH_ABBREVIATIONS[m.group(2).lower()], m.group(0), m.start()))
            continue
        word = m.group(1)
        key = word.lower()
        if key in ("may", "march") and (
            word[0].islower() or (key == "may" and not text[: m.start()].strip())
        ):
            continue
        out.append((_key(key, lowered, days), m.group(0), m.start()))
    return out


def _key(word: str, months: Sequence[str], weekdays: Sequence[str]) -> int:
    """The key both languages share: 1–12 for a month, 101–107 for a weekday."""
    return months.index(word) + 1 if word in months else 101 + weekdays.index(word)


#: English number words, zero to twenty, at their index.
EN_NUMBERS_TO_20 = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


@lru_cache(maxsize=64)
def calendar_in_english(french: str) -> tuple[str, ...]:
    """The months and weekdays of a French text as English names, folded ("mardi" →
    "tuesday"); remembered for the last sentences."""
    return tuple(
        fold(EN_MONTHS[k - 1] if k < 100 else EN_WEEKDAYS[k - 101])
        for k, _, _ in calendar_fr(french)
    )
