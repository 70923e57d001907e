"""Where manifests are read from and where converted weights are written."""

from __future__ import annotations

from pathlib import Path

import pipeline
from pipeline import manifests
from pipeline.manifests import default_models_dir, default_weights_dir, load_manifests


def test_default_manifests_are_package_data(monkeypatch):
    monkeypatch.delenv("BRIEF_MODELS_DIR", raising=False)
    folder = default_models_dir()
    assert folder.is_relative_to(Path(pipeline.__file__).resolve().parent)
    known = load_manifests()
    assert {"opus-mt-fr-en", "opus-mt-en-fr", "distilbart-cnn-12-6"} <= set(known)


def test_package_manifests_are_the_repository_ones(monkeypatch):
    """The package's copy is the top-level ``models/`` folder, not a second list to keep in step."""
    monkeypatch.delenv("BRIEF_MODELS_DIR", raising=False)
    repo_models = Path(pipeline.__file__).resolve().parent.parent / "models"
    packaged = {p.name: p.read_bytes() for p in default_models_dir().glob("*.toml")}
    in_repo = {p.name: p.read_bytes() for p in repo_models.glob("*.toml")}
    assert packaged == in_repo


def test_weights_go_to_the_checkout_models_folder(monkeypatch):
    monkeypatch.delenv("BRIEF_MODELS_DIR", raising=False)
    checkout = Path(pipeline.__file__).resolve().parent.parent
    assert default_weights_dir() == checkout / "models"


def test_weights_of_an_installed_package_go_to_the_user_cache(monkeypatch, tmp_path):
    """An installed package (no pyproject.toml beside it) never writes into site-packages."""
    site = tmp_path / "site-packages" / "pipeline"
    site.mkdir(parents=True)
    monkeypatch.setattr(manifests, "__file__", str(site / "manifests.py"))
    monkeypatch.delenv("BRIEF_MODELS_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_weights_dir() == tmp_path / "cache" / "brief" / "models"


def test_env_sets_both_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEF_MODELS_DIR", str(tmp_path))
    assert default_models_dir() == tmp_path
    assert default_weights_dir() == tmp_path
