"""Backends that need no model: dry runs, tests of the plumbing, and a lead-N summariser.

``identity`` returns its input, ``upper`` upper-cases it (so a test can tell translated text from
source text), ``lead`` summarises by keeping the first sentences (the classic news baseline).
"""

from __future__ import annotations

import re
from typing import Any

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-ÖØ-Þ«\"“])")


class IdentityBackend:
    """Returns every text unchanged."""

    kind = "identity"

    def __init__(self, **_: Any) -> None:
        pass

    def ensure_available(self) -> None:
        """Always available."""

    def signature(self) -> dict[str, Any]:
        return {"id": self.kind, "revision": None, "backend": self.kind}

    def _apply(self, text: str) -> str:
        return text

    def translate(self, texts: list[str], generation: Any = None) -> list[str]:
        """Applies the stand-in to each text; decoding settings mean nothing here."""
        return [self._apply(t) for t in texts]


class UpperBackend(IdentityBackend):
    """Upper-cases every text: a visible, deterministic stand-in for a translator."""

    kind = "upper"

    def _apply(self, text: str) -> str:
        return text.upper()


class LeadBackend(IdentityBackend):
    """Summarises a text by its first ``sentences`` sentences."""

    kind = "lead"

    def __init__(self, sentences: int = 3, **_: Any) -> None:
        self.sentences = sentences

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        """The first sentences of each text (``max_new_tokens`` is ignored: no tokens here)."""
        out = []
        for text in texts:
            parts = _SENTENCE_END.split(" ".join(text.split()))
            out.append(" ".join(parts[: self.sentences]))
        return out
