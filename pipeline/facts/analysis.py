"""The spaCy view of each sentence, reduced to what the fact rules need.

Keeping tokens and entities in small plain objects lets the rules be tested on hand-made
sentences, and keeps spaCy's ``Doc`` objects (and their memory) out of the article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.document import Sentence

log = logging.getLogger(__name__)

# Components the entity and count rules use; the others are switched off while piping.
_NEEDED = {"tok2vec", "morphologizer", "ner"}


@dataclass(frozen=True)
class Token:
    """A token: character offsets in the sentence, text and coarse part of speech."""

    start: int
    end: int
    text: str
    pos: str


@dataclass(frozen=True)
class Entity:
    """A named entity the model found: character offsets, text and label."""

    start: int
    end: int
    text: str
    label: str


@dataclass
class Analysis:
    """Tokens and entities of one sentence (both empty when the model did not run on it)."""

    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def token_at_or_after(self, offset: int) -> int | None:
        """Index of the first token starting at or after ``offset``."""
        for i, token in enumerate(self.tokens):
            if token.start >= offset:
                return i
        return None


def analyse_sentences(
    model: str, sentences: list[Sentence], batch_size: int = 64, max_chars: int = 20_000
) -> list[Analysis]:
    """The analysis of each sentence's French, running spaCy only on those not yet analysed
    with ``model`` and keeping the result on the sentence (``sentence.analysis``).

    The translate stage's name check and the facts stage need the same tokens and entities of
    the same sentences: spaCy runs once per sentence, the most expensive CPU step of the
    pipeline after the models.

    Args:
        model: The spaCy package (loaded once per process, see :mod:`pipeline.backends.spacy_fr`).
        sentences: The sentences.
        batch_size / max_chars: As for :func:`analyse`.

    Raises:
        ModelUnavailable: When the spaCy package is not installed.
    """
    from pipeline.backends.spacy_fr import SpacyFrench

    todo = [s for s in sentences if s.analysis is None or s.analysis[0] != model]
    if todo:
        fresh = analyse(SpacyFrench(model).nlp(), [s.fr for s in todo], batch_size, max_chars)
        for sentence, analysis in zip(todo, fresh, strict=True):
            sentence.analysis = (model, analysis)
    return [s.analysis[1] for s in sentences if s.analysis is not None]  # all of them now


def analyse(
    nlp: Any, texts: list[str], batch_size: int = 64, max_chars: int = 20_000
) -> list[Analysis]:
    """Runs spaCy over sentences in batches (``nlp.pipe``) with only the needed components.

    Args:
        nlp: A loaded spaCy pipeline.
        texts: The sentences.
        batch_size: Sentences per spaCy batch.
        max_chars: Longer sentences are not analysed (an empty analysis comes back for them).

    Returns:
        One analysis per text, in order.
    """
    from pipeline.backends.spacy_fr import components

    todo = [i for i, t in enumerate(texts) if t and len(t) <= max_chars]
    out = [Analysis() for _ in texts]
    # The pipeline is shared in the process (the segmenter switches its components too).
    with components(nlp, [name for name in nlp.pipe_names if name in _NEEDED]):
        docs: Iterable[Any] = nlp.pipe((texts[i] for i in todo), batch_size=batch_size)
        for i, doc in zip(todo, docs, strict=True):
            out[i] = Analysis(
                tokens=[Token(t.idx, t.idx + len(t.text), t.text, t.pos_) for t in doc],
                entities=[Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents],
            )
    return out
