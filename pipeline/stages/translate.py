"""Translate stage: every French sentence to English, batched across the articles of a run.

What happens to the sentences of a batch of articles, in order:

1. Sentences already in English (an English article passed through, an English quotation marked
   by the detect stage) are kept as written.
2. A sentence over the model's input limit is cut at clause boundaries, then into token windows
   (:mod:`pipeline.text.longinput`); the pieces are translated and joined, and a warning says
   so. Nothing is truncated silently.
3. All pieces of all articles go to the backend in one call; the backend sorts them by length,
   batches them by token budget and gives them back in order. A persistent cache wrapped around
   the backend answers what was translated before.
4. Each output is checked for degeneration (:mod:`pipeline.text.guards`); a failing one is
   translated again with safer decoding, the better attempt is kept, and if it still fails the
   sentence is flagged.

Whether the English keeps the French's numbers, dates, names and negations is the ``verify``
stage's work (:mod:`pipeline.stages.verify`).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from pipeline.backends.base import GenerationSettings
from pipeline.backends.cache import CachedBackend, default_cache_path
from pipeline.config import BriefConfig, TranslateConfig
from pipeline.document import Article, Sentence
from pipeline.registry import MODEL_BACKENDS, build_backend
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.text.guards import best_attempt, lower_words, problems
from pipeline.text.longinput import split_long

log = logging.getLogger(__name__)

TARGET = "en"
SOURCE = "fr"
# Languages the untranslated-output check chooses between.
_OUTPUT_LANGUAGES = ("fr", "en")


def generation_settings(cfg: TranslateConfig) -> GenerationSettings:
    """The decoding settings of the first attempt."""
    return GenerationSettings(
        num_beams=cfg.num_beams,
        max_length_ratio=cfg.max_length_ratio,
        min_max_new_tokens=cfg.min_max_new_tokens,
        no_repeat_ngram_size=cfg.no_repeat_ngram_size,
        repetition_penalty=cfg.repetition_penalty,
    )


def retry_settings(cfg: TranslateConfig, first: GenerationSettings) -> GenerationSettings:
    """Safer decoding for a retry: never less careful than the first attempt."""
    retry = cfg.retry
    return dataclasses.replace(
        first,
        num_beams=max(first.num_beams, retry.num_beams),
        no_repeat_ngram_size=retry.no_repeat_ngram_size or first.no_repeat_ngram_size,
        repetition_penalty=max(first.repetition_penalty, retry.repetition_penalty),
    )


def _translated(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence goes to the model (English, and a paragraph the detect stage found
    in another language, are kept as written)."""
    return article.lang != TARGET and sentence.lang in (None, SOURCE)


@dataclasses.dataclass
class _Job:
    """One sentence to translate, as the pieces it was cut into."""

    article: Article
    sentence: Sentence
    pieces: list[str]
    tokens: int = 0


