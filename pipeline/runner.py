"""Builds the pipeline from a config and runs articles through it in batches.

One bad article never stops a batch: when a stage fails on a batch, the runner retries it article
by article, records the error on the one that fails, and carries on
(:func:`pipeline.stages.base.pipe_isolated`). A model that cannot be loaded is different: it
stops the run (every article would fail the same way). With ``run.workers`` the CPU stages run
in worker processes while the models work on another batch (:mod:`pipeline.workers`).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.model_checks import configured_models, licence_warnings
from pipeline.pipe_analysis import check_order
from pipeline.registry import build_stage
from pipeline.runtime import Runtime
from pipeline.signature import readable
from pipeline.stages.base import Stage
from pipeline.workers import (
    OnStage,
    Segment,
    WorkerPool,
    add_seconds,
    plan,
    run_segment,
)

log = logging.getLogger(__name__)

# Batches in flight with workers: one in the models, the next in its first CPU stages, the
# previous one in its last.
IN_FLIGHT = 3


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
        self._on_stage: OnStage | None = None
        self._pool: WorkerPool | None = None
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
        """Package version, config hash, device and models: enough to compare two briefs.

        ``text`` is the same in one line a person can read (:mod:`pipeline.signature`).
        """
        out = {
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
        out["text"] = readable(out, _beams(self.config))
        return out

    def licence_warnings(self) -> list[str]:
        """One line per model whose manifest forbids commercial use (shown on every run)."""
        return licence_warnings(self.config)

    def run(
        self,
        articles: Iterable[Article],
        on_article: Callable[[Article], None] | None = None,
        keep: bool = True,
        on_stage: OnStage | None = None,
    ) -> list[Article]:
        """Runs articles through every stage in batches of ``run.batch_articles``.

        With ``run.workers`` > 0 the CPU stages run in worker processes, overlapped with the
        model stages of other batches (see :mod:`pipeline.workers`); the result is the same.

        Args:
            articles: The articles, in order. An iterator is read a batch at a time, as the
                pipeline gets to it (the feed job fetches pages that way while earlier batches
                are briefed).
            on_article: Called with each article once its batch is through, in order, from
                the calling thread.
            keep: False: return nothing, so that no article outlives its ``on_article`` call
                (a run of any length in bounded memory: ``brief batch``).
            on_stage: Called with a stage's name (``clean+detect`` for CPU stages run together
                in a worker) and the batch's articles as a batch enters it, so that a long article
                shows it is alive; from the thread that drives the batch.

        Returns:
            The same articles, enriched (none without ``keep``); failures carry ``error``, skips
            carry ``skipped``.

        Raises:
            ModelUnavailable: When a model cannot be loaded (the run cannot go on).
        """
        items: list[Article] = []
        self._on_stage = on_stage
        segments = plan(self.stages)
        overlapped = bool(self.config.run.workers) and any(seg.parallel for seg in segments)
        # What the stages load on first use is loaded before the first batch, not inside the
        # time budget of its first article (run.article_timeout). With workers, those load
        # their own, and the stages here run in threads, where no budget is enforced.
        here = [] if overlapped else self.stages
        batches = _warmed(here, self._batches(articles, items if keep else None))
        if overlapped:
            self._run_overlapped(segments, batches, on_article)
        else:
            for batch in batches:
                for segment in segments:
                    add_seconds(self.stats.seconds, run_segment(segment, batch, on_stage))
                self._finish(batch, on_article)
        return items

    def _batches(
        self, articles: Iterable[Article], seen: list[Article] | None
    ) -> Iterator[list[Article]]:
        """The articles in batches of ``run.batch_articles``, signed, each added to ``seen``."""
        signature = self.signature()
        licence_warnings = self.licence_warnings()
        batch: list[Article] = []
        for article in articles:
            article.signature = signature
            for line in licence_warnings:
                article.warn("models.non_commercial", line, "run")
            if seen is not None:
                seen.append(article)
            batch.append(article)
            if len(batch) == self.config.run.batch_articles:
                yield batch
                batch = []
        if batch:
            yield batch

    def close(self) -> None:
        """Stops the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def worker_rss_mb(self) -> dict[int, float]:
        """Peak resident memory of each worker process, in MB (empty without workers)."""
        return dict(self._pool.rss_mb) if self._pool else {}

    def _workers(self, segments: list[Segment]) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(self.config, self.runtime, segments, self.config.run.workers)
            self._pool.start()
        return self._pool

    def _run_overlapped(
        self,
        segments: list[Segment],
        batches: Iterator[list[Article]],
        on_article: Callable[[Article], None] | None,
    ) -> None:
        pool = self._workers(segments)
        turns = _Turns()
        queue = iter(enumerate(batches))
        pending: deque[tuple[list[Article], Future[dict[str, float]]]] = deque()
        with ThreadPoolExecutor(IN_FLIGHT, thread_name_prefix="brief-batch") as drivers:

            def admit() -> None:
                nxt = next(queue, None)
                if nxt is not None:
                    index, batch = nxt
                    job = drivers.submit(self._drive, segments, pool, turns, index, batch)
                    pending.append((batch, job))

            try:
                for _ in range(IN_FLIGHT):
                    admit()
                while pending:
                    batch, future = pending.popleft()
                    add_seconds(self.stats.seconds, future.result())
                    self._finish(batch, on_article)
                    admit()
            except BaseException:
                turns.cancel()
                raise

    def _drive(
        self,
        segments: list[Segment],
        pool: WorkerPool,
        turns: _Turns,
        index: int,
        batch: list[Article],
    ) -> dict[str, float]:
        """One batch through every segment: CPU ones in the workers, model ones here, in turn."""
        seconds: dict[str, float] = {}
        for position, segment in enumerate(segments):
            turns.check()
            if segment.parallel:
                if self._on_stage is not None:
                    self._on_stage("+".join(s.name for s in segment.stages), batch)
                spent = pool.run(segment, batch)
            else:
                with turns.take(position, index):
                    spent = run_segment(segment, batch, self._on_stage)
            add_seconds(seconds, spent)
        return seconds

    def _finish(self, batch: list[Article], on_article: Callable[[Article], None] | None) -> None:
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


