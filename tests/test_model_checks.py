from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.model_checks import (
    configured_backends,
    configured_models,
    licence_warnings,
    list_models,
)
from tests.conftest import FAKE_OVERRIDES, CachedTiny
from tests.hubcache import write_manifest


@pytest.mark.parametrize(
    ("overrides", "roles"),
    [
        ([], ["translate", "summarise", "summarise.french"]),
        (['pipeline.stages=["clean", "translate", "write"]'], ["translate"]),
        (FAKE_OVERRIDES, []),
        (["stages.translate.backend.kind=ct2"], ["translate", "summarise", "summarise.french"]),
    ],
)
def test_configured_backends_follow_the_stage_list_and_backend_kind(
    overrides: list[str], roles: list[str]
) -> None:
    assert list(configured_backends(load_config(None, overrides))) == roles


def test_a_ct2_backend_named_by_manifest_stands_for_that_model(tmp_path: Path) -> None:
    config = load_config(None, ["stages.translate.backend.kind=ct2"])
    assert configured_models(config)["translate"].source == "Helsinki-NLP/opus-mt-fr-en"
    for folder in (tmp_path, tmp_path / "not-converted-yet"):
        config.stages.translate.backend.model = str(folder)
        assert "translate" not in configured_models(config)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ([], []),
        (
            [
                'stages.summarise.french.method="model"',
                "stages.summarise.french.backend.model=mt5-multilingual-xlsum",
            ],
            ["summarise.french: model 'mt5-multilingual-xlsum' is licensed cc-by-nc-sa-4.0"],
        ),
        (
            ["stages.translate.backend.model=facebook/nllb-200-distilled-600M"],
            ["translate: model 'nllb-200-distilled-600M' is licensed cc-by-nc-4.0"],
        ),
    ],
)
def test_selecting_a_non_commercial_model_warns(overrides: list[str], expected: list[str]) -> None:
    warnings = licence_warnings(load_config(None, overrides))
    assert len(warnings) == len(expected)
    for line, start in zip(warnings, expected, strict=True):
        assert line.startswith(start) and "non-commercial" in line


def test_list_shows_every_manifest_and_what_is_on_disk(cached_tiny: CachedTiny) -> None:
    (cached_tiny.models_dir / "ct2" / "tiny-en-fr-int8").mkdir(parents=True)
    (cached_tiny.models_dir / "ct2" / "tiny-en-fr-int8" / "model.bin").write_bytes(b"\0")
    write_manifest(cached_tiny.models_dir, "absent", hub_id="brief-test/absent")
    entries = {e.spec.name: e for e in list_models(load_config(cached_tiny.config))}
    assert set(entries) == {"tiny-fr-en", "tiny-bart", "tiny-en-fr", "absent"}
    assert entries["tiny-fr-en"].forms == ["pytorch"]
    assert entries["tiny-fr-en"].roles == ["translate"]
    assert entries["tiny-en-fr"].forms == ["pytorch", "ct2:int8"]
    assert entries["absent"].forms == [] and entries["absent"].roles == []


def test_list_adds_local_directories_from_the_config(tiny_dir: Path) -> None:
    entries = list_models(load_config(tiny_dir / "config.toml"))
    local = [e for e in entries if e.spec.local]
    assert [e.spec.name for e in local] == [
        "opus-mt-fr-en-tiny",
        "distilbart-tiny",
        "opus-mt-en-fr-tiny",
    ]
    assert all(e.forms == ["pytorch"] for e in local)
