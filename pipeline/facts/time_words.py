"""Words of time in French and English: months, weekdays, units of time, small numbers."""

from __future__ import annotations

MONTHS = {
    "janvier": 1,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
}
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
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_MONTHS = [
    "",
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
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
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
EN_SMALL = [
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
