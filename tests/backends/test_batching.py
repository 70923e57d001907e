from __future__ import annotations

import pytest

from pipeline.backends.base import GenerationSettings, token_batches


@pytest.mark.parametrize(
    ("lengths", "batch_size", "max_tokens", "expected"),
    [
        ([], 4, 100, []),
        ([5, 50, 10, 40], 4, None, [[1, 3, 2, 0]]),
        ([5, 50, 10, 40], 2, None, [[1, 3], [2, 0]]),
        # 50 + 40 padded to 50 is 100 tokens: over a budget of 90, so 50 goes alone.
        ([5, 50, 10, 40], 8, 90, [[1], [3, 2], [0]]),
        # Longer than the budget on its own: a batch of one, never dropped.
        ([500, 3], 8, 100, [[0], [1]]),
        ([10] * 7, 8, 30, [[0, 1, 2], [3, 4, 5], [6]]),
    ],
)
def test_token_batches(
    lengths: list[int], batch_size: int, max_tokens: int | None, expected: list[list[int]]
) -> None:
    batches = token_batches(lengths, batch_size, max_tokens)
    assert batches == expected
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))


def test_spread_ends_a_batch_before_a_much_shorter_text() -> None:
    lengths = [100, 95, 91, 89, 50, 48, 10]
    # 89 < 0.9 × 100: a new batch; 48 >= 0.9 × 50: same batch; 10: its own.
    assert token_batches(lengths, 8, None, spread=0.1) == [[0, 1, 2], [3], [4, 5], [6]]
    assert token_batches(lengths, 8, None) == [[0, 1, 2, 3, 4, 5, 6]]


@pytest.mark.parametrize(
    ("longest", "ceiling", "budget"),
    [(10, None, 20), (300, None, 600), (300, 511, 511), (4, 511, 16)],
)
def test_output_budget_never_passes_the_model_ceiling(
    longest: int, ceiling: int | None, budget: int
) -> None:
    assert GenerationSettings(max_length_ratio=2.0).budget(longest, ceiling) == budget
