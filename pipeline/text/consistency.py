"""Does the English keep the French sentence's numbers and dates?

Numbers go through the project's one number parser (:mod:`pipeline.text.numbers`): every
quantity of the source (amount, percentage, year, plain number, measure) needs an equivalent in
the translation ("7,7 milliards de dollars" ↔ "$7.7 billion"; "1 500" ↔ "1,500"; "3" ↔
"three"; "15 heures" ↔ "3 pm"). Dates with a day or a month are checked by
:mod:`pipeline.verify.dates`, with the facts package's date rules (this language layer imports
nothing from the packages above it).

Scale words with no number of their own ("des centaines de millions") are checked here too, clock
times ("21h30" ↔ "9:30 p.m.") by :mod:`pipeline.text.clock_times`. Names are checked by
:mod:`pipeline.verify.names`, negations by :mod:`pipeline.lang.polarity`.
"""

from __future__ import annotations

import dataclasses
import math
import re

from pipeline.text.clock_times import missing_clock_times as missing_clock_times
from pipeline.text.number_phrases import with_unit_before_noun
from pipeline.text.numbers import Quantity, glued_en, noun_numbers, quantities_en, quantities_fr
from pipeline.text.quantity_match import QuantityIndex, within

# Lookbehinds: spaces are tried from where their run starts only (linear time on any text).
_HOUR = re.compile(
    r"(?<!\s)\s*h(?:eures?)?\b|(?<!\s)\s*h\d|[:.][0-5]\d\s*h(?:eures?)?\b", re.IGNORECASE
)


def _as_pm(french: str, quantity: Quantity) -> Quantity | None:
    """ "15 heures" may become "3 pm": the same hour on a 12-hour clock."""
    if (
        _HOUR.match(french, quantity.span[1])
        and 13 <= quantity.value <= 23
        and quantity.value.is_integer()
    ):
        value = quantity.value - 12
        return dataclasses.replace(quantity, number=value, value=value)
    return None


# English words that say a number without writing it: "twice", "double-digit", "tenfold".
_EN_IMPLICIT = re.compile(
    r"(?<![\w-])(?:(twice|double|dual|both|pair|couple|twins?)|(thrice|triple|treble)|(\w+)fold)"
    r"(?![\w])"
    # "the under-fives", "in their fifties": a number word as a plural noun
    r"|(?<!\w)(?:(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)s"
    r"|(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies)(?!\w)",
    re.IGNORECASE,
)
# French phrases whose number is a figure of speech: "à deux pas" (a stone's throw).
_FR_IDIOM = re.compile(
    r"\b(?:deux|quatre|trois|quelques)\s+pas\b|\btrois\s+têtes\b"
    r"|\bà\s+deux\s+(?:balles|sous|francs)\b|\bde\s+quatre\s+sous\b"  # "cheap"
    r"|\ben\s+moins\s+de\s+deux\b|\bdans\s+le\s+mille\b"  # "in no time", "on target"
    # "repartir à zéro" (start again), "3,5 pour mille" (per mille: the 3,5 is the number)
    r"|\b(?:re)?(?:part|commenc|pren|mett|construi|cro[iî]t)\w*\s+(?:à|de)\s+zéro\b"
    r"|\bpour\s+mille\b"
    # "les deux parties" ↔ "the parties": a pair already known, often left to "the"; an
    # English number put in its place is the English's own, checked the other way
    r"|\b(?:les|ces|aux|des|leurs|nos|vos|ses|mes|tes)\s+deux\b",
    re.I,
)
# "deux ou trois jours" ↔ "a couple of days", "a few days": a count said roughly.
_FR_ROUGHLY = re.compile(r"\b(?:deux|trois|quatre)\s+ou\s+(?:trois|quatre|cinq)\b", re.I)
_EN_ROUGHLY = re.compile(r"\b(?:a\s+couple|a\s+few|several)\b", re.I)
_DECADE = re.compile(r"\bann[ée]es\s+$", re.IGNORECASE)
# "ma proposition n°1" ↔ "my primary proposal": the rank, said as a word.
_FR_RANK_ONE = re.compile(r"(?<!\w)(?:n°|n[º°o]\.?|numéro)\s*(?:1|un)(?!\w)", re.IGNORECASE)
_EN_RANK_ONE = re.compile(
    r"\b(?:first|primary|top|leading|foremost|main|chief|number[ -]one)\b", re.IGNORECASE
)


