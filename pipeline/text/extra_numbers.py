"""Numbers of the English that the French does not state: the number check the other way round.

:func:`pipeline.text.consistency.missing_numbers` looks for each French quantity in the English,
and any English number of the sentence may vouch for it: a number the translation changed goes
unseen when another English number matches the French one ("trois mètres … trois personnes" ↔
"three metres … four people"; the 3 of "3D" vouching for "trois dimensions"; "5 tireurs … 5
matches" ↔ "five-match … eleven scorers"). So each English number, in digits or words, must be
stated by the French too, in any of the ways French may state it: digits or words, an ordinal
("la quatrième partie" ↔ "part four"), a clock time ("21h30" ↔ "9:30 pm"), a noun that counts
("une dizaine", "un trio", "quadragénaire", "nul") or the very digits as written ("0,4 %",
"iphone6", a telephone number).

Every English number is checked, whether or not the French states numbers of its own: a year,
an age or a count that the English adds is a claim the reader cannot check in the French.
"""

from __future__ import annotations

import re

from pipeline.text.clock_times import EN_CLOCK, clock_spans_fr, durations_en
from pipeline.text.consistency import EN_24_7, FR_ALL_THE_TIME, in_other_units
from pipeline.text.number_words import FR_ORDINAL_WORDS
from pipeline.text.number_writings import other_writings_fr, short_years, thousands_misspelt
from pipeline.text.numbers import Quantity, noun_numbers, quantities_en, quantities_fr
from pipeline.text.ordinals import FR_ORDINAL
from pipeline.text.quantity_match import QuantityIndex, disjoint, within


def _plain(value: float, match: re.Match[str]) -> Quantity:
    return Quantity("number", match.group(0), value, value, None, match.span())


# French words that state a number without digits or a number word.
_FR_COUNT_NOUNS = {
    **FR_ORDINAL_WORDS,
    "nul": 0,
    "nulle": 0,
    "zéro": 0,
    "un": 1,
    "une": 1,
    "neuf": 9,  # "neuf" is also "new": left to the number parser one way, accepted this one
    "zero": 0,  # "Ground Zero"
    "duo": 2,
    "duopole": 2,
    "jumeau": 2,
    "jumeaux": 2,
    "jumelle": 2,
    "bilatéral": 2,
    "bilatérale": 2,
    "trio": 3,
    "quatuor": 4,
    "quatre": 4,  # "les quatres", as comments misspell it
    "cinq": 5,
    "huit": 8,
    "dizaine": 10,
    "décennie": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "vingtième": 20,
    "trentaine": 30,
    "trentenaire": 30,
    "trentième": 30,
    "quarantaine": 40,
    "quadragénaire": 40,
    "cinquantaine": 50,
    "quinquagénaire": 50,
    "soixantaine": 60,
    "sexagénaire": 60,
    "septuagénaire": 70,
    "octogénaire": 80,
    "nonagénaire": 90,
    "centaine": 100,
    "centenaire": 100,
    "centième": 100,
    "siècle": 100,
    "demi-siècle": 50,
    "millier": 1000,
    "millénaire": 1000,
    # multiples: "le triple du prix" ↔ "three times the price", "a triplé" ↔ "rose three times"
    "double": 2,
    "doublé": 2,
    "doubler": 2,
    "triple": 3,
    "triplé": 3,
    "tripler": 3,
    "quadruple": 4,
    "quadruplé": 4,
    "quadrupler": 4,
    "quintuple": 5,
    "décuple": 10,
    "décuplé": 10,
    "centuple": 100,
}
_FR_COUNT_NOUN = re.compile(
    r"(?<![\w-])(" + "|".join(_FR_COUNT_NOUNS) + r")s?(?![\w-])", re.IGNORECASE
)
_FR_DIGITS = re.compile(r"\d+")
_FR_YEARS_AFTER = re.compile(r"(?<!\s)\s+(?:ans|années)\b", re.IGNORECASE)
_FR_HOUR_AFTER = re.compile(r"\s?h(?:eures?)?(?![^\W\d_])|[:.]\d\d", re.IGNORECASE)
# Words made of a number's Latin prefix: "biplace" ↔ "two-seat", "bipartisme" ↔ "two-party
# system", "quinquennat" ↔ "five-year term", "tripartite" ↔ "three-way".
_FR_PREFIXES = {"mono": 1, "uni": 1, "bi": 2, "duo": 2, "tri": 3, "quadri": 4, "quinqu": 5}
_FR_PREFIXES |= {"sept": 7, "déc": 10}  # only before "-ennal", "-ennat": "septennat", "décennal"
_FR_PREFIXED = re.compile(
    r"(?<![\w-])(mono|uni|bi|duo|tri|quadri|quinqu|sept|déc)-?"
    r"(place|moteur|réacteur|parti|partisme|partite|latéral|latérale|ennal|ennale|ennat"
    r"|mestre|mestriel|mestrielle|mensuel|mensuelle|hebdomadaire|annuel|annuelle|céphale"
    r"|national|nationale|polaire|polistique|colore|athlon|cycle|lingue|cylindre)s?(?![\w-])",
    re.IGNORECASE,
)
# "un an et demi" ↔ "18 months", "deux heures et demie" ↔ "two and a half hours"
_FR_AND_A_HALF = re.compile(
    r"(?<![\w-])(une?|deux|trois|quatre|cinq|six|\d+)\s+(ans?|années?|heures?|mois|jours?"
    r"|semaines?|siècles?)\s+et\s+demie?(?![\w-])",
    re.IGNORECASE,
)
_HALF_COUNTS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
# The next unit down: months in a year, days in a week, minutes in an hour, years in a century.
_SMALLER_UNIT = {"an": 12, "sem": 7, "heu": 60, "siè": 100}


