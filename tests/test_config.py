from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import BriefConfig, dump_toml, load_config, parse_override
from pipeline.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", sorted((REPO / "configs").glob("*.toml")), ids=lambda p: p.name)
def test_every_shipped_config_validates(path: Path) -> None:
    assert isinstance(load_config(path), BriefConfig)


def test_default_toml_restates_the_builtin_defaults() -> None:
    assert load_config(REPO / "configs" / "default.toml") == BriefConfig()


def test_default_models_are_the_documented_ones() -> None:
    cfg = BriefConfig()
    assert cfg.stages.translate.backend.model == "opus-mt-fr-en"
    assert cfg.stages.summarise.backend.model == "distilbart-cnn-12-6"
    assert cfg.stages.summarise.french.backend.model == "opus-mt-en-fr"


@pytest.mark.parametrize(
    ("toml", "path_in_error"),
    [
        ("[stages.translate]\nbeams = 4\n", "stages.translate.beams: unknown key"),
        ("[stages.translate]\nnum_beams = 0\n", "stages.translate.num_beams"),
        ("[run]\ndevice = 'tpu'\n", "run.device"),
        ("[stages.summarise.french]\nmethod = 'guess'\n", "stages.summarise.french.method"),
        ("[stages.translate.backend]\nbatch_size = -1\n", "stages.translate.backend.batch_size"),
        ("[nope]\nx = 1\n", "nope: unknown key"),
        ("[run]\nworkers = -1\n", "run.workers"),
    ],
)
def test_bad_config_names_the_key_path(tmp_path: Path, toml: str, path_in_error: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert path_in_error in str(err.value)


def test_invalid_toml_and_missing_file_are_config_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[run\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("stages.translate.num_beams=2", ("stages.translate.num_beams", 2)),
        ("run.device=cpu", ("run.device", "cpu")),
        ('run.out="a b"', ("run.out", "a b")),
        ("stages.write.formats=['md']", ("stages.write.formats", ["md"])),
        ("stages.summarise.length_penalty=1.5", ("stages.summarise.length_penalty", 1.5)),
    ],
)
def test_parse_override(item: str, expected: tuple) -> None:
    assert parse_override(item) == expected


def test_overrides_apply_and_change_the_hash() -> None:
    base = load_config()
    changed = load_config(None, ["stages.translate.num_beams=1"])
    assert changed.stages.translate.num_beams == 1
    assert base.digest() != changed.digest()
    # Where the output goes does not change what a brief says.
    assert base.digest() == load_config(None, ["run.out=elsewhere"]).digest()
    # Nor does where the CPU stages run.
    assert base.digest() == load_config(None, ["run.workers=4"]).digest()


def test_override_without_equals_is_an_error() -> None:
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        load_config(None, ["run.device"])


def test_dump_round_trips(tmp_path: Path) -> None:
    cfg = load_config(None, ["run.lang=fr", "stages.write.top_facts=3"])
    path = tmp_path / "filled.toml"
    path.write_text(dump_toml(cfg), encoding="utf-8")
    assert load_config(path) == cfg


@pytest.mark.parametrize(
    ("toml", "overrides"),
    [
        ("[stages.translate.backend]\nkind = 'ct2'\n", []),
        ("", ["stages.translate.backend.batch_size=8"]),
    ],
)
def test_a_table_given_in_part_keeps_its_other_defaults(
    tmp_path: Path, toml: str, overrides: list[str]
) -> None:
    path = tmp_path / "part.toml"
    path.write_text(toml, encoding="utf-8")
    assert load_config(path, overrides).stages.translate.backend.model == "opus-mt-fr-en"


@pytest.mark.parametrize(
    ("override", "new"),
    [
        ('stages.facts.model="fr_core_news_lg"', "language.spacy_model"),
        ('stages.verify.model="fr_core_news_lg"', "language.spacy_model"),
        ('stages.detect.languages=["fr", "en"]', "language.languages"),
    ],
)
def test_a_key_moved_to_the_shared_table_names_its_new_place(override: str, new: str) -> None:
    old = override.partition("=")[0]
    with pytest.raises(ConfigError, match=rf"{old}: moved to {new}"):
        load_config(None, [override])


def test_the_shared_table_reaches_every_stage_that_uses_it() -> None:
    """One spaCy package and one list of languages, set once, for every stage that needs them."""
    from pipeline.runtime import Runtime
    from pipeline.stages.clean import CleanStage
    from pipeline.stages.detect import DetectStage
    from pipeline.stages.facts import FactsStage
    from pipeline.stages.verify import VerifyStage

    config = load_config(
        None, ['language.spacy_model="fr_core_news_sm"', 'language.languages=["fr", "en", "pt"]']
    )
    runtime = Runtime("cpu", "float32")
    for stage in (CleanStage, VerifyStage, FactsStage):
        assert stage(config, runtime).spacy_model == "fr_core_news_sm", stage.name
    assert FactsStage(config, runtime).backends()["facts"].name == "fr_core_news_sm"
    assert VerifyStage(config, runtime).backends()["verify.spacy"].name == "fr_core_news_sm"
    assert DetectStage(config, runtime).codes == ("fr", "en", "pt")
    from pipeline.errors import ModelUnavailable
    from pipeline.text.segment import split_french_many

    with pytest.raises(ModelUnavailable, match="fr_no_such_model"):  # the clean stage's splitter
        split_french_many(["Une phrase. Une autre."], "spacy", "fr_no_such_model")
    bad = load_config(None, ['language.languages=["fr", "xx"]'])
    with pytest.raises(ConfigError, match=r"language\.languages: unknown language code 'xx'"):
        DetectStage(bad, runtime)