_SCALES_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# "a million", "half a billion", "650k": numbers the parser does not read.
_EN_A_SCALE = re.compile(r"\b(half\s+)?(?:an?|one)\s+(thousand|million|billion)\b", re.I)
_EN_K = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)k\b")
# French fraction nouns and the English words for them ("deux tiers" ↔ "two thirds").
_FRACTIONS = {
    "tiers": re.compile(r"\bthirds?\b", re.I),
    "quart": re.compile(r"\bquarters?\b", re.I),
    "quarts": re.compile(r"\bquarters\b", re.I),
    "moitié": re.compile(r"\bhal(?:f|ves|ve[ds]?|ving)\b|\b50\s?(?:%|per\s?cent)", re.I),
    "demi": re.compile(r"\bhal(?:f|ves)\b", re.I),
}


_EN_A_COUNTS = {"decade": 10.0, "dozen": 12.0, "century": 100.0}
_EN_DECADES_OF = re.compile(r"(?<![\w-])([a-z]+|\d+)\s+decades\b", re.IGNORECASE)
_EN_A_COUNT = re.compile(r"\b(?:an?|one)\s+(decade|dozen|century)\b", re.IGNORECASE)
_EN_A_CURRENCY = re.compile(
    r"\ban?\s+(?:(?:strong|weak|single|new)\s+)?(euro|dollar|pound|franc|crown|yen|yuan)\b", re.I
)
_EN_PREFIXED_YEAR = re.compile(r"\b(?:mid|pre|post|early|late)-((?:1[89]|20)\d\d)s?\b", re.I)
# "the fifties", "the nineteen-seventies": a decade in words
_EN_DECADES = "twent|thirt|fort|fift|sixt|sevent|eight|ninet"
_EN_DECADE_WORD = re.compile(rf"\b(?:nineteen[\s-]+)?({_EN_DECADES})ies\b", re.IGNORECASE)
_DECADE_OF = {w: 20 + 10 * i for i, w in enumerate(_EN_DECADES.split("|"))}


def _implicit_en(english: str) -> list[Quantity]:
    out = []
    for m in _EN_A_SCALE.finditer(english):
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
    for m in _EN_A_COUNT.finditer(english):
        value = _EN_A_COUNTS[m.group(1).lower()]
        out.append(Quantity("number", m.group(0), value, value, None, m.span(), written=False))
    for m in _EN_DECADES_OF.finditer(english):  # "seven decades" ↔ "soixante-dix ans"
        for q in quantities_en(m.group(1), words=True):
            out.append(dataclasses.replace(q, number=q.value * 10, value=q.value * 10))
    for m in _EN_A_CURRENCY.finditer(english):
        out += [
            dataclasses.replace(q, span=m.span())
            for q in quantities_en("one " + m.group(1).lower(), words=True)
        ]
    # "mid-2007", "pre-1990": a year the parser does not read after the prefix
    for m in _EN_PREFIXED_YEAR.finditer(english):
        value = float(m.group(1))
        out.append(Quantity("year", m.group(1), value, value, None, m.span(1)))
    # "one and a half years", "a year and a half": 1.5
    for m in re.finditer(r"\b(?:one|an?\s+\w+)\s+and\s+a\s+half\b", english, re.I):
        out.append(Quantity("number", m.group(0), 1.5, 1.5, None, m.span()))
    # "quinze jours" ↔ "a fortnight" (and "15 jours" as often means two weeks).
    for m in re.finditer(r"\bfortnights?\b", english, re.IGNORECASE):
        out += [
            Quantity("number", m.group(0), v, v, None, m.span(), written=True) for v in (14, 15)
        ]
    return out


