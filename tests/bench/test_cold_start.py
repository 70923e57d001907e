"""``brief bench``'s cold start, and the benchmark models following the configured ones."""

from __future__ import annotations

from pathlib import Path

from pipeline.bench.cold import measure_cold_start
from pipeline.bench.models import BenchModels, bench_names
from pipeline.bench.run import bench_cold_overrides, bench_model_names
from pipeline.cli.bench import format_cold_start


def test_cold_start_times_a_fresh_brief_run_from_exec(tiny_dir: Path) -> None:
    models = BenchModels(
        translate=tiny_dir / "opus-mt-fr-en-tiny",
        back_translate=tiny_dir / "opus-mt-en-fr-tiny",
        summarise=tiny_dir / "distilbart-tiny",
    )
    overrides = bench_cold_overrides(
        models, "hf", ["run.device=cpu", "stages.translate.num_beams=1"], {}
    )
    cold = measure_cold_start(None, overrides)
    assert cold["exit_code"] == 0, cold.get("stderr")
    assert 0 < cold["imports_s"] < cold["first_model_call_s"] <= cold["done_s"] <= cold["total_s"]
    assert cold["peak_rss_mb"] > 50
    assert "first model call at" in format_cold_start(cold)


def test_a_failed_cold_start_is_reported_not_hidden() -> None:
    cold = measure_cold_start(None, ["stages.translate.num_beams=0"])
    assert cold["exit_code"] == 2 and "num_beams" in cold["stderr"]
    assert "failed (exit 2)" in format_cold_start(cold)


def test_bench_builds_the_configured_summariser() -> None:
    names = bench_model_names(
        None, ["stages.summarise.backend.model=distilbart-cnn-6-6", "run.device=cpu"]
    )
    assert bench_names(names) == {
        "translate": "opus-mt-fr-en",
        "back_translate": "opus-mt-en-fr",
        "summarise": "distilbart-cnn-6-6",
    }


def test_bench_falls_back_to_a_buildable_architecture() -> None:
    # A French summariser (mBART) cannot stand in for the Marian back-translation.
    names = {"back_translate": "barthez-orangesum-abstract", "summarise": "no-such-model"}
    assert bench_names(names) == {
        "translate": "opus-mt-fr-en",
        "back_translate": "opus-mt-en-fr",
        "summarise": "distilbart-cnn-12-6",
    }
