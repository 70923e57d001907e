"""The spaCy view of each sentence, reduced to what the fact rules need.

Keeping tokens and entities in small plain objects lets the rules be tested on hand-made
sentences, and keeps spaCy's ``Doc`` objects (and their memory) out of the article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
    disable = [name for name in nlp.pipe_names if name not in _NEEDED]
    todo = [i for i, t in enumerate(texts) if t and len(t) <= max_chars]
    out = [Analysis() for _ in texts]
    docs: Iterable[Any] = nlp.pipe((texts[i] for i in todo), batch_size=batch_size, disable=disable)
    for i, doc in zip(todo, docs, strict=True):
        out[i] = Analysis(
            tokens=[Token(t.idx, t.idx + len(t.text), t.text, t.pos_) for t in doc],
            entities=[Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents],
        )
    return out
