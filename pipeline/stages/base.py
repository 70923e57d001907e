"""What every stage is: a name, the fields it needs and fills, and ``pipe(articles)``.

Also how a stage runs on a batch so that one bad article never stops the others
(:func:`pipe_isolated`), wherever the batch runs: in the main process or in a worker.
"""

from __future__ import annotations

import functools
import logging
import time
from dataclasses import fields, is_dataclass
from typing import Any, ClassVar

from pipeline.budget import time_budget
from pipeline.document import Article
from pipeline.errors import BriefError, RunStopped

log = logging.getLogger(__name__)


class Stage:
    """Base class of the pipeline's stages.

    A stage takes a batch of articles and returns them enriched, in the same order. It skips
    articles that are no longer ``active`` (failed or skipped earlier). It raises on a problem
    with the whole batch; the runner then retries article by article to isolate the bad one.

    Attributes:
        name: The stage's registry name.
        requires: Article fields that an earlier stage must fill (checked when the pipeline is
            built).
        provides: Article fields this stage fills.
        parallel: True when the stage may run in worker processes (``run.workers``): CPU work
            only, no accelerator, nothing shared with the main process but the article. Such a
            stage is built again in each worker from the config.
        time_budget: Seconds one article may take in this stage (``run.article_timeout``, set
            when the stage is built); 0: no limit. See :mod:`pipeline.budget`.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    parallel: ClassVar[bool] = False
    time_budget: float = 0.0

    def backends(self) -> dict[str, Any]:
        """The model backends this stage uses, by role (for preflight and the signature)."""
        return {}

    def pipe(self, articles: list[Article]) -> list[Article]:
        """Processes a batch of articles."""
        raise NotImplementedError

    def warm_up(self) -> None:
        """Loads what the stage needs (a worker does this once, before its first batch)."""


def pipe_isolated(stage: Stage, batch: list[Article]) -> float:
    """Runs ``stage`` on the batch's active articles; returns the seconds it took.

    When the stage fails on the batch, it is retried article by article, each article first put
    back as it was before the stage (the input is never read again: a fetched page has no file to
    read, and a warning added on the first pass must not appear twice); the article that fails
    gets the error, the others go on.
    The batch may take the stage's ``time_budget`` times its number of articles, each article
    alone its ``time_budget``: past it, the call is interrupted
    (:func:`pipeline.budget.time_budget`) and counts as a failure.

    Raises:
        RunStopped: A model cannot be loaded, or the disk is full: every article would fail
            the same way.
    """
    live = [a for a in batch if a.active]
    if not live:
        return 0.0
    began = time.perf_counter()
    before = [snapshot(a) for a in live] if len(live) > 1 else []
    try:
        with time_budget(stage.name, stage.time_budget, len(live)):
            stage.pipe(live)
    except RunStopped:
        raise
    except Exception as exc:  # isolate the article that broke the batch
        if len(live) == 1:
            record_error(live[0], stage.name, exc)
        else:
            log.info("stage %s failed on a batch (%s); retrying one by one", stage.name, exc)
            for article, state in zip(live, before, strict=True):
                restore(article, state)
                try:
                    with time_budget(stage.name, stage.time_budget):
                        stage.pipe([article])
                except RunStopped:
                    raise
                except Exception as inner:
                    record_error(article, stage.name, inner)
    return time.perf_counter() - began


def snapshot(article: Article) -> dict[str, Any]:
    """The article's fields as they are now, for :func:`restore`.

    Containers (lists, dicts, the sentences and other records in them) are copied, since stages
    fill them in place; their leaves (strings, bytes, tuples such as a sentence's spaCy analysis)
    are shared, not copied, so a snapshot costs little next to any stage's work.
    """
    return {f.name: _copy(getattr(article, f.name)) for f in fields(article)}


def restore(article: Article, state: dict[str, Any]) -> None:
    """Puts ``article`` back, in place, as it was when ``state`` was taken (callers hold it)."""
    for name, value in state.items():
        setattr(article, name, value)


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    names = _mutable_fields(type(value))
    if not names:  # not a record, or a frozen one: shared
        return value
    twin = object.__new__(type(value))
    for name in names:
        object.__setattr__(twin, name, _copy(getattr(value, name)))
    return twin


@functools.cache
def _mutable_fields(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass that can be changed in place; () for anything else."""
    if not is_dataclass(cls) or cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return ()
    return tuple(f.name for f in fields(cls))


def record_error(article: Article, stage: str, exc: Exception) -> None:
    """Puts the error on the article: the message of a :class:`BriefError`, else its type."""
    if isinstance(exc, BriefError):
        article.error = str(exc)
    else:
        log.debug("stage %s failed on %s", stage, article.path, exc_info=exc)
        article.error = f"{stage} failed: {type(exc).__name__}: {exc}"
