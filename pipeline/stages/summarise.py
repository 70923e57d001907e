"""Summarise stage: an English summary of the translation, its French side, each line traced.

1. English: the body's translated sentences, map-reduced through the summariser so that no
   article is cut at the model's input limit (:mod:`pipeline.text.chunking`), or only its
   first ``max_input_tokens`` tokens in one pass when that is set (a CPU setting); the output is
   split into sentences, empty and near-duplicate ones dropped, at most ``max_sentences`` kept.
2. French: the English summary translated back sentence by sentence (default), or a French
   summariser run on the French body, chunked the same way (``french.method = "model"``).
3. Provenance: each summary sentence gets the ids of the source sentences it draws on (lexical
   overlap, numbers and names weighted up, both sides of the alignment counted).

Checking each summary sentence against its sources, and titling an untitled article with the
first sentence that passes, is the ``verify`` stage's work (:mod:`pipeline.stages.verify`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from pipeline.backends.base import GenerationSettings, Seq2SeqBackend
from pipeline.config import BriefConfig, SummariseConfig
from pipeline.document import Article, SummarySentence
from pipeline.errors import ConfigError
from pipeline.registry import build_backend
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.text.chunking import Condensed, MapReduce
from pipeline.text.overlap import pick_sources, similarity, source_keys
from pipeline.text.segment import split_english, split_french

log = logging.getLogger(__name__)


def _generation(cfg: SummariseConfig, num_beams: int) -> GenerationSettings:
    return GenerationSettings(
        num_beams=num_beams,
        max_new_tokens=cfg.max_new_tokens,
        max_length_ratio=cfg.length_ratio,
        min_max_new_tokens=max(cfg.min_new_tokens, 1),
        min_new_tokens=cfg.min_new_tokens,
        no_repeat_ngram_size=cfg.no_repeat_ngram_size,
        repetition_penalty=cfg.repetition_penalty,
        length_penalty=cfg.length_penalty,
    )


# How a whole sentence ends: a full stop, question or exclamation mark, an ellipsis, then any
# closing quotes or brackets (a space before one: « … »).
_SENTENCE_END = re.compile(r"[.!?…](?:\s*[\"'”»’)\]])*$")


def whole_sentences(sentences: list[str]) -> list[str]:
    """A summary's sentences without a last one cut off mid-way: a summariser held to its token
    cap stops where the cap falls ("… the opposition said the"). The fragment goes when a whole
    sentence comes before it; a summary that is one fragment is kept."""
    if len(sentences) > 1 and not _SENTENCE_END.search(sentences[-1].rstrip()):
        return sentences[:-1]
    return sentences


def tidy(sentences: list[str], threshold: float, limit: int, lang: str = "en") -> list[str]:
    """Summary sentences worth showing: no empty or letterless ones, no near duplicates.

    Args:
        sentences: Candidate sentences in order.
        threshold: :func:`~pipeline.text.overlap.similarity` at which a sentence repeats an
            earlier one.
        limit: At most this many are kept.
        lang: Their language.
    """
    kept: list[str] = []
    for sentence in sentences:
        text = " ".join(sentence.split())
        if not any(ch.isalpha() for ch in text):
            continue
        if any(similarity(text, earlier, lang) >= threshold for earlier in kept):
            continue
        kept.append(text)
        if len(kept) == limit:
            break
    return kept


def _require(backend: Seq2SeqBackend, ability: str, path: str, kind: str) -> None:
    """Raises a config error naming the key when a backend cannot do what the stage needs."""
    if ability not in backend.abilities:
        raise ConfigError(f"{path}.kind: backend {kind!r} cannot {ability}")


def lead(sentences: list[str], count: Callable[[list[str]], list[int]], budget: int) -> list[str]:
    """The first sentences that fit ``budget`` tokens together (at least the first one).

    Args:
        sentences: The document's sentences, in order.
        count: Token counts as the summariser counts them (special tokens included).
        budget: Most tokens of the joined sentences.
    """
    if not sentences:
        return []
    overhead = count([""])[0]
    used = overhead
    kept = 0
    for n in count(sentences):
        # +1: a sentence after another follows a space, which BPE vocabularies count.
        used += n - overhead + (1 if kept else 0)
        if used > budget and kept:
            break
        kept += 1
    return sentences[:kept]


def input_limit(backend: Seq2SeqBackend) -> int | None:
    """The most tokens a backend's model reads, when it says (stand-ins have no limit)."""
    return backend.max_input_tokens


def _map_reduce(backend: Seq2SeqBackend, split: Any, cfg: SummariseConfig) -> MapReduce:
    limit = input_limit(backend)
    if limit is not None and cfg.max_chunk_tokens is not None:
        limit = min(limit, cfg.max_chunk_tokens)
    return MapReduce(
        backend.summarise,
        backend.count_tokens,
        limit,
        split,
        cfg.max_depth,
        cfg.min_new_tokens,
        join_chunks=cfg.join_chunks,
        summary_tokens=cfg.max_new_tokens,
    )


