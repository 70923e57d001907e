"""Backends that need no model: dry runs, tests of the plumbing, and a lead-N summariser.

``identity`` returns its input, ``upper`` upper-cases it (so a test can tell translated text from
source text), ``lead`` summarises by keeping the first sentences (the classic news baseline).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pipeline.backends.base import (
    SUMMARISE,
    TRANSLATE,
    BackendStats,
    GenerationSettings,
    LengthControl,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-ÖØ-Þ«\"“])")


def word_counter(texts: list[str]) -> list[int]:
    """A stand-in token count for backends without a tokenizer: words, plus an end token."""
    return [len(t.split()) + 1 for t in texts]


class IdentityBackend:
    """Returns every text unchanged."""

    kind = "identity"
    abilities = frozenset({TRANSLATE})
    generation: GenerationSettings | None = None
    lengths: LengthControl | None = None  # nothing is decoded: nothing to impose

    def __init__(self, **_: Any) -> None:
        self.stats = BackendStats()

    def ensure_available(self) -> None:
        """Always available."""

    def signature(self) -> dict[str, Any]:
        return {"id": self.kind, "revision": None, "backend": self.kind}

    @property
    def max_input_tokens(self) -> int | None:
        """No model, no input limit."""
        return None

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Words, plus an end token: what a tokenizer-less stand-in can count."""
        return word_counter(texts)

    def weights_folder(self) -> Path | None:
        return None

    def _apply(self, text: str) -> str:
        return text

    def translate(self, texts: list[str], generation: Any = None) -> list[str]:
        """Applies the stand-in to each text; decoding settings mean nothing here."""
        return [self._apply(t) for t in texts]

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        """Not an ability of this stand-in (``abilities`` says so; the stage checks it)."""
        raise NotImplementedError(f"backend {self.kind!r} cannot summarise")


class UpperBackend(IdentityBackend):
    """Upper-cases every text: a visible, deterministic stand-in for a translator."""

    kind = "upper"

    def _apply(self, text: str) -> str:
        return text.upper()


class LeadBackend(IdentityBackend):
    """Summarises a text by its first ``sentences`` sentences."""

    kind = "lead"
    abilities = frozenset({TRANSLATE, SUMMARISE})

    def __init__(self, sentences: int = 3, **_: Any) -> None:
        super().__init__()
        self.sentences = sentences

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        """The first sentences of each text (``max_new_tokens`` is ignored: no tokens here)."""
        out = []
        for text in texts:
            parts = _SENTENCE_END.split(" ".join(text.split()))
            out.append(" ".join(parts[: self.sentences]))
        return out
