from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import hub
from pipeline.errors import ModelUnavailable
from pipeline.manifests import ModelSpec, resolve_model
from tests.conftest import CachedTiny
from tests.hubcache import add_to_cache, fake_commit


@pytest.mark.parametrize(
    ("filename", "fetched"),
    [
        ("model.safetensors", True),
        ("model-00001-of-00002.safetensors", True),
        ("model.safetensors.index.json", True),
        ("config.json", True),
        ("generation_config.json", True),
        ("tokenizer.json", True),
        ("tokenizer_config.json", True),
        ("special_tokens_map.json", True),
        ("vocab.json", True),
        ("merges.txt", True),
        ("source.spm", True),
        ("target.spm", True),
        ("sentencepiece.bpe.model", True),
        ("spiece.model", True),
        ("pytorch_model.bin", False),
        ("training_args.bin", False),
        ("tf_model.h5", False),
        ("flax_model.msgpack", False),
        ("rust_model.ot", False),
        ("model.ckpt", False),
        ("modeling_custom.py", False),
        ("onnx/model.safetensors", False),
        ("onnx/encoder_model.onnx", False),
        ("README.md", False),
        (".gitattributes", False),
    ],
)
def test_pull_fetches_safetensors_config_and_tokenizer_files_only(
    filename: str, fetched: bool
) -> None:
    assert (hub.wanted([filename]) == [filename]) is fetched


@pytest.mark.parametrize(
    ("revision", "pinned"),
    [
        ("b4a9a384c2ec68a224bbd2ee3fd5df0c71ca5b1b", True),
        ("main", False),
        ("v1.0", False),
        ("b4a9a384", False),
        (None, False),
        ("B4A9A384C2EC68A224BBD2EE3FD5DF0C71CA5B1B", False),
    ],
)
def test_only_a_full_commit_hash_counts_as_pinned(revision: str | None, pinned: bool) -> None:
    assert hub.is_pinned(revision) is pinned


def test_cached_snapshot_is_found_at_the_pinned_revision_only(cached_tiny: CachedTiny) -> None:
    repo = cached_tiny.repos["tiny-fr-en"]
    spec = resolve_model("tiny-fr-en", None, cached_tiny.models_dir)
    assert hub.cached_snapshot(spec) == repo.snapshot
    other = resolve_model("tiny-fr-en", fake_commit("another"), cached_tiny.models_dir)
    assert hub.cached_snapshot(other) is None
    # A branch name resolves through refs/ in the cache, without the network.
    main = resolve_model("tiny-fr-en", "main", cached_tiny.models_dir)
    assert hub.cached_snapshot(main) == repo.snapshot


def test_cache_listing_keeps_only_the_files_pull_fetches(cached_tiny: CachedTiny) -> None:
    spec = resolve_model("tiny-fr-en", None, cached_tiny.models_dir)
    listing = hub.cache_listing(spec)
    assert listing is not None
    assert "model.safetensors" in listing and "pytorch_model.bin" not in listing


def test_pull_offline_returns_the_cached_snapshot(cached_tiny: CachedTiny) -> None:
    spec = resolve_model("tiny-bart", None, cached_tiny.models_dir)
    assert hub.pull(spec) == cached_tiny.repos["tiny-bart"].snapshot


def test_pull_offline_of_an_uncached_model_says_offline_mode(hub_cache: Path) -> None:
    spec = ModelSpec("x", "brief-test/absent", fake_commit("absent"), local=False)
    with pytest.raises(ModelUnavailable, match="offline mode is on"):
        hub.pull(spec)


def test_pull_with_the_hub_unreachable_says_so(
    hub_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    # The client retries with back-off (about 20 s in all); no need to wait here.
    monkeypatch.setattr("huggingface_hub.utils._http.time.sleep", lambda _seconds: None)
    spec = ModelSpec("x", "brief-test/absent", fake_commit("absent"), local=False)
    with pytest.raises(ModelUnavailable) as err:
        hub.pull(spec)
    assert "cannot be reached" in str(err.value)
    assert "brief-test/absent" in str(err.value)


def test_pull_refuses_a_revision_without_safetensors(tiny_dir: Path, hub_cache: Path) -> None:
    folder = tiny_dir / "opus-mt-fr-en-tiny"
    (folder / "model.safetensors").unlink()
    repo = add_to_cache(hub_cache, "brief-test/pickles-only", folder)
    spec = ModelSpec("p", repo.repo_id, repo.revision, local=False)
    with pytest.raises(ModelUnavailable, match="no safetensors weights"):
        hub.pull(spec)


def test_export_writes_a_plain_folder_with_hashes_and_revision(
    cached_tiny: CachedTiny, tmp_path: Path
) -> None:
    repo = cached_tiny.repos["tiny-fr-en"]
    spec = resolve_model("tiny-fr-en", None, cached_tiny.models_dir)
    target = hub.export(spec, repo.snapshot, tmp_path / "airgap" / "tiny-fr-en")
    assert not any(p.is_symlink() for p in target.iterdir())
    provenance = json.loads((target / hub.PROVENANCE).read_text())
    assert provenance["hub_id"] == repo.repo_id and provenance["revision"] == repo.revision
    assert provenance["sha256"]["model.safetensors"] == hub.sha256_of(target / "model.safetensors")


def test_ct2_conversions_report_quantization_and_source_revision(tmp_path: Path) -> None:
    folder = tmp_path / "ct2" / "opus-mt-fr-en-int8"
    folder.mkdir(parents=True)
    (folder / "model.bin").write_bytes(b"\0")
    (folder / "brief-ct2.json").write_text(json.dumps({"quantization": "int8", "revision": "abc"}))
    (tmp_path / "ct2" / "opus-mt-en-fr-int8").mkdir()  # another model, and not converted
    assert hub.ct2_conversions("opus-mt-fr-en", tmp_path) == {"int8": "abc"}
    assert hub.ct2_conversions("opus-mt-en-fr", tmp_path) == {}
