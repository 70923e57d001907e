"""Builds the pipeline from a config and runs articles through it in batches.

One bad article never stops a batch: when a stage fails on a batch, the runner retries it article
by article, records the error on the one that fails, and carries on. A model that cannot be
loaded is different: it stops the run (every article would fail the same way).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import BriefError, ModelUnavailable, StageOrderError
from pipeline.model_checks import configured_models, licence_warnings
from pipeline.registry import build_stage, stage_class
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage

log = logging.getLogger(__name__)


def check_order(names: list[str]) -> None:
    """Checks that every stage's required fields are filled by an earlier stage.

    Raises:
        StageOrderError: Naming the stage and the missing field.
    """
    seen: set[str] = set()
    if len(set(names)) != len(names):
        raise StageOrderError(f"pipeline.stages: a stage is listed twice: {names}")
    for name in names:
        cls = stage_class(name)
        for need in cls.requires:
            if need not in seen:
                raise StageOrderError(
                    f"pipeline.stages: stage {name!r} needs {need!r}, which no earlier stage "
                    f"provides (stages: {', '.join(names)})"
                )
        seen.update(cls.provides)


@dataclass
class RunStats:
    """What happened in a run: counts and time per stage."""

    seconds: dict[str, float] = field(default_factory=dict)
    done: int = 0
    failed: int = 0
    skipped: int = 0


class Pipeline:
    """The configured stages, ready to run.

    Args:
        config: The validated configuration.
        runtime: Resolved device and dtype (computed from ``config`` when None).
    """

    def __init__(self, config: BriefConfig, runtime: Runtime | None = None) -> None:
        check_order(config.pipeline.stages)
        self.config = config
        self.runtime = runtime or Runtime.from_config(config)
        self.stages: list[Stage] = [
            build_stage(name, config, self.runtime) for name in config.pipeline.stages
        ]
        self.stats = RunStats()
        self._manifests = {role: spec.manifest for role, spec in configured_models(config).items()}

    def backends(self) -> dict[str, Any]:
        """Every backend of every stage, by role."""
        out: dict[str, Any] = {}
        for stage in self.stages:
            out.update(stage.backends())
        return out

    def preflight(self) -> None:
        """Checks that every model can be had, before any article is touched.

        Raises:
            ModelUnavailable: For the first model that cannot be loaded.
        """
        for backend in self.backends().values():
            backend.ensure_available()

    def signature(self) -> dict[str, Any]:
        """Package version, config hash, device and models: enough to compare two briefs."""
        return {
            "package": "brief",
            "version": __version__,
            "config_hash": self.config.digest(),
            "device": self.runtime.device,
            "dtype": self.runtime.dtype,
            "stages": list(self.config.pipeline.stages),
            "models": {
                role: _with_licence(b.signature(), self._manifests.get(role))
                for role, b in self.backends().items()
            },
        }

    def licence_warnings(self) -> list[str]:
        """One line per model whose manifest forbids commercial use (shown on every run)."""
        return licence_warnings(self.config)

    def run(
        self,
        articles: Iterable[Article],
        on_article: Callable[[Article], None] | None = None,
    ) -> list[Article]:
        """Runs articles through every stage in batches of ``run.batch_articles``.

        Args:
            articles: The articles, in order.
            on_article: Called with each article once its batch is through.

        Returns:
            The same articles, enriched; failures carry ``error``, skips carry ``skipped``.

        Raises:
            ModelUnavailable: When a model cannot be loaded (the run cannot go on).
        """
        items = list(articles)
        signature = self.signature()
        licence_warnings = self.licence_warnings()
        size = self.config.run.batch_articles
        for start in range(0, len(items), size):
            batch = items[start : start + size]
            for article in batch:
                article.signature = signature
                for line in licence_warnings:
                    article.warn("models.non_commercial", line, "run")
            for stage in self.stages:
                self._run_stage(stage, batch)
            for article in batch:
                for sentence in article.sentences:
                    sentence.analysis = None  # the stages' shared spaCy work, done with
                if article.error:
                    self.stats.failed += 1
                elif article.skipped:
                    self.stats.skipped += 1
                else:
                    self.stats.done += 1
                if on_article:
                    on_article(article)
        return items

    def _run_stage(self, stage: Stage, batch: list[Article]) -> None:
        live = [a for a in batch if a.active]
        if not live:
            return
        began = time.perf_counter()
        try:
            stage.pipe(live)
        except ModelUnavailable:
            raise
        except Exception as exc:  # isolate the article that broke the batch
            if len(live) == 1:
                _record(live[0], stage.name, exc)
            else:
                log.info("stage %s failed on a batch (%s); retrying one by one", stage.name, exc)
                for article in live:
                    try:
                        stage.pipe([article])
                    except ModelUnavailable:
                        raise
                    except Exception as inner:
                        _record(article, stage.name, inner)
        spent = time.perf_counter() - began
        self.stats.seconds[stage.name] = self.stats.seconds.get(stage.name, 0.0) + spent


def _with_licence(signature: dict[str, Any], manifest: dict[str, Any] | None) -> dict[str, Any]:
    """A backend's signature, with the licence of its model's manifest when it has one."""
    out = dict(signature)
    if manifest and "licence" in manifest:
        out.setdefault("licence", manifest["licence"])
        out.setdefault("commercial_use", bool(manifest.get("commercial_use", True)))
    return out


def _record(article: Article, stage: str, exc: Exception) -> None:
    if isinstance(exc, BriefError):
        article.error = str(exc)
    else:
        log.debug("stage %s failed on %s", stage, article.path, exc_info=exc)
        article.error = f"{stage} failed: {type(exc).__name__}: {exc}"


def articles_from_paths(paths: Iterable[str | Path]) -> list[Article]:
    """One article per input path, with output stems made unique (``a``, ``a-2``…)."""
    seen: dict[str, int] = {}
    out = []
    for path in paths:
        article = Article.from_path(path)
        count = seen.get(article.stem, 0) + 1
        seen[article.stem] = count
        if count > 1:
            article.stem = f"{article.stem}-{count}"
        out.append(article)
    return out
