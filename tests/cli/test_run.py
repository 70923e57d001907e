from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app, main
from tests.conftest import SEED, SEEDS

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "pipeline" / "schema" / "brief.schema.json").read_text()
)
runner = CliRunner()


def _args(overrides: list[str]) -> list[str]:
    out: list[str] = []
    for item in overrides:
        out += ["--set", item]
    return out


def test_briefs_every_seed_with_both_languages(tmp_path: Path, fake_overrides: list[str]) -> None:
    result = runner.invoke(app, [*map(str, SEEDS), "--lang", "en", *_args(fake_overrides)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for seed in SEEDS:
        data = json.loads((out / f"{seed.stem}.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, SCHEMA)
        assert data["summary"]["en"] and data["summary"]["fr"]
        assert all(s["en"] == s["fr"].upper() for s in data["sentences"])
        assert data["signature"]["models"]["translate"]["id"] == "upper"
        md = (out / f"{seed.stem}.md").read_text(encoding="utf-8")
        assert md.index("**English:**") < md.index("**Français:**")
    assert (out / "brief-run.toml").is_file()
    assert f"[{len(SEEDS)}/{len(SEEDS)}]" in result.output


def test_lang_fr_puts_french_first(tmp_path: Path, fake_overrides: list[str]) -> None:
    result = runner.invoke(app, [str(SEED), "-l", "fr", *_args(fake_overrides)])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "out" / f"{SEED.stem}.md").read_text(encoding="utf-8")
    assert md.index("**Français:**") < md.index("**English:**")
    assert "## Résumé" in md
    assert json.loads((tmp_path / "out" / f"{SEED.stem}.json").read_text())["lang"] == "fr"


def test_bad_inputs_fail_alone_and_set_the_exit_status(
    tmp_path: Path, fake_overrides: list[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    args = [str(SEED), str(empty), str(tmp_path / "missing.txt"), str(binary)]
    result = runner.invoke(app, [*args, *_args(fake_overrides)])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "missing.txt: no such file" in result.output
    assert "photo.txt: binary data" in result.output
    assert "1 briefed, 3 failed" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [f"{SEED.stem}.json"]


def test_same_stem_twice_gets_two_briefs(tmp_path: Path, fake_overrides: list[str]) -> None:
    other = tmp_path / "b" / SEED.name
    other.parent.mkdir()
    other.write_bytes(SEED.read_bytes())
    result = runner.invoke(app, [str(SEED), str(other), *_args(fake_overrides)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / f"{SEED.stem}-2.json").is_file()


def test_model_unavailable_fails_fast_with_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exc:
        main([str(SEED), "-o", str(out), "--device", "cpu"])
    assert exc.value.code == 3
    err = capsys.readouterr().err
    assert "model 'Helsinki-NLP/opus-mt-fr-en'" in err
    assert "offline mode" in err and "brief models pull" in err
    assert "python -m pipeline.testing.tiny tiny/" in err  # the way to try brief offline
    assert "Traceback" not in err
    assert not out.exists()


def test_config_error_exits_2_naming_the_key(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        main([str(SEED), "--set", "stages.translate.beams=3"])
    assert exc.value.code == 2
    assert "stages.translate.beams: unknown key" in capsys.readouterr().err


def test_help_documents_every_option() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for option in (
        "--lang",
        "--config",
        "--out",
        "--device",
        "--set",
        "--quiet",
        "--verbose",
        "Exit status",
        "config",
    ):
        assert option in result.output


def test_quiet_prints_nothing_on_success(tmp_path: Path, fake_overrides: list[str]) -> None:
    result = runner.invoke(app, [*map(str, SEEDS), "-q", *_args(fake_overrides)])
    assert result.exit_code == 0
    assert result.output == ""


def test_config_show_prints_the_filled_config() -> None:
    result = runner.invoke(app, ["config", "show", "--set", "stages.translate.num_beams=2"])
    assert result.exit_code == 0
    assert "num_beams = 2" in result.output and "config hash:" in result.output


def test_an_unexpected_error_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import pipeline.cli.run as run_module

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(run_module, "brief_files", broken)
    with pytest.raises(SystemExit) as exc:
        main([str(SEED)])
    assert exc.value.code == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: disk on fire" in err
    assert "Traceback" not in err
