"""Words of time in French and English: months, weekdays, units of time, small numbers."""

from __future__ import annotations

from pipeline.lang.lexicon import EN_MONTHS as LEXICON_EN_MONTHS
from pipeline.lang.lexicon import EN_NUMBERS_TO_20, EN_WEEKDAYS, FR_MONTHS, FR_WEEKDAYS

__all__ = [
    "EN_MONTHS",
    "EN_SMALL",
    "EN_WEEKDAYS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "TIME_UNITS",
    "WEEKDAYS",
]

# The month and weekday names live once, in the language layer; the fact rules read them here
# in the shapes they use (French month → number, English months indexed from 1).
MONTHS = {name: i + 1 for i, name in enumerate(FR_MONTHS)}
MONTH_ABBREVIATIONS = {
    "janv": 1,
    "fév": 2,
    "févr": 2,
    "avr": 4,
    "juil": 7,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "déc": 12,
}
WEEKDAYS = FR_WEEKDAYS
EN_MONTHS = ["", *LEXICON_EN_MONTHS]
# Units of time: French word → (ISO 8601 designator, English word).
TIME_UNITS = {
    "jour": ("D", "day"),
    "jours": ("D", "day"),
    "semaine": ("W", "week"),
    "semaines": ("W", "week"),
    "mois": ("M", "month"),
    "an": ("Y", "year"),
    "ans": ("Y", "year"),
    "année": ("Y", "year"),
    "années": ("Y", "year"),
    "heure": ("H", "hour"),
    "heures": ("H", "hour"),
}
EN_SMALL = EN_NUMBERS_TO_20  # the lexicon's: one list of English number words
