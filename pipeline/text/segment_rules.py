"""Sentence boundaries by rules: French with ``stages.clean.segmenter = "rules"``, English always.

A boundary is a sentence-final mark followed by a space (or a missing space before a capital, as
in "classiques.Enfin") and a sentence start, except after a known abbreviation, an initial, or
inside a number, a URL or an e-mail address. Milliseconds, no model. spaCy's segmenter
(:mod:`pipeline.text.segment_spacy`) adds these boundaries to its own; the one function callers
use is in :mod:`pipeline.text.segment`.
"""

from __future__ import annotations

import bisect
import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations after which a full stop does not end a sentence (compared case-insensitively).
# "etc." is not one of them: followed by a capital it ends a sentence far more often than not.
ABBREVIATIONS_FR = _words(
    """m mm mme mmes mlle mlles dr pr me mgr st ste cf p pp ex env av apr j.-c n° no vol chap art
    fig éd coll min max hab gén col cdt lt sgt jan janv fév févr avr juil sept oct nov déc bd
    tél vs inc ltd cie dept dép ca approx mr mrs ms jr sr u.s e.g i.e"""
)
ABBREVIATIONS_EN = _words(
    """mr mrs ms dr prof st jr sr inc ltd co vs e.g i.e u.s no jan feb mar apr jun jul aug sep
    sept oct nov dec gen gov sen rep"""
)

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
# Every pattern here runs on whatever a user feeds in, so each must take linear time on any
# input: a repeated class is tried only where its run starts (a lookbehind refuses a start
# inside a run), so that a long run is scanned once, not once per character of it.
#
# Candidate boundary: end mark(s), optional closing quote/bracket, then whitespace, then a
# plausible sentence start (capital, digit, opening quote, dash).
_BOUNDARY = re.compile(
    rf"(?<![.!?…])([.!?…]+(?:\s?[»”\"’')\]])*)(\s+)(?=[«“\"'(\[—–-]?\s*[{_UPPER}0-9])"
)
# Missing space after a full stop between a lower-case word and a capitalised one.
_GLUED = re.compile(rf"(?<=[{_LOWER}]{{2}})\.(?=[{_UPPER}][{_LOWER}])")
# Where a full stop is part of a token, not punctuation: URLs, e-mail addresses.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"[\w.\-°]+$")


def normalise_space(text: str) -> str:
    """Collapses whitespace and puts back the space missing after a full stop.

    "classiques.Enfin" becomes "classiques. Enfin"; URLs and e-mail addresses are left alone.
    """
    text = " ".join(text.split())
    out, last = [], 0
    for m in _PROTECTED.finditer(text):
        out.append(_GLUED.sub(". ", text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_GLUED.sub(". ", text[last:]))
    return "".join(out)


def is_abbreviation(prefix: str, abbreviations: frozenset[str] = ABBREVIATIONS_FR) -> bool:
    """Whether ``prefix`` (the text before a full stop) ends with an abbreviation or initial."""
    return abbreviation_before(prefix, 0, len(prefix), abbreviations)


def abbreviation_before(
    text: str, start: int, end: int, abbreviations: frozenset[str] = ABBREVIATIONS_FR
) -> bool:
    """Whether ``text[start:end]`` ends with an abbreviation or initial.

    Reads only the last word, whatever the length of the text before it: callers ask this at
    every full stop of a paragraph.
    """
    while end > start and text[end - 1] == ".":
        end -= 1  # "j.-c." is looked up as "j.-c"
    longest = max(map(len, abbreviations), default=1)
    low = max(start, end - longest - 1)
    match = _WORD_BEFORE.search(text, low, end)
    if not match or (match.start() == low and low > start):
        return False  # no word, or one longer than any abbreviation
    word = match.group().lower()
    if word in abbreviations:
        return True
    # Single-letter initials ("J. K. Rowling", "M. Lei").
    return len(word) == 1 and word.isalpha()


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED.finditer(text)]


def rule_starts(text: str, abbreviations: frozenset[str] = ABBREVIATIONS_FR) -> list[int]:
    """Offsets in ``text`` (already normalised) where the rules start a new sentence, 0 excluded."""
    protected = _protected_spans(text)  # sorted, not overlapping
    protected_starts = [a for a, _ in protected]
    starts: list[int] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        mark = match.group(1)
        here = bisect.bisect_left(protected_starts, match.start(1)) - 1
        if here >= 0 and protected[here][0] < match.start(1) < protected[here][1]:
            continue
        single_stop = mark.startswith(".") and len(mark.rstrip("»”\"’')] ")) == 1
        if single_stop and abbreviation_before(text, start, match.start(1), abbreviations):
            continue
        start = match.end(2)
        starts.append(start)
    return starts


def spans_to_sentences(text: str, starts: list[int]) -> list[str]:
    """Cuts ``text`` at the given start offsets; empty pieces are dropped."""
    bounds = [0, *sorted(set(starts)), len(text)]
    pieces = (text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False))
    return [p for p in pieces if p]


def split_rules(text: str, abbreviations: frozenset[str] = ABBREVIATIONS_FR) -> list[str]:
    """Splits one paragraph with the rules alone."""
    text = normalise_space(text)
    return spans_to_sentences(text, rule_starts(text, abbreviations)) if text else []
