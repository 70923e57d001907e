"""Forced output lengths for random-weight models: benchmark-only code, kept out of the product.

A random-weight model never emits its end token where a real one would, so left alone it decodes
to its cap and the benchmark would time work no real run does. :class:`ForcedLengths` is the
:class:`~pipeline.backends.base.LengthControl` the bench hands to the backends it builds: each
text ends at ``ratio`` times its input tokens, as a real translation of that length would.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Length spread allowed within a CTranslate2 beam-search batch (no per-text hook there).
SPREAD = 0.1
# Output tokens per input token of a translation (of the article, and of the summary back).
TRANSLATION_RATIO = 1.2
# The model roles whose output lengths are forced to TRANSLATION_RATIO × their input (the
# summariser's are held by min/max_new_tokens, real settings).
FORCED_ROLES = ("translate", "summarise.french")


@dataclass(frozen=True)
class ForcedLengths:
    """Each text's output: ``ratio`` × its input tokens.

    Attributes:
        ratio: Output tokens per input token.
        spread: See :class:`~pipeline.backends.base.LengthControl`.
    """

    ratio: float
    spread: float = SPREAD

    def target(self, input_tokens: int) -> int:
        return math.ceil(self.ratio * input_tokens)

    def logits_processor(self, targets: list[int], eos_id: int | list[int], beams: int) -> Any:
        """Before its target a row may not end; at its target it may only end.

        Rows are the batch's texts, each repeated ``beams`` times in beam search.
        """
        import torch
        from transformers import LogitsProcessorList

        eos = eos_id[0] if isinstance(eos_id, list) else eos_id
        cache: dict[Any, Any] = {}

        def force(input_ids: Any, scores: Any) -> Any:
            if scores.device not in cache:
                cache[scores.device] = torch.tensor(targets, device=scores.device)
                cache[scores.device] = cache[scores.device].repeat_interleave(beams)
            ends = cache[scores.device]
            generated = input_ids.shape[1] - 1  # after the decoder's start token
            done = generated >= ends
            scores[~done, eos] = -float("inf")
            scores[done] = -float("inf")
            scores[done, eos] = 0.0
            return scores

        return LogitsProcessorList([force])

    def step_callback(self, targets: list[int]) -> Any:
        """Stops a text once it has ``targets[batch_id]`` tokens (CTranslate2, greedy)."""

        def stop(step: Any) -> bool:
            return bool(step.step + 1 >= targets[step.batch_id])

        return stop


def force_lengths(backends: Iterable[Any], ratio: float) -> None:
    """Sets :class:`ForcedLengths` on each seq2seq backend (spaCy's handle has no lengths)."""
    for backend in backends:
        if hasattr(backend, "lengths"):
            backend.lengths = ForcedLengths(ratio)
