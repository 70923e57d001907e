"""Numbers written in ways the parser (:mod:`pipeline.text.numbers`) does not read.

English: "a million", "650k", "twice", "the fifties", "mid-2007", "1.2m", "5.352 pesos" (thousands
grouped by dots, as a Spanish or French source wrote them). French: "6 mille 74", "1.5" (a
decimal point), "huit milles ans". Both: the second year of "2011/12" written short.
:mod:`pipeline.text.consistency` matches the quantities read here with those of the other side.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from pipeline.text.numbers import Quantity, quantities_en

# English words that say a number without writing it: "twice", "double-digit", "tenfold".
_EN_IMPLICIT = re.compile(
    r"(?<![\w-])(?:(twice|double|dual|both|pair|couple|twins?)|(thrice|triple|treble)|(\w+)fold)"
    r"(?![\w])"
    # "the under-fives", "in their fifties": a number word as a plural noun
    r"|(?<!\w)(?:(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)s"
    r"|(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies)(?!\w)",
    re.IGNORECASE,
)


_SCALES_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# "a million", "half a billion", "650k": numbers the parser does not read.
_EN_A_SCALE = re.compile(r"\b(half\s+)?(?:an?|one)\s+(thousand|million|billion)\b", re.I)
_EN_K = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)k\b")


_EN_A_COUNTS = {"decade": 10.0, "dozen": 12.0, "century": 100.0}
_EN_DECADES_OF = re.compile(r"(?<![\w-])([a-z]+|\d+)\s+decades\b", re.IGNORECASE)
_EN_A_COUNT = re.compile(r"\b(?:an?|one)\s+(decade|dozen|century)\b", re.IGNORECASE)
_CURRENCY_WORDS = ("euro", "dollar", "pound", "franc", "crown", "yen", "yuan")
_EN_A_CURRENCY = re.compile(
    rf"\ban?\s+(?:(?:strong|weak|single|new)\s+)?({'|'.join(_CURRENCY_WORDS)})\b", re.I
)
_EN_AND_A_HALF = re.compile(r"\b(?:one|an?\s+\w+)\s+and\s+a\s+half\b", re.I)
_EN_FORTNIGHT = re.compile(r"\bfortnights?\b", re.IGNORECASE)
_EN_PREFIXED_YEAR = re.compile(r"\b(?:mid|pre|post|early|late)-((?:1[89]|20)\d\d)s?\b", re.I)
# "the fifties", "the nineteen-seventies": a decade in words
_EN_DECADES = "twent|thirt|fort|fift|sixt|sevent|eight|ninet"
_EN_DECADE_WORD = re.compile(rf"\b(?:nineteen[\s-]+)?({_EN_DECADES})ies\b", re.IGNORECASE)
_DECADE_OF = {w: 20 + 10 * i for i, w in enumerate(_EN_DECADES.split("|"))}


def _cued(
    pattern: re.Pattern[str], text: str, lowered: str, cues: tuple[str, ...]
) -> Iterable[re.Match[str]]:
    """``pattern``'s matches in ``text``, looked for only where ``lowered`` (the text in lower
    case) holds one of the words every match has: most sentences have none, and the
    substring test costs a fraction of the pattern's scan."""
    return pattern.finditer(text) if any(c in lowered for c in cues) else ()


def implicit_en(english: str) -> list[Quantity]:
    out = []
    low = english.lower()
    for m in _cued(_EN_A_SCALE, english, low, ("thousand", "million", "billion")):
        value = _SCALES_EN[m.group(2).lower()] * (0.5 if m.group(1) else 1)
        out.append(Quantity("number", m.group(0), value, value, None, m.span(), written=False))
    for m in _EN_K.finditer(english):
        value = float(m.group(1)) * 1000
        out.append(Quantity("number", m.group(0), value, value, None, m.span()))
    for m in _EN_IMPLICIT.finditer(english):
        if m.group(1):
            value = 2.0
        elif m.group(2):
            value = 3.0
        else:
            word = m.group(3) or m.group(4) or m.group(5) + "y"
            words = quantities_en(word, words=True)
            if not words:
                continue
            value = words[0].value
        out.append(Quantity("number", m.group(0), value, value, None, m.span(), written=True))
    # "a decade" ↔ "dix ans", "a dozen", "a century"; "a euro" ↔ "un euro", "1 €"
    for m in _cued(_EN_A_COUNT, english, low, ("decade", "dozen", "century")):
        value = _EN_A_COUNTS[m.group(1).lower()]
        out.append(Quantity("number", m.group(0), value, value, None, m.span(), written=False))
    # "seven decades" ↔ "soixante-dix ans"
    for m in _cued(_EN_DECADES_OF, english, low, ("decades",)):
        for q in quantities_en(m.group(1), words=True):
            out.append(dataclasses.replace(q, number=q.value * 10, value=q.value * 10))
    for m in _cued(_EN_A_CURRENCY, english, low, _CURRENCY_WORDS):
        out += [
            dataclasses.replace(q, span=m.span())
            for q in quantities_en("one " + m.group(1).lower(), words=True)
        ]
    # "mid-2007", "pre-1990": a year the parser does not read after the prefix
    for m in _cued(_EN_PREFIXED_YEAR, english, low, ("mid-", "pre-", "post-", "early-", "late-")):
        value = float(m.group(1))
        out.append(Quantity("year", m.group(1), value, value, None, m.span(1)))
    # "one and a half years", "a year and a half": 1.5
    for m in _cued(_EN_AND_A_HALF, english, low, ("half",)):
        out.append(Quantity("number", m.group(0), 1.5, 1.5, None, m.span()))
    # "quinze jours" ↔ "a fortnight" (and "15 jours" as often means two weeks).
    for m in _cued(_EN_FORTNIGHT, english, low, ("fortnight",)):
        out += [
            Quantity("number", m.group(0), v, v, None, m.span(), written=True) for v in (14, 15)
        ]
    return out


