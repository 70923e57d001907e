"""Does the English keep the French sentence's numbers and dates?

Numbers go through the project's one number parser (:mod:`pipeline.text.numbers`): every
quantity of the source (amount, percentage, year, plain number, measure) needs an equivalent in
the translation ("7,7 milliards de dollars" ↔ "$7.7 billion"; "1 500" ↔ "1,500"; "3" ↔
"three"; "15 heures" ↔ "3 pm"). Dates with a day or a month are checked by
:mod:`pipeline.verify.dates`, with the facts package's date rules (this language layer imports
nothing from the packages above it).

Numbers written in ways the parser does not read ("a million", "6 mille 74", "2011/12") are
read by :mod:`pipeline.text.number_writings`; scale words with no number of their own ("des
centaines de millions") are checked by :mod:`pipeline.text.scale_words`, clock times ("21h30" ↔
"9:30 p.m.") by :mod:`pipeline.text.clock_times`. Names are checked by
:mod:`pipeline.verify.names`, negations by :mod:`pipeline.lang.polarity`.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re

from pipeline.text.clock_times import clock_spans_fr
from pipeline.text.number_phrases import with_unit_before_noun
from pipeline.text.number_writings import (
    SCALE_AFTER,
    as_french_reads,
    decade_in_words,
    dot_thousands,
    glued_metres,
    glued_scale,
    implicit_en,
    other_writings_fr,
    short_years,
    thousands_misspelt,
)
from pipeline.text.numbers import Quantity, glued_en, noun_numbers, quantities_en, quantities_fr
from pipeline.text.quantity_match import QuantityIndex, disjoint, within

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
    r"|\b(?:les|ces|aux|des|leurs|nos|vos|ses|mes|tes)\s+deux\b"
    # Set phrases of speech, whose number says no count (general knowledge of French): "des
    # quatre coins du monde" (from all over), "tiré à quatre épingles" (dressed to the nines),
    # "chercher midi à quatorze heures", "couper les cheveux en quatre", "se mettre en quatre",
    # "ni une ni deux", "trente-six fois" (a hundred times), "tous les trente-six du mois",
    # "en deux mots", "en deux temps trois mouvements", "deux poids deux mesures", "à deux
    # doigts", "un de ces quatre", "il était moins une", "les quatre cents coups", "trois fois
    # rien", "haut comme trois pommes", "mille fois merci", "au quart de tour", "sur son
    # trente-et-un", "à cent lieues", "manger comme quatre", "dix de retrouvés", "faire les
    # cent pas", "entre quatre yeux", "ses quatre vérités", "couper la poire en deux", "plié en
    # deux", "mille et une", "jamais deux sans trois"
    r"|\bquatre\s+(?:coins|vents|épingles|vérités|volontés|yeux|veines|cents\s+coups)\b"
    r"|\b400\s+coups\b|\bmidi\s+à\s+quatorze\s+heures\b"
    r"|\b(?:cheveux|mett\w*|mis\w*|pli\w*|poire)\s+en\s+(?:deux|quatre)\b"
    r"|\bni\s+une\s+ni\s+deux\b|\btrente-six\s+(?:fois|mille|chandelles|solutions|façons"
    r"|manières|choses|raisons)\b|\b36\s+(?:fois|chandelles|du\s+mois)\b|\btrente-six\s+du\s+mois\b"
    r"|\ben\s+deux\s+(?:mots|temps|coups)\b|\btrois\s+mouvements\b"
    r"|\bdeux\s+poids,?\s+deux\s+mesures\b|\bà\s+deux\s+doigts\b|\bun\s+de\s+ces\s+quatre\b"
    r"|\bmoins\s+une\b(?=\s*[.!,;…]|\s*$)|\btrois\s+fois\s+rien\b|\btrois\s+pommes\b"
    r"|\bmille\s+(?:fois\s+merci|mercis|et\s+une?)\b|\bau\s+quart\s+de\s+tour\b"
    r"|\bson\s+trente(?:-et-|\s+et\s+)un\b"
    r"|\b(?:cent|mille|sept)\s+lieues\b|\bcomme\s+quatre\b|\bdix\s+de\s+retrouvés\b"
    r"|\bun\s+de\s+perdu\b|\bcent\s+pas\b|\bdeux\s+sans\s+trois\b"
    r"|\bneuf\s+fois\s+sur\s+dix\b",  # "almost always"
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
# "24 heures sur 24", "dans les 24 heures" ↔ "around the clock", "within a day".
_FR_24 = r"(?:24|vingt-quatre)"
_FR_DAY_HOURS = rf"(?<![\w,.]){_FR_24}\s?(?:heures|h)\b"
_FR_ROUND_THE_CLOCK = rf"{_FR_DAY_HOURS}\s*(?:/|sur)\s*{_FR_24}\b"  # "24h/24"
_FR_A_DAY = re.compile(rf"{_FR_ROUND_THE_CLOCK}|{_FR_DAY_HOURS}", re.IGNORECASE)
# "24/7", "24-7": every hour of every day (the English number check skips it too)
EN_24_7 = re.compile(r"(?<![\d/])24\s?[/-]\s?7(?![\d/])")
_EN_A_DAY = re.compile(
    r"\b(?:an?|one|per|each|every)\s+(?:full\s+|whole\s+|single\s+)?day\b|\bdaily\b"
    rf"|\b(?:a|per)\s+24-hour\b|\b(?:a)?round[- ]the[- ]clock\b|{EN_24_7.pattern}",
    re.IGNORECASE,
)
# "7j/7", "7 jours sur 7", "sept jours sur sept" ↔ "every day", "seven days a week", "24/7"
_FR_EVERY_DAY = re.compile(
    r"(?<![\w,.])(?:7|sept)\s?j(?:ours)?\s*(?:/|sur)\s*(?:7|sept)\b", re.IGNORECASE
)
_EN_EVERY_DAY = re.compile(
    rf"\b(?:every|each)\s+day\b|\bdaily\b|\b(?:seven|7)\s+days\s+a\s+week\b|{EN_24_7.pattern}",
    re.IGNORECASE,
)
# The French of "24/7": "24h/24", "vingt-quatre heures sur vingt-quatre", "7j/7", "jour et
# nuit" (the English number check lets "24/7" go unstated beside it).
FR_ALL_THE_TIME = re.compile(
    rf"{_FR_ROUND_THE_CLOCK}|{_FR_EVERY_DAY.pattern}"
    r"|\bjour\s+et\s+nuit\b|\bnuit\s+et\s+jour\b",
    re.IGNORECASE,
)
# "un Français sur deux" ↔ "half of the French"
_FR_ONE_IN_TWO = re.compile(r"\b(?:une?|1)\s+(?:[\w'’-]+\s+){0,3}?sur\s+(?:deux|2)\b", re.I)
_EN_HALF = re.compile(r"\bhalf\b|\b50\s?(?:%|per\s?cent)", re.IGNORECASE)
# "d'accord à 100 %", "à cent pour cent" ↔ "completely", "totally"
_FR_WHOLLY = re.compile(r"\bà\s+(?:100|cent)\s?(?:%|pour\s?cent)", re.IGNORECASE)
_EN_WHOLLY = re.compile(
    r"\b(?:complete|total|full|entire|absolute|whole|utter)ly\b|\bwholeheartedly\b"
    r"|\ball\s+the\s+way\b",
    re.IGNORECASE,
)
# A French number the English says another way, in the same sentence: each pair is searched
# only where the English has its words.
_SAID_OTHERWISE = (
    (_FR_RANK_ONE, _EN_RANK_ONE),
    (_FR_ROUGHLY, _EN_ROUGHLY),
    (_FR_A_DAY, _EN_A_DAY),
    (_FR_EVERY_DAY, _EN_EVERY_DAY),
    (_FR_WHOLLY, _EN_WHOLLY),
    (_FR_ONE_IN_TWO, _EN_HALF),
)


# French fraction nouns and the English words for them ("deux tiers" ↔ "two thirds").
_FRACTIONS = {
    "tiers": re.compile(r"\bthirds?\b", re.I),
    "quart": re.compile(r"\bquarters?\b", re.I),
    "quarts": re.compile(r"\bquarters\b", re.I),
    # "réduire de moitié" ↔ "to halve", "halved", "halving"
    "moitié": re.compile(r"\bhal(?:f|ves|ve[ds]?|ving)\b|\b50\s?(?:%|per\s?cent)", re.I),
    "demi": re.compile(r"\bhal(?:f|ves)\b", re.I),
}


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


# A duration said in another unit: "trois décennies" ↔ "30 years", "18 mois" ↔ "1.5 years",
# "14 jours" ↔ "two weeks", "90 minutes" ↔ "1.5 hours": the factor, and the English unit.
_OTHER_UNITS = {
    "décennie": (10.0, "year"),
    "siècle": (100.0, "year"),
    "mois": (1 / 12, "year"),
    "semaine": (7.0, "day"),
    "heure": (60.0, "minute"),
    "jour": (1 / 7, "week"),
    "minute": (1 / 60, "hour"),
}
# "huit jours" is a week and "quinze jours" two, counted as French counts them (both ends in).
_FR_WEEKS_OF_DAYS = {8.0: 1.0, 15.0: 2.0}
_UNIT_AFTER = re.compile(  # "18 derniers mois" too
    r"(?<!\s)\s+(?:(?:dernier|premier|prochain|long|bon)[se]*\s+)?"
    r"(décennie|siècle|mois|semaine|heure|jour|minute)s?\b",
    re.IGNORECASE,
)
# "12 mois" ↔ "a year", "60 minutes" ↔ "an hour": one of the English unit, said without a number
_EN_ONE_OF = {
    unit: re.compile(
        rf"\b(?:an?|one|per|each|every)\s+(?:full\s+|whole\s+|single\s+)?{unit}\b", re.I
    )
    for unit in {"day", *(u for _, u in _OTHER_UNITS.values())}
}


def _in_units(french: str, q: Quantity) -> list[tuple[float, str]]:
    """``q`` in the next unit of time, and that unit's English name, when a unit follows it."""
    m = _UNIT_AFTER.match(french, q.span[1])
    if m is None or q.value != q.number:
        return []
    unit = m.group(1).lower()
    factor, english = _OTHER_UNITS[unit]
    value = q.value * factor
    # "10 jours" is no whole or half number of weeks
    out = [] if unit in ("jour", "minute") and (2 * value) % 1 else [(value, english)]
    if unit == "jour" and q.value in _FR_WEEKS_OF_DAYS:
        out.append((_FR_WEEKS_OF_DAYS[q.value], "week"))
    if unit == "heure" and q.value % 24 == 0:  # "48 heures" ↔ "two days"
        out.append((q.value / 24, "day"))
    return out


