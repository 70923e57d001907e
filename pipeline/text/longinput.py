"""Splitting a sentence that is too long for the model into pieces that fit, losing nothing.

A translation model reads a bounded number of tokens (512 for opus-mt); what lies beyond is cut
off without a word. Here a long sentence is cut at clause boundaries first (semicolon, colon,
dash, then comma), the clauses packed back greedily into pieces under the limit, and whatever is
still too long is cut into windows of whole words (of characters, for a "word" longer than the
limit). Joined with spaces, the pieces give back the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Counter = Callable[[list[str]], list[int]]

# Strongest boundaries first: ; and : end a clause; a spaced dash opens an aside; then commas.
_LEVELS = [
    # (?<!\s): a run of spaces is tried from its start only (linear time on any text).
    re.compile(r"(?<=[;:])\s+|(?<!\s)\s+(?=[—–]\s)"),
    re.compile(r"(?<=,)\s+"),
]


class _Splitter:
    def __init__(self, count: Counter, limit: int) -> None:
        self.count = count
        self.limit = limit
        # What a text costs beyond its own pieces (end-of-sequence, language tags…).
        self.overhead = count([""])[0]

    def fits(self, text: str) -> bool:
        return self.count([text])[0] <= self.limit

    def pack(self, parts: list[str]) -> list[str]:
        """Joins neighbouring parts while the estimated length stays under the limit."""
        costs = [max(n - self.overhead, 0) for n in self.count(parts)]
        budget = self.limit - self.overhead
        out: list[str] = []
        current: list[str] = []
        used = 0
        for part, cost in zip(parts, costs, strict=True):
            if current and used + cost > budget:
                out.append(" ".join(current))
                current, used = [], 0
            current.append(part)
            used += cost
        if current:
            out.append(" ".join(current))
        return out

    def split(self, text: str, level: int = 0) -> list[str]:
        if self.fits(text):
            return [text]
        if level >= len(_LEVELS):
            return self.windows(text)
        parts = [p for p in _LEVELS[level].split(text) if p.strip()]
        if len(parts) < 2:
            return self.split(text, level + 1)
        out: list[str] = []
        for piece in self.pack(parts):
            out.extend(self.split(piece, level + 1) if not self.fits(piece) else [piece])
        return out

    def windows(self, text: str) -> list[str]:
        words = text.split()
        if len(words) > 1:
            pieces = self.pack(words)
            if len(pieces) > 1:
                out: list[str] = []
                for piece in pieces:
                    # The estimate may be off at piece edges: halve what still does not fit.
                    out.extend([piece] if self.fits(piece) else self.halves(piece))
                return out
        return self.halves(text)

    def halves(self, text: str) -> list[str]:
        if self.fits(text) or len(text) < 2:
            return [text]
        words = text.split()
        if len(words) > 1:
            mid = len(words) // 2
            left, right = " ".join(words[:mid]), " ".join(words[mid:])
        else:
            mid = len(text) // 2
            left, right = text[:mid], text[mid:]
        return [*self.halves(left), *self.halves(right)]


def split_long(text: str, count: Counter, limit: int) -> list[str]:
    """Cuts ``text`` into pieces of at most ``limit`` tokens each.

    Args:
        text: One sentence (or any text).
        count: Token counts of a list of texts, special tokens included (the backend's
            ``count_tokens``; a stand-in backend counts words).
        limit: The model's input limit, in tokens.

    Returns:
        ``[text]`` when it fits; otherwise pieces, in order, which joined with spaces give the
        text back (whitespace normalised; a single word longer than the limit is cut inside).

    Raises:
        ValueError: When ``limit`` leaves no room for text.
    """
    splitter = _Splitter(count, limit)
    if limit <= splitter.overhead:
        raise ValueError(f"an input limit of {limit} tokens leaves no room for text")
    return splitter.split(" ".join(text.split()))
