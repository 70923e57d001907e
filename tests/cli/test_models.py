from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app, main
from pipeline.manifests import load_manifests
from tests.conftest import FAST_TINY, CachedTiny
from tests.hubcache import write_manifest

runner = CliRunner()


def _sets(items: list[str]) -> list[str]:
    return [arg for item in items for arg in ("--set", item)]


def test_list_shows_every_shipped_manifest_with_licence_and_revision(hub_cache: Path) -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0, result.output
    for name, manifest in load_manifests().items():
        line = next(row for row in result.output.splitlines() if f" {name} " in row)
        assert manifest["licence"] in line
        revision = manifest["revision"]
        assert (revision[:12] if len(revision) == 40 else f"{revision} (unpinned)") in line
    nllb = next(row for row in result.output.splitlines() if "nllb-200" in row)
    assert "(NC)" in nllb
    default = next(row for row in result.output.splitlines() if " opus-mt-fr-en " in row)
    assert default.startswith("*") and "translate" in default


def test_list_json_says_where_each_model_is(cached_tiny: CachedTiny) -> None:
    result = runner.invoke(app, ["models", "list", "--json", "-c", str(cached_tiny.config)])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["tiny-bart"]["present"] == ["pytorch"]
    assert rows["tiny-bart"]["folder"] == str(cached_tiny.repos["tiny-bart"].snapshot)
    assert rows["tiny-bart"]["roles"] == ["summarise"] and rows["tiny-bart"]["pinned"]


def test_list_warns_when_the_config_selects_a_non_commercial_model(hub_cache: Path) -> None:
    args = ["models", "list", "--set", "stages.translate.backend.model=nllb-200-distilled-600M"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "warning: translate: model 'nllb-200-distilled-600M' is licensed cc-by-nc-4.0" in (
        result.stderr
    )


def test_pull_of_cached_models_succeeds_offline(cached_tiny: CachedTiny) -> None:
    result = runner.invoke(app, ["models", "pull", "-q", "-c", str(cached_tiny.config)])
    assert result.exit_code == 0, result.output
    for name, repo in cached_tiny.repos.items():
        assert f"{name}: {repo.snapshot}" in result.stdout


def test_pull_to_writes_folders_that_verify_against_their_manifest(
    cached_tiny: CachedTiny, tmp_path: Path
) -> None:
    out = tmp_path / "airgap"
    args = ["models", "pull", "tiny-fr-en", "-q", "--to", str(out), "-c", str(cached_tiny.config)]
    assert runner.invoke(app, args).exit_code == 0
    assert (out / "tiny-fr-en" / "model.safetensors").is_file()
    args = ["models", "verify", str(out / "tiny-fr-en"), "--no-load", "-c", str(cached_tiny.config)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "copy of brief-test/opus-mt-fr-en-tiny @ " in result.stdout


def test_pull_of_a_missing_model_exits_3_with_one_message(
    hub_cache: Path, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["models", "pull", "-q", "opus-mt-fr-en"])
    assert exc.value.code == 3
    err = capsys.readouterr().err
    assert "model 'Helsinki-NLP/opus-mt-fr-en' at revision b4a9a384" in err
    assert "offline mode" in err and "Traceback" not in err


def test_pull_of_an_unknown_name_is_a_usage_error(
    hub_cache: Path, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["models", "pull", "opus-mt-xx"])
    assert exc.value.code == 2
    assert "unknown model 'opus-mt-xx'" in capsys.readouterr().err


def test_verify_passes_cached_models_and_loads_them(cached_tiny: CachedTiny) -> None:
    result = runner.invoke(app, ["models", "verify", "-c", str(cached_tiny.config)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": OK") == 3
    assert "FAIL" not in result.stdout
    assert "BartForConditionalGeneration on cpu" in result.stdout


def test_verify_exits_1_on_a_mismatch(cached_tiny: CachedTiny) -> None:
    write_manifest(
        cached_tiny.models_dir,
        "tiny-bart",
        cached_tiny.repos["tiny-bart"],
        architecture={"model_type": "marian"},
    )
    args = ["models", "verify", "tiny-bart", "--no-load", "-c", str(cached_tiny.config)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "FAIL architecture  model_type='bart' (manifest 'marian')" in result.stdout


def test_verify_exits_3_when_a_model_is_missing(hub_cache: Path) -> None:
    result = runner.invoke(app, ["models", "verify", "--no-load"])
    assert result.exit_code == 3
    assert "opus-mt-fr-en (Helsinki-NLP/opus-mt-fr-en @ b4a9a384c2ec): MISSING" in result.stdout
    assert "brief models pull" in result.stdout


def test_brief_runs_offline_from_the_cache_and_warns_about_licences(
    cached_tiny: CachedTiny, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """What `brief models pull` promises: afterwards HF_HUB_OFFLINE=1 brief works (the tests
    run offline), and a non-commercial model is flagged on stderr, in warnings and signature."""
    write_manifest(
        cached_tiny.models_dir,
        "tiny-bart",
        cached_tiny.repos["tiny-bart"],
        licence="cc-by-nc-4.0",
        commercial_use=False,
    )
    article = tmp_path / "article.txt"
    article.write_text("Le ministre a annoncé 7,7 milliards d'euros pour la recherche.\n")
    out = tmp_path / "out"
    args = [str(article), "-c", str(cached_tiny.config), "-o", str(out), *_sets(FAST_TINY)]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 0
    assert "warning: summarise: model 'tiny-bart' is licensed cc-by-nc-4.0" in (
        capsys.readouterr().err
    )
    brief = json.loads((out / "article.json").read_text())
    assert [w["code"] for w in brief["warnings"]].count("models.non_commercial") == 1
    models = brief["signature"]["models"]
    assert models["translate"]["revision"] == cached_tiny.repos["tiny-fr-en"].revision
    assert models["summarise"]["commercial_use"] is False
    assert models["translate"]["licence"] == "apache-2.0"


def test_pull_without_a_network_says_so_in_one_line_after_one_quick_check(
    hub_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """Not in offline mode, no network: the hub client retried each model for over a minute,
    printing every retry. One probe (a closed local port here) now decides, and nothing is
    downloaded or retried."""
    import socket
    import time

    import huggingface_hub
    from huggingface_hub import constants

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: connection refused

    def no_download(*args: object, **kwargs: object) -> str:
        raise AssertionError("snapshot_download called although the hub is unreachable")

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{port}")
    monkeypatch.setattr(huggingface_hub, "snapshot_download", no_download)
    began = time.perf_counter()
    with pytest.raises(SystemExit) as exc:
        main(["models", "pull", "opus-mt-fr-en", "distilbart-cnn-12-6"])
    assert time.perf_counter() - began < 10
    assert exc.value.code == 3
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error")]
    assert len(err) == 1, err
    assert "the Hugging Face hub cannot be reached" in err[0]
    assert "opus-mt-fr-en, distilbart-cnn-12-6" in err[0]
    assert "python -m pipeline.testing.tiny tiny/" in err[0]


def test_pull_without_a_network_keeps_the_models_already_cached(
    cached_tiny: CachedTiny, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")
    result = runner.invoke(app, ["models", "pull", "-q", "-c", str(cached_tiny.config)])
    assert result.exit_code == 0, result.output
    for name, repo in cached_tiny.repos.items():
        assert f"{name}: {repo.snapshot}" in result.stdout