def _prefixed(french: str) -> list[Quantity]:
    out = []
    for m in _FR_PREFIXED.finditer(french):
        prefix = m.group(1).lower()
        if prefix in ("sept", "déc") and not m.group(2).lower().startswith("enn"):
            continue
        out.append(_plain(float(_FR_PREFIXES[prefix]), m))
    for m in _FR_AND_A_HALF.finditer(french):
        count = m.group(1).lower()
        value = (float(count) if count.isdigit() else _HALF_COUNTS[count]) + 0.5
        out.append(_plain(value, m))
        unit = next((n for u, n in _SMALLER_UNIT.items() if m.group(2).lower().startswith(u)), 0)
        if unit:  # in the smaller unit: "un an et demi" ↔ "18 months"
            out.append(_plain(value * unit, m))
    return out


def _french_forms(french: str, english: str) -> QuantityIndex:
    """Every number the French states, in each form the English may give it. Those in words
    vouch for an English number with a unit too ("sept à 30 degrés" ↔ "seven degrees to 30
    degrees")."""
    found = [
        _with_value(q, q.value, written=False)
        for q in quantities_fr(other_writings_fr(french, english), words=True)
        + noun_numbers(french, "fr")
    ]
    found += [t for q in found if (t := thousands_misspelt(french, q))]
    found += [t for q in list(found) for t in in_other_units(french, q)]
    found += [  # "soixante-dix ans" ↔ "seven decades"
        _with_value(q, q.value / 10)
        for q in list(found)
        if q.value % 10 == 0 and _FR_YEARS_AFTER.match(french, q.span[1])
    ]
    for m in _FR_DIGITS.finditer(french):  # any digits: "21h30", "22e", "5mois", "T4", "3D"
        number = float(m.group(0))
        found.append(_plain(number, m))
        if number <= 24 and _FR_HOUR_AFTER.match(french, m.end()):
            found.append(_plain(number % 12, m))  # a clock's hour, "21h" ↔ "9 pm"
    for m in _FR_COUNT_NOUN.finditer(french):
        found.append(_plain(float(_FR_COUNT_NOUNS[m.group(1).lower()]), m))
    found += _prefixed(french)
    found += short_years(french)
    for q in list(found):
        if q.value < 100 and q.value.is_integer():
            found.append(_with_value(q, 1900 + q.value))  # "années 80" ↔ "the 1980s"
    return QuantityIndex(found)


def _with_value(q: Quantity, value: float, written: bool | None = None) -> Quantity:
    written = q.written if written is None else written
    number = q.number if value == q.value else value
    return Quantity(q.kind, q.surface, number, value, q.unit, q.span, written)


_EN_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
_EN_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Numbers that are not quantities: the marks of a list ("1) …, 2) …"), and a fraction the
# parser does not read whole ("1½", "5 1/2 hours").
_EN_NOT_QUANTITY = re.compile(
    r"(?:^|(?<=\s))\d{1,2}\)|(?<!\d)\d+\s?[½¼¾⅓⅔]|(?<!\d)\d+\s\d/\d{1,2}(?![\d/])"
)
_LIST_MARK = re.compile(r"(?:^|(?<=\s))\d{1,2}\)")
_EN_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,4})\s?(?:st|nd|rd|th)(?!\w)", re.IGNORECASE)
_EN_K = re.compile(r"k\b")
_EN_DECADES = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
_EN_DECADE_AFTER = re.compile(rf"(?<![\s-])[\s-]+({'|'.join(_EN_DECADES)})ies\b", re.IGNORECASE)


