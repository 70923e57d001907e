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
import io
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

FR_EN_NAME = "opus-mt-fr-en-tiny"
EN_FR_NAME = "opus-mt-en-fr-tiny"
BART_NAME = "distilbart-tiny"

# SentencePiece asks for this many pieces per language; with hard_vocab_limit off it may return
# fewer. Small enough to train in well under a second, large enough for real subword splits.
SPM_VOCAB_SIZE = 500
BPE_VOCAB_SIZE = 1000

MARIAN_SPECIALS = ("</s>", "<unk>")  # ids 0 and 1, as in Helsinki-NLP's vocab.json
MARIAN_PAD = "<pad>"  # last id, as in Helsinki-NLP's vocab.json
BART_SPECIALS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")

# Taken from the trained vocabulary, never from an architecture table.
_SPECIAL_IDS = {
    "pad_token_id",
    "bos_token_id",
    "eos_token_id",
    "decoder_start_token_id",
    "forced_bos_token_id",
    "forced_eos_token_id",
    "model_type",
}

TINY_DIMS = {
    "d_model": 32,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
    "dropout": 0.0,
}


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


def load_corpus(lang: str) -> list[str]:
    """Returns the non-empty lines of the packaged fixture corpus for ``lang``.

    Args:
        lang: ``"fr"`` or ``"en"``.

    Returns:
        The corpus lines, stripped.

    Raises:
        FileNotFoundError: If there is no corpus for ``lang``.
    """
    text = resources.files(__package__).joinpath("data", f"corpus_{lang}.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _train_spm(lines: list[str], path: Path, vocab_size: int = SPM_VOCAB_SIZE) -> list[str]:
    """Trains a unigram SentencePiece model on ``lines``, writes it to ``path``, returns its pieces.

    ``character_coverage=1.0`` keeps every character of the corpus (accents, guillemets, ``€``) as a
    piece, so none of them turn into ``<unk>``.
    """
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,  # one thread: same pieces on every machine
        minloglevel=2,
    )
    path.write_bytes(buffer.getvalue())
    processor = spm.SentencePieceProcessor(model_file=str(path))
    return [
        processor.id_to_piece(i)
        for i in range(processor.get_piece_size())
        if not (processor.is_control(i) or processor.is_unknown(i))
    ]


def _marian_vocab(
    source_pieces: list[str], target_pieces: list[str], size: int = 0
) -> dict[str, int]:
    """Builds a shared Marian vocabulary: specials, source pieces, new target pieces, pad last.

    With ``size`` larger than the pieces, filler entries make the vocabulary as large as the
    model's embeddings, so that whatever id a random-weight model emits can be decoded.
    """
    vocab: dict[str, int] = {}
    for piece in (*MARIAN_SPECIALS, *source_pieces, *target_pieces):
        vocab.setdefault(piece, len(vocab))
    for index in range(len(vocab), size - 1):
        vocab[f"<filler_{index}>"] = index
    vocab[MARIAN_PAD] = len(vocab)
    return vocab


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


