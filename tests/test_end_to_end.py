"""The whole pipeline with tiny real models, through the same loading code as the hub models."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from pipeline.cli.app import app
from tests.conftest import REPO, SEEDS

SCHEMA = json.loads((REPO / "pipeline" / "schema" / "brief.schema.json").read_text())
runner = CliRunner()


def _run(tiny_dir: Path, out: Path, *extra: str) -> dict[str, dict]:
    args = [
        *map(str, SEEDS),
        "--lang",
        "en",
        "--config",
        str(tiny_dir / "config.toml"),
        "-o",
        str(out),
        *extra,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def test_tiny_models_brief_every_seed(tiny_dir: Path, tmp_path: Path) -> None:
    briefs = _run(tiny_dir, tmp_path / "out")
    assert set(briefs) == {s.stem for s in SEEDS}
    for stem, data in briefs.items():
        jsonschema.validate(data, SCHEMA)
        assert data["summary"]["en"].strip(), stem
        assert data["summary"]["fr"].strip(), stem
        assert all(isinstance(s["en"], str) for s in data["sentences"])
        assert (tmp_path / "out" / f"{stem}.md").is_file()
        models = data["signature"]["models"]
        assert models["translate"]["backend"] == "hf"
        assert models["translate"]["id"] == "opus-mt-fr-en-tiny"
        assert models["summarise"]["id"] == "distilbart-tiny"
        assert models["summarise.french"]["id"] == "opus-mt-en-fr-tiny"
        assert data["signature"]["device"] == "cpu"


def test_tiny_runs_are_deterministic(tiny_dir: Path, tmp_path: Path) -> None:
    first = _run(tiny_dir, tmp_path / "a")
    second = _run(tiny_dir, tmp_path / "b")
    # The time of writing is the one thing that may differ between two runs.
    for run in (first, second):
        for data in run.values():
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data.pop("briefed_at"))
    assert first == second


def test_tiny_cli_writes_a_usable_config(tmp_path: Path) -> None:
    from pipeline.testing.tiny import main

    assert main([str(tmp_path / "t")]) == 0
    briefs = _run(tmp_path / "t", tmp_path / "out")
    assert len(briefs) == len(SEEDS)
