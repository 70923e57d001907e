"""Comparing surfaces: case, accents and apostrophes folded, offsets kept."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "’‘`´"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in "‐‑–—":
        return "-"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Lower-case, accents stripped, apostrophes and dashes unified; same length as ``text``
    (cached: ranking folds the same sentences for every fact of the article)."""
    return "".join(_fold_char(c) for c in text)


def key(text: str) -> str:
    """A merge key: folded, whitespace collapsed."""
    return " ".join(fold(text).split())


def find(needle: str, haystack: str) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``haystack`` as whole words, ignoring case and accents.

    Returns:
        Start and end offsets in ``haystack``, or None.
    """
    needle = " ".join(needle.split())
    if not needle or not haystack:
        return None
    words = [re.escape(w) for w in fold(needle).split(" ")]
    pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
    match = re.search(pattern, fold(haystack))
    return match.span() if match else None


def contains(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words, ignoring case and accents."""
    return find(needle, haystack) is not None
