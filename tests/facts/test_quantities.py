from __future__ import annotations

import pytest

from pipeline.facts.analysis import Analysis
from pipeline.facts.quantities import quantity_mentions
from tests.facts.helpers import analysis


@pytest.mark.parametrize(
    ("text", "kind", "surface", "value"),
    [
        (
            "Il investit 7,7 milliards de dollars dans la 5G.",
            "amount",
            "7,7 milliards de dollars",
            {"amount": 7.7e9, "currency": "USD"},
        ),
        ("Un budget de 3 M€.", "amount", "3 M€", {"amount": 3e6, "currency": "EUR"}),
        ("La croissance atteint 12,5 %.", "percentage", "12,5 %", 12.5),
        ("Un recul de cinq pour cent.", "percentage", "cinq pour cent", 5.0),
        ("Un tunnel de 57 km.", "number", "57 km", {"value": 57.0, "unit": "km"}),
        ("à 6 millions de km", "number", "6 millions de km", {"value": 6e6, "unit": "km"}),
        ("Soit 2,3 millions au total.", "number", "2,3 millions", {"value": 2.3e6, "unit": None}),
        (
            "Un milliard d’euros perdus.",
            "amount",
            "Un milliard d’euros",
            {"amount": 1e9, "currency": "EUR"},
        ),
    ],
)
def test_quantity_types_and_values(text: str, kind: str, surface: str, value: object) -> None:
    (mention,) = quantity_mentions(text, 0, Analysis())
    assert (mention.type, mention.fr, mention.value) == (kind, surface, value)


@pytest.mark.parametrize(
    ("text", "nouns", "surface", "value"),
    [
        ("Le bilan est de 153 personnes.", ("personnes",), "153 personnes", (153, "personnes")),
        ("Elle emploie 8 000 salariés.", ("salariés",), "8 000 salariés", (8000, "salariés")),
        (
            "Il reste 2,3 millions d’habitants.",
            ("habitants",),
            "2,3 millions d’habitants",
            (2.3e6, "habitants"),
        ),
        ("Elle a vendu 2000 téléphones.", ("téléphones",), "2000 téléphones", (2000, "téléphones")),
        ("Il y a 6 millions de moutons.", ("moutons",), "6 millions de moutons", (6e6, "moutons")),
    ],
)
def test_a_number_before_a_noun_is_a_count(
    text: str, nouns: tuple[str, ...], surface: str, value: tuple[float, str]
) -> None:
    (mention,) = quantity_mentions(text, 0, analysis(text, nouns=nouns))
    assert (mention.type, mention.fr) == ("count", surface)
    assert (mention.value["count"], mention.value["noun"]) == value


@pytest.mark.parametrize(
    "text",
    [
        "Les 3 premiers sont partis.",  # no noun after the number
        "En 2019, il est parti.",  # a year: left to the dates
        "Ces deux domaines comptent.",  # a small number in words
        "Un chat.",
        "la 5G",
        "6 fois plus près",
    ],
)
def test_not_a_quantity_fact(text: str) -> None:
    nouns = ("domaines", "chat", "fois")
    assert quantity_mentions(text, 0, analysis(text, nouns=nouns)) == []


def test_same_amount_twice_shares_a_key() -> None:
    first = quantity_mentions("Il a levé 7,7 milliards de dollars.", 0, Analysis())[0]
    second = quantity_mentions("Ces 7,7 milliards de dollars", 3, Analysis())[0]
    other = quantity_mentions("Ces 7,7 milliards d'euros", 3, Analysis())[0]
    assert first.keys == second.keys != other.keys


def test_close_but_different_amounts_stay_apart() -> None:
    first = quantity_mentions("1 234 567 €", 0, Analysis())[0]
    second = quantity_mentions("1 234 568 €", 0, Analysis())[0]
    assert first.keys != second.keys
