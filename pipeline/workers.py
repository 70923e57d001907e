"""Worker processes for the CPU stages, so that they run while the models work on another batch.

The stages split into segments: runs of consecutive ``parallel`` stages (clean, detect, facts,
write: CPU only) and runs of model stages (translate, summarise), which stay in the main process
with the accelerator. With ``run.workers`` > 0 the runner sends each parallel segment of a batch
to a pool of worker processes, the batch split among them, and keeps up to three batches in
flight: one in the models, the next in its first CPU stages, the previous in its last. The
checks of the translations and summaries are such a stage (``verify``), so that the main
process does little but drive the models.

Workers are started with ``spawn``, never forked: the main process runs torch and CTranslate2
threads, which a fork does not survive. Each worker builds its own stages from the config and
loads spaCy and lingua once, before its first batch; that costs memory per worker (see README,
"Speed"). If a worker dies, the batch it held is run again in the main process and the rest of
the run stays there: nothing done is lost.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import RunStopped
from pipeline.registry import build_stage
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage, pipe_isolated

log = logging.getLogger(__name__)


@dataclass
class Segment:
    """Consecutive stages that run in the same place.

    Attributes:
        stages: The stages, in order.
        parallel: True for CPU stages that may run in worker processes.
    """

    stages: list[Stage]
    parallel: bool


def plan(stages: list[Stage]) -> list[Segment]:
    """The stages grouped into segments: runs of parallel stages and runs of model stages."""
    out: list[Segment] = []
    for stage in stages:
        if out and out[-1].parallel == stage.parallel:
            out[-1].stages.append(stage)
        else:
            out.append(Segment([stage], stage.parallel))
    return out


# Told which stage a batch enters, with the batch's articles (progress on a terminal counts
# them and their sentences).
OnStage = Callable[[str, list[Article]], None]


def run_segment(
    segment: Segment, articles: list[Article], on_stage: OnStage | None = None
) -> dict[str, float]:
    """Runs the segment's stages on the articles; returns the seconds per stage."""
    seconds: dict[str, float] = {}
    for stage in segment.stages:
        if on_stage is not None:
            on_stage(stage.name, articles)
        seconds[stage.name] = pipe_isolated(stage, articles)
    return seconds


def add_seconds(into: dict[str, float], more: dict[str, float]) -> None:
    """Adds seconds per stage to a running total."""
    for name, value in more.items():
        into[name] = into.get(name, 0.0) + value


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux reports it in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- inside a worker --------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(config: BriefConfig, runtime: Runtime, names: list[str], ready: Any) -> None:
    """Builds the worker's stages and loads what they need, once per worker process."""
    # Ctrl-C is the main process's to handle: it stops taking batches and lets these finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        stages = {name: build_stage(name, config, runtime) for name in names}
        for stage in stages.values():
            stage.warm_up()
        _WORKER["stages"] = stages
    except Exception as exc:  # raised again with each batch, so that it keeps its type
        _WORKER["error"] = exc
    finally:
        with ready.get_lock():
            ready.value += 1


def _worker_state() -> dict[str, Stage]:
    if "error" in _WORKER:
        raise _WORKER["error"]
    return _WORKER["stages"]


def _ping() -> int:
    _worker_state()
    return os.getpid()


def _work(
    names: list[str], articles: list[Article]
) -> tuple[list[Article], dict[str, float], int, float]:
    stages = _worker_state()
    seconds = run_segment(Segment([stages[n] for n in names], True), articles)
    # spaCy's analysis is a cache that would triple what goes back through pickle (and the
    # main process unpickles it); a later stage that needs it again analyses again.
    for article in articles:
        for sentence in article.sentences:
            sentence.analysis = None
    return articles, seconds, os.getpid(), peak_rss_mb()


# -- in the main process ----------------------------------------------------------------------


class WorkerPool:
    """A pool of worker processes for the parallel segments of a plan.

    Args:
        config: The run's config (each worker builds its stages from it).
        runtime: The resolved device and dtype.
        segments: The plan (:func:`plan`).
        workers: How many processes.
    """

    def __init__(
        self, config: BriefConfig, runtime: Runtime, segments: list[Segment], workers: int
    ) -> None:
        names = [s.name for seg in segments if seg.parallel for s in seg.stages]
        context = multiprocessing.get_context("spawn")
        self.workers = workers
        self.broken = False
        self.rss_mb: dict[int, float] = {}
        self._ready = context.Value("i", 0)
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(config, runtime, names, self._ready),
        )

    def start(self, timeout: float = 600.0) -> None:
        """Starts every worker and waits until each has loaded its models.

        Raises:
            ModelUnavailable: A worker cannot load a model.
        """
        began = time.perf_counter()
        # Each submission starts a process while none is idle: as many as there are workers.
        pings = [self._pool.submit(_ping) for _ in range(self.workers)]
        wait(pings, timeout=timeout)
        try:
            for ping in pings:
                ping.result(timeout=0)
        except BrokenProcessPool as exc:
            self._give_up(exc)
            return
        while self._ready.value < self.workers and time.perf_counter() - began < timeout:
            time.sleep(0.05)
        log.info("%d workers ready in %.1f s", self._ready.value, time.perf_counter() - began)

    def run(self, segment: Segment, articles: list[Article]) -> dict[str, float]:
        """Runs a parallel segment on the articles, spread over the workers.

        The articles come back from the workers as copies; their state is put back into the
        given objects, so that callers keep their references. Until every part of the batch is
        back, nothing is changed: a batch whose worker died runs again whole in this process.

        Returns:
            Seconds per stage, added up over the workers.

        Raises:
            ModelUnavailable: A worker cannot load a model.
        """
        live = [a for a in articles if a.active]
        if not live:
            return {}
        if not self.broken:
            try:
                return self._spread(segment, live)
            except RunStopped:
                raise
            except BrokenProcessPool as exc:
                self._give_up(exc)
            except Exception as exc:  # e.g. an article that does not pickle: this batch here
                log.warning("the workers could not take a batch (%s); it runs here", exc)
        return run_segment(segment, live)

    def _spread(self, segment: Segment, live: list[Article]) -> dict[str, float]:
        names = [s.name for s in segment.stages]
        count = min(self.workers, len(live))
        parts = [live[i::count] for i in range(count)]  # interleaved: similar sizes
        futures = [self._pool.submit(_work, names, part) for part in parts]
        results = [f.result() for f in futures]
        seconds: dict[str, float] = {}
        for part, (back, spent, pid, rss) in zip(parts, results, strict=True):
            for mine, theirs in zip(part, back, strict=True):
                mine.__dict__.update(theirs.__dict__)
            add_seconds(seconds, spent)
            self.rss_mb[pid] = max(rss, self.rss_mb.get(pid, 0.0))
        return seconds

    def _give_up(self, exc: BaseException) -> None:
        log.warning("a worker process stopped (%s); the CPU stages go on in the main process", exc)
        self.broken = True

    def close(self) -> None:
        """Stops the workers (waiting for those busy)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