def _warmed(stages: list[Stage], batches: Iterator[list[Article]]) -> Iterator[list[Article]]:
    """The batches, the stages warmed up (:meth:`Stage.warm_up`) once the first one is there."""
    first = next(batches, None)
    if first is None:
        return
    for stage in stages:
        stage.warm_up()
    yield first
    del first  # held here, the first batch would outlive its turn (run(keep=False))
    yield from batches


class _Cancelled(Exception):
    """The run stopped (an error elsewhere) while this batch waited for its turn."""


class _Turns:
    """Lets batches into the model segments one at a time, in batch order.

    The models run in the main process one batch at a time (two batches on one GPU would only
    share it); taking turns in order keeps the output order and the memory bounded.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next: dict[int, int] = {}
        self._busy = False
        self._cancelled = False

    @contextmanager
    def take(self, segment: int, batch: int) -> Iterator[None]:
        with self._cond:
            while not self._cancelled and (self._busy or self._next.get(segment, 0) != batch):
                self._cond.wait()
            if self._cancelled:
                raise _Cancelled
            self._busy = True
        try:
            yield
        finally:
            with self._cond:
                self._busy = False
                self._next[segment] = batch + 1
                self._cond.notify_all()

    def check(self) -> None:
        """Raises :class:`_Cancelled` once the run has stopped."""
        if self._cancelled:
            raise _Cancelled

    def cancel(self) -> None:
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()


def _beams(config: BriefConfig) -> dict[str, int]:
    """Beam width per model role, for the readable signature."""
    stages = config.stages
    return {
        "translate": stages.translate.num_beams,
        "summarise": stages.summarise.num_beams,
        "summarise.french": stages.summarise.french.num_beams,
    }


def _with_licence(signature: dict[str, Any], manifest: dict[str, Any] | None) -> dict[str, Any]:
    """A backend's signature, with the licence of its model's manifest when it has one."""
    out = dict(signature)
    if manifest and "licence" in manifest:
        out.setdefault("licence", manifest["licence"])
        out.setdefault("commercial_use", bool(manifest.get("commercial_use", True)))
    return out


def articles_from_paths(paths: Iterable[str | Path]) -> list[Article]:
    """One article per input path, with output stems made unique (``a``, ``a-2``…)."""
    return unique_stems([Article.from_path(path) for path in paths])


def unique_stems(articles: list[Article]) -> list[Article]:
    """Makes the articles' output stems unique, in order: the first keeps its stem, a later one
    gets the first free ``stem-N`` (N from 2), so no brief overwrites another. A stem too long
    for a file name is shortened first (:func:`pipeline.output_policy.fit_stem`)."""
    from pipeline.output_policy import fit_stem

    taken: set[str] = set()
    for article in articles:
        article.stem = fit_stem(article.stem)
        stem, n = article.stem, 1
        while stem in taken:
            n += 1
            stem = f"{article.stem}-{n}"
        article.stem = stem
        taken.add(stem)
    return articles
