"""French sentence splitting with spaCy, repaired by rules where the model errs.

spaCy's ``fr_core_news_md`` has a trained sentence recogniser (``senter``, shipped disabled; about
ten times faster than taking boundaries from the parser, with the same errors once repaired). Its
boundaries are merged with those of the rules (:func:`pipeline.text.segment.rule_starts`), then
every boundary is checked against what a French sentence start cannot be:

- a closing guillemet, quote or bracket, which goes back to the sentence it closes
  ("« Bonjour. » Puis…");
- punctuation only, or a comma, semicolon or colon ("NetEase Inc., ou encore…");
- a lower-case word ("p. ex. le n° 5", "« Pourquoi ? » demande-t-il");
- anything after an abbreviation or an initial ("M. Dupont", "J. K. Rowling"), or after an
  opening guillemet or bracket.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from pipeline.text.segment import (
    is_abbreviation,
    normalise_space,
    rule_starts,
    split_rules,
)

log = logging.getLogger(__name__)

_CLOSERS = "»”)]"
_AMBIGUOUS_QUOTES = "\"'’"
_OPENERS = "«“([—–-"
_JOINERS = ",;:)]»”…"
_ALNUM = re.compile(r"\w")
_TERMINAL = re.compile(r"[.!?…][»”\"’')\]\s]*$")


def _sentence_components(nlp: Any) -> list[str]:
    """Only what sets sentence boundaries: ``senter`` when the pipeline has one, else the parser."""
    if "senter" in nlp.component_names:
        return ["senter"]
    return [n for n in ("tok2vec", "parser") if n in nlp.component_names]


def _first_word(piece: str) -> str:
    stripped = piece.lstrip(_OPENERS + "\"' ")
    return stripped.split(" ", 1)[0] if stripped else ""


def _starts_lower(piece: str) -> bool:
    word = _first_word(piece)
    # "iPhone", "eBay": a lower-case first letter with a capital inside is a name.
    return bool(word) and word[0].islower() and not any(c.isupper() for c in word[1:])


def _should_join(prev: str, piece: str) -> bool:
    """Whether the boundary between ``prev`` and ``piece`` is a false one."""
    if not _ALNUM.search(piece) or not _ALNUM.search(prev):
        return True
    # The model also cuts where no punctuation is ("les fusées | Titan III", "Antonis |
    # Roupakiotis"): in edited news text a sentence ends with a mark.
    if not _TERMINAL.search(prev):
        return True
    if piece[0] in _JOINERS or prev[-1] in _OPENERS[:3]:
        return True
    if _starts_lower(piece):
        return True
    return prev.endswith(".") and not prev.endswith("..") and is_abbreviation(prev[:-1])


def _move_openers(text: str, start: int) -> int:
    """Moves a boundary back before the opening guillemets and brackets that precede it."""
    pos = start
    while True:
        before = text[:pos].rstrip()
        if not before or before[-1] not in _OPENERS[:3]:
            return pos
        pos = len(before) - 1


def _move_closers(text: str, start: int) -> int:
    """Moves a boundary past the closing quotes and brackets that belong to the sentence before."""
    pos = start
    while pos < len(text):
        ch = text[pos]
        if ch == " ":
            pos += 1
            continue
        if ch in _CLOSERS:
            pos += 1
            continue
        # A straight or typographic single quote closes only when one is open before it.
        if ch in _AMBIGUOUS_QUOTES and text[:start].count(ch) % 2 == 1:
            pos += 1
            continue
        break
    # Only past closers, never into the next word's leading spaces alone.
    return pos if pos > start and text[start:pos].strip() else start


def repair(text: str, starts: list[int]) -> list[str]:
    """Sentences of ``text`` cut at ``starts``, with the false boundaries removed.

    Args:
        text: A normalised paragraph.
        starts: Candidate sentence start offsets (any order; 0 and duplicates ignored).

    Returns:
        The sentences, stripped, in order.
    """
    moved = sorted(
        {_move_openers(text, _move_closers(text, s)) for s in starts if 0 < s < len(text)}
    )
    bounds = [0, *moved, len(text)]
    # Spans, not strings, so that a join keeps the original spacing ("Inc., ou encore").
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _should_join(text[out[-1][0] : out[-1][1]].strip(), text[a:b].strip()):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    # A first piece that is nothing but an opening mark joins the next one.
    if len(out) > 1 and not _ALNUM.search(text[out[0][0] : out[0][1]]):
        out[:2] = [(out[0][0], out[1][1])]
    return [text[a:b].strip() for a, b in out]


def split_spacy_many(texts: list[str], batch_size: int = 64) -> list[list[str]]:
    """Splits French paragraphs with spaCy's sentence recogniser plus the rules.

    Args:
        texts: Paragraphs.
        batch_size: Paragraphs per ``nlp.pipe`` batch.

    Returns:
        For each paragraph, its sentences.

    Raises:
        ModelUnavailable: When ``fr_core_news_md`` is not installed.
    """
    from pipeline.backends.spacy_fr import SpacyFrench, components

    normalised = [normalise_space(t) for t in texts]
    out: list[list[str]] = [[] for _ in texts]
    # The same loaded pipeline as the facts stage's: one load per process.
    nlp = SpacyFrench().nlp()
    # spaCy refuses texts over nlp.max_length; those few get the rules alone.
    todo = [i for i, t in enumerate(normalised) if t and len(t) < nlp.max_length]
    for i, t in enumerate(normalised):
        if t and len(t) >= nlp.max_length:
            log.info("paragraph of %d characters split by the rules alone", len(t))
            out[i] = split_rules(t)
    with components(nlp, _sentence_components(nlp)):
        docs = nlp.pipe((normalised[i] for i in todo), batch_size=batch_size)
        for i, doc in zip(todo, docs, strict=True):
            text = normalised[i]
            model = [s.start_char for s in doc.sents]
            out[i] = repair(text, [*model, *rule_starts(text)])
    return out