def build_marian(
    outdir: Path,
    source_lines: list[str],
    target_lines: list[str],
    source: str,
    target: str,
    seed: int,
    architecture: dict[str, Any],
    spm_vocab_size: int = SPM_VOCAB_SIZE,
    emits: Callable[[str], bool] | None = None,
) -> Path:
    """Builds and saves a random-weight Marian model with SentencePiece vocabularies.

    Args:
        outdir: Target directory.
        source_lines / target_lines: Text the two SentencePiece models are trained on.
        source / target: Language codes.
        seed: Seed of the random weights.
        architecture: MarianConfig fields (sizes); the special-token ids always come from the
            trained vocabulary, and ``vocab_size`` may exceed it (``brief bench`` keeps the real
            embedding size so that the output projection costs what it costs).
        spm_vocab_size: Pieces asked of each SentencePiece model.
        emits: Which target pieces the random model may emit (see :func:`_restrict_output`);
            None: every real piece.

    Returns:
        ``outdir``.
    """
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    outdir.mkdir(parents=True, exist_ok=True)
    source_pieces = _train_spm(source_lines, outdir / "source.spm", spm_vocab_size)
    target_pieces = _train_spm(target_lines, outdir / "target.spm", spm_vocab_size)
    vocab = _marian_vocab(source_pieces, target_pieces, int(architecture.get("vocab_size", 0)))
    (outdir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), "utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(outdir / "source.spm"),
        target_spm=str(outdir / "target.spm"),
        vocab=str(outdir / "vocab.json"),
        source_lang=source,
        target_lang=target,
        model_max_length=512,
    )

    eos_id, pad_id = vocab["</s>"], vocab[MARIAN_PAD]
    fields = {
        "max_position_embeddings": 512,
        "activation_function": "swish",
        "scale_embedding": True,
        "share_encoder_decoder_embeddings": True,
        **{k: v for k, v in architecture.items() if k not in _SPECIAL_IDS},
    }
    size = max(len(vocab), int(fields.pop("vocab_size", 0)))
    config = MarianConfig(
        **fields,
        vocab_size=size,
        decoder_vocab_size=size,
        pad_token_id=pad_id,
        eos_token_id=eos_id,
        bos_token_id=eos_id,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=eos_id,
        # The hub's opus-mt config.json carries it; CTranslate2's converter reads it.
        normalize_before=False,
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = MarianMTModel(config).eval()
        _restrict_output(model, vocab, emits, set(target_pieces))
    model.generation_config = GenerationConfig(
        max_length=64,
        min_length=0,
        num_beams=1,
        do_sample=False,
        bad_words_ids=[[pad_id]],  # Marian never emits its pad/start token
        pad_token_id=pad_id,
        eos_token_id=eos_id,
        bos_token_id=eos_id,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=eos_id,
    )
    model.save_pretrained(outdir, safe_serialization=True)
    tokenizer.save_pretrained(outdir)
    return outdir


def _train_bpe(
    lines: list[str], vocab_size: int = BPE_VOCAB_SIZE
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Trains a byte-level BPE (RoBERTa/BART style) on ``lines``; returns its vocab and merges."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=list(BART_SPECIALS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(lines, trainer=trainer)
    model = json.loads(bpe.to_str())["model"]
    # transformers 5.24's BartTokenizer passes merges straight to tokenizers' BPE, which wants
    # (left, right) tuples: "left right" strings raise TypeError.
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    return model["vocab"], merges


def _build_bart(outdir: Path, seed: int) -> Path:
    """Builds, saves and returns the directory of a tiny English BART summariser."""
    return build_bart(
        outdir,
        load_corpus("en"),
        seed,
        architecture={"encoder_layers": 2, "decoder_layers": 1, **TINY_DIMS},
    )


def build_bart(
    outdir: Path,
    lines: list[str],
    seed: int,
    architecture: dict[str, Any],
    bpe_vocab_size: int = BPE_VOCAB_SIZE,
    emits: Callable[[str], bool] | None = None,
) -> Path:
    """Builds and saves a random-weight BART model with a byte-level BPE trained on ``lines``.

    ``architecture`` holds BartConfig sizes; special-token ids come from the trained vocabulary
    and ``vocab_size`` may exceed it; ``emits`` picks the pieces it may emit (see
    :func:`build_marian`).
    """
    import torch
    from transformers import (
        BartConfig,
        BartForConditionalGeneration,
        BartTokenizerFast,
        GenerationConfig,
    )

    outdir.mkdir(parents=True, exist_ok=True)
    vocab, merges = _train_bpe(lines, bpe_vocab_size)
    # Fillers up to the model's embedding size, so that every id a random model emits decodes.
    for index in range(len(vocab), int(architecture.get("vocab_size", 0))):
        vocab[f"<filler_{index}>"] = index
    tokenizer = BartTokenizerFast(vocab=vocab, merges=merges, model_max_length=1024)
    bos_id, pad_id, eos_id = vocab["<s>"], vocab["<pad>"], vocab["</s>"]
    fields = {
        "max_position_embeddings": 1024,
        **{k: v for k, v in architecture.items() if k not in _SPECIAL_IDS},
    }
    size = max(len(vocab), int(fields.pop("vocab_size", 0)))
    config = BartConfig(
        **fields,
        vocab_size=size,
        pad_token_id=pad_id,
        bos_token_id=bos_id,
        eos_token_id=eos_id,
        decoder_start_token_id=eos_id,
        forced_bos_token_id=bos_id,
        forced_eos_token_id=eos_id,
        normalize_before=False,  # as in distilbart's config.json; CTranslate2 reads it
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = BartForConditionalGeneration(config).eval()
        _restrict_output(model, vocab, emits)
    model.generation_config = GenerationConfig(
        max_length=60,
        min_length=5,
        num_beams=1,
        do_sample=False,
        no_repeat_ngram_size=3,
        pad_token_id=pad_id,
        bos_token_id=bos_id,
        eos_token_id=eos_id,
        decoder_start_token_id=eos_id,
        forced_bos_token_id=bos_id,
        forced_eos_token_id=eos_id,
    )
    model.save_pretrained(outdir, safe_serialization=True)
    tokenizer.save_pretrained(outdir)
    return outdir


def _restrict_output(
    model: Any,
    vocab: dict[str, int],
    emits: Callable[[str], bool] | None = None,
    pieces: set[str] | None = None,
) -> None:
    """Makes some ids unreachable with a large negative output bias, at no cost per step.

    Filler ids are always blocked: a random model then emits real pieces only, as a trained one
    would. With ``emits``, so is every piece (of ``pieces``, default all) it rejects, special
    tokens excepted: ``brief bench`` keeps its random models to whole words so that their output
    has the length in words, and so in the next model's tokens, of real text.
    """
    blocked = [i for piece, i in vocab.items() if piece.startswith("<filler_")]
    if emits is not None:
        specials = {*MARIAN_SPECIALS, MARIAN_PAD, *BART_SPECIALS}
        blocked += [
            i
            for piece, i in vocab.items()
            if piece not in specials
            and not piece.startswith("<filler_")
            and (pieces is not None and piece not in pieces or not emits(piece))
        ]
    if blocked:
        model.final_logits_bias[0, blocked] = -1e4


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
