"""A mention of a fact in one source sentence, before mentions are merged into facts."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

#: Every fact type, in the order the brief explains them.
FACT_TYPES = (
    "person",
    "organisation",
    "place",
    "other",
    "amount",
    "percentage",
    "number",
    "count",
    "date",
    "time",
    "period",
)


@dataclass
class Mention:
    """One occurrence of a fact in a French sentence.

    Attributes:
        type: One of :data:`FACT_TYPES`.
        fr: The French surface as written in the sentence.
        sentence: Id of the sentence.
        span: Start and end offsets of ``fr`` in the sentence.
        value: Normalised value (see ``docs/brief-format.md``), or None.
        keys: Merge keys: mentions sharing a key are the same fact.
        label: The model's label for entities (PER, ORG, LOC, MISC).
        priority: Which mention wins when two overlap (lower wins, then the longer).
        data: What the English lookup needs (a Quantity, English patterns…).
    """

    type: str
    fr: str
    sentence: int
    span: tuple[int, int]
    value: Any = None
    keys: set[str] = field(default_factory=set)
    label: str = ""
    priority: int = 1
    data: Any = None


def drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions of one sentence without overlaps: lower priority, then longer, wins.

    Returns:
        The kept mentions in reading order.
    """
    kept: list[Mention] = []
    # The kept spans, sorted. No two overlap, so their ends are sorted too: of those starting
    # before a span ends, the last is the only one that may overlap it (a lookup, where a
    # comparison with each would be quadratic in a sentence's count of mentions).
    spans: list[tuple[int, int]] = []
    ranked = sorted(mentions, key=lambda m: (m.priority, -(m.span[1] - m.span[0]), m.span[0]))
    for mention in ranked:
        start, end = mention.span
        before = bisect.bisect_left(spans, (end,)) - 1
        if before >= 0 and start < spans[before][1]:
            continue
        bisect.insort(spans, (start, end))
        kept.append(mention)
    return sorted(kept, key=lambda m: m.span[0])
