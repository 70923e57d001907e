"""Lexical overlap, used to trace generated sentences back to source sentences."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = {
    # English
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "and",
    "or",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "for",
    "on",
    "at",
    "by",
    "with",
    "that",
    "this",
    "it",
    "its",
    "as",
    "from",
    "has",
    "have",
    "had",
    "not",
    "but",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "which",
    "who",
    "will",
    # French
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "de",
    "du",
    "et",
    "ou",
    "en",
    "à",
    "au",
    "aux",
    "est",
    "sont",
    "ont",
    "que",
    "qui",
    "dans",
    "par",
    "pour",
    "sur",
    "avec",
    "ce",
    "cette",
    "il",
    "elle",
    "ils",
    "elles",
    "se",
    "sa",
    "son",
    "ses",
    "l",
    "d",
    "s",
    "n",
    "ne",
    "pas",
    "plus",
}


def content_words(text: str) -> set[str]:
    """Lower-cased words of a text without stop words."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def best_sources(
    text: str, candidates: list[tuple[int, str]], top: int = 3, threshold: float = 0.2
) -> list[int]:
    """Ids of the candidates that share the most content words with ``text``.

    Args:
        text: A generated sentence.
        candidates: ``(id, sentence)`` pairs in the same language.
        top: At most this many ids.
        threshold: Minimum share of ``text``'s content words a candidate must cover; the single
            best candidate is kept even below it, as long as it shares a word.

    Returns:
        Ids, best first.
    """
    words = content_words(text)
    if not words:
        return []
    scored = []
    for ident, sentence in candidates:
        shared = len(words & content_words(sentence))
        if shared:
            scored.append((shared / len(words), ident))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    chosen = [ident for score, ident in scored[:top] if score >= threshold]
    if not chosen and scored:
        chosen = [scored[0][1]]
    return chosen
