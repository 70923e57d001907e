from __future__ import annotations

import pytest

from pipeline.backends.base import GenerationSettings
from pipeline.config import BackendConfig, load_config
from pipeline.errors import ConfigError, StageOrderError
from pipeline.pipe_analysis import check_order
from pipeline.registry import BACKENDS, STAGES, _import, build_backend, stage_class
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


_INTERFACE = (
    "kind",
    "abilities",
    "ensure_available",
    "signature",
    "max_input_tokens",
    "count_tokens",
    "weights_folder",
    "translate",
    "summarise",
)


@pytest.mark.parametrize("name", sorted(BACKENDS))
def test_every_registered_backend_offers_the_whole_interface(name: str) -> None:
    """Stages call the interface (pipeline.backends.base.Seq2SeqBackend); they never probe."""
    cls = _import(BACKENDS[name])
    missing = [member for member in _INTERFACE if not hasattr(cls, member)]
    assert not missing, f"{name}: {missing}"
    assert cls.abilities <= {"translate", "summarise"} and cls.abilities


@pytest.mark.parametrize("name", ["identity", "upper", "lead"])
def test_stand_ins_are_backends(name: str) -> None:
    from pipeline.backends.base import Seq2SeqBackend

    backend = build_backend(
        BackendConfig(kind=name), GenerationSettings(), Runtime("cpu", "float32"), "x"
    )
    assert isinstance(backend, Seq2SeqBackend)
    assert backend.max_input_tokens is None


def test_a_backend_that_cannot_summarise_is_refused_by_the_stage() -> None:
    from pipeline.stages.summarise import SummariseStage

    config = load_config(None, ["stages.summarise.backend.kind=identity"])
    with pytest.raises(ConfigError, match="cannot summarise"):
        SummariseStage(config, Runtime("cpu", "float32"))


def test_no_stage_reads_another_stages_table() -> None:
    """Each stage reads its own [stages.NAME] table; what stages share is passed explicitly."""
    import re
    from pathlib import Path

    import pipeline.stages

    folder = Path(pipeline.stages.__file__).parent
    read = re.compile(r"config\.stages\.(\w+)")
    foreign = {
        path.name: sorted({t for t in read.findall(path.read_text()) if t != path.stem})
        for path in folder.glob("*.py")
        if path.stem in STAGES
    }
    assert {name: tables for name, tables in foreign.items() if tables} == {}


@pytest.mark.parametrize("name", sorted(STAGES))
def test_every_stage_declares_fields_the_article_has(name: str) -> None:
    from pipeline.pipe_analysis import check_field

    cls = stage_class(name)
    for declared in (*cls.requires, *cls.provides):
        check_field(name, declared)


@pytest.mark.parametrize(
    ("declared", "missing"),
    [("sentence", "Article has no field 'sentence'"), ("sentences.english", "Sentence has no")],
)
def test_a_declared_field_the_article_lacks_is_refused(declared: str, missing: str) -> None:
    from pipeline.pipe_analysis import check_field

    with pytest.raises(StageOrderError, match=missing):
        check_field("quotes", declared)


def test_each_title_field_has_one_writer() -> None:
    """The input's title (clean), its English (translate), and where an untitled article's title
    comes from (verify): one module writes each, and that stage declares it."""
    import re
    from pathlib import Path

    import pipeline

    root = Path(pipeline.__file__).parent
    assigned = re.compile(r"\.(title_fr|title_en|title_origin)\s*=[^=]")
    writers: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        for field in assigned.findall(path.read_text(encoding="utf-8")):
            writers.setdefault(field, set()).add(path.relative_to(root).as_posix())
    assert writers == {
        "title_fr": {"stages/clean.py"},
        "title_en": {"stages/translate.py"},
        "title_origin": {"stages/verify.py"},
    }
    for field, (module,) in writers.items():
        assert field in stage_class(Path(module).stem).provides
