"""Lexical overlap, used to trace generated sentences back to source sentences.

No embedding model is needed: a generated sentence is matched against every source sentence on
shared content words, with numbers and names weighted up (they are what a reader checks), and
with the other language's side of each source sentence counted for numbers and names, which
survive translation even when the words around them change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline.text.numbers import (
    Quantity,
    number_words_en,
    number_words_fr,
    numbers_in,
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
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


# Weights of what a generated sentence shares with a source sentence.
WORD_WEIGHT = 1.0
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 3.0


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-cased, without accents: ``"États"`` → ``"etats"`` (cached: the same words come
    back in every comparison of a summary with its sources)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def content_words(text: str) -> set[str]:
    """Lower-cased words of a text without stop words or digits."""
    return {
        w
        for w in _WORD.findall(text.lower())
        if w not in _STOP and not any(ch.isdigit() for ch in w)
    }


@lru_cache(maxsize=1 << 14)
def quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """Every number of a text in ``lang`` ("en" or "fr"), in digits or in words.

    Cached: the translation check, the summary's source alignment and its support check all
    read the numbers of the same sentences.
    """
    return tuple(numbers_in(text, lang))


def _number_keys(q: Quantity) -> set[str]:
    return {f"#{q.value:.6g}", f"#{q.number:.6g}"}


@dataclass(frozen=True)
class Feature:
    """Something a generated sentence says that a source sentence may share.

    Attributes:
        weight: How much sharing it counts.
        keys: Any of these in a source sentence's keys counts as shared.
    """

    weight: float
    keys: frozenset[str]


def features(text: str, lang: str) -> list[Feature]:
    """Content words (names weighted up) and numbers of a generated sentence."""
    out: dict[frozenset[str], float] = {}
    for q in quantities(text, lang):
        out[frozenset(_number_keys(q))] = NUMBER_WEIGHT
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group(0)
        low = word.lower()
        if low in _STOP or any(ch.isdigit() for ch in word):
            continue
        if low in {fold(q.surface) for q in number_words_en(word) + number_words_fr(word)}:
            continue
        weight = NAME_WEIGHT if word[0].isupper() and i > 0 else WORD_WEIGHT
        key = frozenset({fold(word)})
        out[key] = max(weight, out.get(key, 0.0))
    return [Feature(w, k) for k, w in out.items()]


def source_keys(text: str, lang: str, other: str | None = None, other_lang: str = "") -> set[str]:
    """What a source sentence offers to match: its words and numbers, and the numbers and
    capitalised words of its other-language side (when given)."""
    keys = {fold(w) for w in content_words(text)}
    for q in quantities(text, lang):
        keys |= _number_keys(q)
    if other:
        keys |= {fold(w) for w in _WORD.findall(other) if w[0].isupper() and w.lower() not in _STOP}
        for q in quantities(other, other_lang):
            keys |= _number_keys(q)
    return keys


def overlap_score(feats: list[Feature], keys: set[str]) -> float:
    """Share of the features' weight found in ``keys`` (0 to 1)."""
    total = sum(f.weight for f in feats)
    if not total:
        return 0.0
    return sum(f.weight for f in feats if f.keys & keys) / total


def pick_sources(
    text: str,
    lang: str,
    keyed: list[tuple[int, set[str]]],
    top: int = 3,
    threshold: float = 0.2,
    relative: float = 0.5,
) -> list[int]:
    """Ids of the source sentences a generated sentence draws on, best first.

    Args:
        text: A generated sentence in ``lang``.
        lang: ``"en"`` or ``"fr"``.
        keyed: ``(id, keys)`` of each candidate, its keys from :func:`source_keys` (computed once
            per source sentence, for every summary sentence).
        top: At most this many ids.
        threshold: Minimum weighted share of ``text`` a candidate must cover; the single best
            candidate is kept even below it, as long as it shares something.
        relative: A candidate must also score at least this fraction of the best one.

    Returns:
        Ids, best first; empty only when no candidate shares anything with ``text``.
    """
    feats = features(text, lang)
    if not feats:
        return []
    scored = [(overlap_score(feats, keys), ident) for ident, keys in keyed]
    scored = [pair for pair in scored if pair[0] > 0]
    if not scored:
        return []
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    best = scored[0][0]
    chosen = [i for s, i in scored[:top] if s >= threshold and s >= relative * best]
    return chosen or [scored[0][1]]


def similarity(a: str, b: str, lang: str = "en") -> float:
    """How much two sentences say the same: shared content words over the smaller set.

    1.0 for the same text (ignoring case, accents and punctuation) and for a sentence of at
    least three content words wholly contained in the other; 0.0 when both state numbers and
    the numbers differ (the same sentence with another amount says something else).
    """
    norm_a = " ".join(fold(w) for w in _WORD.findall(a))
    norm_b = " ".join(fold(w) for w in _WORD.findall(b))
    if norm_a == norm_b:
        return 1.0
    numbers_a = {f"{q.value:.6g}" for q in quantities(a, lang)}
    numbers_b = {f"{q.value:.6g}" for q in quantities(b, lang)}
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return 0.0
    words_a = {fold(w) for w in content_words(a)}
    words_b = {fold(w) for w in content_words(b)}
    smaller = min(len(words_a), len(words_b))
    if smaller < 3:
        return 0.0
    return len(words_a & words_b) / smaller
