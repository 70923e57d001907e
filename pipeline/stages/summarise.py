"""Summarise stage: an English summary of the translation, and its French side."""

from __future__ import annotations

import logging
from typing import Any

from pipeline.backends.hf_seq2seq import GenerationSettings
from pipeline.config import BriefConfig
from pipeline.document import Article, SummarySentence
from pipeline.registry import build_backend
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.text.overlap import best_sources
from pipeline.text.segment import split_english, split_french

log = logging.getLogger(__name__)


class SummariseStage(Stage):
    """Fills ``summary_en`` and ``summary_fr``, each sentence with its source sentence ids."""

    name = "summarise"
    requires = ("sentences.en",)
    provides = ("summary_en", "summary_fr")

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        cfg = config.stages.summarise
        self.config = cfg
        generation = GenerationSettings(
            num_beams=cfg.num_beams,
            max_new_tokens=cfg.max_new_tokens,
            max_length_ratio=None,
            min_new_tokens=cfg.min_new_tokens,
            no_repeat_ngram_size=cfg.no_repeat_ngram_size,
            length_penalty=cfg.length_penalty,
        )
        self.backend = build_backend(cfg.backend, generation, runtime, "stages.summarise.backend")
        french = cfg.french
        if french.method == "back-translate":
            french_generation = GenerationSettings(num_beams=french.num_beams)
        else:
            french_generation = generation
        self.french = build_backend(
            french.backend, french_generation, runtime, "stages.summarise.french.backend"
        )

    def backends(self) -> dict[str, Any]:
        return {"summarise": self.backend, "summarise.french": self.french}

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if a.active and any(s.en for s in a.sentences)]
        if not live:
            return articles
        texts = [self._body_en(a) for a in live]
        self._warn_overlong(live, texts)
        summaries = self.backend.summarise(texts)
        for article, summary in zip(live, summaries, strict=True):
            candidates = [(s.id, s.en or "") for s in article.sentences]
            article.summary_en = [
                SummarySentence(text=t, sources=best_sources(t, candidates))
                for t in split_english(summary)[: self.config.max_sentences]
            ]
        if self.config.french.method == "back-translate":
            self._back_translate(live)
        else:
            self._summarise_french(live)
        return articles

    def _body_en(self, article: Article) -> str:
        blocks = []
        for para in article.paragraphs:
            if para.kind == "heading":
                continue
            blocks.append(" ".join(s.en or "" for s in article.sentences_of(para)).strip())
        return "\n".join(b for b in blocks if b)

    def _back_translate(self, articles: list[Article]) -> None:
        flat = [s for a in articles for s in a.summary_en]
        french = self.french.translate([s.text for s in flat])
        it = iter(french)
        for article in articles:
            article.summary_fr = [
                SummarySentence(text=next(it), sources=list(s.sources)) for s in article.summary_en
            ]

    def _summarise_french(self, articles: list[Article]) -> None:
        summaries = self.french.summarise([a.text_fr() for a in articles])
        for article, summary in zip(articles, summaries, strict=True):
            candidates = [(s.id, s.fr) for s in article.sentences]
            article.summary_fr = [
                SummarySentence(text=t, sources=best_sources(t, candidates))
                for t in split_french(summary)[: self.config.max_sentences]
            ]

    def _warn_overlong(self, articles: list[Article], texts: list[str]) -> None:
        counter = getattr(self.backend, "count_tokens", None)
        limit = getattr(getattr(self.backend, "spec", None), "max_input_tokens", None)
        if counter is None or limit is None:
            return
        for article, n in zip(articles, counter(texts), strict=True):
            if n > limit:
                article.warn(
                    "summarise.truncated",
                    f"the English text has {n} tokens, over the summariser's {limit}; "
                    "the summary covers its beginning only",
                    self.name,
                )
