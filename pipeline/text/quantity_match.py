"""Whether two quantities say the same number: the one comparison every check uses.

:func:`equivalent` for two quantities, :class:`QuantityIndex` for one against many (a text of
thousands of numbers compared with another in time n log n, not n²).
"""

from __future__ import annotations

import bisect
import math

from pipeline.text.numbers import Quantity


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def equivalent(source: Quantity, target: Quantity) -> bool:
    """Whether two quantities (any languages) say the same number.

    Scaled values must agree ("7,7 milliards" ↔ "7.7 billion" ↔ "7,700,000,000"); a bare number
    may also match the written number of a scaled one, since translations move scale words
    around ("7,7 milliards de dollars" ↔ "$7.7bn"). Currencies, when both have one, must agree;
    a percentage is only ever another percentage ("800 %" is not "800 millions").
    """
    if source.unit and target.unit and source.unit != target.unit:
        return False
    if (source.unit == "%") != (target.unit == "%"):
        return False  # both parsers read "%", "pour cent", "per cent": a percentage is one
    if _close(source.value, target.value):
        return True
    return _close(source.number, target.number) and (
        source.value == source.number
        or target.value == target.number
        or _close(source.value, target.value)
    )


def unmatched(source: list[Quantity], target: list[Quantity]) -> list[Quantity]:
    """The quantities of ``source`` that have no equivalent in ``target``."""
    index = QuantityIndex(target)
    return [q for q in source if not index.has_equivalent(q)]


class QuantityIndex:
    """Quantities, sorted so that whether one has an :func:`equivalent` among them takes
    logarithmic time, not a comparison with each (a text of thousands of numbers compared with
    another would take time quadratic in their count).

    :func:`equivalent` is symmetric and, for a given unit, holds for numbers in an interval
    around the one looked up (``math.isclose``), so the nearest number on each side decides.

    Args:
        quantities: The quantities to look in.
    """

    def __init__(self, quantities: list[Quantity]) -> None:
        # Per unit (None: no unit): sorted values, sorted numbers, sorted numbers of the
        # quantities with no scale (value == number).
        self._by_unit: dict[str | None, tuple[list[float], list[float], list[float]]] = {}
        for q in quantities:
            # A number in words with no unit ("one", "a third") never vouches for a quantity with
            # one ("1 %", "$3"): it is the article or another count of the sentence.
            unit = _WORDS if q.unit is None and q.written else q.unit
            values, numbers, plain = self._by_unit.setdefault(unit, ([], [], []))
            values.append(q.value)
            numbers.append(q.number)
            if q.value == q.number:
                plain.append(q.number)
        for lists in self._by_unit.values():
            for numbers in lists:
                numbers.sort()

    def has_equivalent(self, q: Quantity) -> bool:
        """Whether some quantity of the index is :func:`equivalent` to ``q``."""
        # A number with no unit may be one whose unit the parser did not read ("3 milles" ↔ "3
        # miles"), never a percentage: both parsers read "%", "pour cent" and "per cent".
        if q.unit == "%":
            units = ["%"]
        elif q.unit is None:
            units = [u for u in self._by_unit if u != "%"]
        else:
            units = [None, q.unit]
        for unit in units:
            if unit not in self._by_unit:
                continue
            values, numbers, plain = self._by_unit[unit]
            if _near(values, q.value):
                return True
            if _near(numbers if q.value == q.number else plain, q.number):
                return True
        return False


_WORDS = "(words)"


def _near(ordered: list[float], x: float) -> bool:
    """Whether a number of the sorted list is :func:`_close` to ``x``."""
    i = bisect.bisect_left(ordered, x)
    return any(_close(ordered[j], x) for j in (i - 1, i) if 0 <= j < len(ordered))


def disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, those that overlap or touch merged into one: what :func:`within` needs
    of spans collected from several patterns."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def within(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls inside one of ``spans`` (sorted, none overlapping another: see
    :func:`disjoint`), found by bisection: a text may hold thousands of numbers."""
    at = bisect.bisect_right(spans, (offset, math.inf)) - 1
    return at >= 0 and offset < spans[at][1]
