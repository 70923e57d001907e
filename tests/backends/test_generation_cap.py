from __future__ import annotations

import pytest

from pipeline.backends.base import GenerationSettings


@pytest.mark.parametrize(
    ("settings", "cap", "budget", "floor"),
    [
        (GenerationSettings(max_new_tokens=120, max_length_ratio=None), None, 120, 0),
        (GenerationSettings(max_new_tokens=120, max_length_ratio=None), 80, 80, 0),
        (GenerationSettings(max_new_tokens=60, max_length_ratio=None), 80, 60, 0),
        # The minimum length never exceeds the cap.
        (
            GenerationSettings(max_new_tokens=120, min_new_tokens=30, max_length_ratio=None),
            20,
            20,
            20,
        ),
        # Ratio-capped settings (translation) keep their ratio under the cap.
        (GenerationSettings(max_length_ratio=2.0), 50, 50, 0),
        (GenerationSettings(max_length_ratio=2.0), 500, 200, 0),
    ],
)
def test_a_per_call_cap_only_ever_tightens_the_output_length(
    settings: GenerationSettings, cap: int | None, budget: int, floor: int
) -> None:
    capped = settings.capped(cap)
    assert (capped.budget(100), capped.floor(100)) == (budget, floor)
