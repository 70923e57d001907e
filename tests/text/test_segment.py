from __future__ import annotations

import pytest

from pipeline.text.segment import split_english, split_french


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il pleut. Il fait froid.", ["Il pleut.", "Il fait froid."]),
        ("M. Dupont est venu. Il est reparti.", ["M. Dupont est venu.", "Il est reparti."]),
        (
            "Mme Durand et le Dr Martin sont là. Ensuite ?",
            ["Mme Durand et le Dr Martin sont là.", "Ensuite ?"],
        ),
        (
            "Il a dit « Bonjour. » Puis il est parti.",
            ["Il a dit « Bonjour. »", "Puis il est parti."],
        ),
        ("Un budget de 7,7 milliards. Voilà.", ["Un budget de 7,7 milliards.", "Voilà."]),
        ("Les classiques.Enfin la suite.", ["Les classiques.", "Enfin la suite."]),
        ("J. K. Rowling écrit. Elle publie.", ["J. K. Rowling écrit.", "Elle publie."]),
        ("Pommes, poires, etc. et le reste.", ["Pommes, poires, etc. et le reste."]),
        ("Quoi ! Vraiment ? Oui… Bien.", ["Quoi !", "Vraiment ?", "Oui…", "Bien."]),
        ("", []),
    ],
)
def test_split_french(text: str, expected: list[str]) -> None:
    assert split_french(text) == expected


def test_split_english_keeps_abbreviations() -> None:
    assert split_english("Mr. Smith went to Washington. He stayed.") == [
        "Mr. Smith went to Washington.",
        "He stayed.",
    ]
