"""Amounts, percentages, numbers with units and counts, from the shared number parser.

:mod:`pipeline.text.numbers` reads the numbers (decimal comma, spaces in thousands,
"milliards", "M€", "%", units, numbers in words); this module decides which are facts and
which type they get:

- ``amount``: a number with a currency → ``{"amount": 7.7e9, "currency": "USD"}``;
- ``percentage``: → the number (``12.5``);
- ``number``: with a unit or a scale word → ``{"value": 20.0, "unit": "km"}`` (unit may be null);
- ``count``: a number followed by the noun it counts (the model's part of speech) →
  ``{"count": 153, "noun": "personnes"}``.

A bare number with nothing after it (under 10,000), or a small number in words ("deux
domaines"; under ten, unless it counts people: "trois morts") is left out: alone it is rarely a
key fact. A sign glued to the number is kept ("−5 °C" → −5) and numbers in words are read
whole up to the billions ("deux millions trois cent mille habitants"; text2num underneath).
A number of units of time is a duration (``period``: "3,2 jours" → ``P3.2D``), unless
:mod:`pipeline.facts.times` reads a clock time there ("à 18 h"). Years are left to
:mod:`pipeline.facts.dates`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.facts.analysis import Analysis
from pipeline.facts.mention import Mention
from pipeline.facts.time_words import EN_SMALL, TIME_UNITS
from pipeline.text.number_phrases import join_written, with_sign
from pipeline.text.numbers import Quantity, quantities_fr

_LINKS = {"de", "d’", "d'"}
# Nouns after a number that say how often, not what is counted ("6 fois plus").
_NOT_COUNTED = {"fois", "reprises"}
# Units of time: "3,2 jours", "14 minutes" are durations (ISO 8601: P3.2D, PT14M), not counts;
# word → (designator, English word).
_DURATIONS = {w: (("T" if d == "H" else "") + d, en) for w, (d, en) in TIME_UNITS.items()}
_DURATIONS |= {"h": ("TH", "hour"), "min": ("TM", "minute"), "minute": ("TM", "minute")}
_DURATIONS |= {"minutes": ("TM", "minute"), "seconde": ("TS", "second")}
_DURATIONS |= {"secondes": ("TS", "second")}
# Nouns of people: a small number in words that counts them is a key fact ("trois morts").
_PEOPLE = {
    "personnes", "morts", "blessés", "blessées", "victimes", "tués", "otages", "enfants",
    "femmes", "hommes", "soldats", "policiers", "civils", "habitants", "salariés", "disparus",
}  # fmt: skip
# A bare number in digits this large is a fact on its own ("2 700 000 de Libyens").
_BARE_MIN = 10_000
# The least number in words kept without a unit, a scale or a counted noun of people.
_WORDS_MIN = 10


@dataclass(frozen=True)
class QuantityData:
    """What the English lookup needs: the parsed quantity and the counted noun, if any."""

    quantity: Quantity
    noun: str | None = None


def _counted_noun(text: str, quantity: Quantity, analysis: Analysis) -> tuple[str, int] | None:
    """The noun a number counts ("153 personnes", "2,3 millions d'habitants") and its end."""
    index = analysis.token_at_or_after(quantity.span[1])
    if index is None:
        return None
    tokens = analysis.tokens
    gap = text[quantity.span[1] : tokens[index].start]
    if gap.strip():
        return None
    scaled = quantity.value != quantity.number or quantity.value >= 1e6
    if scaled and tokens[index].text.lower() in _LINKS and index + 1 < len(tokens):
        index += 1
    token = tokens[index]
    if token.pos != "NOUN" or not token.text.isalpha() or token.text.lower() in _NOT_COUNTED:
        return None
    return token.text, token.end


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _words_kept(text: str, quantity: Quantity, analysis: Analysis) -> bool:
    """Whether a number in words without a scale or unit is a fact: ten or more of something,
    or people counted ("trois morts"); "deux domaines" is not."""
    counted = _counted_noun(text, quantity, analysis)
    if counted is None or counted[0].lower() in _DURATIONS:
        return quantity.value >= 1000
    return quantity.value >= _WORDS_MIN or counted[0].lower() in _PEOPLE


def _duration(q: Quantity, noun: str, sentence: int, span: tuple[int, int], fr: str) -> Mention:
    """A number of units of time as a period: "3,2 jours" → ``P3.2D``, "14 minutes" → ``PT14M``."""
    designator, word = _DURATIONS[noun.lower()]
    n = _number(q.value)
    value = f"PT{n}{designator[1]}" if designator.startswith("T") else f"P{n}{designator}"
    number = f"{n}|{EN_SMALL[n]}" if isinstance(n, int) and 0 <= n < len(EN_SMALL) else str(n)
    english = [rf"\b(?:{number})[\s-]+{word}s?\b"]
    return Mention("period", fr, sentence, span, value, {f"period:{value}"}, "", 1, english)


def quantity_mentions(text: str, sentence: int, analysis: Analysis) -> list[Mention]:
    """The quantity mentions of one French sentence.

    Args:
        text: The sentence.
        sentence: Its id.
        analysis: Its tokens (for the counted noun); an empty analysis finds no counts.
    """
    out: list[Mention] = []
    for q in join_written(text, quantities_fr(text, words=True)):
        q = with_sign(text, q)
        start, end = q.span
        scaled = q.value != q.number
        if q.written and not (scaled or q.unit) and not _words_kept(text, q, analysis):
            continue
        if q.kind == "amount":
            value: object = {"amount": q.value, "currency": q.unit}
            mention = Mention("amount", q.surface, sentence, q.span, value, priority=0)
            mention.keys = {f"amount:{q.unit}:{q.value!r}"}
        elif q.kind == "percentage":
            mention = Mention("percentage", q.surface, sentence, q.span, q.value, priority=0)
            mention.keys = {f"percentage:{q.value!r}"}
        elif q.unit:
            value = {"value": q.value, "unit": q.unit}
            mention = Mention("number", q.surface, sentence, q.span, value, priority=0)
            mention.keys = {f"number:{q.unit}:{q.value!r}"}
        else:
            counted = _counted_noun(text, q, analysis)
            if counted is not None and counted[0].lower() in _DURATIONS:
                noun, end = counted
                out.append(_duration(q, noun, sentence, (start, end), text[start:end]))
                continue
            if counted is not None:
                noun, end = counted
                value = {"count": _number(q.value), "noun": noun.lower()}
                mention = Mention("count", text[start:end], sentence, (start, end), value)
                mention.keys = {f"count:{noun.lower()}:{q.value!r}"}
                mention.data = QuantityData(q, noun)
                out.append(mention)
                continue
            if q.kind == "year" or not (scaled or q.written or abs(q.value) >= _BARE_MIN):
                continue  # a year (dates.py) or a bare number
            value = {"value": q.value, "unit": None}
            mention = Mention("number", q.surface, sentence, q.span, value)
            mention.keys = {f"number::{q.value!r}"}
        mention.data = QuantityData(q)
        out.append(mention)
    return out
