"""The number classes of issue #24 (misses and false alarms), each with a case caught and one
accepted. The number and date checks need no spaCy analysis: names and negations are off."""

from __future__ import annotations

import pytest

from pipeline.verify.checks import Verifier

_NUMBERS = Verifier(names=False, polarity=False)


def _flagged(fr: str, en: str) -> bool:
    return any(f.kind in {"number", "date"} for f in _NUMBERS.translation(fr, en, None))


@pytest.mark.parametrize(
    ("fr", "en", "flagged"),
    [
        # "thousand million" is the British long form of a billion; "thousand billion" is not
        (
            "Le pays compte 9 milliards d'habitants.",
            "The country has 9 thousand million people.",
            False,
        ),
        (
            "Le pays compte 9 milliards d'habitants.",
            "The country has 9 thousand billion people.",
            True,
        ),
        (
            "La dette atteint 4,2 milliards d'euros.",
            "Debt reached 4,2 thousand million euros.",
            False,
        ),
        (
            "La dette atteint 4,2 milliards d'euros.",
            "Debt reached 4,2 thousand billion euros.",
            True,
        ),
        # a currency with its country between the number and its name
        (
            "Ils ont versé trois milliards de francs.",
            "They paid three billion Swiss francs.",
            False,
        ),
        ("Ils ont versé trois milliards de francs.", "They paid three million Swiss francs.", True),
        ("Le prêt est de 12 millions de dollars.", "The loan is 12 million US dollars.", False),
        # a percentage never vouches for a number that is not one, nor the other way round
        (
            "Ses 400 millions de lecteurs ont crû de 400 %.",
            "Its 400 million readers grew 400%.",
            False,
        ),
        (
            "Ses 400 millions de lecteurs ont crû de 400 %.",
            "Its 400 billion readers grew 400%.",
            True,
        ),
        (
            "Ses 400 millions de lecteurs ont crû de 400 %.",
            "Its 400 million readers grew 300%.",
            True,
        ),
        # a scale after a number written as a code ("R50 millions") is checked as a scale word
        ("Il a détourné R50 millions.", "He embezzled R50 million.", False),
        ("Il a détourné R50 millions.", "He embezzled R50 billion.", True),
    ],
)
def test_number_classes(fr: str, en: str, flagged: bool) -> None:
    assert _flagged(fr, en) is flagged
