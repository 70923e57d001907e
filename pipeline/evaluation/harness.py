"""Runs an evaluation with a config's models and returns a result that stays comparable.

Every result carries the brief signature (package version, config hash, models and their
revisions, device, dtype), the dataset and subset, the item count and the metric signatures, so
that two numbers can be compared — or told apart — months later.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pipeline.columns import aligned
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import ConfigError
from pipeline.evaluation import data, metrics
from pipeline.runner import Pipeline

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total)

# Published numbers to print beside ours (model card; BARThez paper, Table 4).
REFERENCES: dict[str, dict[str, tuple[float, str]]] = {
    "translate": {
        "BLEU": (37.8, "Helsinki-NLP/opus-mt-fr-en model card, all 3,003 segments"),
        "chrF": (63.3, "same; 0.633 on the model card's 0-1 scale"),
    },
    "summarise": {
        "ROUGE-1": (31.44, "BARThez on OrangeSum abstract, 1,500 test items (paper)"),
    },
}
_CHUNK = 64  # segments per progress step


@dataclass
class EvalResult:
    """The outcome of one evaluation run.

    Attributes:
        task: ``translate`` or ``summarise``.
        dataset: Name, subset, items scored, items available, source.
        scores: Metric name → score on 0–100.
        details: Metric signatures and notes on how the scores were computed.
        signature: The brief signature of the pipeline that produced the outputs.
        config: The filled configuration that ran.
        seconds: Wall time of generation and scoring.
        failed: Items the pipeline could not process (scored as empty outputs).
        warnings: Licence warnings and the like.
        examples: The first few items: source, output, reference.
    """

    task: str
    dataset: dict[str, Any]
    scores: dict[str, float]
    details: dict[str, Any]
    signature: dict[str, Any]
    config: dict[str, Any]
    seconds: float
    failed: int = 0
    warnings: list[str] = field(default_factory=list)
    examples: list[dict[str, str]] = field(default_factory=list)
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        refs = REFERENCES.get(self.task, {})
        return {
            "task": self.task,
            "created": self.created,
            "dataset": self.dataset,
            "scores": self.scores,
            "references": {k: {"score": v[0], "source": v[1]} for k, v in refs.items()},
            "details": self.details,
            "failed": self.failed,
            "seconds": round(self.seconds, 2),
            "hardware": {"cpus": os.cpu_count(), "device": self.signature.get("device")},
            "warnings": self.warnings,
            "signature": self.signature,
            "config": self.config,
            "examples": self.examples,
        }

    def table(self) -> str:
        """The scores as a text table, published reference points beside them."""
        d = self.dataset
        lines = [
            f"brief eval {self.task}: {d['name']} ({d['subset']}), "
            f"{d['items']:,} of {d['available']:,} items"
            + (f", {self.failed} failed (scored as empty)" if self.failed else "")
        ]
        refs = REFERENCES.get(self.task, {})
        rows = [("metric", "score", "published", "reference point")]
        for name, value in self.scores.items():
            ref = refs.get(name)
            rows.append(
                (name, f"{value:.2f}", f"{ref[0]:.1f}" if ref else "", ref[1] if ref else "")
            )
        lines += aligned(rows)
        if d["items"] < d["available"]:
            lines.append("(a subset: not comparable with the published points)")
        lines.append(f"signature: {self.signature.get('text', '?')} · {self.seconds:.1f} s")
        return "\n".join(lines)


def _pipeline_for(config: BriefConfig, keep: tuple[str, ...]) -> Pipeline:
    stages = [s for s in config.pipeline.stages if s in keep]
    cfg = config.model_copy(deep=True)
    cfg.pipeline.stages = stages
    return Pipeline(cfg)


def evaluate_translation(
    config: BriefConfig,
    subset: Literal["fr", "all"] = "fr",
    limit: int | None = None,
    progress: Progress | None = None,
) -> EvalResult:
    """BLEU and chrF of the configured translate backend on newstest2014 fr→en.

    Segments go straight to the translate stage's backend with the stage's decoding settings
    (the usual way to score MT; the pipeline would split multi-sentence segments first).

    Args:
        config: Whose ``stages.translate`` is evaluated.
        subset: ``fr`` (1,500 segments written in French) or ``all`` (3,003).
        limit: Score only the first N segments.
        progress: Called with (segments done, segments in all) after each chunk.

    Raises:
        ConfigError: No translate stage in the config.
        ModelUnavailable: The model cannot be loaded.
    """
    _needs_stage(config, "translate")
    pipeline = _pipeline_for(config, ("clean", "translate"))
    backend = pipeline.backends()["translate"]
    warnings = pipeline.licence_warnings()
    pipeline.preflight()
    available = data.newstest2014(subset)
    segments = available[:limit] if limit else available
    began = time.perf_counter()
    hypotheses: list[str] = []
    for start in range(0, len(segments), _CHUNK):
        chunk = segments[start : start + _CHUNK]
        hypotheses += backend.translate([s.source for s in chunk])
        if progress:
            progress(len(hypotheses), len(segments))
    references = [s.reference for s in segments]
    scores = metrics.bleu_chrf(hypotheses, references)
    # The one result shape of every evaluation (evaluate_summaries too), other data and metrics.
    return EvalResult(
        task="translate",
        dataset={
            "name": "WMT newstest2014 fr-en",
            "subset": "origlang=fr" if subset == "fr" else "all",
            "items": len(segments),
            "available": len(available),
            "source": "pipeline/data/eval/newstest2014 (see SOURCES.md)",
        },
        scores={"BLEU": scores["bleu"], "chrF": scores["chrf"]},
        details={k: v for k, v in scores.items() if k.endswith("signature")},
        signature=pipeline.signature(),
        config=pipeline.config.model_dump(mode="json"),
        seconds=time.perf_counter() - began,
        warnings=warnings,
        examples=[
            {"source": s.source, "output": h, "reference": s.reference}
            for s, h in zip(segments[:3], hypotheses[:3], strict=True)
        ],
    )


def evaluate_summaries(
    config: BriefConfig, limit: int | None = None, progress: Progress | None = None
) -> EvalResult:
    """ROUGE of the brief's French summary against OrangeSum's reference abstracts.

    Each article goes through the configured clean → translate → summarise stages (facts and
    writing do not change the summary and are left out), so the score is that of what a French
    reader of the brief gets: the English summary of the translation, carried back to French.

    Args:
        config: The pipeline to evaluate.
        limit: Score only the first N of the 300 items.
        progress: Called with (articles done, articles in all) after each one.

    Raises:
        ConfigError: No summarise stage in the config.
        ModelUnavailable: A model cannot be loaded.
    """
    _needs_stage(config, "summarise")
    pipeline = _pipeline_for(config, ("clean", "translate", "summarise"))
    warnings = pipeline.licence_warnings()
    pipeline.preflight()
    available = data.orangesum()
    items = available[:limit] if limit else available
    articles = [Article.from_text(item.text, stem=item.id, path=item.id) for item in items]
    done = {"n": 0}

    def step(article: Article) -> None:
        done["n"] += 1
        if article.error or article.skipped:
            log.warning("%s: %s", article.path, article.error or article.skipped)
        if progress:
            progress(done["n"], len(items))

    began = time.perf_counter()
    with pipeline:
        pipeline.run(articles, on_article=step)
    hypotheses = [" ".join(s.text for s in a.summary_fr) if a.active else "" for a in articles]
    references = [item.summary for item in items]
    scores = metrics.rouge(hypotheses, references)
    return EvalResult(
        task="summarise",
        dataset={
            "name": "OrangeSum abstract test",
            "subset": "300 items shipped",
            "items": len(items),
            "available": len(available),
            "source": "pipeline/data/eval/orangesum (CC BY-SA 4.0, see SOURCES.md)",
        },
        scores={
            "ROUGE-1": scores["rouge1"],
            "ROUGE-2": scores["rouge2"],
            "ROUGE-L": scores["rougeL"],
        },
        details={
            "rouge": "rouge-score, mean F1 over items, FrenchTokenizer (accents kept, no "
            "stemming), summary = the brief's French side",
        },
        signature=pipeline.signature(),
        config=pipeline.config.model_dump(mode="json"),
        seconds=time.perf_counter() - began,
        failed=sum(1 for a in articles if not a.active),
        warnings=warnings,
        examples=[
            {"source": item.text[:300], "output": h, "reference": item.summary}
            for item, h in zip(items[:3], hypotheses[:3], strict=True)
        ],
    )


def _needs_stage(config: BriefConfig, stage: str) -> None:
    """Raises a config error when ``brief eval STAGE`` has no such stage to evaluate."""
    if stage not in config.pipeline.stages:
        raise ConfigError(f"pipeline.stages: `brief eval {stage}` needs the {stage} stage")