# "huit milles ans": "mille" with the "s" it never takes (not miles: "milles nautiques").
_MILLES = re.compile(r"(?<!\s)\s+milles\b(?!\s+(?:nautiques|marins))", re.IGNORECASE)


def thousands_misspelt(french: str, q: Quantity) -> Quantity | None:
    """``q`` times a thousand when "milles" follows it, as comments misspell "mille"."""
    if q.value != q.number or not _MILLES.match(french, q.span[1]):
        return None
    return dataclasses.replace(q, number=q.value * 1000, value=q.value * 1000)


SCALE_AFTER = {
    1e3: re.compile(r"\s*(?:thousands?(?!\s+[mb]illion)|k|mille)\b", re.IGNORECASE),
    1e6: re.compile(r"\s*(?:millions?|mn?|M)\b", re.IGNORECASE),
    1e9: re.compile(r"\s*(?:billions?|bn|milliards?|thousand\s+millions?)\b", re.IGNORECASE),
}


_GLUED_SCALE = re.compile(r"(bn|mn|m)\b")


def glued_scale(q: Quantity, english: str) -> Quantity:
    """A number glued to "m" or "bn" ("1.2m people") with its scale: it vouches for "1,2
    million", not for "1,2 milliard"."""
    m = _GLUED_SCALE.match(english, q.span[1])
    if m is None or q.value != q.number:
        return q
    value = q.number * (1e9 if m.group(1) == "bn" else 1e6)
    return dataclasses.replace(q, value=value)


# "5 mille 352" (5 352) and "1.5%" (a decimal point: French groups thousands by three): French
# written the way of another language, read as French writes it.
_FR_MILLE = re.compile(r"(?<![\d.,])(\d{1,3}) mille (\d{1,3})(?![\d]|[.,]\d)")
_FR_DECIMAL_POINT = re.compile(
    r"(?<![\d.,])(\d+)\.(\d{1,2})(?![\d]|[.,]\d|\s*h(?:eures?)?\b)", re.IGNORECASE
)
_EN_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")


# "0, 5 %": a decimal comma with a space after it, as typed in haste
_FR_SPACED_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}), (\d{1,2})(?=\s?%)")


def other_writings_fr(french: str, english: str = "") -> str:
    """The French with its numbers written as French writes them, where another writing was
    used: "6 mille 74" (6 074), "1.5" (1,5), "0, 5 %" (0,5 % where the English has 0.5)."""
    french = _FR_SPACED_DECIMAL.sub(
        lambda m: f"{m[1]},{m[2]}" if f"{m[1]}.{m[2]}" in english else m[0], french
    )
    french = _FR_MILLE.sub(lambda m: f"{m.group(1)} {m.group(2):0>3}", french)  # "6 mille 74"
    return _FR_DECIMAL_POINT.sub(r"\1,\2", french)


def dot_thousands(english: str) -> list[Quantity]:
    """ "5.352 pesos", "630.697 dollars": thousands grouped by dots, as the French of the
    source wrote them; read so as well as a decimal, with the scale after them ("10.000
    million": ten thousand million, not ten thousand)."""
    out = []
    for m in _EN_DOT_THOUSANDS.finditer(english):
        number = float(m.group(0).replace(".", ""))
        scale = next((k for k, after in SCALE_AFTER.items() if after.match(english, m.end())), 1)
        out.append(Quantity("number", m.group(0), number, number * scale, None, m.span()))
    return out


def as_french_reads(q: Quantity, english: str, french: str) -> Quantity:
    """An English number whose digits are grouped by dots exactly as the French writes them
    ("10.000 millions" ↔ "10.000 billion") read as the French reads them, thousands grouped:
    the same string is the same number on both sides, and only the scale after it may differ."""
    m = _EN_DOT_THOUSANDS.match(english, q.span[0])
    if q.written or m is None or not re.search(rf"(?<![\d.,]){re.escape(m.group(0))}", french):
        return q
    number = float(m.group(0).replace(".", ""))
    scale = q.value / q.number if q.number else 1.0
    return dataclasses.replace(q, number=number, value=number * scale)


def glued_metres(q: Quantity) -> bool:
    return q.unit == "m" and re.fullmatch(r"[\d.,]+m", q.surface) is not None


# "2011/12", "2020-21": the second year written short, in either language.
SHORT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?[/–-]\s?(\d\d)(?!\d)")


def short_years(text: str) -> list[Quantity]:
    """The years written short after another ("2011/12": 2012), read whole."""
    out = []
    for m in SHORT_YEAR.finditer(text):
        value = float(m.group(1)[:2] + m.group(2))
        out.append(Quantity("year", m.group(2), value, value, None, m.span(2)))
    return out


def decade_in_words(year: float, english: str) -> bool:
    decades = (_DECADE_OF[m.group(1).lower()] for m in _EN_DECADE_WORD.finditer(english))
    return int(year) % 100 in decades
