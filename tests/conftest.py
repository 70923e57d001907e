"""Fixtures: fake-backend configs (fast, exact) and tiny real models (built once, copied)."""

from __future__ import annotations

import os

# Tiny models gain nothing from several threads, and when other processes share the cores
# OpenMP's spinning threads make them some 30 times slower. Set before torch is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pipeline.config import BriefConfig, load_config  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
SEED = REPO / "seeds" / "000_aed5cb58e19504b7.txt"

FAKE_OVERRIDES = [
    "stages.translate.backend.kind=upper",
    "stages.summarise.backend.kind=lead",
    "stages.summarise.french.backend.kind=identity",
    "run.device=cpu",
]


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
