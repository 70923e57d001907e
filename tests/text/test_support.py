from __future__ import annotations

import pytest

from pipeline.document import Unsupported
from pipeline.text.support import SourceEvidence

ENGLISH = [
    "In January, Xiaomi was placed on the United States blacklist.",
    "According to the Wall Street Journal, Lei Jun received an award in 2019.",
    "The firm raised money.",
]
FRENCH = [
    "En janvier, Xiaomi a été placé sur la liste noire des États-Unis.",
    "Selon le Wall Street Journal, Lei Jun a reçu un prix en 2019.",
    "La firme a levé 7,7 milliards de dollars, soit trois fois plus.",
]


@pytest.mark.parametrize(
    ("summary", "unsupported"),
    [
        ("Xiaomi was blacklisted by the US in January 2019.", []),
        # Only the French side has the amount and "trois": found through the alignment.
        ("The firm raised $7.7 billion, three times more.", []),
        ("The firm raised $9 billion.", [("number", "$9 billion")]),
        ("The firm raised $7.7 million.", [("number", "$7.7 million")]),
        ("Lei Jun got an award in 2018.", [("date", "2018")]),
        ("Xiaomi was blacklisted in March.", [("date", "March")]),
        ("Tim Cook praised Lei Jun.", [("name", "Tim Cook")]),
        ("Samsung was also blacklisted.", [("name", "Samsung")]),
        ("The WSJ reported it.", []),
        ("However, the firm raised four times more.", [("number", "four")]),
    ],
)
def test_english_summary_checked_against_both_sides(
    summary: str, unsupported: list[tuple[str, str]]
) -> None:
    evidence = SourceEvidence(ENGLISH, "en", FRENCH)
    assert evidence.unsupported(summary) == [Unsupported(k, t) for k, t in unsupported]


@pytest.mark.parametrize(
    ("summary", "unsupported"),
    [
        ("Xiaomi a levé 7,7 milliards de dollars en 2019.", []),
        ("Xiaomi a levé 9 milliards de dollars.", [("number", "9 milliards de dollars")]),
        ("Selon le WSJ, Lei Jun a été récompensé en mars.", [("date", "mars")]),
        ("Tim Cook a salué Lei Jun.", [("name", "Tim Cook")]),
    ],
)
def test_french_summary_checked_against_the_french_source(
    summary: str, unsupported: list[tuple[str, str]]
) -> None:
    evidence = SourceEvidence(FRENCH, "fr")
    assert evidence.unsupported(summary) == [Unsupported(k, t) for k, t in unsupported]


def test_each_unsupported_item_is_reported_once() -> None:
    evidence = SourceEvidence(ENGLISH, "en", FRENCH)
    assert evidence.unsupported("It paid $9 billion, yes $9 billion.") == [
        Unsupported("number", "$9 billion")
    ]