def _alternatives(french: str, q: Quantity) -> list[Quantity]:
    """Other ways the English may say a French quantity: "15 heures" as "3 pm", "les années
    80" as "the 1980s"."""
    out = []
    pm = _as_pm(french, q)
    if pm is not None:
        out.append(pm)
    # Only the words just before the number: a search of the whole prefix for each number
    # would take quadratic time on a text of many numbers.
    if q.value < 100 and _DECADE.search(french, max(0, q.span[0] - 40), q.span[0]):
        out += [dataclasses.replace(q, number=1900 + q.value, value=1900 + q.value)]
    thousands = thousands_misspelt(french, q)
    return out + ([thousands] if thousands else []) + in_other_units(french, q)


# A duration said in another unit: "trois décennies" ↔ "30 years", "18 mois" ↔ "1.5 years".
_OTHER_UNITS = {"décennie": 10.0, "siècle": 100.0, "mois": 1 / 12, "semaine": 7.0, "heure": 60.0}
_UNIT_AFTER = re.compile(  # "18 derniers mois" too
    r"(?<!\s)\s+(?:(?:dernier|premier|prochain|long|bon)[se]*\s+)?"
    r"(décennie|siècle|mois|semaine|heure)s?\b",
    re.IGNORECASE,
)


def in_other_units(french: str, q: Quantity) -> list[Quantity]:
    """``q`` in the next unit of time when a unit follows it: decades and centuries in years,
    months in years, weeks in days, hours in minutes (and in days, by 24)."""
    m = _UNIT_AFTER.match(french, q.span[1])
    if m is None or q.value != q.number:
        return []
    unit, days = m.group(1).lower(), q.value / 24  # "48 heures" ↔ "two days"
    values = [q.value * _OTHER_UNITS[unit]] + [days] * (unit == "heure" and days.is_integer())
    return [dataclasses.replace(q, number=v, value=v, written=False) for v in values]


# "huit milles ans": "mille" with the "s" it never takes (not miles: "milles nautiques").
_MILLES = re.compile(r"(?<!\s)\s+milles\b(?!\s+(?:nautiques|marins))", re.IGNORECASE)


def thousands_misspelt(french: str, q: Quantity) -> Quantity | None:
    """``q`` times a thousand when "milles" follows it, as comments misspell "mille"."""
    if q.value != q.number or not _MILLES.match(french, q.span[1]):
        return None
    return dataclasses.replace(q, number=q.value * 1000, value=q.value * 1000)


# A number's digits with the separators between them, as written ("2,700", "0,4", "1.5").
_DIGITS_AS_WRITTEN = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+")
# "un livre", "deux livres": books, not pounds, unless the English speaks of pounds.
_FR_BOOK = re.compile(r"^(?:un|une|deux|trois|quelques|des|mes|ses)\s+livres?$", re.IGNORECASE)
_EN_POUND = re.compile(r"£|\bpounds?\b|\bsterling\b|\bGBP\b", re.IGNORECASE)


_SCALE_AFTER = {
    1e3: re.compile(r"\s*(?:thousands?(?!\s+[mb]illion)|k|mille)\b", re.IGNORECASE),
    1e6: re.compile(r"\s*(?:millions?|mn?|M)\b", re.IGNORECASE),
    1e9: re.compile(r"\s*(?:billions?|bn|milliards?|thousand\s+millions?)\b", re.IGNORECASE),
}


def _same_writing(q: Quantity, english: str) -> bool:
    """Whether the English writes the French number's digits with the very same separators: the
    same string, read two ways because one side uses the other language's separators ("0,4%"
    left in French in the English, "1.5%" in English in the French). A scaled number needs the
    same scale after it ("1,5 million" is not "1,5 billion")."""
    scale = q.value / q.number if q.number else 1.0
    after = _SCALE_AFTER.get(min(_SCALE_AFTER, key=lambda k: abs(k - scale)))
    for m in _DIGITS_AS_WRITTEN.finditer(q.surface):
        for e in re.finditer(rf"(?<![\d.,]){re.escape(m.group(0))}(?![\d]|[.,]\d)", english):
            if math.isclose(scale, 1.0) or (after and after.match(english, e.end())):
                return True
    return False


_GLUED_SCALE = re.compile(r"(bn|mn|m)\b")


def _glued_scale(q: Quantity, english: str) -> Quantity:
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


