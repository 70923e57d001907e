from __future__ import annotations

import pytest

from pipeline.text.consistency import missing_numbers
from pipeline.verify.dates import missing_dates


@pytest.mark.parametrize(
    ("fr", "en", "missing"),
    [
        # Equivalent forms across the two languages' conventions.
        ("7,7 milliards de dollars", "$7.7 billion", []),
        ("7,7 milliards de dollars", "7.7 billion dollars", []),
        ("1 500 emplois", "1,500 jobs", []),
        ("en 2019", "in 2019", []),
        ("12,5 % de hausse", "a 12.5% rise", []),
        ("3 personnes", "three people", []),
        ("à 15 heures", "at 3 pm", []),
        ("à 10 heures", "at 10am", []),
        ("47 km2", "47km2", []),
        # Lost, changed or rescaled numbers.
        ("7,7 milliards de dollars", "7.7 million dollars", ["7,7 milliards de dollars"]),
        ("7,7 milliards de dollars", "7.7 billion euros", ["7,7 milliards de dollars"]),
        ("1 500 emplois en 2019", "1,500 jobs", ["2019"]),
        ("un homme de 37 ans", "a 38-year-old man", ["37"]),
        ("1,5 million", "1,500 million", ["1,5 million"]),
    ],
)
def test_missing_numbers(fr: str, en: str, missing: list[str]) -> None:
    assert missing_numbers(fr, en) == missing


@pytest.mark.parametrize(
    ("fr", "en", "missing"),
    [
        ("le 3 mai 2019", "on May 3, 2019", []),
        ("le 3 mai 2019", "on 3 May 2019", []),
        ("le 8 mars 1986", "on 08 March 1986", []),
        ("en juillet 2012", "in July 2012", []),
        # A translation that drops the year loses what the French said.
        ("le 3 mai 2019", "on 3 May", ["3 mai 2019"]),
        ("le 3 mai 2019", "on June 3, 2019", ["3 mai 2019"]),
        ("le 1er janvier", "on January 2", ["1er janvier"]),
        # A month alone is not checked ("Mars" is also a planet).
        ("en mars", "on the planet", []),
    ],
)
def test_missing_dates(fr: str, en: str, missing: list[str]) -> None:
    assert missing_dates(fr, en) == missing
