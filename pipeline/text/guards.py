"""Telling a degenerate translation from a usable one, without a reference.

Three failures that users of open-source translators keep reporting, each a cheap check:

- ``repetition``: the same word or phrase over and over ("the the the", a navigation menu looped
  to the length cap), when the source does not repeat itself that way;
- ``too_long`` / ``too_short``: far more or far fewer words than the source justifies;
- ``untranslated``: the output is still French (judged by a language detector on the output,
  so a sentence that was English to begin with and is copied through is not flagged).
"""

from __future__ import annotations

import re

from pipeline.config import GuardConfig

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")
_LOWER_WORD = re.compile(r"\b[^\W\d_A-ZÀ-ÖØ-Þ]\w*\b")

PROBLEMS = ("repetition", "too_long", "too_short", "untranslated")


def longest_repeat(text: str, max_n: int = 4) -> int:
    """The most times an n-gram (n ≤ ``max_n``) of words repeats back to back in ``text``.

    N-grams of punctuation alone do not count ("..." is not a runaway).
    """
    tokens = _TOKEN.findall(text.lower())
    best = 1 if tokens else 0
    for n in range(1, max_n + 1):
        # tokens[i] == tokens[i - n] for k·n positions in a row means k + 1 copies of an n-gram.
        streak, has_word = 0, False
        for i in range(n, len(tokens)):
            if tokens[i] == tokens[i - n]:
                streak += 1
                has_word = has_word or tokens[i][0].isalnum()
                if has_word:
                    best = max(best, streak // n + 1)
            else:
                streak, has_word = 0, False
    return best


def word_count(text: str) -> int:
    """Words (runs of letters and digits) in ``text``."""
    return len(_WORD.findall(text))


def lower_words(text: str) -> int:
    """Words that start with a lower-case letter: what is left when names are set aside."""
    return len(_LOWER_WORD.findall(text))


def problems(
    source: str,
    output: str,
    limits: GuardConfig,
    french_confidence: float | None = None,
) -> list[str]:
    """What is wrong with ``output`` as a translation of ``source`` (empty when nothing).

    Args:
        source: The French source text.
        output: The model's English.
        limits: Thresholds (``stages.translate.guard``).
        french_confidence: The language detector's confidence that ``output`` is French, when
            it was asked (None skips the untranslated check).

    Returns:
        Problem names from :data:`PROBLEMS`, in that order.
    """
    found: list[str] = []
    repeats = longest_repeat(output)
    if repeats >= limits.max_repeats and repeats > longest_repeat(source):
        found.append("repetition")
    src_words, out_words = word_count(source), word_count(output)
    if out_words > limits.max_word_ratio * src_words + limits.word_slack:
        found.append("too_long")
    if src_words >= limits.min_source_words and out_words < limits.min_word_ratio * src_words:
        found.append("too_short")
    if (
        french_confidence is not None
        and french_confidence >= limits.untranslated_confidence
        and lower_words(output) >= limits.untranslated_min_words
    ):
        found.append("untranslated")
    return found


def best_attempt(attempts: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
    """The attempt with the fewest problems; the earliest among equals.

    Args:
        attempts: ``(output, problems)`` pairs, in the order they were made.
    """
    return min(attempts, key=lambda a: len(a[1]))
