"""Numbers, amounts, percentages and years in French and English text, normalised.

One parser for every stage that reasons about numbers: the facts stage (what the article says),
the translate stage (does the English keep every number of the French?) and the summarise stage
(is every number of the summary in the source?). French conventions: decimal comma, spaces or
dots between thousands, "7,7 milliards de dollars", "3 M€", units ("20 km", "3,5 tonnes"),
ordinals ("1er", "2e"), and, on request, numbers written in words ("trois millions", read with
the text2num library); English: "$7.7 billion", "1,500", "three million".
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from pipeline.text.number_words import (
    EN_NUMBER_WORDS,
    EN_UNITS,
    FR_NUMBER_WORDS,
    FR_UNITS,
    parse_number_words,
    units_pattern,
)

_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space

_FR_NUM = (
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?!\d|,\d)|\d+(?:,\d+)?"
)
# Thousands grouped by commas, or by spaces as British and SI style allow ("£38 000 million").
_EN_NUM = (
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
)

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
    # "7 thousand million": the British long form of a billion; "thousand billion", a trillion.
    "thousand million": 1e9,
    "thousand millions": 1e9,
    "thousand billion": 1e12,
    "thousand billions": 1e12,
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
_EN_SCALE_RE = r"trillions?|billions?|millions?|thousand\s+(?:m|b)illions?|thousand|bn|mn|b|m|k"
_EN_CUR_RE = r"dollars?|euros?|pounds?|yuan|francs?"
# The country a currency names may stand between: "six billion Swiss francs", "US dollars".
_EN_COUNTRY = r"(?-i:[A-Z][a-z]+|[A-Z]{2,3})"
_FR_UNITS = {**FR_UNITS, "m": "m"}
_EN_UNITS = {**EN_UNITS, "m": "m"}


def _fr_pattern(words: bool) -> re.Pattern[str]:
    number = rf"(?P<num>{_FR_NUM})" + (rf"|(?P<words>{FR_NUMBER_WORDS})" if words else "")
    return re.compile(
        rf"(?:{number})(?:\s*(?P<scale>{_FR_SCALE_RE})\b\.?)?"
        rf"(?:\s*(?:de\s+|d[’'])?(?P<cur>{_FR_CUR_RE})(?!\w)"
        rf"|\s*(?P<of>de\s+|d[’'])?(?P<meas>{units_pattern(FR_UNITS)}))?"
        rf"(?P<pct>\s*°?\s*(?:%|pour\s?cent\b))?",  # "2,6°%": a stray degree sign
        re.IGNORECASE,
    )


def _en_pattern(words: bool) -> re.Pattern[str]:
    number = rf"(?P<num>{_EN_NUM})" + (rf"|(?P<words>{EN_NUMBER_WORDS})" if words else "")
    return re.compile(
        rf"(?P<pre>us\$|\$|€|£)?\s?(?:{number})(?:\s*-?\s*(?P<scale>{_EN_SCALE_RE})\b)?"
        rf"(?:(?:\s+{_EN_COUNTRY}){{0,2}}\s*(?P<cur>{_EN_CUR_RE})\b"
        rf"|\s*(?P<meas>{units_pattern(EN_UNITS)}))?"
        rf"(?P<pct>\s*(?:%|per\s?cent\b))?",
        re.IGNORECASE,
    )


_FR_QUANTITY = _fr_pattern(words=False)
_FR_QUANTITY_WORDS = _fr_pattern(words=True)
_EN_QUANTITY = _en_pattern(words=False)
_EN_QUANTITY_WORDS = _en_pattern(words=True)
# Articles that read as "one" (and "neuf", "new") are not numbers on their own.
_NOT_ALONE = {"un", "une", "one", "neuf"}


@dataclass(frozen=True)
class Quantity:
    """A number found in text.

    Attributes:
        kind: ``"amount"`` (with a currency), ``"percentage"``, ``"year"`` or ``"number"``.
        surface: The text as written.
        number: The written number itself (``7.7`` for "7,7 milliards").
        value: The number with its scale applied (``7.7e9``).
        unit: ISO currency code for amounts, ``"%"`` for percentages, a unit of measure code
            (``"km"``, ``"t"``, ``"GW"``…) for numbers with one, else None.
        span: Start and end offsets in the text.
        written: Whether the number is written in words ("trois millions").
    """

    kind: str
    surface: str
    number: float
    value: float
    unit: str | None
    span: tuple[int, int]
    written: bool = False


def parse_french_number(text: str) -> float:
    """``"1 500"`` → 1500.0, ``"7,7"`` → 7.7, ``"1.500.000"`` → 1500000.0."""
    compact = re.sub(rf"[{_SPACES}]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        compact = compact.replace(".", "")
    return float(compact.replace(",", "."))


def parse_english_number(text: str) -> float:
    """``"1,500"`` → 1500.0, ``"1 500"`` → 1500.0, ``"7.7"`` → 7.7."""
    return float(re.sub(rf"[,{_SPACES}]", "", text))


def _glued(text: str, start: int, num_end: int, end: int) -> bool:
    """A number that is part of a word or code ("5G", "COVID-19", "A380", "3,2,1")."""
    before = text[start - 1] if start > 0 else " "
    if before.isalnum() or before in ",.":
        return True
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return True
    after = text[num_end] if num_end < len(text) else " "
    return end == num_end and after.isalpha()


_BEFORE_COUNT = re.compile(
    r"(?:^|\b(?:les|des|ses|ces|mes|nos|vos|leurs|à|de|en|aux|pour|sur|avec|et|ou|parfois"
    r"|environ|quelque|plus|moins|soit|ces|dont|les)\s+)$",
    re.IGNORECASE,
)
_AFTER_COUNT = re.compile(r"\s+(?!et\b|ou\b|ni\b)[a-zà-ÿ]", re.IGNORECASE)
_COUNTED_AFTER = re.compile(
    r"(?<!\s)\s+(?:ans|années|mois|semaines|jours|heures|minutes|fois|siècles|personnes|euros|dollars)\b",
    re.IGNORECASE,
)


def _counted_neuf(text: str, start: int, end: int) -> bool:
    """Whether "neuf" is nine ("les neuf premiers épisodes", "à neuf reprises") rather than
    new ("un bâtiment neuf"): a determiner or preposition before it and a word after."""
    if text[start:end].lower() != "neuf":
        return False
    if _COUNTED_AFTER.match(text, end):
        return True  # "neuf mois", "neuf fois": "new" follows its noun
    return bool(_BEFORE_COUNT.search(text[max(0, start - 20) : start])) and bool(
        _AFTER_COUNT.match(text, end)
    )


def _make(
    match: re.Match[str],
    text: str,
    lang: str,
    span: tuple[int, int],
) -> Quantity | None:
    """The Quantity a regex match stands for, or None when it is not one."""
    scales, units = (_FR_SCALES, _FR_UNITS) if lang == "fr" else (_EN_SCALES, _EN_UNITS)
    group = "num" if match["num"] else "words"
    if match[group] is None:
        return None
    currency = (match.groupdict().get("pre") or match["cur"] or "").lower()
    scale_word = " ".join((match["scale"] or "").lower().split())
    measure = (match["meas"] or "").lower()
    if measure and match.groupdict().get("of") and not match["scale"]:
        measure = ""  # "de km" only after a scale word: "6 millions de km"
    if scale_word in {"m", "b", "k"} and not currency:
        # A bare "m"/"k" only scales with a currency ("3 M€", "$3m"); a lower-case "m" after a
        # number is metres ("20 m"); anything else is left out of the quantity.
        if match["scale"] == "m" and not measure:
            measure = "m"
        scale_word = ""
    start, end = span
    if not (scale_word or currency or match["pct"] or measure):
        end = match.end(group)
    surface = text[start:end]
    if group == "num":
        written = False
        number = (
            parse_french_number(match["num"])
            if lang == "fr"
            else parse_english_number(match["num"])
        )
    else:
        written = True
        if (
            match["words"].lower() in _NOT_ALONE
            and end == match.end(group)
            and not _counted_neuf(text, match.start(group), end)
        ):
            return None
        parsed = parse_number_words(match["words"], lang)
        if parsed is None:
            return None
        number = parsed
    scale = scales.get(scale_word, 1.0)
    if not math.isfinite(number * scale):
        return None  # hundreds of digits in a row: not a quantity anyone wrote
    unit = _CURRENCIES.get(currency) or None
    if match["pct"]:
        kind, unit = "percentage", "%"
    elif unit:
        kind = "amount"
    elif measure:
        kind, unit = "number", units[measure]
    elif (
        not written
        and scale == 1.0
        and number.is_integer()
        and 1800 <= number <= 2100
        and "," not in surface
    ):
        kind = "year"
    else:
        kind = "number"
    return Quantity(kind, surface.strip(), number, number * scale, unit, (start, end), written)


def quantities_fr(text: str, words: bool = False) -> list[Quantity]:
    """Every number in French text, with scale, currency, unit and percent recognised.

    Args:
        text: French text.
        words: Also read numbers written in words ("trois millions d'euros", "cinq").
    """
    return list(_scan_once(text, _FR_QUANTITY_WORDS if words else _FR_QUANTITY, "fr"))


def quantities_en(text: str, words: bool = False) -> list[Quantity]:
    """Every number in English text, with scale, currency, unit and percent recognised.

    Args:
        text: English text.
        words: Also read numbers written in words ("three million people", "five").
    """
    return list(_scan_once(text, _EN_QUANTITY_WORDS if words else _EN_QUANTITY, "en"))


@functools.lru_cache(maxsize=64)
def _scan_once(text: str, pattern: re.Pattern[str], lang: str) -> tuple[Quantity, ...]:
    """:func:`_scan`, remembered for the last texts: the checks of one sentence pair read the
    same sentence several times (each way, and for its scale words)."""
    return tuple(_scan(text, pattern, lang))


def _scan(text: str, pattern: re.Pattern[str], lang: str) -> list[Quantity]:
    """The quantities of one pattern's matches in ``text``."""
    out = []
    for m in pattern.finditer(text):
        group = "num" if m["num"] else "words"
        # An English quantity starts at its number unless a currency sign comes first ("$5");
        # the French pattern starts at whatever it reads first.
        start = m.start() if lang == "fr" or m["pre"] else m.start(group)
        if _glued(text, start, m.end(group), m.end()):
            continue
        quantity = _make(m, text, lang, (start, m.end()))
        if quantity is not None:
            out.append(quantity)
    return out


