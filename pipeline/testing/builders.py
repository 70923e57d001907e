"""Random-weight Marian and BART models of any size, with tokenizers trained on real text.

The tiny test models (:mod:`pipeline.testing.tiny`) and the benchmark's full-size models
(:mod:`pipeline.bench.models`) are built here: a SentencePiece (Marian) or byte-level BPE (BART)
tokenizer trained on a corpus, a model of the given architecture with random weights, saved the
way hub checkpoints are (safetensors, ``config.json``, ``generation_config.json``, tokenizer
files), so the real loading code reads them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

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


def load_corpus(lang: str) -> list[str]:
    """Returns the non-empty lines of the packaged fixture corpus for ``lang``.

    Args:
        lang: ``"fr"`` or ``"en"``.

    Returns:
        The corpus lines, stripped.

    Raises:
        FileNotFoundError: If there is no corpus for ``lang``.
    """
    text = (
        resources.files("pipeline.testing")
        .joinpath("data", f"corpus_{lang}.txt")
        .read_text("utf-8")
    )
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
    # BART's own special ids and defaults: alike build_marian's Marian ones only in shape.
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