def _dot_thousands(english: str) -> list[Quantity]:
    """ "5.352 pesos", "630.697 dollars": thousands grouped by dots, as the French of the
    source wrote them; read so as well as a decimal, with the scale after them ("10.000
    million": ten thousand million, not ten thousand)."""
    out = []
    for m in _EN_DOT_THOUSANDS.finditer(english):
        number = float(m.group(0).replace(".", ""))
        scale = next((k for k, after in _SCALE_AFTER.items() if after.match(english, m.end())), 1)
        out.append(Quantity("number", m.group(0), number, number * scale, None, m.span()))
    return out


def _as_french_reads(q: Quantity, english: str, french: str) -> Quantity:
    """An English number whose digits are grouped by dots exactly as the French writes them
    ("10.000 millions" ↔ "10.000 billion") read as the French reads them, thousands grouped:
    the same string is the same number on both sides, and only the scale after it may differ."""
    m = _EN_DOT_THOUSANDS.match(english, q.span[0])
    if q.written or m is None or not re.search(rf"(?<![\d.,]){re.escape(m.group(0))}", french):
        return q
    number = float(m.group(0).replace(".", ""))
    scale = q.value / q.number if q.number else 1.0
    return dataclasses.replace(q, number=number, value=number * scale)


def _glued_metres(q: Quantity) -> bool:
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


def _decade_in_words(year: float, english: str) -> bool:
    decades = (_DECADE_OF[m.group(1).lower()] for m in _EN_DECADE_WORD.finditer(english))
    return int(year) % 100 in decades


def missing_numbers(french: str, english: str) -> list[str]:
    """Surfaces of the French quantities (digits and words) with no equivalent in ``english``.

    The same digits written with the same separators on both sides are the same number, whatever
    each language's parser reads them as ("2,700" ↔ "2,700")."""
    # "1.2m people": a million, not 1.2 metres (glued_en reads the million).
    french = other_writings_fr(french, english)
    target = [
        _as_french_reads(with_unit_before_noun(english, q), english, french)
        for q in quantities_en(english, words=True)
        if not _glued_metres(q)
    ]
    target += [_glued_scale(q, english) for q in glued_en(english)] + _implicit_en(english)
    target += _dot_thousands(english)
    target += noun_numbers(english, "en") + short_years(english)
    index = QuantityIndex(target)  # built once: a text may hold thousands of numbers
    idioms = [m.span() for m in _FR_IDIOM.finditer(french)]  # sorted, never overlapping
    if _EN_RANK_ONE.search(english):
        idioms = sorted(idioms + [m.span() for m in _FR_RANK_ONE.finditer(french)])
    if _EN_ROUGHLY.search(english):
        idioms = sorted(idioms + [m.span() for m in _FR_ROUGHLY.finditer(french)])
    short = {q.span[0]: q for q in short_years(french)}
    out = []
    for q in quantities_fr(french, words=True) + noun_numbers(french, "fr"):
        if index.has_equivalent(q) or within(idioms, q.span[0]):
            continue
        if q.span[0] in short and index.has_equivalent(short[q.span[0]]):
            continue  # "2020/21" ↔ "2020/2021"
        if _same_writing(q, english):
            continue
        fraction = _FRACTIONS.get(q.surface.lower().split()[-1])
        if fraction is not None and fraction.search(english):
            continue  # "deux tiers" ↔ "two thirds", "à moitié" ↔ "half-"
        if 1900 <= q.value < 2100 and re.search(
            rf"(?<!\w)['’]?{int(q.value) % 100:02d}s\b", english
        ):
            continue  # "les années 1990" ↔ "the 90s"
        if 1920 <= q.value < 2000 and q.value % 10 == 0 and _decade_in_words(q.value, english):
            continue  # "les années 1950" ↔ "the fifties"
        if q.unit == "GBP" and _FR_BOOK.match(q.surface) and not _EN_POUND.search(english):
            continue  # "un livre": a book
        alternatives = _alternatives(french, q)
        if not any(index.has_equivalent(a) for a in alternatives):
            out.append(q.surface)
    return out


# Scale words with no number of their own: "des centaines de millions" ↔ "hundreds of millions".
# "multimillion-dollar"; "thousands of millions" is the long form of "milliards".
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