# Fractions and counted sets written as a noun: "a dozen", "la moitié", "un tiers".
_NOUN_NUMBERS = {
    "en": {"dozen": 12.0, "half": 0.5, "third": 1 / 3, "quarter": 0.25},
    "fr": {"douzaine": 12.0, "moitié": 0.5, "tiers": 1 / 3, "quart": 0.25},
}
_NOUN_PATTERNS = {
    lang: re.compile(r"(?<![\w-])(" + "|".join(table) + r")(?![\w-])", re.IGNORECASE)
    for lang, table in _NOUN_NUMBERS.items()
}


def numbers_in(text: str, lang: str) -> list[Quantity]:
    """Every number of a text, from one scan: those in digits as :func:`quantities_fr` /
    :func:`quantities_en` find them, then those in words as :func:`number_words_fr` /
    :func:`number_words_en` do.

    Args:
        text: The text.
        lang: ``"fr"`` or ``"en"``.
    """
    # The words pattern is the digits pattern with number words as one more alternative, so
    # its digit matches are the digits pattern's (checked on the eval and bench corpora).
    found = quantities_fr(text, words=True) if lang == "fr" else quantities_en(text, words=True)
    return [q for q in found if not q.written] + _number_words(text, lang, found)


def _number_words(text: str, lang: str, found: list[Quantity] | None = None) -> list[Quantity]:
    """Numbers written as words, through the one parser (:func:`quantities_fr` /
    :func:`quantities_en` with ``words=True``, text2num underneath; ``found``: its result,
    when the caller has it), as plain numbers, and the nouns that count ("a dozen", "la
    moitié")."""
    if found is None:
        found = quantities_fr(text, words=True) if lang == "fr" else quantities_en(text, words=True)
    out = []
    for q in found:
        if not q.written:
            continue
        words = text[q.span[0] : q.span[1]]
        number = re.match(
            rf"(?:{FR_NUMBER_WORDS if lang == 'fr' else EN_NUMBER_WORDS})", words, re.I
        )
        surface = number.group(0) if number else q.surface
        start = q.span[0] + (number.start() if number else 0)
        out.append(
            Quantity(
                "number", surface, q.number, q.number, None, (start, start + len(surface)), True
            )
        )
    return sorted(out + noun_numbers(text, lang), key=lambda q: q.span)


def noun_numbers(text: str, lang: str) -> list[Quantity]:
    """Nouns that say a number: "a dozen", "half", "la moitié", "un tiers"."""
    return [
        Quantity("number", m.group(0), v, v, None, m.span(), True)
        for m in _NOUN_PATTERNS[lang].finditer(text)
        if (v := _NOUN_NUMBERS[lang][m.group(1).lower()])
    ]


def number_words_en(text: str) -> list[Quantity]:
    """Numbers written as English words ("three", "twenty-five", "a dozen"), from two up."""
    return _number_words(text, "en")


def number_words_fr(text: str) -> list[Quantity]:
    """Numbers written as French words ("trois", "vingt-cinq", "quatre-vingt-dix"), from two up."""
    return _number_words(text, "fr")


# -- numbers glued to their unit, in English ----------------------------------------------------

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
