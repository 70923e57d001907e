"""Progress: per article and per stage on a terminal, plain lines elsewhere."""

from __future__ import annotations

import io

from rich.console import Console

from pipeline.cli.progress import Progress
from pipeline.config import BriefConfig
from pipeline.runner import Pipeline, articles_from_paths
from tests.cli.helpers import run_brief
from tests.conftest import SEEDS


def test_each_batch_reports_every_stage_it_enters(fake_config: BriefConfig) -> None:
    fake_config.run.batch_articles = 2
    entered: list[tuple[str, int]] = []
    done: list[str] = []
    Pipeline(fake_config).run(
        articles_from_paths(SEEDS[:3]),
        on_article=lambda a: done.append(a.stem),
        on_stage=lambda name, n: entered.append((name, n)),
    )
    stages = list(fake_config.pipeline.stages)
    assert entered == [(name, 2) for name in stages] + [(name, 1) for name in stages]
    assert len(done) == 3


def test_the_bar_shows_the_stage_and_the_articles_done() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with Progress(2, show=True, console=console) as progress:
        progress.stage("translate", 16)
        progress.advance()
        progress._bar.refresh()
        progress.line("[1/2] a.txt → briefs/a.md")
    drawn = screen.getvalue()
    assert "translate · batch of 16 articles" in drawn
    assert "1/2" in drawn
    assert "[1/2] a.txt → briefs/a.md" in drawn  # printed as it is, not read as markup


def test_a_log_gets_plain_lines_only(tmp_path) -> None:
    """Not a terminal (here: captured output): one line an article, no bar drawing."""
    out = tmp_path / "out"
    ran = run_brief(*[str(p) for p in SEEDS[:2]], "-o", str(out))
    assert ran.exit_code == 0, ran.output
    lines = [line for line in ran.output.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] + "]" for line in lines] == ["[1/2]", "[2/2]"]
    assert "\x1b[" not in ran.output  # no terminal control sequences
