"""Tokenizers for the CTranslate2 backend without importing transformers.

CTranslate2 reads and writes token strings, so all it needs around it is a text → pieces and
pieces → text mapping. Importing transformers to get one costs about 2.7 s of CPU on two cores
(`python -X importtime`, 2026-11-29), more than loading the three models; the files the converter
saved in ``hf_tokenizer/`` are read here with the libraries transformers itself uses:

- a ``tokenizer.json`` (BART and every other "fast" tokenizer): the ``tokenizers`` library;
- Marian's ``source.spm`` / ``target.spm`` / ``vocab.json``: ``sentencepiece``, with Marian's
  rule that a piece missing from ``vocab.json`` is ``<unk>`` (transformers 5 defines a Moses
  punctuation normaliser on ``MarianTokenizer`` but does not apply it when encoding: nor does
  this).

Anything else falls back to transformers' ``AutoTokenizer``. The tests check that each light
tokenizer gives the same pieces and text as transformers' on the same folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol


class PieceTokenizer(Protocol):
    """Text to token strings (special tokens included) and back."""

    def encode(self, texts: list[str]) -> list[list[str]]: ...

    def decode(self, tokens: list[str]) -> str: ...


class FastTokenizer:
    """A ``tokenizer.json`` read with the ``tokenizers`` library (what transformers wraps)."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(path))

    def encode(self, texts: list[str]) -> list[list[str]]:
        return [e.tokens for e in self._tok.encode_batch(texts)]

    def decode(self, tokens: list[str]) -> str:
        ids = [self._tok.token_to_id(t) for t in tokens]
        return self._tok.decode([i for i in ids if i is not None], skip_special_tokens=True)


class MarianPieces:
    """Marian's SentencePiece models and vocabulary, as transformers' ``MarianTokenizer`` uses
    them: source pieces, ``<unk>`` for pieces outside the
    vocabulary, ``</s>`` appended; decoding drops the special tokens and joins the pieces."""

    EOS, UNK, PAD = "</s>", "<unk>", "<pad>"

    def __init__(self, folder: Path) -> None:
        import sentencepiece

        config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        self.vocab = set(json.loads((folder / "vocab.json").read_text(encoding="utf-8")))
        self.source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        # MarianTokenizer decodes with the source model unless the vocabularies are separate.
        separate = bool(config.get("separate_vocabs", False))
        self.target = (
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
            if separate
            else self.source
        )
        self.special = {config.get(k, d) for k, d in _SPECIAL.items()}

    def encode(self, texts: list[str]) -> list[list[str]]:
        out = []
        for text in texts:
            code = []
            # A leading language token (">>fr<<") is kept whole, as MarianTokenizer does.
            if text.startswith(">>") and (end := text.find("<<")) != -1:
                code, text = [text[: end + 2]], text[end + 2 :]
            pieces = self.source.encode(text, out_type=str) if text else []
            out.append([p if p in self.vocab else self.UNK for p in code + pieces] + [self.EOS])
        return out

    def decode(self, tokens: list[str]) -> str:
        pieces = [t for t in tokens if t not in self.special]
        return self.target.decode_pieces(pieces).replace("\u2581", " ").strip()


_PLAIN_FAST = {"BartTokenizer", "BartTokenizerFast", "RobertaTokenizer", "RobertaTokenizerFast"}
_SPECIAL = {"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}


class TransformersTokenizer:
    """Any other tokenizer folder, through transformers' ``AutoTokenizer``."""

    def __init__(self, folder: Path) -> None:
        from transformers import AutoTokenizer

        self._tok = AutoTokenizer.from_pretrained(folder)

    def encode(self, texts: list[str]) -> list[list[str]]:
        return [self._tok.convert_ids_to_tokens(ids) for ids in self._tok(texts)["input_ids"]]

    def decode(self, tokens: list[str]) -> str:
        ids = self._tok.convert_tokens_to_ids(tokens)
        return self._tok.decode(ids, skip_special_tokens=True)


def load_tokenizer(folder: Path) -> PieceTokenizer:
    """The lightest tokenizer that reads ``folder`` (see the module docstring)."""
    folder = Path(folder)
    config: dict[str, Any] = {}
    if (folder / "tokenizer_config.json").is_file():
        config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    if config.get("tokenizer_class") == "MarianTokenizer" and (folder / "source.spm").is_file():
        return MarianPieces(folder)
    # Only byte-level BPE classes whose saved tokenizer.json is the whole story: NLLB's, for
    # one, rewrites its post-processor for the source language at run time.
    if config.get("tokenizer_class") in _PLAIN_FAST and (folder / "tokenizer.json").is_file():
        return FastTokenizer(folder / "tokenizer.json")
    return TransformersTokenizer(folder)
