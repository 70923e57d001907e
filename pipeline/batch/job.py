"""``brief batch``: one run over INPUT into OUTPUT, on the local engine or on Ray.

Both engines brief the same articles in the same batches (``run.batch_articles``, in input
order, after what is already done is left out), so that their briefs are the same byte for
byte. The ``write`` stage's files are replaced by the output's rows: the pipeline runs every
configured stage but that one (the config, and so its hash, stay as given).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.batch.inputs import Source, iter_articles, resolve
from pipeline.batch.output import Output, article_row
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import ExitCode
from pipeline.feed.state import now_iso
from pipeline.runner import Pipeline
from pipeline.runtime import Runtime

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")


@dataclass
class BatchOptions:
    """How a batch runs.

    Attributes:
        engine: ``local`` (this process, :class:`~pipeline.runner.Pipeline`) or ``ray``.
        fmt: Output shards: ``jsonl`` or ``parquet``.
        markdown: Also write the Markdown briefs.
        shard_rows: Rows per output shard.
        address: Ray cluster to join (``auto``, ``ray://HOST:10001``…); None: ``RAY_ADDRESS``
            or a new local instance.
        model_actors: Ray actors per model segment; None: one per GPU, or on a CPU-only
            cluster one per two CPUs.
        ray_init: Extra arguments of ``ray.init`` when this run starts Ray (tests).
        before_model_batch: Called in each model actor before each batch (tests inject a
            worker crash with it).
        progress: Called after each row is written, with the row.
    """

    engine: str = "local"
    fmt: str = "jsonl"
    markdown: bool = False
    shard_rows: int = 1000
    address: str | None = None
    model_actors: int | None = None
    ray_init: dict[str, Any] = field(default_factory=dict)
    before_model_batch: Callable[[], None] | None = None
    progress: Callable[[dict[str, Any]], None] | None = None


@dataclass
class BatchResult:
    """What a run did: its manifest, and the status to exit with (0: no article failed)."""

    manifest: dict[str, Any]

    @property
    def exit_code(self) -> int:
        return ExitCode.FAILED if self.manifest["counts"]["failed"] else ExitCode.OK


def batch_pipeline(config: BriefConfig, runtime: Runtime | None = None) -> Pipeline:
    """The configured pipeline without its ``write`` stage (the output's rows take its place),
    its models checked.

    Raises:
        ModelUnavailable: A model cannot be had (exit 3, before any article is read).
    """
    pipeline = Pipeline(config, runtime)
    pipeline.stages = [s for s in pipeline.stages if s.name != "write"]
    pipeline.preflight()
    return pipeline


def run_batch(
    given: str, output: str | Path, config: BriefConfig, options: BatchOptions | None = None
) -> BatchResult:
    """Briefs every article of INPUT into OUTPUT, skipping what an earlier run finished.

    Raises:
        BatchError: INPUT or OUTPUT cannot be used, or ``engine="ray"`` without ``ray``
            installed (nothing is done).
        BatchBusy: Another run is writing to OUTPUT.
        ModelUnavailable: A model cannot be loaded (exit 3).
    """
    options = options or BatchOptions()
    if options.engine not in ENGINES:
        raise ValueError(f"engine: local or ray, not {options.engine!r}")
    if options.engine == "ray":
        from pipeline.batch.ray_engine import require_ray

        require_ray()
    source = resolve(given)
    out = Output(Path(output), config.digest(), options.fmt, options.shard_rows)
    with out.locked(), ExitStack() as stack:
        out.claim()
        runtime = None
        if options.engine == "ray":
            from pipeline.batch.ray_engine import ray_session

            runtime = stack.enter_context(ray_session(config, options))
        pipeline = stack.enter_context(batch_pipeline(config, runtime))
        for line in pipeline.licence_warnings():
            print(f"warning: {line}", file=sys.stderr)
        header = {
            "brief_version": __version__,
            "engine": options.engine,
            "input": given,
            "input_kind": source.kind,
            "input_files": len(source.files),
            "started_at": now_iso(),
            "signature": pipeline.signature(),
            "config_hash": config.digest(),
            "config": config.model_dump(mode="json"),
        }
        out.manifest(final=False, **header)
        began = time.perf_counter()
        try:
            if options.engine == "local":
                extra = run_local(source, config, pipeline, out, options)
            else:
                from pipeline.batch.ray_engine import run_ray

                extra = run_ray(source, config, pipeline, out, options)
        except BaseException as exc:
            out.close()  # what is done stays done
            out.manifest(final=False, status=f"stopped: {type(exc).__name__}", **header)
            raise
        out.close()
        seconds = time.perf_counter() - began
        briefed = sum(out.counts.values())
        manifest = out.manifest(
            final=True,
            **header,
            **extra,
            finished_at=now_iso(),
            seconds=round(seconds, 2),
            articles_per_s=round(briefed / seconds, 3) if seconds else 0.0,
        )
    return BatchResult(manifest)


def run_local(
    source: Source, config: BriefConfig, pipeline: Pipeline, out: Output, options: BatchOptions
) -> dict[str, Any]:
    """The local engine: articles read as the pipeline asks for them, each row written as its
    batch comes out; no article is kept once written."""
    skipped = {"already_done": 0}

    def todo() -> Iterator[Article]:
        for article in iter_articles(source, config):
            if out.is_done(article):
                skipped["already_done"] += 1
            else:
                yield article

    pending = {"n": 0}

    def write(article: Article) -> None:
        row = article_row(article, config, options.markdown)
        out.write(row)
        if options.progress:
            options.progress(row)
        pending["n"] += 1
        if pending["n"] == config.run.batch_articles:  # each batch on disk as it is done
            out.flush()
            pending["n"] = 0

    pipeline.run(todo(), on_article=write, keep=False)
    out.flush()
    return {"already_done": skipped["already_done"], "stage_seconds": _rounded(pipeline)}


def _rounded(pipeline: Pipeline) -> dict[str, float]:
    return {k: round(v, 3) for k, v in pipeline.stats.seconds.items()}
