"""Sentence segmentation for French source text and English model output.

Rule-based, so that it runs anywhere in milliseconds: a boundary is a sentence-final mark
followed by a space (or a missing space before a capital, as in "classiques.Enfin") and a
sentence start, except after a known abbreviation, an initial, or inside a number.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (compared case-insensitively).
_ABBREVIATIONS_FR = {
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "mlles",
    "dr",
    "pr",
    "me",
    "mgr",
    "st",
    "ste",
    "etc",
    "cf",
    "p",
    "pp",
    "ex",
    "env",
    "av",
    "apr",
    "j.-c",
    "n°",
    "no",
    "vol",
    "chap",
    "art",
    "fig",
    "éd",
    "coll",
    "min",
    "max",
    "hab",
    "gén",
    "col",
    "cdt",
    "lt",
    "sgt",
    "jan",
    "janv",
    "fév",
    "févr",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "déc",
    "bd",
    "tél",
    "vs",
    "inc",
    "ltd",
    "cie",
    "dept",
    "dép",
    "ca",
    "approx",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
    "u.s",
    "e.g",
    "i.e",
}
_ABBREVIATIONS_EN = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "no",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "gen",
    "gov",
    "sen",
    "rep",
}

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
# Candidate boundary: end mark(s), optional closing quote/bracket, then whitespace, then a
# plausible sentence start (capital, digit, opening quote, dash).
_BOUNDARY = re.compile(rf"([.!?…]+(?:\s?[»”\"’')\]])*)(\s+)(?=[«“\"'(\[—–-]?\s*[{_UPPER}0-9])")
# Missing space after a full stop between a lower-case word and a capitalised one.
_GLUED = re.compile(rf"(?<=[a-zà-öø-ÿœ]{{2}})\.(?=[{_UPPER}][a-zà-öø-ÿœ])")
_WORD_BEFORE = re.compile(r"([\w.\-°]+)$")


def _is_abbreviation(prefix: str, abbreviations: set[str]) -> bool:
    match = _WORD_BEFORE.search(prefix)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in abbreviations:
        return True
    # Single-letter initials ("J. K. Rowling", "M. Lei").
    return len(word) == 1 and word.isalpha()


def _split(text: str, abbreviations: set[str]) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    text = _GLUED.sub(". ", text)
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        mark = match.group(1)
        end = match.end(1)
        single_stop = mark.startswith(".") and len(mark.rstrip("»”\"’')] ")) == 1
        if single_stop and _is_abbreviation(text[start : match.start(1)], abbreviations):
            continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end(2)
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_french(text: str) -> list[str]:
    """Splits one French paragraph into sentences.

    Args:
        text: A paragraph (line breaks inside it are treated as spaces).

    Returns:
        The sentences, whitespace-normalised, in order.
    """
    return _split(text, _ABBREVIATIONS_FR)


def split_english(text: str) -> list[str]:
    """Splits English text (model output) into sentences."""
    return _split(text, _ABBREVIATIONS_EN)
