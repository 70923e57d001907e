"""Dates and periods in French text, normalised, and resolved against the article's date.

Rules, each tested on a table of cases: absolute dates ("le 14 janvier 2021", "1er juillet",
"en 2019", "mars 2020"), relative ones ("hier", "en janvier dernier", "l'an dernier", "lundi
prochain", "il y a trois jours"), periods ("tous les cinq ans", "pendant deux mois", "depuis
2019", "de 2019 à 2021", "les années 1990", "au premier trimestre").

Values: a date is ISO 8601 at the precision written — ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
``YYYY-Www`` (a week) or ``--MM-DD``/``--MM`` when the year is neither written nor known; a
relative date needs the article's date (``None`` until then). A period is an ISO 8601 duration
(``P5Y``), a repeating one (``R/P5Y``: every five years) or an interval (``2019/2021``,
``2019/..`` open-ended). Each mention also carries regexes for its English forms, which
:mod:`pipeline.facts.english` looks for in the translation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from pipeline.facts.mention import Mention
from pipeline.facts.time_words import (
    EN_MONTHS,
    EN_SMALL,
    EN_WEEKDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    TIME_UNITS,
    WEEKDAYS,
)
from pipeline.text.number_words import FR_NUMBER_WORDS, parse_french_count, parse_french_ordinal

_MONTH = r"(?P<month>" + "|".join(MONTHS) + ")"
_MONTH_ANY = (
    r"(?P<month>"
    + "|".join([*MONTHS, *(rf"{a}\." for a in MONTH_ABBREVIATIONS), *MONTH_ABBREVIATIONS])
    + ")"
)
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_YEAR = r"(?<![\w,.])(?:1[89]\d\d|20\d\d|2100)(?![\w]|[,.]\d)"
# After a day and month, or a month, any year from 1000 is one ("14 juillet 1789").
_FULL_YEAR = r"(?<![\w,.])(?:1\d{3}|20\d\d|2100)(?![\w]|[,.]\d)"
_N = rf"(?P<n>\d+|{FR_NUMBER_WORDS})"
_UNIT = r"(?P<unit>" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")\b"
_LAST = r"(?P<rel>derni(?:er|ère)|pass(?:é|ée)|prochaine?)"
_APOS = "[’']"


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def _en_number(n: int) -> str:
    if 0 <= n < len(EN_SMALL):
        return rf"(?:{n}|{EN_SMALL[n]})"
    return str(n)


def _en_unit(word: str, n: int | None = None) -> str:
    plural = "s?" if n is None or n != 1 else ""
    return rf"{word}{plural}"


def _en_day_month(day: int, month: int, year: int | None = None) -> list[str]:
    name = EN_MONTHS[month]
    suffix = r"(?:st|nd|rd|th)?"
    day_ = rf"0?{day}" if day < 10 else str(day)  # "November 04", "08 March 1986"
    if year is None:
        return [rf"{name}\s+{day_}{suffix}\b", rf"\b{day_}{suffix}\s+(?:of\s+)?{name}\b"]
    return [
        rf"{name}\s+{day_}{suffix},?\s+{year}",
        rf"\b{day_}{suffix}\s+(?:of\s+)?{name},?\s+{year}",
    ]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


Handler = Callable[[re.Match[str], "dt.date | None"], "tuple[str, Any, list[str]] | None"]
_RULES: list[tuple[re.Pattern[str], Handler, int]] = []


def _rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern, re.IGNORECASE), handler, priority))
        return handler

    return register


@_rule(rf"\b(?:{_WEEKDAY}\s+)?(?P<day>1er|\d{{1,2}})\s+{_MONTH_ANY}(?:\s+(?P<year>{_FULL_YEAR}))?")
def _day_month(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    day = parse_french_ordinal(m["day"]) if m["day"].endswith("er") else int(m["day"])
    month = _month_number(m["month"])
    if day is None or not 1 <= day <= 31:
        return None
    if m["year"]:
        year = int(m["year"])
        return "date", f"{year}-{month:02d}-{day:02d}", _en_day_month(day, month, year)
    en = _en_day_month(day, month)
    if ref is not None:
        return "date", f"{ref.year}-{month:02d}-{day:02d}", en
    return "date", f"--{month:02d}-{day:02d}", en


@_rule(rf"\b(?:(?P<qual>début|fin|mi-)\s*)?{_MONTH}\s+(?P<year>{_FULL_YEAR})")
def _month_year(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    month, year = _month_number(m["month"]), int(m["year"])
    return "date", f"{year}-{month:02d}", [rf"{EN_MONTHS[month]},?\s+{year}"]


@_rule(rf"\b{_MONTH}\s+(?P<rel>derni(?:er|ère)|pass(?:é|ée)|prochain)\b")
def _month_relative(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    month = _month_number(m["month"])
    name = EN_MONTHS[month]
    past = not m["rel"].lower().startswith("prochain")
    en = [rf"\b(?:last|this\s+past|next|this|in)\s+{name}\b", rf"\b{name}\b"]
    if ref is None:
        return "date", None, en
    if past:
        year = ref.year if month < ref.month else ref.year - 1
    else:
        year = ref.year if month > ref.month else ref.year + 1
    return "date", f"{year}-{month:02d}", [rf"{name},?\s+{year}", *en]


@_rule(rf"\b(?:en|début|fin|mi-|courant|depuis|dès|au\s+mois\s+de)\s+{_MONTH}\b", priority=1)
def _month_alone(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    if m["month"][0].isupper() and m.start("month") > 0:
        return None  # "Mars" the planet, "Mai" a name
    month = _month_number(m["month"])
    value = f"{ref.year}-{month:02d}" if ref is not None else f"--{month:02d}"
    return "date", value, [rf"\b{EN_MONTHS[month]}\b"]


@_rule(
    rf"\b(?:de|entre)\s+(?P<y1>{_YEAR})\s+(?:à|et)\s+(?P<y2>{_YEAR})|(?P<y3>{_YEAR})\s*[-–]\s*(?P<y4>{_YEAR})"
)
def _year_range(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    first, last = (m["y1"], m["y2"]) if m["y1"] else (m["y3"], m["y4"])
    en = rf"(?:(?:from|between)\s+)?{first}\s*(?:-|–|to|and|until)\s*{last}"
    return "period", f"{first}/{last}", [en]


@_rule(rf"\b(?:depuis|dès)\s+(?P<year>{_YEAR})")
def _since_year(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    year = m["year"]
    return "period", f"{year}/..", [rf"\b(?:since|from|as\s+of)\s+{year}", rf"\b{year}\b"]


@_rule(
    rf"\b(?:en|avant|après|jusqu{_APOS}en|d{_APOS}ici|fin|début|mi-|courant|l{_APOS}année|année|printemps|été|automne|hiver)\s*(?P<year>{_YEAR})"
)
def _year_cued(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    return "date", m["year"], [rf"\b{m['year']}\b"]


@_rule(_YEAR.replace("(?:", "(?P<year>", 1), priority=2)
def _year_bare(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    return "date", m["year"], [rf"\b{m['year']}\b"]


@_rule(r"\b(?:les\s+)?années\s+(?P<decade>(?:19|20)?\d0)\b")
def _decade(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    decade = m["decade"]
    start = int(decade) if len(decade) == 4 else 1900 + int(decade)
    short = f"{start % 100:02d}"
    return "period", f"{start}/{start + 9}", [rf"(?:the\s+)?(?:{start}|'?{short})s\b"]


_DAY_WORDS = {
    "avant-hier": (-2, r"the\s+day\s+before\s+yesterday"),
    "hier": (-1, r"yesterday"),
    "aujourd'hui": (0, r"today"),
    "demain": (1, r"tomorrow"),
    "après-demain": (2, r"the\s+day\s+after\s+tomorrow"),
}


@_rule(r"\b(?P<word>avant-hier|après-demain|hier|aujourd[’']hui|demain)\b")
def _day_word(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    offset, en = _DAY_WORDS[m["word"].lower().replace("’", "'")]
    value = (ref + dt.timedelta(days=offset)).isoformat() if ref is not None else None
    return "date", value, [rf"\b{en}\b"]


@_rule(
    rf"\b(?:(?P<year>l{_APOS}an|l{_APOS}année)|(?P<month>le\s+mois)|(?P<week>la\s+semaine))\s+{_LAST}\b|\b(?:cette\s+(?P<this_year>année|semaine)|ce\s+mois(?:-ci)?)\b"
)
def _unit_relative(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    rel = (m["rel"] or "").lower()
    delta = 0 if not rel else (1 if rel.startswith("prochain") else -1)
    word = "last" if delta < 0 else "next" if delta > 0 else "this"
    if m["year"] or m["this_year"] == "année":
        en = [rf"\b{word}\s+year\b"]
        return "date", str(ref.year + delta) if ref else None, en
    if m["week"] or m["this_year"] == "semaine":
        en = [rf"\b{word}\s+week\b"]
        return "date", _iso_week(ref + dt.timedelta(weeks=delta)) if ref else None, en
    en = [rf"\b{word}\s+month\b"]
    if ref is None:
        return "date", None, en
    year, month = _shift_month(ref.year, ref.month, delta)
    return "date", f"{year}-{month:02d}", en


@_rule(rf"\b{_WEEKDAY}\s+(?P<day>1er|\d{{1,2}})\b(?!\s*(?:h\b|heures?\b|[,.]\d))")
def _weekday_day(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    """ "le lundi 6" without its month: the day of that number and weekday nearest the
    article's date (within six weeks)."""
    day = parse_french_ordinal(m["day"]) if m["day"].endswith("er") else int(m["day"])
    weekday = WEEKDAYS.index(m["weekday"].lower())
    en = [rf"\b{EN_WEEKDAYS[weekday]},?\s+(?:the\s+)?{day}(?:st|nd|rd|th)?\b"]
    if ref is None or day is None:
        return "date", None, en
    found = []
    for delta in (-1, 0, 1):
        year, month = _shift_month(ref.year, ref.month, delta)
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday and abs((candidate - ref).days) <= 42:
            found.append(candidate)
    if not found:
        return "date", None, en
    best = min(found, key=lambda d: abs((d - ref).days))
    return "date", best.isoformat(), [*_en_day_month(best.day, best.month), *en]


