"""Amounts, percentages, numbers with units and counts, from the shared number parser.

:mod:`pipeline.text.numbers` reads the numbers (decimal comma, spaces in thousands,
"milliards", "M€", "%", units, numbers in words); this module decides which are facts and
which type they get:

- ``amount``: a number with a currency → ``{"amount": 7.7e9, "currency": "USD"}``;
- ``percentage``: → the number (``12.5``);
- ``number``: with a unit or a scale word → ``{"value": 20.0, "unit": "km"}`` (unit may be null);
- ``count``: a number followed by the noun it counts (the model's part of speech) →
  ``{"count": 153, "noun": "personnes"}``.

A bare number with nothing after it, or a small number in words ("deux domaines"), is left
out: alone it is rarely a key fact. Years are left to :mod:`pipeline.facts.dates`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.facts.analysis import Analysis
from pipeline.facts.mention import Mention
from pipeline.text.numbers import Quantity, quantities_fr

_LINKS = {"de", "d’", "d'"}
# Nouns after a number that say how often, not what is counted ("6 fois plus").
_NOT_COUNTED = {"fois", "reprises"}


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
    scaled = quantity.value != quantity.number
    if scaled and tokens[index].text.lower() in _LINKS and index + 1 < len(tokens):
        index += 1
    token = tokens[index]
    if token.pos != "NOUN" or not token.text.isalpha() or token.text.lower() in _NOT_COUNTED:
        return None
    return token.text, token.end


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def quantity_mentions(text: str, sentence: int, analysis: Analysis) -> list[Mention]:
    """The quantity mentions of one French sentence.

    Args:
        text: The sentence.
        sentence: Its id.
        analysis: Its tokens (for the counted noun); an empty analysis finds no counts.
    """
    out: list[Mention] = []
    for q in quantities_fr(text, words=True):
        start, end = q.span
        scaled = q.value != q.number
        if q.written and not (scaled or q.unit):
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
            if counted is not None:
                noun, end = counted
                value = {"count": _number(q.value), "noun": noun.lower()}
                mention = Mention("count", text[start:end], sentence, (start, end), value)
                mention.keys = {f"count:{noun.lower()}:{q.value!r}"}
                mention.data = QuantityData(q, noun)
                out.append(mention)
                continue
            if q.kind == "year" or not scaled:
                continue  # a year (dates.py) or a bare number
            value = {"value": q.value, "unit": None}
            mention = Mention("number", q.surface, sentence, q.span, value)
            mention.keys = {f"number::{q.value!r}"}
        mention.data = QuantityData(q)
        out.append(mention)
    return out