# The declarations every stage makes (stages/base.py): alike in shape, each its own fields.
class TranslateStage(Stage):
    """Fills ``sentence.en`` for every sentence and ``title_en``, with flags and warnings."""

    name = "translate"
    requires = ("sentences",)
    provides = ("sentences.en", "title_en")

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        cfg = config.stages.translate
        self.config = cfg
        self.generation = generation_settings(cfg)
        self.retry_generation = retry_settings(cfg, self.generation)
        backend = build_backend(cfg.backend, self.generation, runtime, "stages.translate.backend")
        if cfg.cache.enabled and cfg.backend.kind in MODEL_BACKENDS:
            backend = CachedBackend(backend, cfg.cache.path or default_cache_path())
        self.backend = backend

    def backends(self) -> dict[str, Any]:
        return {"translate": self.backend}

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if a.active]
        jobs: list[_Job] = []
        for article in live:
            for sentence in article.sentences:
                if _translated(article, sentence):
                    jobs.append(_Job(article, sentence, [sentence.fr]))
                else:
                    sentence.en = sentence.fr
        if jobs:
            self._split_long(jobs)
            sources = [p for job in jobs for p in job.pieces]
            outputs = self.backend.translate(sources)
            found = self._guard(sources, outputs)
            self._assemble(jobs, outputs, found)
        for article in live:
            self._title(article)
        return articles

    # -- long input ---------------------------------------------------------------------------

    def _limit(self) -> int | None:
        if self.config.max_input_tokens:
            return self.config.max_input_tokens
        return self.backend.max_input_tokens

    def _split_long(self, jobs: list[_Job]) -> None:
        limit = self._limit()
        if limit is None:
            return
        count = self.backend.count_tokens
        counts = count([job.sentence.fr for job in jobs])
        for job, n in zip(jobs, counts, strict=True):
            job.tokens = n
            if n > limit:
                job.pieces = split_long(job.sentence.fr, count, limit)

    # -- guarding the output ------------------------------------------------------------------

    def _french_confidence(self, outputs: list[str]) -> list[float | None]:
        """The detector's confidence that each output is French (None where not asked)."""
        guard = self.config.guard
        asked = [i for i, o in enumerate(outputs) if lower_words(o) >= guard.untranslated_min_words]
        scores: list[float | None] = [None] * len(outputs)
        if asked:
            from pipeline.backends.language_id import confidence_of

            values = confidence_of([outputs[i] for i in asked], "fr", _OUTPUT_LANGUAGES)
            for i, value in zip(asked, values, strict=True):
                scores[i] = value
        return scores

    def _guard(self, sources: list[str], outputs: list[str]) -> list[list[str]]:
        """Checks every output, retries the failing ones; fixes ``outputs`` in place.

        Returns:
            The problems left with each output.
        """
        guard = self.config.guard
        if not guard.enabled:
            return [[] for _ in outputs]
        scores = self._french_confidence(outputs)
        found = [problems(s, o, guard, c) for s, o, c in zip(sources, outputs, scores, strict=True)]
        bad = [i for i, p in enumerate(found) if p]
        if not bad:
            return found
        log.info("%d translation(s) failed a guard; retrying with safer decoding", len(bad))
        retried = self.backend.translate([sources[i] for i in bad], self.retry_generation)
        retry_scores = self._french_confidence(retried)
        for i, output, score in zip(bad, retried, retry_scores, strict=True):
            again = problems(sources[i], output, guard, score)
            outputs[i], found[i] = best_attempt([(outputs[i], found[i]), (output, again)])
        return found

    def _assemble(self, jobs: list[_Job], outputs: list[str], found: list[list[str]]) -> None:
        position = 0
        for job in jobs:
            n = len(job.pieces)
            parts = outputs[position : position + n]
            left = sorted({p for f in found[position : position + n] for p in f})
            position += n
            sentence, article = job.sentence, job.article
            sentence.en = " ".join(p for p in parts if p).strip()
            if n > 1:
                _flag(sentence, "split_input")
                article.warn(
                    "translate.split_long",
                    f"sentence {sentence.id + 1} has {job.tokens} tokens, over the model's limit "
                    f"of {self._limit()}; it was translated in {n} pieces, joined",
                    self.name,
                    sentence.id,
                )
            if left:
                for problem in left:
                    _flag(sentence, problem)
                article.warn(
                    "translate.degenerate",
                    f"sentence {sentence.id + 1}: the translation shows {', '.join(left)} even "
                    "after a retry with safer decoding; the better attempt is kept",
                    self.name,
                    sentence.id,
                )

    # -- structure ----------------------------------------------------------------------------

    @staticmethod
    def _title(article: Article) -> None:
        if article.title_fr and article.paragraphs and article.paragraphs[0].kind == "heading":
            first = article.sentences_of(article.paragraphs[0])
            article.title_en = " ".join(s.en or "" for s in first).strip() or None


def _flag(sentence: Sentence, flag: str) -> None:
    if flag not in sentence.flags:
        sentence.flags.append(flag)
