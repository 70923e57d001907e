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


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Il a fait −5 °C cette nuit.", "−5 °C", {"value": -5.0, "unit": "°C"}),
        ("Il a fait -12 °C à Mouthe.", "-12 °C", {"value": -12.0, "unit": "°C"}),
        ("de +3 °C à 5 °C", "+3 °C", {"value": 3.0, "unit": "°C"}),
    ],
)
def test_a_sign_glued_to_its_number_is_kept(text: str, surface: str, value: object) -> None:
    first = quantity_mentions(text, 0, Analysis())[0]
    assert (first.fr, first.value) == (surface, value)


def test_a_dash_between_numbers_is_not_a_sign() -> None:
    text = "de 10-15 km"
    values = [m.value for m in quantity_mentions(text, 0, Analysis())]
    assert values == [{"value": 15.0, "unit": "km"}]


@pytest.mark.parametrize(
    ("text", "nouns", "surface", "count"),
    [
        (
            "Mille neuf cent quatre-vingt-dix-neuf personnes ont signé.",
            ("personnes",),
            "Mille neuf cent quatre-vingt-dix-neuf personnes",
            1999,
        ),
        (
            "La ville compte deux millions trois cent mille habitants.",
            ("habitants",),
            "deux millions trois cent mille habitants",
            2_300_000,
        ),
        ("Un bilan de trois morts.", ("morts",), "trois morts", 3),
        ("Il reste quinze otages.", ("otages",), "quinze otages", 15),
    ],
)
def test_numbers_in_words_count(
    text: str, nouns: tuple[str, ...], surface: str, count: int
) -> None:
    (mention,) = quantity_mentions(text, 0, analysis(text, nouns=nouns))
    assert (mention.type, mention.fr, mention.value["count"]) == ("count", surface, count)


def test_millions_in_words_with_a_currency_are_one_amount() -> None:
    text = "Un coût de deux milliards trois cents millions d'euros."
    (mention,) = quantity_mentions(text, 0, Analysis())
    assert mention.value == {"amount": 2.3e9, "currency": "EUR"}


@pytest.mark.parametrize(
    ("text", "nouns"),
    [("Il couvre deux domaines.", ("domaines",)), ("Les deux matières.", ("matières",))],
)
def test_a_small_number_in_words_is_not_a_fact(text: str, nouns: tuple[str, ...]) -> None:
    assert quantity_mentions(text, 0, analysis(text, nouns=nouns)) == []


@pytest.mark.parametrize(
    ("text", "noun", "value"),
    [
        ("Une mission de 3,2 jours.", "jours", "P3.2D"),
        ("Le naufrage en 14 minutes.", "minutes", "PT14M"),
        ("Il fête ses 60 ans.", "ans", "P60Y"),
    ],
)
def test_units_of_time_are_durations_not_counts(text: str, noun: str, value: str) -> None:
    (mention,) = quantity_mentions(text, 0, analysis(text, nouns=(noun,)))
    assert (mention.type, mention.value) == ("period", value)


def test_a_large_bare_number_is_a_fact() -> None:
    (mention,) = quantity_mentions("Quelques 2 700 000 de Libyens votent.", 0, Analysis())
    assert mention.value == {"value": 2_700_000.0, "unit": None}
