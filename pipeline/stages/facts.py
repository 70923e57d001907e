"""Facts stage: named entities, quantities, dates and periods, each traced to its sentences.

spaCy's French model finds the entities (on CPU, every sentence of the batch in one
``nlp.pipe``); rules built on the shared number parser find quantities, dates and periods; the
English surfaces come from the aligned translation. See :mod:`pipeline.facts`.
"""

from __future__ import annotations

import logging
from typing import Any

from pipeline.backends.spacy_fr import SpacyFrench
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.facts.analysis import analyse_sentences
from pipeline.facts.extract import extract
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage

log = logging.getLogger(__name__)

# Sentences longer than this (no punctuation for pages on end) are left to the rules alone.
MAX_SENTENCE_CHARS = 20_000


class FactsStage(Stage):
    """Fills ``article.facts``, ranked by salience, and ``article.key_sentences``."""

    name = "facts"
    requires = ("sentences",)
    provides = ("facts", "key_sentences")
    parallel = True

    def __init__(self, config: BriefConfig, runtime: Runtime | None = None) -> None:
        self.config = config.stages.facts
        self.spacy_model = config.language.spacy_model  # the shared table
        self.backend = SpacyFrench(self.spacy_model)

    def backends(self) -> dict[str, Any]:
        return {"facts": self.backend}

    def warm_up(self) -> None:
        self.backend.nlp()

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if a.active]
        if not live:
            return articles
        # Sentences the translate stage's name check analysed are not analysed again.
        sentences = [s for a in live for s in a.sentences]
        analyses = analyse_sentences(
            self.spacy_model, sentences, self.config.batch_size, MAX_SENTENCE_CHARS
        )
        start = 0
        for article in live:
            count = len(article.sentences)
            mine = analyses[start : start + count]
            start += count
            for sentence in article.sentences:
                if len(sentence.fr) > MAX_SENTENCE_CHARS:
                    article.warn(
                        "facts.sentence_too_long",
                        f"sentence {sentence.id + 1} has {len(sentence.fr):,} characters; its "
                        "names were not looked for",
                        self.name,
                        sentence.id,
                    )
            extract(article, mine, self.config.key_sentences)
        return articles
