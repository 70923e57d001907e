"""Numbers written in words ("cinq", "vingt-trois", "three") and ordinals ("1er", "deuxième").

Values come from the text2num library, which knows the French and English compounds
("quatre-vingt-dix-sept", "soixante et onze", "twenty-five"); this module only finds the spans.
The units of measure shared by the French and English number parsers live here too.
"""

from __future__ import annotations

import re

_FR_WORD = (
    r"(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)"
)
_EN_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand)"
)
# The last word of a French ordinal that may end a compound ("vingt et unième", "trente-deuxième",
# "deux cent millième"), singular: "deux dixièmes" is a fraction. Its stem, where the cardinal
# is not the stem itself.
_FR_ORDINAL_LAST = (
    r"(?:unième|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|"
    r"dixième|onzième|douzième|treizième|quatorzième|quinzième|seizième|vingtième|trentième|"
    r"quarantième|cinquantième|soixantième|centième|millième)(?![\w-])"
)
_FR_ORDINAL_STEMS = {"cinqu": "cinq", "neuv": "neuf", "mill": "mille"}  # else: stem, or stem + e
# Words of a compound join by hyphens or "et"; by a space only after "cent(s)" or "mille"
# ("deux cent unième"): "un dixième" is a fraction, "trois premiers" three firsts.
_FR_ORDINAL_JOIN = r"(?:-et-|\s+et\s+|-|(?<=nt|ts|le)\s+)"
#: A French ordinal in words ending in "-ième", compounds included: "onzième", "vingt et
#: unième", "quatre-vingt-dixième".
_FR_JOIN = r"(?:-et-|\s+et\s+|-|\s+)"
# At most ten words before the last ("quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-
# neuvième"): a bound that keeps the scan of a long run of number words linear.
FR_ORDINAL_COMPOUND = (
    rf"(?<![\w-])(?:(?:{_FR_WORD}{_FR_JOIN}){{0,9}}{_FR_WORD}{_FR_ORDINAL_JOIN})?{_FR_ORDINAL_LAST}"
)
#: A French number in words: "cinq", "vingt-trois", "soixante et onze", "deux cent mille";
#: not the words of a compound ordinal ("vingt" of "vingt et unième").
# Not "un" before another number word: "un cinq pour cent" is an article and five per cent.
FR_NUMBER_WORDS = (
    rf"\b(?!une?\s+{_FR_WORD}\b){_FR_WORD}(?:{_FR_JOIN}{_FR_WORD})*\b"
    rf"(?!(?:{_FR_JOIN}{_FR_WORD}){{0,9}}{_FR_ORDINAL_JOIN}{_FR_ORDINAL_LAST})"
)
# English ordinal words and the cardinals they are said from ("twenty-first" is "twenty-one").
_EN_ORDINAL_CARDINALS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
_EN_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth|thousandth)"
)
_EN_JOIN = r"(?:\s+and\s+|-|\s+)"
#: An English number in words: "five", "twenty-five", "one hundred and two"; not the words of
#: a compound ordinal ("twenty" of "twenty-first", "one hundred" of "one hundred fiftieth").
EN_NUMBER_WORDS = (
    rf"\b{_EN_WORD}(?:{_EN_JOIN}{_EN_WORD})*\b"
    rf"(?!(?:{_EN_JOIN}{_EN_WORD})*{_EN_JOIN}{_EN_ORDINAL_WORD}(?![\w-]))"
)
#: An English ordinal in words, compounds included: "third", "twenty-first",
#: "one hundred fiftieth".
EN_ORDINAL_WORDS = rf"(?<![\w-])(?:{_EN_WORD}{_EN_JOIN})*{_EN_ORDINAL_WORD}(?![\w-])"

#: A French ordinal: "1er", "1re", "2e", "3ème", "premier", "deuxième"…
FR_ORDINAL = (
    r"(?:\d{1,3}(?:er|re|ère|ème|e|nde?)\b|premi(?:er|ère)|seconde?|deuxième|troisième|"
    r"quatrième|cinquième|sixième|septième|huitième|neuvième|dixième)"
)
#: French ordinals in words and their rank (the one table: numbers, ordinals, counts).
FR_ORDINAL_WORDS = {
    "premier": 1,
    "première": 1,
    "second": 2,
    "seconde": 2,
    "deuxième": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
    "septième": 7,
    "huitième": 8,
    "neuvième": 9,
    "dixième": 10,
}

