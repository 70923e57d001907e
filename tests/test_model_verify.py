from __future__ import annotations

import json
from pathlib import Path

from pipeline import hub
from pipeline.manifests import resolve_model
from pipeline.model_verify import Verification, verify_model
from tests.conftest import CachedTiny
from tests.hubcache import write_manifest


def _checks(v: Verification) -> dict[str, bool | None]:
    return {c.name: c.ok for c in v.checks}


def test_verify_passes_a_complete_pinned_cached_model(cached_tiny: CachedTiny) -> None:
    spec = resolve_model("tiny-fr-en", None, cached_tiny.models_dir)
    result = verify_model(spec, models_dir=cached_tiny.models_dir)
    assert result.ok, result.to_dict()
    checks = _checks(result)
    assert checks["revision"] and checks["safetensors"] and checks["complete"]
    assert checks["sha256"] and checks["load"]
    load = next(c for c in result.checks if c.name == "load")
    assert "MarianMTModel" in load.detail


def test_verify_reports_a_model_not_on_disk_as_missing(hub_cache: Path, tmp_path: Path) -> None:
    write_manifest(tmp_path, "absent", hub_id="brief-test/absent", revision="a" * 40)
    result = verify_model(resolve_model("absent", None, tmp_path), load=False)
    assert result.missing and not result.ok
    assert "a" * 40 in (result.missing_reason or "")


def test_verify_catches_a_corrupted_weights_file(cached_tiny: CachedTiny) -> None:
    weights = cached_tiny.repos["tiny-bart"].snapshot / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF  # same size: only the hash can tell
    weights.resolve().write_bytes(bytes(data))
    spec = resolve_model("tiny-bart", None, cached_tiny.models_dir)
    result = verify_model(spec, load=False)
    assert _checks(result)["sha256"] is False and _checks(result)["complete"] is True
    assert not result.ok


def test_verify_catches_an_interrupted_download(cached_tiny: CachedTiny) -> None:
    (cached_tiny.repos["tiny-fr-en"].snapshot / "target.spm").unlink()
    result = verify_model(resolve_model("tiny-fr-en", None, cached_tiny.models_dir), load=False)
    detail = next(c.detail for c in result.checks if c.name == "complete")
    assert _checks(result)["complete"] is False and "target.spm missing" in detail


def test_verify_compares_manifest_hashes_and_architecture(cached_tiny: CachedTiny) -> None:
    repo = cached_tiny.repos["tiny-fr-en"]
    write_manifest(
        cached_tiny.models_dir,
        "tiny-fr-en",
        repo,
        sha256={"config.json": "0" * 64},
        architecture={"model_type": "marian", "d_model": 512},
    )
    result = verify_model(resolve_model("tiny-fr-en", None, cached_tiny.models_dir), load=False)
    details = {c.name: c.detail for c in result.checks}
    assert _checks(result)["sha256"] is False and "config.json" in details["sha256"]
    assert _checks(result)["architecture"] is False and "d_model=32" in details["architecture"]


def test_verify_fails_a_model_that_does_not_load(tiny_dir: Path) -> None:
    folder = tiny_dir / "distilbart-tiny"
    config = json.loads((folder / "config.json").read_text())
    config["d_model"] = 64  # the weights no longer fit the architecture
    (folder / "config.json").write_text(json.dumps(config))
    result = verify_model(resolve_model(str(folder)))
    assert _checks(result)["load"] is False and not result.ok


def test_verify_checks_an_exported_folder_against_its_manifest(
    cached_tiny: CachedTiny, tmp_path: Path
) -> None:
    spec = resolve_model("tiny-en-fr", None, cached_tiny.models_dir)
    folder = hub.export(spec, cached_tiny.repos["tiny-en-fr"].snapshot, tmp_path / "copy")
    local = resolve_model(str(folder), None, cached_tiny.models_dir)
    result = verify_model(local, models_dir=cached_tiny.models_dir, load=False)
    assert _checks(result)["revision"] is True and _checks(result)["sha256"] is True
    (folder / "vocab.json").write_text("{}")
    result = verify_model(local, models_dir=cached_tiny.models_dir, load=False)
    assert _checks(result)["sha256"] is False
