"""Fixtures: fake-backend configs (fast, exact) and tiny real models (built once, copied)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.config import BriefConfig, load_config
from tests.hubcache import CachedRepo, add_to_cache, write_manifest

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
SEED = REPO / "seeds" / "000_aed5cb58e19504b7.txt"

FAKE_OVERRIDES = [
    "stages.translate.backend.kind=upper",
    "stages.summarise.backend.kind=lead",
    "stages.summarise.french.backend.kind=identity",
    "run.device=cpu",
]


# What a run writes by default, relative to the working directory (the checkout, under pytest).
_DEFAULT_OUTPUTS = ("briefs", "brief-run.toml")


@pytest.fixture(autouse=True)
def _no_output_in_the_checkout() -> Iterator[None]:
    """Fails a test that writes a run's output into the checkout: every test writes under its
    own temporary folder (a brief left in ``briefs/`` stops the README's command with exit 2)."""
    before = {name for name in _DEFAULT_OUTPUTS if (REPO / name).exists()}
    yield
    after = {name for name in _DEFAULT_OUTPUTS if (REPO / name).exists()}
    assert after <= before, f"the test wrote {sorted(after - before)} into the checkout"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Points the default translation cache at a session folder: tests never touch ~/.cache."""
    patch = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("xdg-cache")
    patch.setenv("XDG_CACHE_HOME", str(home))
    yield home
    patch.undo()


@pytest.fixture
def fake_overrides(tmp_path: Path) -> list[str]:
    """Overrides that swap every model for a model-free stand-in, writing under tmp_path."""
    return [*FAKE_OVERRIDES, f'run.out="{(tmp_path / "out").as_posix()}"']


@pytest.fixture
def fake_config(fake_overrides: list[str]) -> BriefConfig:
    return load_config(None, fake_overrides)


@pytest.fixture(scope="session")
def _tiny_models_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.testing.tiny import build_tiny_models, write_tiny_config

    root = tmp_path_factory.mktemp("tiny-master")
    models = build_tiny_models(root)
    write_tiny_config(root, models)
    return root


@pytest.fixture
def tiny_dir(_tiny_models_master: Path, tmp_path: Path) -> Path:
    """A private copy of the tiny models and their config.toml (tests may modify it)."""
    from pipeline.testing.tiny import TinyModels, write_tiny_config

    target = tmp_path / "tiny"
    shutil.copytree(_tiny_models_master, target)
    names = {p.name: p for p in target.iterdir() if p.is_dir()}
    models = TinyModels(
        translate=names["opus-mt-fr-en-tiny"],
        back_translate=names["opus-mt-en-fr-tiny"],
        summarise=names["distilbart-tiny"],
    )
    write_tiny_config(target, models)
    return target


# Decoding limits that keep tiny-model runs to seconds (random weights never stop on their own).
FAST_TINY = [
    "stages.translate.num_beams=1",
    "stages.translate.max_length_ratio=0.05",
    "stages.translate.min_max_new_tokens=4",
    "stages.summarise.num_beams=1",
    "stages.summarise.min_new_tokens=0",
    "stages.summarise.max_new_tokens=8",
    "stages.summarise.french.num_beams=1",
]


@pytest.fixture
def hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Hugging Face cache for this test (``HF_HUB_CACHE`` points at it)."""
    from huggingface_hub import constants

    cache = tmp_path / "hub"
    cache.mkdir()
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    return cache


@dataclass
class CachedTiny:
    """The tiny models as pinned hub repositories in :func:`hub_cache`, with manifests."""

    cache: Path
    models_dir: Path
    config: Path
    repos: dict[str, CachedRepo]


@pytest.fixture
def cached_tiny(tiny_dir: Path, hub_cache: Path, tmp_path: Path) -> CachedTiny:
    """The tiny models put in the hub cache as ``brief-test/...`` repositories (as `brief models
    pull` leaves them, pickles listed by the hub but not fetched), manifests ``tiny-fr-en``,
    ``tiny-bart``, ``tiny-en-fr`` pinning them, and a config.toml that selects them."""
    models_dir = tmp_path / "manifests"
    repos = {}
    for name, folder in (
        ("tiny-fr-en", "opus-mt-fr-en-tiny"),
        ("tiny-bart", "distilbart-tiny"),
        ("tiny-en-fr", "opus-mt-en-fr-tiny"),
    ):
        listed = {"pytorch_model.bin": 9}
        repo_id = f"brief-test/{folder}"
        repo = add_to_cache(hub_cache, repo_id, tiny_dir / folder, listed_only=listed)
        write_manifest(models_dir, name, repo, size_mb=1, source_lang="fr", target_lang="en")
        repos[name] = repo
    config = tmp_path / "cached.toml"
    config.write_text(
        f'[run]\ndevice = "cpu"\nmodels_dir = "{models_dir.as_posix()}"\n'
        '[stages.translate.backend]\nmodel = "tiny-fr-en"\n'
        '[stages.summarise.backend]\nmodel = "tiny-bart"\n'
        '[stages.summarise.french.backend]\nmodel = "tiny-en-fr"\n',
        encoding="utf-8",
    )
    return CachedTiny(hub_cache, models_dir, config, repos)


@pytest.fixture(autouse=True, scope="session")
def _checkout_left_alone() -> Iterator[None]:
    """No test writes the default output folder into the checkout (a run without ``-o`` writes
    ``briefs/`` in the folder it runs in): the suite fails if one appears."""
    default = REPO / "briefs"
    existed = default.exists()
    yield
    assert existed or not default.exists(), f"a test wrote {default}: give it -o or run.out"