# Units of measure: written form (lower-case) → code. Longest forms are tried first.
# Written the same in French and English:
_BOTH_UNITS = {
    "km/h": "km/h",
    "km²": "km2",
    "km2": "km2",
    "m²": "m2",
    "km": "km",
    "cm": "cm",
    "mm": "mm",
    "kilos": "kg",
    "kg": "kg",
    "tonnes": "t",
    "tonne": "t",
    "litres": "l",
    "litre": "l",
    "hectares": "ha",
    "hectare": "ha",
    "ha": "ha",
    "°c": "°C",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "kw": "kW",
    "mw": "MW",
    "gw": "GW",
}
FR_UNITS = {
    **_BOTH_UNITS,
    "m2": "m2",
    "kilomètres carrés": "km2",
    "mètres carrés": "m2",
    "kilomètres": "km",
    "kilomètre": "km",
    "mètres": "m",
    "mètre": "m",
    "kilogrammes": "kg",
    "kilogramme": "kg",
    "degrés": "°C",
    "go": "GB",
    "mo": "MB",
    "to": "TB",
}
EN_UNITS = {
    **_BOTH_UNITS,
    "mph": "mph",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square metres": "m2",
    "square meters": "m2",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "miles": "mi",
    "mile": "mi",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "kilograms": "kg",
    "kilogram": "kg",
    "tons": "t",
    "ton": "t",
    "liters": "l",
    "liter": "l",
    "degrees": "°C",
    "gb": "GB",
    "mb": "MB",
    "tb": "TB",
}


def units_pattern(units: dict[str, str]) -> str:
    """A regex alternation of the units, longest first, not followed by a letter."""
    forms = sorted(units, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w’'²/])"


def parse_number_words(text: str, lang: str = "fr") -> float | None:
    """``"vingt-trois"`` → 23.0, ``"three hundred"`` → 300.0; None when it is not a number.

    Args:
        text: The words, as matched by :data:`FR_NUMBER_WORDS` or :data:`EN_NUMBER_WORDS`.
        lang: ``"fr"`` or ``"en"``.
    """
    from text_to_num import text2num

    try:
        return float(text2num(" ".join(text.lower().split()), lang))
    except ValueError:
        return None


def parse_english_ordinal(text: str) -> int | None:
    """``"third"`` → 3, ``"twenty-first"`` → 21, ``"one hundred fiftieth"`` → 150; None when
    it is not an ordinal in words."""
    words = re.split(r"(\s+and\s+|-|\s+)", text.strip().lower())
    last = words[-1]
    if not re.fullmatch(_EN_ORDINAL_WORD, last):
        return None
    cardinal = _EN_ORDINAL_CARDINALS.get(last) or re.sub(r"ieth$", "y", last).removesuffix("th")
    value = parse_number_words("".join([*words[:-1], cardinal]), "en")
    return int(value) if value is not None else None


def parse_french_ordinal(text: str) -> int | None:
    """``"1er"`` → 1, ``"2e"`` → 2, ``"troisième"`` → 3, ``"vingt et unième"`` → 21; None
    when it is not an ordinal."""
    word = " ".join(text.lower().split())
    match = re.fullmatch(r"(\d{1,3})(?:er|re|ère|ème|e|nde?)", word)
    if match:
        return int(match.group(1))
    if word in FR_ORDINAL_WORDS or not re.fullmatch(FR_ORDINAL_COMPOUND, word):
        return FR_ORDINAL_WORDS.get(word)
    head, last = re.fullmatch(r"(.*?)([a-z]+)ième", word).groups()  # type: ignore[union-attr]
    cardinal = _FR_ORDINAL_STEMS.get(last, last)
    value = parse_number_words(head + cardinal, "fr")
    if value is None:  # "onz" + e, "trent" + e, "quatr" + e
        value = parse_number_words(head + cardinal + "e", "fr")
    return int(value) if value is not None else None


def parse_french_count(text: str) -> float | None:
    """A number in digits or in words: ``"5"`` → 5.0, ``"cinq"`` → 5.0, ``"1 500"`` → 1500.0."""
    compact = text.strip()
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:,\d+)?", compact):
        return float(re.sub(r"[ \u00a0\u202f]", "", compact).replace(",", "."))
    return parse_number_words(compact, "fr")
