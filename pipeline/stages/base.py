"""What every stage is: a name, the fields it needs and fills, and ``pipe(articles)``.

Also how a stage runs on a batch so that one bad article never stops the others
(:func:`pipe_isolated`), wherever the batch runs: in the main process or in a worker.
"""

from __future__ import annotations

import logging
import time
from typing import Any, ClassVar

from pipeline.document import Article
from pipeline.errors import BriefError, ModelUnavailable

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
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    parallel: ClassVar[bool] = False

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

    When the stage fails on the batch, it is retried article by article; the article that
    fails gets the error, the others go on.

    Raises:
        ModelUnavailable: A model cannot be loaded (every article would fail the same way).
    """
    live = [a for a in batch if a.active]
    if not live:
        return 0.0
    began = time.perf_counter()
    try:
        stage.pipe(live)
    except ModelUnavailable:
        raise
    except Exception as exc:  # isolate the article that broke the batch
        if len(live) == 1:
            record_error(live[0], stage.name, exc)
        else:
            log.info("stage %s failed on a batch (%s); retrying one by one", stage.name, exc)
            for article in live:
                try:
                    stage.pipe([article])
                except ModelUnavailable:
                    raise
                except Exception as inner:
                    record_error(article, stage.name, inner)
    return time.perf_counter() - began


def record_error(article: Article, stage: str, exc: Exception) -> None:
    """Puts the error on the article: the message of a :class:`BriefError`, else its type."""
    if isinstance(exc, BriefError):
        article.error = str(exc)
    else:
        log.debug("stage %s failed on %s", stage, article.path, exc_info=exc)
        article.error = f"{stage} failed: {type(exc).__name__}: {exc}"
