from __future__ import annotations

import pytest

from pipeline.backends.hf_seq2seq import GenerationSettings
from pipeline.config import BackendConfig, load_config
from pipeline.errors import ConfigError, StageOrderError
from pipeline.registry import BACKENDS, STAGES, _import, build_backend, stage_class
from pipeline.runner import check_order
from pipeline.runtime import Runtime


@pytest.mark.parametrize("name", sorted(STAGES))
def test_every_stage_name_resolves(name: str) -> None:
    cls = stage_class(name)
    assert cls.name == name


@pytest.mark.parametrize("name", sorted(BACKENDS))
def test_every_backend_name_resolves(name: str) -> None:
    assert callable(_import(BACKENDS[name]))


def test_unknown_stage_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'translat'.*known: clean"):
        stage_class("translat")


def test_unknown_backend_kind_names_the_path() -> None:
    runtime = Runtime("cpu", "float32")
    with pytest.raises(ConfigError, match=r"stages\.translate\.backend\.kind: unknown backend"):
        build_backend(
            BackendConfig(kind="nope"), GenerationSettings(), runtime, "stages.translate.backend"
        )


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        (["clean", "summarise", "write"], "'summarise' needs 'sentences.en'"),
        (["translate", "write"], "'translate' needs 'sentences'"),
        (["clean", "clean"], "listed twice"),
        (["detect", "clean", "write"], "'detect' needs 'sentences'"),
    ],
)
def test_stage_order_is_checked_when_building(stages: list[str], message: str) -> None:
    with pytest.raises(StageOrderError, match=message):
        check_order(stages)


@pytest.mark.parametrize(
    "stages",
    [
        ["clean", "write"],
        ["clean", "facts", "write"],
        ["clean", "translate", "write"],
        ["clean", "translate", "summarise", "facts", "write"],
        ["clean", "detect", "translate", "write"],
        ["clean", "detect", "translate", "summarise", "facts", "write"],
    ],
)
def test_valid_stage_subsets_pass(stages: list[str]) -> None:
    check_order(stages)
    assert load_config(None, [f"pipeline.stages={stages!r}"]).pipeline.stages == stages
