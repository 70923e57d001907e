"""``run.article_timeout``: a stuck article fails with the stage named; the others go on."""

from __future__ import annotations

import re
import signal
import threading
import time
from pathlib import Path

import pytest

from pipeline.budget import time_budget
from pipeline.config import load_config
from pipeline.document import Article
from pipeline.errors import ArticleTimeout, ConfigError
from pipeline.runner import Pipeline, articles_from_paths
from pipeline.stages.base import Stage, pipe_isolated
from tests.conftest import SEED

# Backtracks over every way to split the run: years on 40 characters, were it not stopped.
CATASTROPHIC = re.compile(r"(a+)+$")
STUCK = "a" * 40 + "b"


class Spin(Stage):
    """A stage that never ends on an article whose text says "spin"."""

    name = "spin"

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if article.text == "spin":
                CATASTROPHIC.match(STUCK)
            article.metadata["spun"] = True
        return articles


def _article(text: str) -> Article:
    article = Article(path=f"{text}.txt", stem=text)
    article.text = text
    return article


def test_a_budget_interrupts_a_regex_stuck_in_c() -> None:
    began = time.monotonic()
    with (
        pytest.raises(ArticleTimeout, match="took longer than 0.3 s in stage clean"),
        time_budget("clean", 0.3),
    ):
        CATASTROPHIC.match(STUCK)
    assert time.monotonic() - began < 5


def test_code_that_finishes_in_time_is_left_alone_and_the_handler_put_back() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_budget("clean", 5.0):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getsignal(signal.SIGALRM) is before


def test_an_outer_timer_is_put_back_and_still_fires() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    outer = signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        with time_budget("clean", 10.0):
            time.sleep(0.1)
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.4
        time.sleep(0.6)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, *outer)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_the_budget_is_not_enforced() -> None:
    done: list[bool] = []

    def work() -> None:
        with time_budget("clean", 0.05):
            time.sleep(0.2)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]


def test_the_stuck_article_fails_naming_the_stage_and_the_others_go_on() -> None:
    stage = Spin()
    stage.time_budget = 0.5
    batch = [_article("one"), _article("spin"), _article("two")]
    pipe_isolated(stage, batch)
    assert batch[1].error is not None
    assert "took longer than 0.5 s in stage spin" in batch[1].error
    assert "run.article_timeout" in batch[1].error
    assert [a.error for a in (batch[0], batch[2])] == [None, None]
    assert batch[0].metadata["spun"] and batch[2].metadata["spun"]


def test_zero_disables_the_budget() -> None:
    stage = Spin()
    stage.time_budget = 0.0
    batch = [_article("one")]
    pipe_isolated(stage, batch)
    assert batch[0].metadata["spun"]


def test_the_timeout_is_a_setting_of_run_that_every_stage_gets(tmp_path: Path) -> None:
    config = load_config(None, ["run.article_timeout=7.5", f'run.out="{tmp_path}"'])
    assert {stage.time_budget for stage in Pipeline(config).stages} == {7.5}
    assert load_config(None, []).run.article_timeout == 120
    with pytest.raises(ConfigError, match="article_timeout"):
        load_config(None, ["run.article_timeout=-1"])


def _slow_input(folder: Path) -> Path:
    # ftfy repairs text a line at a time (tens of microseconds a line): 1.5 million lines that
    # it must look at take a minute or more to clean. Under the default size limit (4.5 MB), and
    # real work, not a stand-in.
    path = folder / "lines.txt"
    path.write_bytes("é\n".encode() * 1_500_000)
    return path


@pytest.mark.parametrize("workers", [0, 1])
def test_a_slow_article_fails_in_the_clean_stage_with_or_without_workers(
    tmp_path: Path, fake_overrides: list[str], workers: int
) -> None:
    config = load_config(
        None,
        [
            *fake_overrides,
            "run.article_timeout=3",
            f"run.workers={workers}",
            "stages.clean.segmenter=rules",
        ],
    )
    articles = articles_from_paths([_slow_input(tmp_path), SEED])
    began = time.monotonic()
    with Pipeline(config) as pipeline:
        pipeline.run(articles)
    slow, seed = articles
    assert slow.error is not None and "took longer than 3 s in stage clean" in slow.error
    assert seed.error is None and seed.summary_en
    # Two articles' budget for the batch, then three seconds for the slow one alone.
    assert time.monotonic() - began < 60
