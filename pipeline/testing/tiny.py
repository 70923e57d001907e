"""Tiny random-weight seq2seq models that load through the same code as real hub checkpoints.

The pipeline's Hugging Face backends load ``AutoTokenizer.from_pretrained(dir)`` and
``AutoModelForSeq2SeqLM.from_pretrained(dir)``. The models built here are saved the same way as the
real ones (safetensors weights, ``config.json``, ``generation_config.json``, tokenizer files), so
tests, CI and dry runs exercise the real loading, tokenisation, generation and decoding code in a
few seconds. Their output is gibberish; the plumbing is real.

Three models mirror the ones the default configuration uses:

- ``opus-mt-fr-en-tiny`` and ``opus-mt-en-fr-tiny``: ``MarianMTModel`` with a ``MarianTokenizer``
  whose ``source.spm``/``target.spm`` are SentencePiece models trained on the fixture corpora and
  whose ``vocab.json`` follows Marian's layout (``</s>`` = 0, ``<unk>`` = 1, ``<pad>`` last and
  used as the decoder start token).
- ``distilbart-tiny``: ``BartForConditionalGeneration`` with a byte-level BPE ``BartTokenizer``
  trained on the English fixture corpus; it accepts 1,024 input tokens like distilbart-cnn-12-6.

Usage::

    python -m pipeline.testing.tiny OUTDIR
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.testing.builders import TINY_DIMS, build_bart, build_marian, load_corpus

logger = logging.getLogger(__name__)

FR_EN_NAME = "opus-mt-fr-en-tiny"
EN_FR_NAME = "opus-mt-en-fr-tiny"
BART_NAME = "distilbart-tiny"


@dataclass
class TinyModels:
    """Directories of the three tiny models, each loadable with ``from_pretrained``.

    Attributes:
        translate: French -> English Marian model (the translate stage).
        back_translate: English -> French Marian model (the French summary).
        summarise: BART summariser (the summarise stage).
    """

    translate: Path
    back_translate: Path
    summarise: Path


def _build_marian(outdir: Path, source: str, target: str, seed: int) -> Path:
    """Builds, saves and returns the directory of a tiny Marian ``source`` -> ``target`` model."""
    return build_marian(
        outdir,
        load_corpus(source),
        load_corpus(target),
        source,
        target,
        seed,
        architecture={"encoder_layers": 2, "decoder_layers": 2, **TINY_DIMS},
    )


def _build_bart(outdir: Path, seed: int) -> Path:
    """Builds, saves and returns the directory of a tiny English BART summariser."""
    return build_bart(
        outdir,
        load_corpus("en"),
        seed,
        architecture={"encoder_layers": 2, "decoder_layers": 1, **TINY_DIMS},
    )


@contextmanager
def _no_progress_bars() -> Iterator[None]:
    """Silences transformers' "Writing model shards" bars for a build that takes a second."""
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()


def build_tiny_models(outdir: Path, seed: int = 0) -> TinyModels:
    """Builds the three tiny models under ``outdir`` (created if missing, files overwritten).

    Args:
        outdir: Directory that receives one sub-directory per model.
        seed: Seed for the random weights; the same seed gives the same weights and outputs.

    Returns:
        The absolute model directories.
    """
    outdir = Path(outdir).resolve()
    start = time.perf_counter()
    with _no_progress_bars():
        models = TinyModels(
            translate=_build_marian(outdir / FR_EN_NAME, "fr", "en", seed),
            back_translate=_build_marian(outdir / EN_FR_NAME, "en", "fr", seed),
            summarise=_build_bart(outdir / BART_NAME, seed),
        )
    logger.info("Built tiny models in %s (%.1f s)", outdir, time.perf_counter() - start)
    return models


def write_tiny_config(outdir: Path, models: TinyModels) -> Path:
    """Writes outdir/config.toml and returns its path.

    The file points the translate, summarise and French-summary stages at the tiny models, on CPU
    in float32; the project's config loader merges it over the defaults.

    Args:
        outdir: Directory for ``config.toml`` (created if missing).
        models: The model directories, as returned by :func:`build_tiny_models`.

    Returns:
        The path of the written file.
    """

    def model_path(path: Path) -> str:
        # json.dumps gives a valid TOML basic string (escapes quotes and backslashes).
        return json.dumps(Path(path).resolve().as_posix())

    text = f"""\
# Tiny random-weight models for tests and offline dry runs: output is gibberish, plumbing is real.
# Random weights never emit end-of-sentence, so every output runs to its length cap: greedy
# decoding and short caps keep a run to seconds.
[run]
device = "cpu"
dtype = "float32"

[stages.translate]
num_beams = 1
max_length_ratio = 1.2

[stages.translate.backend]
kind = "hf"
model = {model_path(models.translate)}

[stages.summarise]
num_beams = 1
min_new_tokens = 8
max_new_tokens = 24

[stages.summarise.backend]
kind = "hf"
model = {model_path(models.summarise)}

[stages.summarise.french]
num_beams = 1

[stages.summarise.french.backend]
kind = "hf"
model = {model_path(models.back_translate)}
"""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path.resolve()


def main(argv: list[str] | None = None) -> int:
    """Builds the tiny models and their config under OUTDIR (``python -m pipeline.testing.tiny``).

    Args:
        argv: Command-line arguments without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        The exit code: 0 on success (argparse exits with 2 on bad arguments).
    """
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.testing.tiny",
        description="Build tiny random-weight models and a config.toml that uses them.",
    )
    parser.add_argument("outdir", type=Path, help="directory to write the models and config to")
    parser.add_argument("--seed", type=int, default=0, help="seed for the random weights")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    models = build_tiny_models(args.outdir, seed=args.seed)
    config = write_tiny_config(args.outdir, models)
    elapsed = time.perf_counter() - start
    print(f"Built tiny models in {elapsed:.1f} s:", file=sys.stderr)
    for name, path in vars(models).items():
        print(f"  {name:<15}{path}", file=sys.stderr)
    print(f"Config: {config}", file=sys.stderr)
    print(f"Try: brief seeds/*.txt --lang en --config {config}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