class SummariseStage(Stage):
    """Fills ``summary_en`` and ``summary_fr``, each sentence with its source ids and flags."""

    name = "summarise"
    requires = ("sentences.en",)
    provides = ("summary_en", "summary_fr")

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        cfg = config.stages.summarise
        self.config = cfg
        self.backend = build_backend(
            cfg.backend, _generation(cfg, cfg.num_beams), runtime, "stages.summarise.backend"
        )
        french = cfg.french
        if french.method == "back-translate":
            # Sentences translated back: length bounds of a translation, from its own table.
            french_generation = GenerationSettings(
                num_beams=french.num_beams,
                max_length_ratio=french.max_length_ratio,
                min_max_new_tokens=french.min_max_new_tokens,
            )
        else:
            french_generation = _generation(cfg, french.num_beams)
        self.french = build_backend(
            french.backend, french_generation, runtime, "stages.summarise.french.backend"
        )
        _require(self.backend, "summarise", "stages.summarise.backend", cfg.backend.kind)
        ability = "summarise" if french.method == "model" else "translate"
        _require(self.french, ability, "stages.summarise.french.backend", french.backend.kind)

    def backends(self) -> dict[str, Any]:
        return {"summarise": self.backend, "summarise.french": self.french}

    def pipe(self, articles: list[Article]) -> list[Article]:
        live = [a for a in articles if _summarised(a)]
        if not live:
            return articles
        english = _map_reduce(self.backend, split_english, self.config)
        documents = [[s.en or "" for s in a.body()] for a in live]
        totals = [len(d) for d in documents]
        if self.config.max_input_tokens is not None:
            documents = [
                lead(d, self.backend.count_tokens, self.config.max_input_tokens) for d in documents
            ]
        results = english.run(documents)
        for article, result, document, total in zip(live, results, documents, totals, strict=True):
            article.summary_en = self._sentences(article, result, "en")
            article.summary_info = {
                "chunks": result.chunks,
                "passes": result.passes,
                "joined": result.joined,
                "french_method": self.config.french.method,
            }
            if len(document) < total:
                # A setting, not a fault: recorded, not warned about.
                article.summary_info["sentences_read"] = len(document)
                article.summary_info["sentences"] = total
        if self.config.french.method == "back-translate":
            self._back_translate(live)
        else:
            self._summarise_french(live)
        return articles

    def _sentences(self, article: Article, result: Condensed, lang: str) -> list[SummarySentence]:
        """A summary split, tidied and traced to its source sentences; warns when it is empty
        or had to be cut."""
        if result.truncated:
            rounds = result.passes - 1
            article.warn(
                "summarise.truncated",
                f"the {'English' if lang == 'en' else 'French'} text ({result.tokens} tokens) "
                f"was still {result.final_tokens} tokens after {rounds} round"
                f"{'s' if rounds != 1 else ''} of chunk summaries, over the model's input limit: "
                "the last pass read only its "
                "beginning (raise stages.summarise.max_depth)",
                self.name,
            )
        split = split_english if lang == "en" else split_french
        cfg = self.config
        units = [s for part in result.parts for s in whole_sentences(split(part))]
        texts = tidy(units, cfg.duplicate_similarity, cfg.max_sentences, lang)
        if not texts:
            article.warn("summarise.empty", f"the {lang} summary came back empty", self.name)
        other = "fr" if lang == "en" else "en"
        keyed = [
            (s.id, source_keys(getattr(s, lang) or "", lang, getattr(s, other), other))
            for s in article.sentences
        ]
        return [SummarySentence(text=t, sources=pick_sources(t, lang, keyed)) for t in texts]

    def _back_translate(self, articles: list[Article]) -> None:
        flat = [s for a in articles for s in a.summary_en]
        french = iter(self.french.translate([s.text for s in flat]) if flat else [])
        for article in articles:
            # Same sentence in the other language: the same sources.
            article.summary_fr = [
                SummarySentence(text=" ".join(next(french).split()), sources=list(s.sources))
                for s in article.summary_en
            ]

    def _summarise_french(self, articles: list[Article]) -> None:
        french = _map_reduce(self.french, split_french, self.config)
        results = french.run([[s.fr for s in a.body()] for a in articles])
        for article, result in zip(articles, results, strict=True):
            article.summary_fr = self._sentences(article, result, "fr")
            article.summary_info["french_chunks"] = result.chunks
            article.summary_info["french_passes"] = result.passes
            article.summary_info["french_joined"] = result.joined


def _summarised(article: Article) -> bool:
    """Whether the stage summarises the article: active, with English to summarise."""
    return article.active and any(s.en for s in article.sentences)