def in_other_units(french: str, q: Quantity) -> list[Quantity]:
    """``q`` in the next unit of time when a unit follows it: decades and centuries in years,
    months in years, weeks in days, days in weeks, hours in minutes (and in days, by 24),
    minutes in hours."""
    return [
        dataclasses.replace(q, number=v, value=v, written=False) for v, _ in _in_units(french, q)
    ]


def one_of_next_unit(french: str, q: Quantity, english: str) -> bool:
    """Whether ``q`` is one of the next unit of time and the English says that one without a
    number: "12 mois" ↔ "a year", "huit jours" ↔ "a week", "60 minutes" ↔ "an hour"."""
    return any(v == 1 and _says_one_of(unit, english) for v, unit in _in_units(french, q))


@functools.lru_cache(maxsize=64)
def _says_one_of(unit: str, english: str) -> bool:
    """Searched once a sentence and unit: a text of many durations searches it once."""
    return bool(_EN_ONE_OF[unit].search(english))


# A number's digits with the separators between them, as written ("2,700", "0,4", "1.5").
_DIGITS_AS_WRITTEN = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+")
# "un livre", "deux livres": books, not pounds, unless the English speaks of pounds.
_FR_BOOK = re.compile(r"^(?:un|une|deux|trois|quelques|des|mes|ses)\s+livres?$", re.IGNORECASE)
_EN_POUND = re.compile(r"£|\bpounds?\b|\bsterling\b|\bGBP\b", re.IGNORECASE)


