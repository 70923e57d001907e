"""The benchmark harness runs end to end (on tiny models: the numbers mean nothing here)."""

from __future__ import annotations

from pathlib import Path

from pipeline.bench.corpus import bench_articles
from pipeline.bench.models import BenchModels
from pipeline.bench.run import bench_config, run_bench
from pipeline.cli.bench import format_report


def test_bench_articles_are_about_the_asked_length() -> None:
    articles = bench_articles(5, words=600)
    texts = [a.raw.decode("utf-8") for a in articles]
    assert len(set(texts)) == 5
    for text in texts:
        assert 600 <= len(text.split()) <= 1100


def test_harness_runs_and_reports_against_the_baseline(tiny_dir: Path) -> None:
    models = BenchModels(
        translate=tiny_dir / "opus-mt-fr-en-tiny",
        back_translate=tiny_dir / "opus-mt-en-fr-tiny",
        summarise=tiny_dir / "distilbart-tiny",
    )
    cfg = bench_config(
        models,
        "hf",
        None,
        [
            "run.device=cpu",
            "stages.translate.num_beams=1",
            "stages.summarise.num_beams=1",
            "stages.summarise.french.num_beams=1",
        ],
    )
    report = run_bench(1, models, cfg, baseline_seconds=0.5)
    assert report["failed"] == 0 and report["articles"] == 1
    tr = report["models"]["translate"]
    # Forced lengths: at least 1.2 output tokens per source token.
    assert tr["output_tokens"] >= tr["input_tokens"]
    assert report["baseline"]["translate"]["texts_measured"] >= 1
    assert report["baseline"]["translate"]["speedup"] > 0
    assert set(report["stage_seconds"]) >= {"clean", "translate", "summarise", "write"}
    text = format_report(report)
    assert "tokens/s" in text and "baseline" in text