@_rule(rf"\b{_WEEKDAY}\s+(?P<rel>dernier|prochain)\b")
def _weekday_relative(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    weekday = WEEKDAYS.index(m["weekday"].lower())
    name = EN_WEEKDAYS[weekday]
    past = m["rel"].lower() == "dernier"
    en = [rf"\b(?:last|this\s+past|next|on)\s+{name}\b", rf"\b{name}\b"]
    if ref is None:
        return "date", None, en
    if past:
        delta = (ref.weekday() - weekday) % 7 or 7
        return "date", (ref - dt.timedelta(days=delta)).isoformat(), en
    delta = (weekday - ref.weekday()) % 7 or 7
    return "date", (ref + dt.timedelta(days=delta)).isoformat(), en


def _count(m: re.Match[str]) -> int | None:
    value = parse_french_count(m["n"]) if m["n"] else 1.0
    return int(value) if value is not None and float(value).is_integer() else None


@_rule(rf"\b(?P<dir>il\s+y\s+a|dans)\s+{_N}\s+{_UNIT}")
def _ago(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    n = _count(m)
    designator, word = TIME_UNITS[m["unit"].lower()]
    if n is None or designator == "H":
        return None
    sign = -1 if m["dir"].lower().startswith("il") else 1
    phrase = rf"{_en_number(n)}[\s-]+{_en_unit(word, n)}"
    en = [rf"\b{phrase}\s+ago\b" if sign < 0 else rf"\bin\s+{phrase}"]
    if ref is None:
        return "date", None, en
    if designator == "Y":
        return "date", str(ref.year + sign * n), en
    if designator == "M":
        year, month = _shift_month(ref.year, ref.month, sign * n)
        return "date", f"{year}-{month:02d}", en
    days = n * (7 if designator == "W" else 1)
    day = ref + dt.timedelta(days=sign * days)
    return "date", day.isoformat() if designator == "D" else _iso_week(day), en


def _duration(n: int, designator: str) -> str:
    return f"PT{n}H" if designator == "H" else f"P{n}{designator}"


@_rule(rf"\b(?:tou(?:te)?s\s+les\s+(?:{_N}\s+)?{_UNIT}|chaque\s+{_UNIT.replace('unit', 'unit1')})")
def _every(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    unit = (m["unit"] or m["unit1"]).lower()
    n = _count(m) if m["n"] else 1
    designator, word = TIME_UNITS[unit]
    if n is None:
        return None
    adverb = {"D": "daily", "W": "weekly", "M": "monthly", "Y": "annually|yearly", "H": "hourly"}
    if n == 1:
        en = [rf"\b(?:every|each)\s+{word}\b", rf"\b(?:{adverb[designator]})\b"]
    else:
        en = [rf"\bevery\s+{_en_number(n)}\s+{word}s\b"]
    return "period", f"R/{_duration(n, designator)}", en


@_rule(rf"\b(?:pendant|durant|depuis|sur|en|pour|plus\s+de|moins\s+de|près\s+de)\s+{_N}\s+{_UNIT}")
def _for(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    n = _count(m)
    if n is None:
        return None
    designator, word = TIME_UNITS[m["unit"].lower()]
    en = [rf"\b{_en_number(n)}[\s-]+{_en_unit(word, n)}\b"]
    return "period", _duration(n, designator), en


_QUARTERS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3}
_QUARTERS |= {"3e": 3, "quatrième": 4, "4e": 4, "dernier": 4}
_EN_QUARTERS = ["", "first", "second", "third", "fourth|last"]


@_rule(rf"\b(?P<q>{'|'.join(_QUARTERS)})\s+trimestre(?:\s+(?:de\s+)?(?P<year>{_YEAR}))?")
def _quarter(m: re.Match[str], ref: dt.date | None) -> tuple[str, Any, list[str]] | None:
    q = _QUARTERS[m["q"].lower()]
    en = [rf"\b(?:the\s+)?(?:{_EN_QUARTERS[q]})\s+quarter\b", rf"\bQ{q}\b"]
    year = int(m["year"]) if m["year"] else (ref.year if ref else None)
    if year is None:
        return "period", None, en
    return "period", f"{year}-{3 * q - 2:02d}/{year}-{3 * q:02d}", en


def date_mentions(text: str, sentence: int, ref: dt.date | None = None) -> list[Mention]:
    """The date and period mentions of one French sentence (overlaps are left to the caller).

    Args:
        text: The sentence.
        sentence: Its id.
        ref: The article's date, to resolve relative dates; None when unknown.
    """
    out: list[Mention] = []
    for pattern, handler, priority in _RULES:
        for m in pattern.finditer(text):
            found = handler(m, ref)
            if found is None:
                continue
            kind, value, english = found
            start, end = _surface_span(m)
            surface = text[start:end]
            keys = {f"{kind}:{value}" if value else f"{kind}:{surface.lower()}"}
            out.append(
                Mention(kind, surface, sentence, (start, end), value, keys, "", priority, english)
            )
    return out


# Words that introduce a date without being part of what it says.
_LEADING = re.compile(
    rf"^(?:(?:en|au|courant|au\s+mois\s+de)\s+|(?:l{_APOS}année|année)\s+(?=\d))",
    re.IGNORECASE,
)


def _surface_span(m: re.Match[str]) -> tuple[int, int]:
    start, end = m.span()
    lead = _LEADING.match(m.group(0))
    if lead and lead.end() < end - start:
        start += lead.end()
    return start, end


def parse_reference_date(value: Any) -> dt.date | None:
    """The article's date from its metadata (ISO string, date or datetime); None if unusable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for candidate in (text, text[:10]):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None
