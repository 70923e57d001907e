"""What a number means in its phrase, beyond the scanners of :mod:`pipeline.text.numbers`:
its sign ("−5 °C", "+3 %") and numbers in words that run over a scale word ("deux millions
trois cent mille habitants", read whole with text2num).

The scanners read a number as written; the sign and the long compounds are read here, on
request, so the checks that compare the numbers of a French sentence and its translation keep
what they have always seen.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.text.number_words import parse_number_words
from pipeline.text.numbers import Quantity, quantities_en

# A sign glued to its number, not a dash between two numbers ("2019-2021") or inside a word.
_SIGNS = {"-": -1.0, "−": -1.0, "+": 1.0}
_BEFORE_SIGN = re.compile(r"(?:^|[\s(\[«:;/])$")


def with_sign(text: str, quantity: Quantity) -> Quantity:
    """The quantity with its sign, when one is glued before it: ``"−5 °C"`` → −5, surface
    ``"−5 °C"``; ``"+3 %"`` keeps 3 with surface ``"+3 %"``; a quantity in words, or one whose
    sign follows a letter or digit (``"2019-2021"``, ``"COVID-19"``), is left as it is."""
    start = quantity.span[0]
    if quantity.written or start == 0 or text[start - 1] not in _SIGNS:
        return quantity
    if not _BEFORE_SIGN.search(text[: start - 1]):
        return quantity
    sign = _SIGNS[text[start - 1]]
    return replace(
        quantity,
        surface=text[start - 1 : quantity.span[1]].strip(),
        number=sign * quantity.number,
        value=sign * quantity.value,
        span=(start - 1, quantity.span[1]),
    )


def _joined(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """``first`` and ``second`` read as one number in words, or None."""
    gap = text[first.span[1] : second.span[0]]
    if gap.strip() or first.kind != "number" or first.unit or first.value < 1000:
        return None
    words = text[first.span[0] : second.span[1]].split()
    # The longest run of words text2num reads whole; what follows is the second's unit.
    for end in range(len(words), len(first.surface.split()), -1):
        value = parse_number_words(" ".join(words[:end]))
        if value is not None and value > first.value:
            return replace(
                second,
                surface=text[first.span[0] : second.span[1]].strip(),
                number=value,
                value=value,
                span=(first.span[0], second.span[1]),
            )
    return None


def join_written(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Numbers in words split by the scanner at a scale word, read whole: "deux millions" +
    "trois cent mille habitants" → 2,300,000 ("deux millions trois cent mille habitants").

    Args:
        text: The text the quantities were found in.
        quantities: Its quantities, in order (:func:`pipeline.text.numbers.quantities_fr` with
            ``words=True``).
    """
    out: list[Quantity] = []
    for quantity in quantities:
        if out and out[-1].written and quantity.written:
            joined = _joined(text, out[-1], quantity)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(quantity)
    return out


# A unit word in the singular after a number in words, as English writes it before a noun:
# "a forty-five degree slope", "a five-kilometre run".
_UNIT_WORD_AFTER = re.compile(r"[\s-]([a-z]{2,12})\b")


def with_unit_before_noun(text: str, quantity: Quantity) -> Quantity:
    """An English number in words with its unit when a unit word in the singular follows it
    ("forty-five degree slope" → 45 °), read as the parser reads the plural; else as it is."""
    if not quantity.written or quantity.unit is not None:
        return quantity
    m = _UNIT_WORD_AFTER.match(text, quantity.span[1])
    if m is None:
        return quantity
    plural = quantities_en(f"{quantity.surface} {m.group(1)}s", words=True)
    if len(plural) != 1 or plural[0].unit is None:
        return quantity
    return replace(quantity, unit=plural[0].unit, kind=plural[0].kind)