def _readings(english: str, q: Quantity, years: dict[int, Quantity]) -> list[Quantity]:
    """The English quantity as the parser reads it, and as the French of the source may have
    led the English to write it: thousands grouped by dots ("5.352"), "650k"."""
    out = [q] + ([years[q.span[0]]] if q.span[0] in years else [])
    dots = _EN_DOT_THOUSANDS.match(english, q.span[0])
    if dots and not english[dots.end() : dots.end() + 1].isdigit():
        number = float(dots.group(0).replace(".", ""))
        out.append(_with_value(q, number * (q.value / q.number if q.number else 1.0)))
    decade = _EN_DECADE_AFTER.match(english, q.span[1])
    if q.written and q.value == 19 and decade:  # "the nineteen seventies": 1970
        out.append(_with_value(q, 1900 + 10 * (2 + _EN_DECADES.index(decade.group(1).lower()))))
    if not q.written and _EN_K.match(english, q.span[1]):
        out.append(_with_value(q, q.value * 1000))
    return out


def _as_written(english: str, q: Quantity, written_fr: set[str]) -> bool:
    """Whether the French writes the English number's digits with the very same separators
    ("0,4 %" left in French in the English, "iphone 6", a telephone number), or the number is
    in words inside a name ("Three Mile Island": capitalised mid-sentence)."""
    if q.written:
        return q.surface[0].isupper() and q.span[0] > 0
    m = _EN_DIGITS.match(english, q.span[0]) or _EN_DIGITS.search(english, *q.span)
    return m is not None and m.group(0) in written_fr


def extra_numbers(french: str, english: str) -> list[str]:
    """Surfaces of the English numbers (digits and words) that the French does not state."""
    english_numbers = quantities_en(english, words=True)
    if FR_ORDINAL.search(french):  # "20ème" ↔ "19th"; "sixième" may be "6th grade" or "4th"
        english_numbers += [_plain(float(m.group(1)), m) for m in _EN_ORDINAL.finditer(english)]
    if not english_numbers:
        return []
    index = _french_forms(french, english)
    clocks = {m.start() for m in EN_CLOCK.finditer(english)}  # checked as clock times
    if clock_spans_fr(french):  # and "3.5 hours" against "3 h 30"
        clocks |= durations_en(english)
    # A list's marks are checked only against a French list marked with digits too.
    skipped = [
        m.span()
        for m in _EN_NOT_QUANTITY.finditer(english)
        if not (m.group(0).endswith(")") and _LIST_MARK.search(french))
    ]
    if FR_ALL_THE_TIME.search(french):
        skipped = disjoint(skipped + [m.span() for m in EN_24_7.finditer(english)])
    written_fr = {m.group(0) for m in _EN_DIGITS.finditer(french)}
    years = {y.span[0]: y for y in short_years(english)}  # "2011/12"
    out = []
    for q in english_numbers:
        if q.span[0] in clocks or within(skipped, q.span[0]):
            continue
        if any(index.has_equivalent(r) for r in _readings(english, q, years)):
            continue
        if _as_written(english, q, written_fr):
            continue
        out.append(q.surface)
    return out


# A score or ratio: "1:0", "2:3"; in English "1:0", "1-0", "1–0". Two digits after the colon
# are a time written the way of other languages ("17:30 heures").
_FR_SCORE = re.compile(r"(?<![\w.,:/–-])(\d{1,2})\s?:\s?(\d)(?![\w:/–-]|[.,]?\d)")
_EN_SCORE = re.compile(r"(?<![\w.,:/–-])(\d{1,2})\s?[-–:]\s?(\d{1,2})(?![\w:/–-]|[.,]\d)")


def missing_scores(french: str, english: str) -> list[str]:
    """French scores ("1:1 (1:0)") that the English gives as no pair of the same two numbers,
    in either order ("1-0", "0:1"): the numbers of a score vouch for each other only together."""
    scores_fr = list(_FR_SCORE.finditer(french))
    if not scores_fr:
        return []
    pairs = {(int(m.group(1)), int(m.group(2))) for m in _EN_SCORE.finditer(english)}
    pairs |= {(b, a) for a, b in pairs}
    return [m.group(0) for m in scores_fr if (int(m.group(1)), int(m.group(2))) not in pairs]


def paired_numbers(missing: list[str], extra: list[str]) -> list[tuple[str, str]]:
    """The French quantities the English lost (:func:`~pipeline.text.consistency.missing_numbers`)
    each paired with the first English number left over (:func:`extra_numbers`) of the same sort
    (an amount with an amount of its currency, a percentage with a percentage, a year with a
    year), or with "" when there is none; then the English's left over, paired with ""."""
    left = [(surface, _sort(quantities_en(surface, words=True))) for surface in extra]
    out = []
    for surface in missing:
        sort = _sort(quantities_fr(surface, words=True))
        found = next((e for e in left if sort is not None and e[1] == sort), None)
        if found is not None:
            left.remove(found)
        out.append((surface, found[0] if found else ""))
    return out + [("", surface) for surface, _ in left]


def _sort(quantities: list[Quantity]) -> tuple[str, str | None] | None:
    return (quantities[0].kind, quantities[0].unit) if quantities else None
