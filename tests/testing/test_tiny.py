"""Tiny random-weight models: built at test time, loaded through the real hub-loading code."""

from __future__ import annotations

import os

# Set before transformers is imported: an accidental hub download must fail, not hang.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import tomllib  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, GenerationConfig  # noqa: E402

from pipeline.testing.builders import load_corpus  # noqa: E402
from pipeline.testing.tiny import (  # noqa: E402
    TinyModels,
    build_tiny_models,
    main,
    write_tiny_config,
)

SENTENCE = "Bonjour à tous, 7,7 milliards de dollars."
FRENCH_TYPOGRAPHY = "élève à « Noël » 7,7 €"
MODEL_FIELDS = ("translate", "back_translate", "summarise")
EXPECTED_CLASSES = {
    "translate": ("MarianTokenizer", "MarianMTModel"),
    "back_translate": ("MarianTokenizer", "MarianMTModel"),
    "summarise": ("RobertaTokenizer", "BartForConditionalGeneration"),
}


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    return build_tiny_models(tmp_path_factory.mktemp("tiny"), seed=0)


@pytest.fixture(scope="module")
def loaded(tiny_models: TinyModels) -> dict[str, tuple[object, object]]:
    """Tokenizer and model per field, loaded once through the Auto classes."""
    return {
        field: (
            AutoTokenizer.from_pretrained(getattr(tiny_models, field)),
            AutoModelForSeq2SeqLM.from_pretrained(getattr(tiny_models, field)),
        )
        for field in MODEL_FIELDS
    }


@pytest.mark.parametrize("field", MODEL_FIELDS)
def test_build_writes_safetensors_checkpoint(tiny_models: TinyModels, field: str) -> None:
    path = getattr(tiny_models, field)
    assert path.is_absolute()
    names = {p.name for p in path.iterdir()}
    assert {"config.json", "generation_config.json", "model.safetensors"} <= names
    assert "pytorch_model.bin" not in names


def test_marian_dirs_have_marian_tokenizer_files(tiny_models: TinyModels) -> None:
    for path in (tiny_models.translate, tiny_models.back_translate):
        assert {"source.spm", "target.spm", "vocab.json"} <= {p.name for p in path.iterdir()}


@pytest.mark.parametrize("field", MODEL_FIELDS)
def test_loads_through_auto_classes(loaded: dict, field: str) -> None:
    tokenizer, model = loaded[field]
    assert (type(tokenizer).__name__, type(model).__name__) == EXPECTED_CLASSES[field]
    assert model.config.d_model == 32


@pytest.mark.parametrize("field", MODEL_FIELDS)
def test_generate_gives_same_strings_twice(loaded: dict, field: str) -> None:
    tokenizer, model = loaded[field]
    enc = tokenizer([SENTENCE, "The plane landed."], return_tensors="pt", padding=True)
    first, second = (
        tokenizer.batch_decode(model.generate(**enc, max_new_tokens=20), skip_special_tokens=True)
        for _ in range(2)
    )
    assert len(first) == 2
    assert all(isinstance(text, str) and text for text in first)
    assert first == second


def test_marian_uses_marian_special_token_layout(loaded: dict) -> None:
    tokenizer, model = loaded["translate"]
    vocab = tokenizer.get_vocab()
    assert (vocab["</s>"], vocab["<unk>"], vocab["<pad>"]) == (0, 1, len(vocab) - 1)
    assert model.config.vocab_size == len(vocab)
    assert model.config.pad_token_id == model.config.decoder_start_token_id == vocab["<pad>"]
    assert model.config.eos_token_id == vocab["</s>"]


@pytest.mark.parametrize(
    ("field", "side"),
    [("translate", "source"), ("back_translate", "target")],
    ids=["fr-en source", "en-fr target"],
)
def test_french_typography_round_trips_without_unk(loaded: dict, field: str, side: str) -> None:
    tokenizer, _ = loaded[field]
    if side == "source":
        ids = tokenizer(FRENCH_TYPOGRAPHY)["input_ids"]
    else:
        ids = tokenizer(text_target=FRENCH_TYPOGRAPHY)["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert tokenizer.decode(ids, skip_special_tokens=True) == FRENCH_TYPOGRAPHY


def test_bart_accepts_1000_input_tokens(loaded: dict) -> None:
    tokenizer, model = loaded["summarise"]
    assert tokenizer.model_max_length == model.config.max_position_embeddings == 1024
    text = " ".join(load_corpus("en"))
    enc = tokenizer([text], truncation=True, max_length=1000, return_tensors="pt")
    assert enc["input_ids"].shape == (1, 1000)
    summary = tokenizer.batch_decode(
        model.generate(**enc, max_new_tokens=8), skip_special_tokens=True
    )
    assert isinstance(summary[0], str)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("translate", {"max_length": 64, "min_length": 0, "num_beams": 1}),
        ("back_translate", {"max_length": 64, "min_length": 0, "num_beams": 1}),
        (
            "summarise",
            {"max_length": 60, "min_length": 5, "num_beams": 1, "no_repeat_ngram_size": 3},
        ),
    ],
)
def test_generation_defaults_are_saved_in_generation_config(
    tiny_models: TinyModels, field: str, expected: dict[str, int]
) -> None:
    saved = GenerationConfig.from_pretrained(getattr(tiny_models, field))
    assert {key: getattr(saved, key) for key in expected} == expected


def test_same_seed_rebuilds_identical_files(tiny_models: TinyModels, tmp_path: Path) -> None:
    again = build_tiny_models(tmp_path / "again", seed=0)
    for field in MODEL_FIELDS:
        for name in ("model.safetensors", "tokenizer_config.json"):
            old, new = getattr(tiny_models, field) / name, getattr(again, field) / name
            assert old.read_bytes() == new.read_bytes(), f"{field}/{name}"
    other = build_tiny_models(tmp_path / "other", seed=1)
    old_weights = (tiny_models.summarise / "model.safetensors").read_bytes()
    assert (other.summarise / "model.safetensors").read_bytes() != old_weights


def test_config_toml_points_stages_at_tiny_models(tiny_models: TinyModels, tmp_path: Path) -> None:
    path = write_tiny_config(tmp_path, tiny_models)
    assert path == tmp_path / "config.toml"
    assert path.read_text("utf-8").startswith("# Tiny random-weight models")
    config = tomllib.loads(path.read_text("utf-8"))
    assert config["run"] == {"device": "cpu", "dtype": "float32"}
    stages = config["stages"]
    backends = {
        "translate": stages["translate"]["backend"],
        "summarise": stages["summarise"]["backend"],
        "back_translate": stages["summarise"]["french"]["backend"],
    }
    for field, backend in backends.items():
        assert backend["kind"] == "hf"
        assert Path(backend["model"]).is_absolute()
        assert Path(backend["model"]) == getattr(tiny_models, field)


def test_main_builds_models_and_config(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main([str(tmp_path / "out")]) == 0
    config = tmp_path / "out" / "config.toml"
    assert config.is_file()
    assert (tmp_path / "out" / "distilbart-tiny" / "model.safetensors").is_file()
    err = capsys.readouterr().err
    assert f"brief seeds/*.txt --lang en --config {config.resolve()}" in err


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fixture_corpora_are_small_and_non_trivial(lang: str) -> None:
    lines = load_corpus(lang)
    assert len(lines) >= 200
    assert sum(len(line.encode("utf-8")) + 1 for line in lines) < 60_000


def test_french_corpus_covers_french_typography() -> None:
    characters = set("".join(load_corpus("fr")))
    assert set("éèêàâçëïîôùûœ«»’€%0123456789") <= characters
