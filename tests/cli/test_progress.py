"""Progress: it moves inside a batch on a terminal; plain lines elsewhere; a line for an input
not briefed as French."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from pipeline.cli.progress import Progress, clock_text
from pipeline.config import BriefConfig
from pipeline.document import Article, Sentence
from pipeline.runner import Pipeline, articles_from_paths
from tests.cli.helpers import run_brief
from tests.conftest import SEEDS

STAGES = ["clean", "detect", "translate", "summarise", "write"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _screen() -> tuple[io.StringIO, Console]:
    screen = io.StringIO()
    return screen, Console(file=screen, force_terminal=True, width=200)


def _batch(n: int, sentences: int) -> list[Article]:
    articles = [Article(path=f"a{i}.txt", stem=f"a{i}", raw=b"") for i in range(n)]
    for article in articles:
        article.sentences = [Sentence(id=j, paragraph=0, fr="Phrase.") for j in range(sentences)]
    return articles


def test_each_batch_reports_every_stage_it_enters(fake_config: BriefConfig) -> None:
    fake_config.run.batch_articles = 2
    entered: list[tuple[str, int]] = []
    done: list[str] = []
    Pipeline(fake_config).run(
        articles_from_paths(SEEDS[:3]),
        on_article=lambda a: done.append(a.stem),
        on_stage=lambda name, batch: entered.append((name, len(batch))),
    )
    stages = list(fake_config.pipeline.stages)
    assert entered == [(name, 2) for name in stages] + [(name, 1) for name in stages]
    assert len(done) == 3


def test_the_bar_moves_inside_a_batch_before_any_article_is_done() -> None:
    """Ten articles in one batch: the bar used to stay at 0/10 until the batch was through."""
    clock = FakeClock()
    screen, console = _screen()
    batch = _batch(10, 4)
    with Progress(10, show=True, console=console, stages=STAGES, clock=clock) as progress:
        seen = []
        for name, seconds in [("clean", 1), ("detect", 1), ("translate", 30), ("summarise", 10)]:
            progress.stage(name, batch)
            seen.append(progress.fraction())
            clock.now += seconds
        progress.stage("write", batch)
        status = progress.status()
        progress._bar.refresh()
        assert progress.done == 0
        assert seen == sorted(seen) and seen[0] == 0 < seen[2] < seen[3] < progress.fraction() < 1
        assert status.startswith("0/10 articles · 0/40 sentences · write · 0:42 elapsed · ~")
        assert progress.left() is not None and progress.left() > 0
        for article in batch:
            progress.advance(article)
        assert progress.status().startswith("10/10 articles · 40/40 sentences")
        assert progress.fraction() == 1.0 and "left" not in progress.status()
    assert "0/10 articles · 0/40 sentences · write · 0:42 elapsed" in screen.getvalue()


def test_the_estimate_uses_the_time_each_stage_took_per_article() -> None:
    clock = FakeClock()
    progress = Progress(4, show=False, stages=STAGES, clock=clock)
    first, second = _batch(2, 1), _batch(2, 1)
    for name, seconds in [("clean", 1), ("detect", 1), ("translate", 16), ("summarise", 1)]:
        progress.stage(name, first)
        clock.now += seconds
    progress.stage("write", first)
    clock.now += 1
    for article in first:
        progress.advance(article)
    assert progress.fraction() == 0.5
    assert progress.left() == 20.0  # 20 s for half the work: 20 s left
    for name in ("clean", "detect"):
        progress.stage(name, second)
        clock.now += 1
    progress.stage("translate", second)  # clean and detect cost 2 of 20 s per batch
    assert abs(progress.fraction() - (0.5 + 0.5 * 2 / 20)) < 1e-9


def test_the_bar_shows_the_stage_and_the_articles_done() -> None:
    screen, console = _screen()
    with Progress(2, show=True, console=console, stages=STAGES) as progress:
        progress.stage("translate", _batch(2, 3))
        progress.advance()
        progress._bar.refresh()
        progress.line("[1/2] a.txt → briefs/a.md")
    drawn = screen.getvalue()
    assert "1/2 articles · 0/6 sentences · translate" in drawn
    assert "[1/2] a.txt → briefs/a.md" in drawn  # printed as it is, not read as markup


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 42.4, 725, 3727)] == ["0:00", "0:42", "12:05", "1:02:07"]


def test_a_log_gets_plain_lines_only(tmp_path: Path) -> None:
    """Not a terminal (here: captured output): one line an article, no bar drawing."""
    out = tmp_path / "out"
    ran = run_brief(*[str(p) for p in SEEDS[:2]], "-o", str(out))
    assert ran.exit_code == 0, ran.output
    lines = [line for line in ran.output.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] + "]" for line in lines] == ["[1/2]", "[2/2]"]
    assert "\x1b[" not in ran.output  # no terminal control sequences
    assert "note:" not in ran.output  # French inputs: nothing to say


def test_an_input_not_briefed_as_french_gets_a_line(tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text(
        "The city council voted on Tuesday to build a new bridge over the river. The work "
        "will start next spring and should last two years, the mayor said in a statement.\n",
        encoding="utf-8",
    )
    for inputs, where in (([english], ""), ([SEEDS[0], english], "[2/2] ")):
        out = tmp_path / f"out{len(inputs)}"
        ran = run_brief(*[str(p) for p in inputs], "-o", str(out))
        assert ran.exit_code == 0, ran.output
        notes = [line for line in ran.output.splitlines() if "note:" in line]
        assert len(notes) == 1, ran.output
        assert notes[0].startswith(f"{where}note: {english}: the article is in English")
        quiet = run_brief(str(english), "-o", str(out), "-q", "--force")
        assert "note:" not in quiet.output


def test_a_run_on_a_terminal_shows_the_batch_moving(tmp_path: Path, monkeypatch) -> None:
    """The whole command, its bar drawn on a fake terminal: three articles in one batch."""
    import functools

    import pipeline.cli.run as run_module

    screen, console = _screen()
    monkeypatch.setattr(run_module, "is_terminal", lambda: True)
    monkeypatch.setattr(run_module, "Progress", functools.partial(Progress, console=console))
    ran = run_brief(*[str(p) for p in SEEDS[:3]], "-o", str(tmp_path / "out"))
    assert ran.exit_code == 0, ran.output
    drawn = screen.getvalue()
    for stage in ("clean", "translate", "summarise", "write"):
        assert "0/3 articles · " in drawn and f" · {stage} · " in drawn
    assert re.search(r"0/3 articles · 0/\d+ sentences · translate · \d+:\d\d elapsed · ~", drawn)
    assert "[1/3] " in drawn and "[3/3] " in drawn  # the lines, above the bar
