"""``brief batch --engine ray``: the same pipeline as a Ray Data job.

The dataset flows as one row per article (the :class:`~pipeline.document.Article` pickled in an
``article`` column)::

    read (ray.data.read_json/parquet/csv, or the folder's file list)
      → articles (tasks: read the bytes, hash them, leave out what OUTPUT already has, sign)
      → blocks of run.batch_articles rows, in input order (the local engine's batches)
      → CPU segments (clean, detect; facts…) as tasks
      → model segments (translate, summarise) on a pool of actors, each building its models once
        (one GPU each when the cluster has GPUs)
      → rows (tasks: the JSON brief, the Markdown) → written here, as they come

The segments are those of :func:`pipeline.workers.plan`, as with ``run.workers``. Order is
preserved and every batch is the local engine's batch, so the models
see the same inputs in the same batches and the briefs are the same. An actor or worker that
dies is restarted and its batch retried by Ray; an article that fails is a row with its error.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pipeline.batch.inputs import Source, article_from_file, rows_to_articles
from pipeline.batch.output import Output, article_row, done_key
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import BatchError, BriefError, ConfigError, ModelUnavailable
from pipeline.registry import build_stage
from pipeline.runner import Pipeline
from pipeline.runtime import Runtime
from pipeline.workers import Segment, plan, run_segment

log = logging.getLogger(__name__)

_PASSED_ON = (
    "TRANSFORMERS_VERBOSITY",
    "HF_HUB_OFFLINE",
    "TRANSFORMERS_OFFLINE",
    "HF_HUB_CACHE",
    "HF_HOME",
    "XDG_CACHE_HOME",
)
# Retries of a model batch whose actor died (and restarts of that actor) before the job fails.
RETRIES = 3


def require_ray() -> Any:
    """The ``ray`` module.

    Raises:
        BatchError: Not installed (the message says how to get it).
    """
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise BatchError(
            "--engine ray needs Ray Data: pip install 'brief[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


# -- in Ray's workers -------------------------------------------------------------------------

# Stages and jobs built once per worker process, reused by every task it runs.
_BUILT: dict[tuple[Any, ...], Any] = {}


def _pack(articles: list[Article]) -> dict[str, Any]:
    import pyarrow as pa

    for article in articles:
        for sentence in article.sentences:
            sentence.analysis = None  # spaCy's cache: tripled pickles, analysed again if needed
    blobs = [pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL) for a in articles]
    return {"article": pa.array(blobs, type=pa.large_binary())}


def _unpack(batch: Any) -> list[Article]:
    return [pickle.loads(blob) for blob in batch.column("article").to_pylist()]


def _admit(
    articles: list[Article],
    done: set[str],
    config_hash: str,
    signature: dict[str, Any],
    licence: list[str],
    tally: Any,
) -> dict[str, Any]:
    """Leaves out what OUTPUT has; signs the rest as :meth:`Pipeline.run` signs its articles."""
    kept = []
    for article in articles:
        if article.sha256 and done_key(article.sha256, config_hash) in done:
            continue
        article.signature = signature
        for line in licence:
            article.warn("models.non_commercial", line, "run")
        kept.append(article)
    if tally is not None and len(kept) < len(articles):
        tally.add.remote(len(articles) - len(kept))
    return _pack(kept)


def _read_pages(batch: Any, config: BriefConfig, **admit: Any) -> dict[str, Any]:
    articles = [article_from_file(path, config) for path in batch.column("file").to_pylist()]
    return _admit(articles, config_hash=config.digest(), **admit)


def _read_rows(
    batch: Any, config: BriefConfig, files: dict[str, str], **admit: Any
) -> dict[str, Any]:
    columns = [c for c in batch.column_names if c != "path"]
    paths = batch.column("path").to_pylist()
    rows = batch.drop_columns(["path"]).to_pylist()
    articles: list[Article] = []
    start = 0
    # Rows of one file together (a block holds rows of one file, but be sure).
    for end in range(1, len(rows) + 1):
        if end == len(rows) or paths[end] != paths[start]:
            file = files.get(paths[start], paths[start])
            articles += rows_to_articles(rows[start:end], columns, file, config)
            start = end
    return _admit(articles, config_hash=config.digest(), **admit)


def _cpu_segment(
    batch: Any, config: BriefConfig, runtime: Runtime, names: list[str]
) -> dict[str, Any]:
    key = ("cpu", config.digest(), tuple(names))
    if key not in _BUILT:
        stages = [build_stage(name, config, runtime) for name in names]
        for stage in stages:
            stage.warm_up()
        _BUILT[key] = stages
    articles = _unpack(batch)
    run_segment(Segment(_BUILT[key], True), articles)
    return _pack(articles)


class _ModelSegment:
    """A model segment in an actor: its stages (and so its models) built once."""

    def __init__(
        self, config: BriefConfig, runtime: Runtime, names: list[str], hook: Any = None
    ) -> None:
        self.stages = [build_stage(name, config, runtime) for name in names]
        self.segment = Segment(self.stages, False)
        self.hook = hook
        for stage in self.stages:
            for backend in stage.backends().values():
                backend.ensure_available()

    def __call__(self, batch: Any) -> dict[str, Any]:
        if self.hook is not None:
            self.hook()
        articles = _unpack(batch)
        run_segment(self.segment, articles)
        return _pack(articles)


def _rows(batch: Any, config: BriefConfig, markdown: bool) -> dict[str, Any]:
    import pyarrow as pa

    rows = [article_row(a, config, markdown) for a in _unpack(batch)]
    return pa.Table.from_pylist(rows, schema=pa.schema([(k, pa.string()) for k in _ROW_KEYS]))


_ROW_KEYS = (
    "status",
    "sha256",
    "config_hash",
    "key",
    "path",
    "stem",
    "reason",
    "brief",
    "markdown",
)


# -- on the driver ----------------------------------------------------------------------------


@contextmanager
def ray_session(config: BriefConfig, options: Any) -> Iterator[Runtime]:
    """Joins (or starts) Ray for the run; yields the runtime the models will have there.

    The device is the cluster's, not this machine's: ``auto`` is CUDA when the cluster has GPUs
    (the head node that runs this may have none). Ray is shut down afterwards only when this run
    started it.

    Raises:
        ConfigError: ``run.device = "cuda"`` on a cluster without GPUs.
    """
    ray = require_ray()
    started = False
    if not ray.is_initialized():
        # The workers log and read models as this process does (a local instance inherits the
        # environment anyway; a cluster's workers do not).
        env = {k: v for k, v in os.environ.items() if k in _PASSED_ON}
        init: dict[str, Any] = {"runtime_env": {"env_vars": env}} if env else {}
        if not log.isEnabledFor(logging.INFO):  # Ray's own INFO lines only with -v
            init["logging_level"] = logging.WARNING
            for name in ("ray", "ray.data"):
                logging.getLogger(name).setLevel(logging.WARNING)
        ray.init(address=options.address, **{**init, **options.ray_init})
        started = True
    try:
        yield cluster_runtime(config, ray.cluster_resources().get("GPU", 0) > 0)
    finally:
        if started:
            ray.shutdown()


def cluster_runtime(config: BriefConfig, gpus: bool) -> Runtime:
    """The device and dtype for a cluster with or without GPUs (as :meth:`Runtime.from_config`
    resolves them for this machine).

    Raises:
        ConfigError: CUDA asked for, no GPU in the cluster.
    """
    device = config.run.device
    if device == "cuda" and not gpus:
        raise ConfigError("run.device: 'cuda' was asked for but the Ray cluster has no GPU")
    device = "cuda" if gpus and device != "cpu" else "cpu"
    dtype = config.run.dtype
    if dtype == "auto":
        dtype = "bfloat16" if device == "cuda" else "float32"
    models_dir = Path(config.run.models_dir) if config.run.models_dir else None
    return Runtime(device=device, dtype=dtype, models_dir=models_dir)


def run_ray(
    source: Source, config: BriefConfig, pipeline: Pipeline, out: Output, options: Any
) -> dict[str, Any]:
    """Runs the batch as a Ray Data job (inside :func:`ray_session`); rows are written here as
    they arrive."""
    return _run(require_ray(), source, config, pipeline, out, options)


def _run(
    ray: Any, source: Source, config: BriefConfig, pipeline: Pipeline, out: Output, options: Any
) -> dict[str, Any]:
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the local engine's batches, in order
    context.enable_progress_bars = options.progress is None and log.isEnabledFor(logging.INFO)
    size = config.run.batch_articles
    tally = ray.remote(num_cpus=0)(_Tally).remote()  # a counter: no CPU held from the work
    admit = {
        "config": config,
        "done": out.done,
        "signature": pipeline.signature(),
        "licence": pipeline.licence_warnings(),
        "tally": tally,
    }
    if source.kind == "pages":
        ds = ray.data.from_items([{"file": f} for f in source.files])
        ds = ds.map_batches(_read_pages, fn_kwargs=admit, batch_format="pyarrow", batch_size=size)
    else:
        reader = {
            "json": ray.data.read_json,
            "parquet": ray.data.read_parquet,
            "csv": ray.data.read_csv,
        }[source.format]
        ds = reader(source.files, include_paths=True)
        files = {_as_ray_reports(f): f for f in source.files}
        ds = ds.map_batches(_read_rows, fn_kwargs={**admit, "files": files}, batch_format="pyarrow")
    ds = ds.repartition(target_num_rows_per_block=size, strict=True)
    runtime = pipeline.runtime  # the cluster's (ray_session), the same in every worker
    gpus = runtime.device == "cuda"
    actors = options.model_actors or _default_actors(ray.cluster_resources(), gpus)
    for segment in plan(pipeline.stages):
        names = [s.name for s in segment.stages]
        if segment.parallel:
            ds = ds.map_batches(
                _cpu_segment,
                fn_kwargs={"config": config, "runtime": runtime, "names": names},
                batch_format="pyarrow",
                batch_size=size,
            )
        else:
            with warnings.catch_warnings():
                # ray_remote_args_fn is deprecated for 2.64 (pyproject pins below it): Ray Data's
                # default is to restart an actor and retry its batch for ever, which a batch that
                # kills its actor every time would do.
                warnings.simplefilter("ignore", DeprecationWarning)
                ds = ds.map_batches(
                    _ModelSegment,
                    fn_constructor_kwargs={
                        "config": config,
                        "runtime": runtime,
                        "names": names,
                        "hook": options.before_model_batch,
                    },
                    batch_format="pyarrow",
                    batch_size=size,
                    compute=ray.data.ActorPoolStrategy(size=actors),
                    num_gpus=1 if gpus else 0,
                    # A dead actor is restarted and its batch retried, a few times, not for ever.
                    ray_remote_args_fn=_retries,
                )
    ds = ds.map_batches(
        _rows,
        fn_kwargs={"config": config, "markdown": options.markdown},
        batch_format="pyarrow",
        batch_size=size,
    )
    try:
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            for row in batch.to_pylist():
                out.write(row)
                if options.progress:
                    options.progress(row)
            out.flush()
    except Exception as exc:
        cause = _brief_error(exc)
        if cause is not None:
            raise cause from None
        raise
    return {
        "already_done": ray.get(tally.total.remote()),
        "ray": {
            "resources": {
                k: v for k, v in ray.cluster_resources().items() if k in ("CPU", "GPU", "memory")
            },
            "model_actors": actors,
            "gpus_per_model_actor": 1 if gpus else 0,
        },
    }


def _retries() -> dict[str, int]:
    return {"max_restarts": RETRIES, "max_task_retries": RETRIES}


class _Tally:
    """Counts the articles left out because OUTPUT has them (read tasks add, the driver asks)."""

    def __init__(self) -> None:
        self.n = 0

    def add(self, n: int) -> None:
        self.n += n

    def total(self) -> int:
        return self.n


def _default_actors(resources: dict[str, float], gpus: bool) -> int:
    """One model actor per GPU; on a CPU-only cluster one per two CPUs (each reserves one CPU
    and configs/cpu.toml decodes on two threads; the CPU stages need the rest, and far less)."""
    if gpus:
        return max(1, int(resources.get("GPU", 1)))
    return max(1, int(resources.get("CPU", 1)) // 2)


def _as_ray_reports(file: str) -> str:
    """A listed file as Ray's ``include_paths`` names it (no scheme)."""
    return file.split("://", 1)[1] if "://" in file else file


def _brief_error(exc: BaseException) -> BriefError | None:
    """The BriefError behind an error that came back through Ray (a worker's error arrives
    wrapped), so that it exits with its own status: 3 for a model that cannot be loaded."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ModelUnavailable):
            return ModelUnavailable(item.model, item.revision, item.reason, item._hint)
        if isinstance(item, BriefError):
            try:
                return type(item)(*item.args)
            except TypeError:  # a subclass with another constructor: the message, as a BriefError
                error = BriefError(str(item))
                error.exit_code = item.exit_code
                return error
        todo += [item.__cause__, item.__context__, getattr(item, "cause", None)]
    return None
