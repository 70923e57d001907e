"""The one interface every seq2seq backend offers, and what a stage hands it.

A stage talks to a :class:`Seq2SeqBackend`: the transformers backend (``hf``), CTranslate2
(``ct2``), the model-free stand-ins (``identity``, ``upper``, ``lead``), or a wrapper composed
around one of them (the translation cache), the way argos-translate composes its translators
behind one ``ITranslation``. Stages call the interface; they never probe for attributes.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

TRANSLATE = "translate"
SUMMARISE = "summarise"


@dataclass(frozen=True)
class GenerationSettings:
    """Decoding settings a stage hands to its backend.

    Attributes:
        num_beams: Beam width (1 = greedy).
        max_new_tokens: Absolute cap on generated tokens (summaries).
        max_length_ratio: Cap as a multiple of the longest input in the batch (translation).
        min_max_new_tokens: Floor of the ratio-based cap, for very short inputs.
        min_new_tokens: Minimum generated tokens.
        no_repeat_ngram_size: Forbid repeating n-grams of this size (0 = off).
        repetition_penalty: >1 discourages repeats.
        length_penalty: Beam-search length penalty.
    """

    num_beams: int = 4
    max_new_tokens: int | None = None
    max_length_ratio: float | None = 2.0
    min_max_new_tokens: int = 16
    min_new_tokens: int = 0
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0

    def budget(self, longest_input: int, ceiling: int | None = None) -> int:
        """The ``max_new_tokens`` to use for a batch whose longest input has this many tokens.

        Args:
            longest_input: Tokens in the batch's longest input.
            ceiling: The most the model can produce (its decoder positions), if known.
        """
        caps = [ceiling] if ceiling is not None else []
        if self.max_length_ratio is not None:
            caps.append(
                max(self.min_max_new_tokens, math.ceil(self.max_length_ratio * longest_input))
            )
        if self.max_new_tokens is not None:
            caps.append(self.max_new_tokens)
        return min(caps) if caps else 256

    def capped(self, max_new_tokens: int | None) -> GenerationSettings:
        """These settings with the output held to at most ``max_new_tokens`` (None: as is)."""
        if max_new_tokens is None:
            return self
        cap = (
            max_new_tokens
            if self.max_new_tokens is None
            else min(self.max_new_tokens, max_new_tokens)
        )
        return dataclasses.replace(self, max_new_tokens=cap)

    def floor(self, longest_input: int, ceiling: int | None = None, at_least: int = 0) -> int:
        """The ``min_new_tokens`` to use for such a batch (never above :meth:`budget`).

        Args:
            longest_input: Tokens in the batch's longest input.
            ceiling: The most the model can produce, if known.
            at_least: A length imposed from outside (:class:`LengthControl`), else 0.
        """
        wanted = max(self.min_new_tokens, at_least)
        return min(wanted, self.budget(longest_input, ceiling))


class LengthControl(Protocol):
    """Output lengths imposed on a backend from outside, one per text.

    Only ``brief bench`` does this (:mod:`pipeline.bench.lengths`): random-weight models never end
    a text on their own, so the bench ends each at the length a real model's output would have.
    A backend with ``lengths`` set asks it for each text's target and for the decoding hook that
    ends each text of a batch at its own target.

    Attributes:
        spread: Where no per-text hook exists (CTranslate2 beam search), a batch holds texts within
            this share of each other's length.
    """

    spread: float

    def target(self, input_tokens: int) -> int:
        """Output tokens for a text of ``input_tokens`` tokens."""

    def logits_processor(self, targets: list[int], eos_id: int | list[int], beams: int) -> Any:
        """A transformers ``LogitsProcessorList`` that ends each row at its target."""

    def step_callback(self, targets: list[int]) -> Any:
        """A CTranslate2 step callback (greedy decoding) that ends each text at its target."""


@dataclass
class BackendStats:
    """What a backend did: calls, tokens in and out, seconds in ``generate``.

    ``cache_hits`` and ``cache_misses`` are counted by a cache wrapped around the backend
    (:class:`pipeline.backends.cache.CachedBackend`): texts answered from the cache, and texts
    the model had to translate.
    """

    calls: int = 0
    texts: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0

    def add(self, texts: int, input_tokens: int, output_tokens: int, seconds: float) -> None:
        self.calls += 1
        self.texts += texts
        self.input_tokens += input_tokens
        self.output_tokens += output_tokens
        self.seconds += seconds


def token_batches(
    lengths: list[int], batch_size: int, max_tokens: int | None, spread: float | None = None
) -> list[list[int]]:
    """Indices of texts grouped into batches, longest first, by count and by token budget.

    A batch holds at most ``batch_size`` texts and, padded to its longest member, at most
    ``max_tokens`` tokens (a text longer than the budget gets a batch of its own).

    Args:
        lengths: Token count of each text.
        batch_size: Most texts in a batch.
        max_tokens: Most padded tokens in a batch; None for no budget.
        spread: When given, a batch also ends before a text shorter than ``1 - spread`` times
            its longest member.

    Returns:
        Batches of indices into ``lengths``; every index appears once.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i], reverse=True)
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        # Sorted longest first: the batch's first member sets its padded width.
        width = lengths[current[0]] if current else lengths[i]
        full = len(current) >= batch_size or (
            max_tokens is not None and current and (len(current) + 1) * width > max_tokens
        )
        if spread is not None and current and lengths[i] < (1 - spread) * width:
            full = True
        if full:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


@runtime_checkable
class Seq2SeqBackend(Protocol):
    """What a stage may ask of a backend.

    Attributes:
        kind: The backend's registry name (``hf``, ``ct2``, ``identity``…).
        abilities: What it can do: :data:`TRANSLATE`, :data:`SUMMARISE` or both.
        generation: The decoding settings it was built with (None for stand-ins).
        stats: Calls, texts, tokens and seconds so far.
        lengths: Output lengths imposed from outside (the benchmark), else None.
    """

    kind: str
    abilities: frozenset[str]
    generation: GenerationSettings | None
    stats: BackendStats
    lengths: LengthControl | None

    def ensure_available(self) -> None:
        """Fails fast when the model cannot be had (raises ``ModelUnavailable``)."""

    def signature(self) -> dict[str, Any]:
        """Model id, revision, backend, dtype and device, for the brief's signature."""

    @property
    def max_input_tokens(self) -> int | None:
        """The most tokens the model reads (None: no limit, a stand-in)."""

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Source-side token counts, special tokens included."""

    def weights_folder(self) -> Path | None:
        """The local folder the weights are read from (None: the hub cache, or none)."""

    def translate(
        self, texts: list[str], generation: GenerationSettings | None = None
    ) -> list[str]:
        """One translation per text, in order."""

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        """One summary per text, in order, at most ``max_new_tokens`` when given."""


class GeneratingBackend:
    """What a model backend that decodes with ``generate`` shares: both abilities, one path.

    Subclasses implement ``generate(texts, generation=None, max_new_tokens=None)``.
    """

    abilities = frozenset({TRANSLATE, SUMMARISE})

    # Restated by each subclass (ct2.py, hf_seq2seq.py): the signature is the interface.
    def generate(
        self,
        texts: list[str],
        generation: GenerationSettings | None = None,
        max_new_tokens: int | None = None,
    ) -> list[str]:
        raise NotImplementedError

    def translate(
        self, texts: list[str], generation: GenerationSettings | None = None
    ) -> list[str]:
        """Translates each text (one sentence or segment each)."""
        return self.generate(texts, generation)

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        """Summarises each text (one document each), at most ``max_new_tokens`` when given."""
        return self.generate(texts, max_new_tokens=max_new_tokens)
