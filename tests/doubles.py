"""Test doubles for translating backends: they count calls and misbehave on purpose.

Never used by the package: the real code path only ever sees backends from the registry.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.backends.identity import IdentityBackend

_SENTENCE = "the report said that officials were working on new plans for next year"
_ENGLISH = _SENTENCE.split(" ")
_NUMBER = re.compile(r"\d+(?:[ ,.]\d+)*")


def english_like(source: str) -> str:
    """As many English words as the source has, keeping its numbers (a plausible translation)."""
    words = len(source.split())
    numbers = [n.replace(" ", "").replace(",", ".") for n in _NUMBER.findall(source)]
    body = [_ENGLISH[i % len(_ENGLISH)] for i in range(max(words - len(numbers), 1))]
    return " ".join([*body, *numbers]).capitalize() + "."


class Counting(IdentityBackend):
    """Translates every text into plausible English and records each call."""

    kind = "counting"

    def __init__(self, **_: Any) -> None:
        super().__init__()
        self.calls: list[tuple[list[str], Any]] = []

    def signature(self) -> dict[str, Any]:
        return {"id": self.kind, "revision": "1", "backend": self.kind}

    @property
    def texts_translated(self) -> int:
        return sum(len(texts) for texts, _ in self.calls)

    def translate(self, texts: list[str], generation: Any = None) -> list[str]:
        self.calls.append((list(texts), generation))
        return [self.render(t, generation) for t in texts]

    def render(self, text: str, generation: Any) -> str:
        return english_like(text)


class Degenerate(Counting):
    """Loops on a phrase under the first decoding settings; translates under safer ones."""

    kind = "degenerate"

    def render(self, text: str, generation: Any) -> str:
        if generation is None:
            return "the the the the the the the the"
        return english_like(text)


class AlwaysDegenerate(Counting):
    """Loops whatever the settings: the retry cannot help."""

    kind = "always-degenerate"

    def render(self, text: str, generation: Any) -> str:
        return "of the of the of the of the" if generation is None else "the the the the the"


class Untranslated(Counting):
    """Hands the French back unchanged the first time."""

    kind = "untranslated"

    def render(self, text: str, generation: Any) -> str:
        return text if generation is None else english_like(text)


class Fixed(Counting):
    """Answers each source from a table (for checks of numbers and names)."""

    kind = "fixed"

    def __init__(self, table: dict[str, str] | None = None, **_: Any) -> None:
        super().__init__()
        self.table = table or {}

    def render(self, text: str, generation: Any) -> str:
        return self.table.get(text, english_like(text))