def _same_writing(q: Quantity, english: str) -> bool:
    """Whether the English writes the French number's digits with the very same separators: the
    same string, read two ways because one side uses the other language's separators ("0,4%"
    left in French in the English, "1.5%" in English in the French). A scaled number needs the
    same scale after it ("1,5 million" is not "1,5 billion")."""
    scale = q.value / q.number if q.number else 1.0
    after = SCALE_AFTER.get(min(SCALE_AFTER, key=lambda k: abs(k - scale)))
    for m in _DIGITS_AS_WRITTEN.finditer(q.surface):
        for e in re.finditer(rf"(?<![\d.,]){re.escape(m.group(0))}(?![\d]|[.,]\d)", english):
            if math.isclose(scale, 1.0) or (after and after.match(english, e.end())):
                return True
    return False


def _not_checked(french: str, english: str) -> list[tuple[int, int]]:
    """Where the French numbers are not checked one by one: idioms, what the English says
    another way, a time with minutes ("3 h 30", checked as a time); sorted and merged, for
    within()."""
    skipped = [m.span() for m in _FR_IDIOM.finditer(french)] + clock_spans_fr(french)
    for fr_words, en_words in _SAID_OTHERWISE:
        if en_words.search(english):
            skipped += [m.span() for m in fr_words.finditer(french)]
    return disjoint(skipped)


def missing_numbers(french: str, english: str) -> list[str]:
    """Surfaces of the French quantities (digits and words) with no equivalent in ``english``.

    The same digits written with the same separators on both sides are the same number, whatever
    each language's parser reads them as ("2,700" ↔ "2,700")."""
    # "1.2m people": a million, not 1.2 metres (glued_en reads the million).
    french = other_writings_fr(french, english)
    target = [
        as_french_reads(with_unit_before_noun(english, q), english, french)
        for q in quantities_en(english, words=True)
        if not glued_metres(q)
    ]
    target += [glued_scale(q, english) for q in glued_en(english)] + implicit_en(english)
    target += dot_thousands(english)
    target += noun_numbers(english, "en") + short_years(english)
    index = QuantityIndex(target)  # built once: a text may hold thousands of numbers
    short = {q.span[0]: q for q in short_years(french)}
    idioms: list[tuple[int, int]] | None = None  # read once a number lacks its equivalent
    out = []
    for q in quantities_fr(french, words=True) + noun_numbers(french, "fr"):
        if index.has_equivalent(q):
            continue
        idioms = _not_checked(french, english) if idioms is None else idioms
        if within(idioms, q.span[0]):
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
        if 1920 <= q.value < 2000 and q.value % 10 == 0 and decade_in_words(q.value, english):
            continue  # "les années 1950" ↔ "the fifties"
        if q.unit == "GBP" and _FR_BOOK.match(q.surface) and not _EN_POUND.search(english):
            continue  # "un livre": a book
        alternatives = _alternatives(french, q)
        if not any(index.has_equivalent(a) for a in alternatives) and not one_of_next_unit(
            french, q, english
        ):
            out.append(q.surface)
    return out
