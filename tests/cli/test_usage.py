"""What the command says about itself: usage, help, versions, config checks, progress bars."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from tests.cli.helpers import run_brief
from tests.conftest import SEED

runner = CliRunner()


def test_brief_alone_shows_a_short_usage_starting_with_brief_files() -> None:
    result = run_brief(fake=False)
    assert result.exit_code == 2
    assert result.output.startswith("brief FILES...")
    assert len(result.output.splitlines()) < 8  # a usage, not the whole help
    assert "brief --help" in result.output


def test_help_lists_version() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "--version" in result.output and "--force" in result.output


def test_feed_help_shows_the_run_options() -> None:
    result = runner.invoke(app, ["feed", "--help"])
    assert result.exit_code == 0, result.output
    for option in ("--config", "--out", "--state", "--digest", "--report", "--force", "status"):
        assert option in result.output, option
    assert "Exit status" in result.output


def test_config_check_reports_every_file(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[run]\nlang = "fr"\n', encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[run]\nlangue = 'fr'\n", encoding="utf-8")
    missing = tmp_path / "missing.toml"
    result = run_brief("config", "check", str(bad), str(missing), str(good), fake=False)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert any(line.startswith(f"{bad}: ") for line in lines)
    assert "run.langue: unknown key" in result.output
    assert any(line.startswith(f"{missing}: ") and "not found" in line for line in lines)
    assert f"{good}: ok" in lines


def test_third_party_progress_bars_are_off_unless_verbose(monkeypatch: pytest.MonkeyPatch) -> None:
    """transformers' "Loading weights" bar and the hub's download bars went to the terminal."""
    from huggingface_hub.utils import are_progress_bars_disabled, enable_progress_bars
    from transformers.utils import logging as transformers_logging

    from pipeline.cli.logs import setup_logging

    monkeypatch.delenv("HF_HUB_DISABLE_PROGRESS_BARS", raising=False)  # it would win over enable
    enable_progress_bars()
    transformers_logging.enable_progress_bar()
    setup_logging(verbose=False)
    assert are_progress_bars_disabled()
    assert not transformers_logging.is_progress_bar_enabled()


def test_run_threads_sets_the_pools_and_passive_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a busy 2-core machine the default two spinning OpenMP threads made runs 4–6× slower
    (docs/usage.md, "Threads"): the CLI now sets every pool from run.threads."""
    import os

    import torch

    from pipeline.backends.ct2 import _threads_per_batch
    from pipeline.cli.threads import available_cores

    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
        monkeypatch.setenv(name, "7")
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    before = torch.get_num_threads()
    try:
        result = run_brief(str(SEED), "-o", str(tmp_path / "out"), "--set", "run.threads=1")
        assert result.exit_code == 0, result.output
        assert torch.get_num_threads() == 1
        assert os.environ["OMP_NUM_THREADS"] == os.environ["RAYON_NUM_THREADS"] == "1"
        assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
        assert _threads_per_batch(1) == 1
        result = run_brief(str(SEED), "-o", str(tmp_path / "out2"))
        assert result.exit_code == 0, result.output
        assert torch.get_num_threads() == available_cores() == len(os.sched_getaffinity(0))
        assert os.environ["OPENBLAS_NUM_THREADS"] == str(available_cores())
    finally:
        torch.set_num_threads(before)
