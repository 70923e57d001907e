"""Translate stage: every French sentence to English, batched across the articles of a run."""

from __future__ import annotations

import logging
from typing import Any

from pipeline.backends.hf_seq2seq import GenerationSettings
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.registry import build_backend
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage

log = logging.getLogger(__name__)


class TranslateStage(Stage):
    """Fills ``sentence.en`` for every sentence and ``title_en``."""

    name = "translate"
    requires = ("sentences",)
    provides = ("sentences.en", "title_en")

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        cfg = config.stages.translate
        self.config = cfg
        generation = GenerationSettings(
            num_beams=cfg.num_beams,
            max_length_ratio=cfg.max_length_ratio,
            min_max_new_tokens=cfg.min_max_new_tokens,
            min_length_ratio=cfg.min_length_ratio,
            no_repeat_ngram_size=cfg.no_repeat_ngram_size,
            repetition_penalty=cfg.repetition_penalty,
        )
        self.backend = build_backend(cfg.backend, generation, runtime, "stages.translate.backend")

    def backends(self) -> dict[str, Any]:
        return {"translate": self.backend}

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if a.active]
        sentences = [s for a in live for s in a.sentences]
        if not sentences:
            return articles
        self._warn_overlong(live)
        # One call for the whole batch of articles: the backend sorts by length and batches.
        outputs = self.backend.translate([s.fr for s in sentences])
        for sentence, english in zip(sentences, outputs, strict=True):
            sentence.en = english
        for article in live:
            if article.title_fr and article.paragraphs and article.paragraphs[0].kind == "heading":
                first = article.sentences_of(article.paragraphs[0])
                article.title_en = " ".join(s.en or "" for s in first).strip() or None
        return articles

    def _warn_overlong(self, articles: list[Article]) -> None:
        counter = getattr(self.backend, "count_tokens", None)
        limit = getattr(getattr(self.backend, "spec", None), "max_input_tokens", None)
        if counter is None or limit is None:
            return
        for article in articles:
            counts = counter([s.fr for s in article.sentences])
            for sentence, n in zip(article.sentences, counts, strict=True):
                if n > limit:
                    sentence.flags.append("truncated_input")
                    article.warn(
                        "translate.truncated",
                        f"sentence {sentence.id} has {n} tokens, over the model's {limit}; "
                        "its end was not translated",
                        self.name,
                        sentence.id,
                    )
