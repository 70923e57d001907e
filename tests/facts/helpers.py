"""Hand-made spaCy analyses, so that the rules can be tested without the model."""

from __future__ import annotations

import re

from pipeline.facts.analysis import Analysis, Entity, Token


def analysis(
    text: str, entities: list[tuple[str, str]] = (), nouns: tuple[str, ...] = ()
) -> Analysis:
    """Tokens split on spaces/punctuation (``nouns`` tagged NOUN) and the given entities.

    Args:
        text: The sentence.
        entities: ``(surface, label)`` pairs, found left to right in ``text``.
        nouns: Token texts to tag as nouns.
    """
    tokens = [
        Token(m.start(), m.end(), m.group(0), "NOUN" if m.group(0) in nouns else "X")
        for m in re.finditer(r"\w+(?:[’']|(?:[.,]\d+)+)?|[^\w\s]", text)
    ]
    found: list[Entity] = []
    position = 0
    for surface, label in entities:
        start = text.index(surface, position)
        found.append(Entity(start, start + len(surface), surface, label))
        position = start + len(surface)
    return Analysis(tokens, found)
