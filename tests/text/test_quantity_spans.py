"""The skipped spans of the number check: merged before they are searched by bisection."""

from __future__ import annotations

from pipeline.text.quantity_match import disjoint, within


def test_overlapping_spans_are_merged_before_bisection() -> None:
    # a long span holding a shorter one that starts later (an idiom and a clock time in it)
    spans = [(0, 30), (5, 10), (40, 50)]
    assert not within(sorted(spans), 20)  # bisection lands on (5, 10) and misses (0, 30)
    merged = disjoint(spans)
    assert merged == [(0, 30), (40, 50)]
    assert within(merged, 20) and within(merged, 45)
    assert not within(merged, 35) and not within(merged, 50)


def test_touching_spans_become_one_and_order_does_not_matter() -> None:
    assert disjoint([(10, 20), (0, 10), (25, 26)]) == [(0, 20), (25, 26)]
    assert disjoint([]) == []
