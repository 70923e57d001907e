"""The CPU stages in worker processes (``run.workers``): same briefs, same order, no lost work."""

from __future__ import annotations

import json
import logging
import os
import pickle
import signal
import threading
import time
from pathlib import Path

import pytest

from pipeline.config import BriefConfig, load_config
from pipeline.document import Article
from pipeline.errors import ModelUnavailable
from pipeline.runner import Pipeline, _Cancelled, _Turns, articles_from_paths
from pipeline.stages.base import Stage
from pipeline.workers import plan
from tests.conftest import SEED, SEEDS


def _config(fake_overrides: list[str], *more: str) -> BriefConfig:
    return load_config(None, [*fake_overrides, *more])


def _inputs(tmp_path: Path) -> list[Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return [*SEEDS, empty, binary, SEED]


def _briefs(out: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(out.glob("*.json")):
        brief = json.loads(path.read_text(encoding="utf-8"))
        del brief["briefed_at"]  # the time of writing: the one field two runs may differ in
        found[path.name] = brief
    return found


def test_plan_keeps_the_models_in_one_segment_between_cpu_ones(fake_config: BriefConfig) -> None:
    segments = plan(Pipeline(fake_config).stages)
    assert [[s.name for s in seg.stages] for seg in segments] == [
        ["clean", "detect"],
        ["translate", "summarise"],
        ["verify", "facts", "write"],
    ]
    # The checks against the sources are a declared CPU stage: with workers, they run in the
    # worker processes beside facts (which reuses their spaCy analysis), not in the models' turn.
    assert [seg.parallel for seg in segments] == [True, False, True]


def test_workers_write_the_same_briefs_in_the_same_order(
    fake_overrides: list[str], tmp_path: Path
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    seen: dict[str, list[str]] = {"here": [], "there": []}
    stats = {}
    for name, out, workers in (("here", here, 0), ("there", there, 2)):
        config = _config(
            fake_overrides, "run.batch_articles=2", f"run.workers={workers}", f'run.out="{out}"'
        )
        with Pipeline(config) as pipeline:
            articles = pipeline.run(
                articles_from_paths(_inputs(tmp_path)),
                on_article=lambda a, name=name: seen[name].append(a.stem),
            )
            stats[name] = (pipeline.stats.done, pipeline.stats.failed)
            if workers:
                pids = set(pipeline.worker_rss_mb())
                assert pids and os.getpid() not in pids  # the CPU stages ran elsewhere
        # Callers keep their own article objects, filled in.
        assert articles[0].facts and articles[0].outputs
        assert "empty file" in (articles[-3].error or "")
        assert "binary" in (articles[-2].error or "")
    assert seen["here"] == seen["there"] == [a.stem for a in articles_from_paths(_inputs(tmp_path))]
    assert stats["here"] == stats["there"] == (len(SEEDS) + 1, 2)
    mine, theirs = _briefs(here), _briefs(there)
    assert len(mine) == len(SEEDS) + 1
    assert mine == theirs  # signature included: the number of workers is not in the config hash


def test_a_model_a_worker_cannot_load_stops_the_run(
    fake_overrides: list[str], tmp_path: Path
) -> None:
    config = _config(fake_overrides, "run.workers=1", 'language.spacy_model="fr_core_news_absent"')
    with Pipeline(config) as pipeline, pytest.raises(ModelUnavailable, match="fr_core_news_absent"):
        pipeline.run(articles_from_paths([SEED]))


def test_a_batch_whose_worker_died_is_briefed_here(
    fake_overrides: list[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out"
    config = _config(fake_overrides, "run.workers=1", "run.batch_articles=1", f'run.out="{out}"')
    with Pipeline(config) as pipeline:
        pipeline.run(articles_from_paths([SEED]))
        (pid,) = pipeline.worker_rss_mb()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        with caplog.at_level(logging.WARNING, logger="pipeline.workers"):
            articles = pipeline.run(articles_from_paths(SEEDS))
    assert all(a.outputs and not a.error for a in articles)
    assert {p.stem for p in out.glob("*.json")} == {p.stem for p in SEEDS}
    assert "worker process stopped" in caplog.text


class _Failing(Stage):
    """A model stage whose model goes missing at the second batch."""

    name = "failing"

    def __init__(self) -> None:
        self.calls = 0

    def pipe(self, articles: list[Article]) -> list[Article]:
        self.calls += 1
        if self.calls == 2:
            raise ModelUnavailable("some/model", None, "gone")
        return articles


def test_a_model_lost_mid_run_stops_it_without_hanging(
    fake_overrides: list[str], tmp_path: Path
) -> None:
    config = _config(fake_overrides, "run.workers=1", "run.batch_articles=1")
    with Pipeline(config) as pipeline:
        pipeline.stages.insert(2, _Failing())
        done: list[str] = []
        with pytest.raises(ModelUnavailable, match="some/model"):
            pipeline.run(articles_from_paths(SEEDS), on_article=lambda a: done.append(a.stem))
    assert done == [SEEDS[0].stem]  # the first batch was through before the model went


def test_batches_take_turns_in_order() -> None:
    turns, order = _Turns(), []

    def go(batch: int) -> None:
        with turns.take(0, batch):
            order.append(batch)
            time.sleep(0.01)

    threads = [threading.Thread(target=go, args=(b,)) for b in (3, 1, 2, 0)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    assert order == [0, 1, 2, 3]


def test_a_cancelled_run_releases_the_batches_waiting_their_turn() -> None:
    turns, outcome = _Turns(), []

    def wait_for_turn() -> None:
        try:
            with turns.take(0, 1):  # batch 0 never comes
                outcome.append("ran")
        except _Cancelled:
            outcome.append("cancelled")

    thread = threading.Thread(target=wait_for_turn)
    thread.start()
    time.sleep(0.05)
    turns.cancel()
    thread.join(timeout=5)
    assert outcome == ["cancelled"]


def test_a_missing_model_comes_back_whole_from_a_worker() -> None:
    error = ModelUnavailable("org/model", "abc123", "not in the cache", "Pull it first.")
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is ModelUnavailable and str(back) == str(error)
    assert (back.model, back.revision, back.exit_code) == ("org/model", "abc123", 3)


class _Checked(Stage):
    """A stage that fails on one article and marks the others."""

    name = "checked"

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if "boom" in (article.text or ""):
                raise RuntimeError("boom")
            article.metadata["checked"] = True
        return articles


def test_a_stage_failing_on_one_article_fails_it_not_the_batch(
    fake_overrides: list[str],
) -> None:
    config = _config(fake_overrides, "run.workers=0")
    good = Article.from_text("Un article tout à fait normal. Il parle de 7,7 milliards.", "a")
    bad = Article.from_text("Un article qui fait boom. Il casse tout le lot.", "b")
    with Pipeline(config) as pipeline:
        pipeline.stages.insert(3, _Checked())  # after translate, before summarise
        pipeline.run([good, bad])
    assert bad.error == "checked failed: RuntimeError: boom"
    assert good.metadata.get("checked") is True and good.error is None and good.outputs
