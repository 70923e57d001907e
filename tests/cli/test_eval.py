from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app, main
from tests.conftest import FAST_TINY

runner = CliRunner()


def _args(tiny_dir: Path, out: Path, *extra: str) -> list[str]:
    sets = [arg for item in FAST_TINY for arg in ("--set", item)]
    return ["-c", str(tiny_dir / "config.toml"), "-o", str(out), "-q", *sets, *extra]


def test_eval_translate_end_to_end_with_tiny_models(tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "translate.json"
    result = runner.invoke(app, ["eval", "translate", "--limit", "4", *_args(tiny_dir, out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["task"] == "translate"
    assert data["dataset"]["items"] == 4 and data["dataset"]["subset"] == "origlang=fr"
    assert set(data["scores"]) == {"BLEU", "chrF"}
    assert all(0 <= v <= 100 for v in data["scores"].values())
    assert data["references"]["BLEU"]["score"] == 37.8
    assert data["signature"]["models"]["translate"]["id"] == "opus-mt-fr-en-tiny"
    assert data["signature"]["config_hash"] and data["config"]["run"]["device"] == "cpu"
    assert "tok:13a" in data["details"]["bleu_signature"]
    # The table, with the published reference points beside the scores.
    assert "BLEU" in result.stdout and "37.8" in result.stdout and "63.3" in result.stdout
    assert "4 of 1,500 items" in result.stdout and f"result → {out}" in result.stdout


def test_eval_translate_subset_all_counts_every_segment(tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    args = ["eval", "translate", "--subset", "all", "--limit", "2", *_args(tiny_dir, out)]
    assert runner.invoke(app, args).exit_code == 0
    dataset = json.loads(out.read_text())["dataset"]
    assert dataset["available"] == 3003 and dataset["items"] == 2


def test_eval_summarise_runs_the_whole_pipeline_with_tiny_models(
    tiny_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "summarise.json"
    result = runner.invoke(app, ["eval", "summarise", "--limit", "2", *_args(tiny_dir, out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["dataset"]["items"] == 2 and data["failed"] == 0
    assert set(data["scores"]) == {"ROUGE-1", "ROUGE-2", "ROUGE-L"}
    assert set(data["signature"]["models"]) == {"translate", "summarise", "summarise.french"}
    assert all(example["output"] for example in data["examples"])
    assert "31.4" in result.stdout


def test_eval_with_a_missing_model_exits_3_without_a_traceback(
    hub_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "never.json"
    with pytest.raises(SystemExit) as exc:
        main(["eval", "translate", "--limit", "3", "--device", "cpu", "-o", str(out)])
    assert exc.value.code == 3
    err = capsys.readouterr().err
    assert "model 'Helsinki-NLP/opus-mt-fr-en'" in err and "brief models pull" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_eval_with_a_local_model_without_weights_exits_3(
    tiny_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tiny_dir / "distilbart-tiny" / "model.safetensors").unlink()
    with pytest.raises(SystemExit) as exc:
        main(["eval", "summarise", "--limit", "1", *_args(tiny_dir, tmp_path / "x.json")])
    assert exc.value.code == 3
    assert "no safetensors weights" in capsys.readouterr().err


@pytest.mark.parametrize("limit", ["0", "-2", "many"])
def test_eval_rejects_a_bad_limit(limit: str) -> None:
    result = runner.invoke(app, ["eval", "translate", "--limit", limit])
    assert result.exit_code == 2
