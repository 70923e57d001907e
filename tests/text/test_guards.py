from __future__ import annotations

import pytest

from pipeline.config import GuardConfig
from pipeline.text.guards import best_attempt, longest_repeat, problems

LIMITS = GuardConfig()
SOURCE = "Le gouvernement a annoncé mardi un plan de relance pour les entreprises."


@pytest.mark.parametrize(
    ("text", "repeats"),
    [
        ("", 0),
        ("One sentence.", 1),
        ("very very good", 2),
        ("the the the", 3),
        ("of the of the of the company", 3),
        ("Home | News | " * 4, 4),
        ("Wait...!!!", 1),
    ],
)
def test_longest_repeat(text: str, repeats: int) -> None:
    assert longest_repeat(text) == repeats


@pytest.mark.parametrize(
    ("source", "output", "french", "found"),
    [
        (SOURCE, "The government announced a recovery plan for companies on Tuesday.", 0.0, []),
        (
            SOURCE,
            "The government the government the government the government",
            0.0,
            ["repetition"],
        ),
        ("Non, non, non et non.", "No, no, no and no.", 0.0, []),
        (SOURCE, " ".join(["The plan is big and new."] * 5), 0.0, ["too_long"]),
        (SOURCE, "Plan.", 0.0, ["too_short"]),
        ("Oui.", "Yes.", 0.0, []),
        (SOURCE, SOURCE, 0.99, ["untranslated"]),
        # A detector's opinion only counts on enough ordinary words.
        ("Lei Jun, Ding Lei.", "Lei Jun, Ding Lei.", 0.99, []),
        (SOURCE, SOURCE, None, []),
    ],
)
def test_problems(source: str, output: str, french: float | None, found: list[str]) -> None:
    assert problems(source, output, LIMITS, french) == found


def test_best_attempt_prefers_fewer_problems_then_the_first() -> None:
    assert best_attempt([("a", ["repetition"]), ("b", [])]) == ("b", [])
    assert best_attempt([("a", ["too_long"]), ("b", ["repetition"])]) == ("a", ["too_long"])
