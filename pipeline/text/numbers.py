"""Numbers, amounts, percentages and years in French and English text, normalised.

One parser for every stage that reasons about numbers: the facts stage (what the article says),
the translate stage (does the English keep every number of the French?) and the summarise stage
(is every number of the summary in the source?). French conventions: decimal comma, spaces or
dots between thousands, "7,7 milliards de dollars", "3 M€"; English: "$7.7 billion", "1,500".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SPACES = "  \u202f"

_FR_NUM = (
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?!\d|,\d)|\d+(?:,\d+)?"
)
_EN_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_FR_SCALES = {
    "mille": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "mrds": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
_EN_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
}
_CURRENCIES = {
    "$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us$": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "livre": "GBP",
    "livres": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "yuan": "CNY",
    "yuans": "CNY",
    "franc": "CHF",
    "francs": "CHF",
}

_FR_SCALE_RE = r"milliards?|millions?|mille|mrds?|mds?|md|m|k"
_FR_CUR_RE = r"dollars?|euros?|€|\$|livres?|yuans?|francs?"
_FR_QUANTITY = re.compile(
    rf"(?P<num>{_FR_NUM})(?:\s*(?P<scale>{_FR_SCALE_RE})\b\.?)?"
    rf"(?:\s*(?:de\s+|d[’'])?(?P<cur>{_FR_CUR_RE}))?"
    rf"(?P<pct>\s*(?:%|pour\s?cent\b))?",
    re.IGNORECASE,
)
_EN_SCALE_RE = r"trillions?|billions?|millions?|thousand|bn|mn|b|m|k"
_EN_CUR_RE = r"dollars?|euros?|pounds?|yuan|francs?"
_EN_QUANTITY = re.compile(
    rf"(?P<pre>us\$|\$|€|£)?\s?(?P<num>{_EN_NUM})(?:\s*-?\s*(?P<scale>{_EN_SCALE_RE})\b)?"
    rf"(?:\s*(?P<cur>{_EN_CUR_RE})\b)?(?P<pct>\s*(?:%|per\s?cent\b))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number found in text.

    Attributes:
        kind: ``"amount"`` (with a currency), ``"percentage"``, ``"year"`` or ``"number"``.
        surface: The text as written.
        number: The written number itself (``7.7`` for "7,7 milliards").
        value: The number with its scale applied (``7.7e9``).
        unit: ISO currency code for amounts, ``"%"`` for percentages, else None.
        span: Start and end offsets in the text.
    """

    kind: str
    surface: str
    number: float
    value: float
    unit: str | None
    span: tuple[int, int]


