"""The int8 CPU path: a tiny model converted to CTranslate2 runs through the pipeline."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from pipeline.backends.base import GenerationSettings
from pipeline.backends.ct2 import CT2Seq2Seq, convert
from pipeline.bench.lengths import ForcedLengths
from pipeline.config import load_config
from pipeline.errors import BriefError, ModelUnavailable
from pipeline.manifests import resolve_model
from pipeline.runner import Pipeline, articles_from_paths
from tests.conftest import SEED

pytest.importorskip("ctranslate2")


@pytest.fixture
def ct2_dirs(tiny_dir: Path) -> dict[str, Path]:
    out = {}
    for name in ("opus-mt-fr-en-tiny", "opus-mt-en-fr-tiny", "distilbart-tiny"):
        out[name] = convert(resolve_model(str(tiny_dir / name)), tiny_dir / "ct2" / name, "int8")
    return out


def test_conversion_keeps_tokenizer_and_provenance(ct2_dirs: dict[str, Path]) -> None:
    folder = ct2_dirs["opus-mt-fr-en-tiny"]
    assert (folder / "model.bin").is_file()
    assert (folder / "hf_tokenizer" / "tokenizer_config.json").is_file()
    meta = json.loads((folder / "brief-ct2.json").read_text())
    assert meta == {
        "written_by": "brief models convert",
        "source": "opus-mt-fr-en-tiny",
        "revision": "local",
        "quantization": "int8",
        "max_input_tokens": 512,
    }


def test_converting_twice_needs_force(ct2_dirs: dict[str, Path], tiny_dir: Path) -> None:
    spec = resolve_model(str(tiny_dir / "opus-mt-fr-en-tiny"))
    with pytest.raises(BriefError, match="--force"):
        convert(spec, ct2_dirs["opus-mt-fr-en-tiny"])


def test_ct2_translates_with_forced_lengths_and_counts_tokens(ct2_dirs: dict[str, Path]) -> None:
    backend = CT2Seq2Seq(
        ct2_dirs["opus-mt-fr-en-tiny"],
        GenerationSettings(num_beams=1, max_length_ratio=1.2),
        batch_size=2,
    )
    backend.lengths = ForcedLengths(1.2)
    texts = ["Bonjour à tous.", "Xiaomi a investi 7,7 milliards de dollars en 2019.", "Oui."]
    first = backend.translate(texts)
    assert len(first) == 3 and all(isinstance(t, str) for t in first)
    assert backend.translate(texts) == first  # greedy int8 decoding is deterministic
    counts = backend.count_tokens(texts)
    assert backend.stats.input_tokens == 2 * sum(counts)
    assert backend.stats.output_tokens >= 2 * sum(int(1.2 * c) for c in counts) // 2
    assert backend.signature()["backend"] == "ct2"
    assert backend.signature()["dtype"] == "int8"


@pytest.mark.parametrize("beams", [1, 2])
def test_forced_lengths_are_per_text_not_the_batch_longest(
    ct2_dirs: dict[str, Path], beams: int
) -> None:
    # brief bench forces 1.2 × each source's tokens. One batch of a long and a short text must
    # not decode the short one to the long one's length (a real model would have stopped it).
    backend = CT2Seq2Seq(
        ct2_dirs["opus-mt-fr-en-tiny"],
        GenerationSettings(num_beams=beams, max_length_ratio=1.2, min_max_new_tokens=1),
        batch_size=2,
    )
    backend.lengths = ForcedLengths(1.2)
    texts = ["Le gouvernement a présenté mardi un plan de relance de trente milliards.", "Oui."]
    long_n, short_n = backend.count_tokens(texts)
    assert long_n > 3 * short_n
    backend.translate(texts)
    targets = [math.ceil(1.2 * long_n), math.ceil(1.2 * short_n)]
    assert backend.stats.output_tokens <= sum(targets)
    assert backend.stats.output_tokens < 2 * targets[0]
    if beams == 1:  # greedy: each text stopped at exactly its own length
        assert backend.stats.output_tokens == sum(targets)


def test_pipeline_runs_on_ct2(ct2_dirs: dict[str, Path], tmp_path: Path) -> None:
    overrides = [
        "run.device=cpu",
        f'run.out="{tmp_path.as_posix()}/out"',
        "stages.translate.backend.kind=ct2",
        f'stages.translate.backend.model="{ct2_dirs["opus-mt-fr-en-tiny"].as_posix()}"',
        "stages.translate.num_beams=1",
        "stages.summarise.backend.kind=ct2",
        f'stages.summarise.backend.model="{ct2_dirs["distilbart-tiny"].as_posix()}"',
        "stages.summarise.num_beams=1",
        "stages.summarise.max_new_tokens=20",
        "stages.summarise.min_new_tokens=5",
        "stages.summarise.french.backend.kind=ct2",
        f'stages.summarise.french.backend.model="{ct2_dirs["opus-mt-en-fr-tiny"].as_posix()}"',
        "stages.summarise.french.num_beams=1",
    ]
    pipeline = Pipeline(load_config(None, overrides))
    pipeline.preflight()
    (article,) = pipeline.run(articles_from_paths([SEED]))
    assert article.error is None
    assert all(s.en is not None for s in article.sentences)
    assert article.summary_en and article.summary_fr
    assert article.signature["models"]["translate"]["backend"] == "ct2"
    assert Path(article.outputs["json"]).is_file()


def test_missing_conversion_names_the_convert_command(tmp_path: Path) -> None:
    cfg = load_config(
        None,
        [
            "stages.translate.backend.kind=ct2",
            "run.device=cpu",
            f'run.models_dir="{tmp_path.as_posix()}"',
        ],
    )
    with pytest.raises(ModelUnavailable, match="brief models convert"):
        Pipeline(cfg).preflight()


def test_models_convert_command_writes_the_named_folder(tiny_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli.app import app

    target = tmp_path / "converted"
    result = CliRunner().invoke(
        app, ["models", "convert", str(tiny_dir / "opus-mt-fr-en-tiny"), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert (target / "model.bin").is_file()
    again = CliRunner().invoke(
        app, ["models", "convert", str(tiny_dir / "opus-mt-fr-en-tiny"), "-o", str(target)]
    )
    assert again.exit_code == 1 and "--force" in str(again.exception)
