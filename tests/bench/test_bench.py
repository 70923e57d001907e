"""The benchmark harness runs end to end (on tiny models: the numbers mean nothing here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.bench.corpus import bench_articles
from pipeline.bench.models import BPE_MARK, SPM_MARK, BenchModels, common_words, emits_words
from pipeline.bench.run import bench_config, run_bench
from pipeline.cli.bench import format_report
from pipeline.testing.builders import TINY_DIMS, build_bart, build_marian, load_corpus


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


def test_models_are_loaded_before_the_measurement(tiny_dir: Path) -> None:
    models = BenchModels(
        translate=tiny_dir / "opus-mt-fr-en-tiny",
        back_translate=tiny_dir / "opus-mt-en-fr-tiny",
        summarise=tiny_dir / "distilbart-tiny",
    )
    cfg = bench_config(models, "hf", None, ["run.device=cpu", "stages.translate.num_beams=1"])
    report = run_bench(1, models, cfg, baseline_seconds=0)
    assert report["load_seconds"] > 0
    # The warm-up article's work is not counted: only the measured article's sentences.
    assert report["models"]["translate"]["texts"] == report["sentences"]


def test_common_words_are_the_most_frequent_alphabetic_ones() -> None:
    lines = ["le chat et le chien", "le chat 42 ,", "un chien"]
    assert common_words(lines, 3) == {"le", "chat", "chien"}


@pytest.mark.parametrize("kind", ["marian", "bart"])
def test_a_restricted_random_model_emits_only_the_allowed_words(kind: str, tmp_path: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    french, english = load_corpus("fr"), load_corpus("en")
    words = common_words(english, 40)
    dims = {"encoder_layers": 1, "decoder_layers": 1, **TINY_DIMS}
    if kind == "marian":
        emits = emits_words(words, SPM_MARK)
        folder = build_marian(tmp_path / kind, french, english, "fr", "en", 0, dims, emits=emits)
    else:
        emits = emits_words(words, BPE_MARK)
        folder = build_bart(tmp_path / kind, english + french, 0, dims, emits=emits)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSeq2SeqLM.from_pretrained(folder)
    batch = tokenizer(french[:4], return_tensors="pt", padding=True)
    ids = model.generate(**batch, num_beams=1, min_new_tokens=30, max_new_tokens=30)
    special = set(tokenizer.all_special_ids)
    kept = [int(i) for i in ids.flatten() if int(i) not in special]
    pieces = tokenizer.convert_ids_to_tokens(kept)
    assert len(pieces) >= 4 * 25
    assert all(emits(p) for p in pieces), [p for p in pieces if not emits(p)][:5]
    # The decoded text is made of those words (and full stops and commas) only.
    for text in tokenizer.batch_decode(ids, skip_special_tokens=True):
        assert set(text.replace(",", " ").replace(".", " ").split()) <= words


def test_bench_without_models_measures_the_stages_alone(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli.app import app

    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["bench", "--backend", "none", "-n", "2", "--device", "cpu", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["articles"] == 2 and report["failed"] == 0
    assert "baseline" not in report  # nothing to compare a stand-in with
    # The checks against the sources are a stage of their own, timed apart from the models.
    assert set(report["stage_seconds"]) == {
        "clean",
        "detect",
        "translate",
        "summarise",
        "verify",
        "facts",
        "write",
    }
    assert "stage seconds" in result.output and "tokens/s" not in result.output


def test_forced_lengths_are_not_a_user_setting() -> None:
    """Forcing output lengths serves the benchmark alone: no key in the user's config."""
    from pipeline.config import load_config
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="min_length_ratio"):
        load_config(None, ["stages.translate.min_length_ratio=1.2"])


def test_forced_lengths_target_and_hooks() -> None:
    from pipeline.bench.lengths import ForcedLengths

    forced = ForcedLengths(1.2)
    assert [forced.target(n) for n in (1, 10, 11)] == [2, 12, 14]
    stop = forced.step_callback([3, 1])

    class Step:
        def __init__(self, step: int, batch_id: int) -> None:
            self.step, self.batch_id = step, batch_id

    assert [stop(Step(s, 0)) for s in range(3)] == [False, False, True]
    assert stop(Step(0, 1))