def parse_french_number(text: str) -> float:
    """``"1 500"`` → 1500.0, ``"7,7"`` → 7.7, ``"1.500.000"`` → 1500000.0."""
    compact = re.sub(rf"[{_SPACES}]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        compact = compact.replace(".", "")
    return float(compact.replace(",", "."))


def parse_english_number(text: str) -> float:
    """``"1,500"`` → 1500.0, ``"7.7"`` → 7.7."""
    return float(text.replace(",", ""))


def _glued(text: str, start: int, num_end: int, end: int) -> bool:
    """A number that is part of a word or code ("5G", "COVID-19", "A380", "3,2,1")."""
    before = text[start - 1] if start > 0 else " "
    if before.isalnum() or before in ",.":
        return True
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return True
    after = text[num_end] if num_end < len(text) else " "
    return end == num_end and after.isalpha()


def _make(
    kind_hint: dict[str, str | None],
    surface: str,
    number: float,
    scale: float,
    span: tuple[int, int],
) -> Quantity:
    unit = kind_hint.get("unit")
    if kind_hint.get("pct"):
        kind, unit = "percentage", "%"
    elif unit:
        kind = "amount"
    elif scale == 1.0 and number.is_integer() and 1800 <= number <= 2100 and "," not in surface:
        kind = "year"
    else:
        kind = "number"
    return Quantity(kind, surface.strip(), number, number * scale, unit, span)


def quantities_fr(text: str) -> list[Quantity]:
    """Every number in French text, with scale, currency and percent recognised."""
    out = []
    for m in _FR_QUANTITY.finditer(text):
        if _glued(text, m.start(), m.end("num"), m.end()):
            continue
        scale_word = (m["scale"] or "").lower()
        # A bare "m"/"k" only scales when a currency follows ("3 M€"), else it is a unit (metres).
        if scale_word in {"m", "k"} and not m["cur"]:
            scale_word = ""
        scale = _FR_SCALES.get(scale_word, 1.0)
        surface = m.group(0) if scale_word or m["cur"] or m["pct"] else m["num"]
        unit = _CURRENCIES.get((m["cur"] or "").lower())
        out.append(
            _make(
                {"unit": unit, "pct": m["pct"]},
                surface,
                parse_french_number(m["num"]),
                scale,
                (m.start(), m.start() + len(surface)),
            )
        )
    return out


def quantities_en(text: str) -> list[Quantity]:
    """Every number in English text, with scale, currency and percent recognised."""
    out = []
    for m in _EN_QUANTITY.finditer(text):
        start = m.start("num") if not m["pre"] else m.start()
        if _glued(text, start, m.end("num"), m.end()):
            continue
        scale_word = (m["scale"] or "").lower()
        currency = m["pre"] or m["cur"]
        if scale_word in {"m", "b", "k"} and not currency:
            scale_word = ""
        scale = _EN_SCALES.get(scale_word, 1.0)
        unit = _CURRENCIES.get((currency or "").lower())
        end = m.end() if (scale_word or m["cur"] or m["pct"]) else m.end("num")
        out.append(
            _make(
                {"unit": unit, "pct": m["pct"]},
                text[start:end],
                parse_english_number(m["num"]),
                scale,
                (start, end),
            )
        )
    return out


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def equivalent(source: Quantity, target: Quantity) -> bool:
    """Whether two quantities (any languages) say the same number.

    Scaled values must agree ("7,7 milliards" ↔ "7.7 billion" ↔ "7,700,000,000"); a bare number
    may also match the written number of a scaled one, since translations move scale words
    around ("7,7 milliards de dollars" ↔ "$7.7bn"). Currencies, when both have one, must agree.
    """
    if source.unit and target.unit and source.unit != target.unit:
        return False
    if _close(source.value, target.value):
        return True
    return _close(source.number, target.number) and (
        source.value == source.number
        or target.value == target.number
        or _close(source.value, target.value)
    )


def unmatched(source: list[Quantity], target: list[Quantity]) -> list[Quantity]:
    """The quantities of ``source`` that have no equivalent in ``target``."""
    return [q for q in source if not any(equivalent(q, t) for t in target)]


# -- spelled-out English numbers ---------------------------------------------------------------

_EN_WORDS = {
    "zero": 0,
    "one": 1,
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "thousand": 1000,
    "a thousand": 1000,
    "one thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
}
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_EN_WORD_RE = re.compile(
    rf"\b(?:(?P<tens>{_EN_TENS})[- ](?P<unit>{_EN_UNITS})|"
    + "|".join(sorted((re.escape(w) for w in _EN_WORDS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def spelled_en(text: str) -> list[Quantity]:
    """Small numbers written as English words ("three", "a dozen", "forty"), as quantities.

    Translations often spell out what the French wrote in digits ("3 personnes" → "three
    people"); a check of numbers across languages must accept both.
    """
    out = []
    for m in _EN_WORD_RE.finditer(text):
        if m["tens"]:
            value = float(_EN_WORDS[m["tens"].lower()] + _EN_WORDS[m["unit"].lower()])
        else:
            value = float(_EN_WORDS[m.group(0).lower()])
        out.append(Quantity("number", m.group(0), value, value, None, m.span()))
    return out


_EN_GLUED = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?=[a-zA-Z])")


def glued_en(text: str) -> list[Quantity]:
    """Numbers written against their unit in English ("10am", "2kg", "160km/h", "the 1950s").

    :func:`quantities_en` leaves these out (a number inside a word is usually a code, like
    "5G"); a check that a translation kept the source's numbers must still find them.
    """
    out = []
    for m in _EN_GLUED.finditer(text):
        number = parse_english_number(m.group(0))
        out.append(Quantity("number", m.group(0), number, number, None, m.span()))
    return out


# -- dates -------------------------------------------------------------------------------------

_MONTHS_FR = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
_MONTHS_EN = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_FR_MONTH_RE = "|".join(sorted(_MONTHS_FR, key=len, reverse=True))
_EN_MONTH_RE = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
_DATE_FR = re.compile(
    rf"\b(?:(?P<day>[0-3]?\d|1er)\s+)?(?P<month>{_FR_MONTH_RE})\b(?:\s+(?P<year>\d{{4}})\b)?",
    re.IGNORECASE,
)
# Month names are matched with their capital: "may" and "march" are also English words.
_DATE_EN = re.compile(
    rf"\b(?:(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{_EN_MONTH_RE})\b\.?"
    rf"(?:\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>\d{{4}})\b)?"
)


@dataclass(frozen=True)
class DateMention:
    """A calendar date (or part of one) found in text.

    Attributes:
        surface: The text as written.
        year / month / day: What the text says; year and day may be missing ("en mai").
        span: Start and end offsets in the text.
    """

    surface: str
    year: int | None
    month: int
    day: int | None
    span: tuple[int, int]


def _day(text: str | None) -> int | None:
    if not text:
        return None
    day = 1 if text == "1er" else int(text)
    return day if 1 <= day <= 31 else None


def dates_fr(text: str) -> list[DateMention]:
    """Dates in French text: "3 mai 2019", "le 1er janvier", "en juillet 2012"."""
    out = []
    for m in _DATE_FR.finditer(text):
        month = _MONTHS_FR[m["month"].lower()]
        year = int(m["year"]) if m["year"] else None
        out.append(DateMention(m.group(0), year, month, _day(m["day"]), m.span()))
    return out


def dates_en(text: str) -> list[DateMention]:
    """Dates in English text: "May 3, 2019", "3 May 2019", "the 1st of January", "July 2012"."""
    out = []
    for m in _DATE_EN.finditer(text):
        year = int(m["year"]) if m["year"] else None
        day = _day(m["day1"] or m["day2"])
        out.append(DateMention(m.group(0), year, _MONTHS_EN[m["month"]], day, m.span()))
    return out


def same_date(source: DateMention, target: DateMention) -> bool:
    """Whether two mentions can be the same date: same month, and same day and year where the
    target gives them (a translation may drop a repeated year, never change one)."""
    if source.month != target.month:
        return False
    if source.day is not None and target.day is not None and source.day != target.day:
        return False
    return source.year is None or target.year is None or source.year == target.year


def unmatched_dates(source: list[DateMention], target: list[DateMention]) -> list[DateMention]:
    """The dates of ``source`` that no date of ``target`` can be."""
    return [d for d in source if not any(same_date(d, t) for t in target)]
