"""The nightly run: sources in, briefs and a digest out, picking up where the last run stopped.

1. Take the state's run lock (a second run on the same state stops at once, exit status 75) and
   remove temporary files a killed run may have left.
2. Read every source; each article it lists is looked up in the state by its key (normalised URL
   or path) and created as ``new`` on first sight. Work is what is ``new``, or ``failed`` with
   attempts left (``feed.retries``); everything, with ``force``. A failed article with none left
   is given up: the run that records its last failure says so (and exits 1), ``brief feed
   status`` lists it with its reason, later runs count it and leave it.
3. In batches of ``run.batch_articles``: fetch the pages (``feed.fetch_workers`` at once), skip
   content already briefed under another key (same SHA-256), run the rest through
   :class:`~pipeline.runner.Pipeline` (whose write stage writes each brief atomically), and only
   then commit each article's outcome, which counts that article's attempt. A kill at any point
   leaves whole files and a state that never claims more than is on disk; an article caught
   half-way is simply done again, under the same file names, with no attempt charged.
4. Rebuild the digest when the briefs it shows have changed, write the run report, return it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import BriefConfig, FeedConfig
from pipeline.digest import write_digest
from pipeline.document import Article
from pipeline.errors import ConfigError
from pipeline.feed.fetch import Fetcher, FetchError
from pipeline.feed.report import build_report
from pipeline.feed.sources import Candidate, Loaded, SourceResult, discover, load
from pipeline.feed.state import Item, State, now_iso, run_lock
from pipeline.io import atomic_write_text
from pipeline.output_policy import check_file, check_folder
from pipeline.runner import Pipeline

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_SOME_FAILED = 1


@dataclass
class Outcome:
    """What happened to one article in this run."""

    id: int
    key: str
    status: str
    error: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    given_up: bool = False  # failed with no attempt left (feed.retries)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FeedRun:
    """Everything a run did, for the report and the summary."""

    started_at: str
    sources: list[SourceResult] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    unchanged: int = 0
    given_up: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    models: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    digest: dict[str, Any] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """0 when every article this run worked on was briefed (or deliberately skipped) and
        every source could be read; 1 otherwise."""
        failed = any(o.status == "failed" for o in self.outcomes)
        broken = any(s.error for s in self.sources)
        return EXIT_SOME_FAILED if failed or broken else EXIT_OK

    def add_seconds(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


def check_config(config: BriefConfig) -> None:
    """The feed job needs the write stage and the JSON brief (the digest is built from it).

    Raises:
        ConfigError: When either is switched off.
    """
    if "write" not in config.pipeline.stages:
        raise ConfigError("pipeline.stages: `brief feed` needs the 'write' stage")
    if "json" not in config.stages.write.formats:
        raise ConfigError(
            "stages.write.formats: `brief feed` needs 'json' (the digest is built from it)"
        )


def run_feed(
    sources: Sequence[str],
    config: BriefConfig,
    *,
    force: bool = False,
    report_path: str | Path | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> FeedRun:
    """Runs the feed job once.

    Args:
        sources: Feed URLs, feed files, folders, single pages or dataset files.
        config: The whole configuration (``feed`` table for the job, the rest for the briefs).
        force: Brief every article found again, whatever its state.
        report_path: Where the JSON report goes (default ``feed.report``).
        on_outcome: Called with each article's outcome as soon as it is committed.

    Returns:
        What the run did; ``exit_code`` is the status to exit with.

    Raises:
        StateBusy: Another run holds the state.
        ConfigError, ModelUnavailable: Problems that stop the whole run (nothing is worked on).
    """
    check_config(config)
    feed = config.feed
    run = FeedRun(started_at=now_iso())
    began = time.perf_counter()
    report_file = Path(report_path or feed.report)
    check_outputs(config, report_file, sources)
    with run_lock(feed.state), State(feed.state) as state, Fetcher(feed) as fetcher:
        sweep_temp_files(Path(config.run.out), Path(feed.digest_dir), report_file)
        t0 = time.perf_counter()
        run.sources = [_discover(source, fetcher, feed) for source in sources]
        run.add_seconds("sources", time.perf_counter() - t0)
        todo = _plan(state, run, force, feed.retries)
        pipeline: Pipeline | None = None
        if todo:
            pipeline = Pipeline(config)
            pipeline.preflight()
            work = _Work(state, run, on_outcome, feed.retries)
            try:
                # One run over all the work: the next pages are fetched while the pipeline
                # briefs what was fetched before (with workers, batches overlap).
                articles = work.fetched(todo, fetcher, feed, config.run.batch_articles)
                pipeline.run(articles, on_article=work.done)
            finally:
                pipeline.close()
            for name, seconds in pipeline.stats.seconds.items():
                run.add_seconds(name, seconds)
            run.models, run.cache = _backend_stats(pipeline)
        t0 = time.perf_counter()
        run.digest = write_digest(state, config, force=force)
        run.add_seconds("digest", time.perf_counter() - t0)
        run.add_seconds("total", time.perf_counter() - began)
        run.report = build_report(run, config, force=force, state_counts=state.counts())
        atomic_write_text(report_file, json.dumps(run.report, ensure_ascii=False, indent=2) + "\n")
        state.add_run(run.started_at, run.exit_code, run.report)
    return run


def check_outputs(config: BriefConfig, report: Path, sources: Sequence[str]) -> None:
    """The output policy (:mod:`pipeline.output_policy`) for the job's outputs, before any
    work: the briefs' and the digest's folders are folders, and the report and the digest's
    index files are regular files that brief wrote, never one of the sources. They are
    brief's own rolling files, replaced by every run.

    Raises:
        OutputError: Naming the file and the option or key that named it.
    """
    inputs = [s for s in sources if "://" not in s]
    digest = Path(config.feed.digest_dir)
    check_folder(config.run.out, option="run.out (-o/--out)")
    check_folder(digest, option="feed.digest_dir (--digest)")
    check_folder(digest / "pages", option="feed.digest_dir (--digest)")
    pages = sorted((digest / "pages").glob("*.html")) if (digest / "pages").is_dir() else []
    for path, option in (
        (report, "feed.report (--report)"),
        (digest / "index.html", "feed.digest_dir (--digest)"),
        (digest / "index.md", "feed.digest_dir (--digest)"),
        *((page, "feed.digest_dir (--digest)") for page in pages),
    ):
        check_file(path, inputs=inputs, force=True, option=option)


def sweep_temp_files(out: Path, digest_dir: Path, report: Path) -> list[Path]:
    """Removes temporary files that a killed run left (``atomic_write_text``'s ``.NAME.*.tmp``).

    Only names this job writes are touched: brief stems (``.00012-….tmp``) in the output folder,
    the digest's files, the report. Called under the run lock, so no live writer is affected.
    """
    patterns = [
        (out, ".[0-9][0-9][0-9][0-9][0-9]*-*.tmp"),
        (digest_dir, ".index.*.tmp"),
        (digest_dir / "pages", ".*.tmp"),
        (report.parent, f".{report.name}.*.tmp"),
    ]
    removed = []
    for folder, pattern in patterns:
        if folder.is_dir():
            for path in folder.glob(pattern):
                path.unlink(missing_ok=True)
                removed.append(path)
    if removed:
        log.info("removed %d temporary files left by an interrupted run", len(removed))
    return removed


def _plan(state: State, run: FeedRun, force: bool, retries: int) -> list[tuple[Item, Candidate]]:
    todo: list[tuple[Item, Candidate]] = []
    seen: set[str] = set()
    for result in run.sources:
        for cand in result.candidates:
            if cand.key in seen:  # the same story listed twice (or in two feeds) this run
                continue
            seen.add(cand.key)
            item = state.see(
                cand.key, cand.source, cand.url, cand.title, cand.published, cand.author
            )
            if force:
                todo.append((item, cand))
            elif item.status in ("done", "skipped"):
                run.unchanged += 1
            elif item.status == "failed" and item.attempts >= retries:
                run.given_up += 1
            else:
                todo.append((item, cand))
    return todo


def _discover(source: str, fetcher: Fetcher, feed: FeedConfig) -> SourceResult:
    try:
        return discover(source, fetcher, feed)
    except Exception as exc:  # one source's surprise must not stop the others
        log.debug("reading source %s failed", source, exc_info=exc)
        return SourceResult(source, "unknown", error=f"cannot be read: {type(exc).__name__}: {exc}")


def _load(cand: Candidate, fetcher: Fetcher, feed: FeedConfig) -> Loaded | FetchError:
    try:
        return load(cand, fetcher, feed)
    except FetchError as exc:
        return exc
    except Exception as exc:  # one article's surprise must not stop the run
        log.debug("loading %s failed", cand.key, exc_info=exc)
        return FetchError(cand.key, f"cannot be read: {type(exc).__name__}: {exc}")


class _Work:
    """The articles of one run: fetched a chunk at a time, each outcome committed to the state.

    Everything here runs in the calling thread (the pipeline reads the articles and calls
    :meth:`done` there), which the SQLite state requires.
    """

    def __init__(
        self,
        state: State,
        run: FeedRun,
        on_outcome: Callable[[Outcome], None] | None,
        retries: int,
    ) -> None:
        self.state = state
        self.retries = retries
        self.run = run
        self.on_outcome = on_outcome
        self.items: dict[str, Item] = {}
        self.fresh: dict[str, Item] = {}  # content hashes fetched in this run

    def fetched(
        self, todo: list[tuple[Item, Candidate]], fetcher: Fetcher, feed: FeedConfig, size: int
    ) -> Iterator[Article]:
        """The articles to brief, fetching ``size`` pages at a time as they are asked for.

        Pages that cannot be fetched, are not articles or repeat content already briefed are
        committed here and not yielded.
        """
        for start in range(0, len(todo), size):
            chunk = todo[start : start + size]
            t0 = time.perf_counter()
            with ThreadPoolExecutor(max_workers=feed.fetch_workers) as pool:
                loaded = list(pool.map(lambda pair: _load(pair[1], fetcher, feed), chunk))
            self.run.add_seconds("fetch", time.perf_counter() - t0)
            for (item, cand), got in zip(chunk, loaded, strict=True):
                article = self._admit(item, cand, got)
                if article is not None:
                    yield article

    def _admit(self, item: Item, cand: Candidate, got: Loaded | FetchError) -> Article | None:
        if isinstance(got, FetchError):
            self.commit(item, "skipped" if got.not_article else "failed", got.reason)
            return None
        digest = hashlib.sha256(got.body).hexdigest()
        self.state.set_hash(item.id, digest)
        twin = self.state.done_with_hash(digest, item.id) or self.fresh.get(digest)
        if twin is not None:
            where = twin.url or twin.key
            self.commit(
                item, "skipped", f"duplicate of item {twin.id} ({where})", duplicate_of=twin.id
            )
            return None
        self.fresh[digest] = item
        self.items[item.stem] = item
        return _article(item, cand, got)

    def commit(self, item: Item, status: str, error: str | None = None, **kw: Any) -> None:
        self.state.record(item.id, status, error=error, **kw)
        outcome = Outcome(item.id, item.key, status, error, kw.get("outputs") or {}, item.title)
        # ``item`` is as planned, before this attempt was counted.
        outcome.given_up = status == "failed" and item.attempts + 1 >= self.retries
        self.run.outcomes.append(outcome)
        if self.on_outcome:
            self.on_outcome(outcome)

    def done(self, article: Article) -> None:
        """Commits a briefed (or failed, or skipped) article."""
        item = self.items[article.stem]
        if article.error:
            self.commit(item, "failed", article.error)
        elif article.skipped:
            self.commit(item, "skipped", article.skipped)
        else:
            # Absolute, so that the digest finds them whatever folder a later run starts in.
            outputs = {k: str(Path(v).resolve()) for k, v in article.outputs.items()}
            self.commit(item, "done", outputs=outputs)


def _article(item: Item, cand: Candidate, got: Loaded) -> Article:
    metadata: dict[str, Any] = {
        "url": cand.url or cand.metadata.get("url"),
        "final_url": got.final_url if got.final_url and got.final_url != cand.url else None,
        "title": cand.title,
        "date": cand.published,
        "author": cand.author,
        "content_type": got.content_type or None,
        "source": cand.source,
        "feed_item": item.id,
        **cand.metadata,
    }
    return Article(
        path=cand.url or cand.path or cand.key,
        stem=item.stem,
        raw=got.body,
        metadata={k: v for k, v in metadata.items() if v not in (None, "")},
    )


def _backend_stats(pipeline: Pipeline) -> tuple[dict[str, Any], dict[str, Any]]:
    """What each model backend reports (``stats``: calls, tokens, seconds), and the cache hits
    and misses of those that have a cache (``cache_stats()``, or ``hits``/``misses`` in stats)."""
    models: dict[str, Any] = {}
    cache: dict[str, Any] = {}
    for role, backend in pipeline.backends().items():
        stats = getattr(backend, "stats", None)
        if dataclasses.is_dataclass(stats) and not isinstance(stats, type):
            models[role] = dataclasses.asdict(stats)
        elif isinstance(stats, dict):
            models[role] = dict(stats)
        reporter = getattr(backend, "cache_stats", None)
        if callable(reporter):
            cache[role] = reporter()
        elif role in models and {"hits", "misses"} <= set(models[role]):
            cache[role] = {k: models[role][k] for k in ("hits", "misses")}
    return models, cache
