from __future__ import annotations

import random

import pytest

from pipeline.text.number_words import (
    parse_english_ordinal,
    parse_french_ordinal,
    parse_number_words,
)
from pipeline.text.numbers import (
    Quantity,
    glued_en,
    number_words_en,
    number_words_fr,
    parse_french_number,
    quantities_en,
    quantities_fr,
)
from pipeline.text.quantity_match import QuantityIndex, equivalent, unmatched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 500", 1500.0),
        ("7,7", 7.7),
        ("1 500 000", 1_500_000.0),
        ("1.500.000", 1_500_000.0),
        ("2019", 2019.0),
        ("0,5", 0.5),
        ("12\u202f300", 12_300.0),
    ],
)
def test_parse_french_number(text: str, value: float) -> None:
    assert parse_french_number(text) == value


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("7,7 milliards de dollars", "amount", 7.7e9, "USD"),
        ("3 M€", "amount", 3e6, "EUR"),
        ("1 500 euros", "amount", 1500.0, "EUR"),
        ("12,5 %", "percentage", 12.5, "%"),
        ("40 pour cent", "percentage", 40.0, "%"),
        ("en 2019", "year", 2019.0, None),
        ("153 personnes", "number", 153.0, None),
        ("8 000 emplois", "number", 8000.0, None),
        ("2,3 millions d'habitants", "number", 2.3e6, None),
        ("7,7 Md€", "amount", 7.7e9, "EUR"),
        ("1,5 milliard d’euros", "amount", 1.5e9, "EUR"),
        ("12 000 000 $", "amount", 12e6, "USD"),
        ("4,2 millions de yuans", "amount", 4.2e6, "CNY"),
        ("0,5 %", "percentage", 0.5, "%"),
        ("20 km", "number", 20.0, "km"),
        ("3,5 tonnes", "number", 3.5, "t"),
        ("130 km/h", "number", 130.0, "km/h"),
        ("40 °C", "number", 40.0, "°C"),
        ("20 m de haut", "number", 20.0, "m"),
        ("1 200 MW", "number", 1200.0, "MW"),
        ("40 000 milliards de km", "number", 4e13, "km"),
    ],
)
def test_quantities_fr(text: str, kind: str, value: float, unit: str | None) -> None:
    (q,) = quantities_fr(text)
    assert (q.kind, q.value, q.unit) == (kind, pytest.approx(value), unit)


def test_quantities_en_units_and_words() -> None:
    (km,) = quantities_en("20 kilometres")
    assert (km.kind, km.value, km.unit) == ("number", 20.0, "km")
    (people,) = quantities_en("three million people", words=True)
    assert (people.value, people.written) == (3e6, True)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("trois millions de personnes", "number", 3e6, None),
        ("un milliard de dollars", "amount", 1e9, "USD"),
        ("deux cent mille euros", "amount", 2e5, "EUR"),
        ("cinq pour cent", "percentage", 5.0, "%"),
        ("vingt-trois", "number", 23.0, None),
    ],
)
def test_quantities_fr_in_words(text: str, kind: str, value: float, unit: str | None) -> None:
    (q,) = quantities_fr(text, words=True)
    assert (q.kind, q.value, q.unit, q.written) == (kind, pytest.approx(value), unit, True)


@pytest.mark.parametrize(
    "text", ["un chat", "une fois", "tous les cinq ans", "d'une France affaiblie"]
)
def test_words_are_read_only_on_request_and_never_a_bare_article(text: str) -> None:
    assert quantities_fr(text) == []
    assert all(q.surface not in {"un", "une"} for q in quantities_fr(text, words=True))


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("cinq", "fr", 5.0),
        ("vingt-trois", "fr", 23.0),
        ("quatre-vingt-dix-sept", "fr", 97.0),
        ("soixante et onze", "fr", 71.0),
        ("deux cent mille", "fr", 200_000.0),
        ("twenty-five", "en", 25.0),
        ("chat", "fr", None),
    ],
)
def test_parse_number_words(text: str, lang: str, value: float | None) -> None:
    assert parse_number_words(text, lang) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1er", 1),
        ("1re", 1),
        ("1ère", 1),
        ("2e", 2),
        ("3ème", 3),
        ("premier", 1),
        ("deuxième", 2),
        ("onzième", 11),
        ("vingtième", 20),
        ("vingt et unième", 21),
        ("trente-deuxième", 32),
        ("soixante et onzième", 71),
        ("quatre-vingt-quatrième", 84),
        ("deux cent unième", 201),
        ("millième", 1000),
        ("un dixième", None),  # a fraction
        ("deux dixièmes", None),
    ],
)
def test_parse_french_ordinal(text: str, value: int | None) -> None:
    assert parse_french_ordinal(text) == value


def test_an_ordinal_is_not_a_number() -> None:
    assert quantities_fr("le 1er juillet") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("third", 3),
        ("twelfth", 12),
        ("fortieth", 40),
        ("twenty-first", 21),
        ("ninety-ninth", 99),
        ("one hundred fiftieth", 150),
        ("twenty", None),
    ],
)
def test_parse_english_ordinal(text: str, value: int | None) -> None:
    assert parse_english_ordinal(text) == value


def test_the_words_of_a_compound_ordinal_are_not_a_number() -> None:
    # "twenty" of "twenty-first" is no twenty; "twenty seconds" still is
    assert number_words_en("the twenty-first century, the one hundred fiftieth day") == []
    assert [q.value for q in number_words_en("twenty seconds later")] == [20.0]
    # in French too: "vingt" of "vingt et unième"; "trois" of "les trois premiers" is three
    assert number_words_fr("le vingt et unième siècle, le trente-deuxième jour") == []
    assert [q.value for q in number_words_fr("les trois premiers mois")] == [3.0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("$7.7 billion", "amount", 7.7e9, "USD"),
        ("7.7 billion dollars", "amount", 7.7e9, "USD"),
        ("€3m", "amount", 3e6, "EUR"),
        ("1,500 jobs", "number", 1500.0, None),
        ("12.5%", "percentage", 12.5, "%"),
        ("in 2019", "year", 2019.0, None),
        ("£38 000 million", "amount", 38e9, "GBP"),  # thousands grouped by a space
        ("4\u00a0500 jobs", "number", 4500.0, None),
    ],
)
def test_quantities_en(text: str, kind: str, value: float, unit: str | None) -> None:
    (q,) = quantities_en(text)
    assert (q.kind, q.value, q.unit) == (kind, pytest.approx(value), unit)


def test_a_year_before_a_number_is_not_one_spaced_number() -> None:
    assert [q.value for q in quantities_en("In 2013 100 people and 12 345 678 ants")] == [
        2013.0,
        100.0,
        12345678.0,
    ]


@pytest.mark.parametrize(
    ("fr", "en", "same"),
    [
        ("7,7 milliards de dollars", "$7.7 billion", True),
        ("7,7 milliards de dollars", "7.7 billion dollars", True),
        ("7,7 milliards de dollars", "$7.7bn", True),
        ("7,7 milliards de dollars", "7.7 million dollars", False),
        ("7,7 milliards de dollars", "7.7 billion euros", False),
        ("1 500", "1,500", True),
        ("1 500", "15,00", False),
        ("2019", "2019", True),
        ("2019", "2018", False),
        ("12,5 %", "12.5 per cent", True),
        ("20 km", "20 kilometres", True),
        ("20 km", "20 miles", False),
    ],
)
def test_equivalence_across_languages(fr: str, en: str, same: bool) -> None:
    assert equivalent(quantities_fr(fr)[0], quantities_en(en)[0]) is same


def test_unmatched_lists_what_the_translation_lost() -> None:
    fr = quantities_fr("En 2019, il a investi 7,7 milliards de dollars dans 2 domaines.")
    en = quantities_en("In 2019, he invested $7.7 billion.")
    assert [q.surface for q in unmatched(fr, en)] == ["2"]


@pytest.mark.parametrize("text", ["la 5G", "le COVID-19", "un Airbus A380", "le code B2B"])
def test_numbers_inside_words_are_ignored(text: str) -> None:
    assert quantities_fr(text, words=True) == []
    assert quantities_fr(text) == []
    assert quantities_en(text) == []


def test_a_number_too_large_for_a_float_is_not_a_quantity() -> None:
    text = "9" * 400 + " milliards de dollars et 3 %"
    assert [q.surface for q in quantities_fr(text)] == ["3 %"]
    assert [q.surface for q in quantities_en("9" * 400 + " and 3%")] == ["3%"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("trois entreprises et vingt-cinq salariés", [3, 25]),
        ("dix-neuf", [19]),
        ("soixante-dix", [70]),
        ("quatre-vingts", [80]),
        ("quatre-vingt-dix-neuf", [99]),
        ("vingt-et-un", [21]),
        ("un bâtiment neuf", []),
        ("40 pour cent", []),
        ("cent personnes", [100]),
    ],
)
def test_number_words_fr(text: str, values: list[int]) -> None:
    assert [q.value for q in number_words_fr(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("three firms and twenty-five staff", [3, 25]),
        ("one of the largest", []),
        ("a dozen eggs", [12]),
        ("forty-two", [42]),
    ],
)
def test_number_words_en(text: str, values: list[int]) -> None:
    assert [q.value for q in number_words_en(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("at 10am", [10.0]),
        ("2kg of cocaine", [2.0]),
        ("836,000km2", [836_000.0]),
        ("in the 1950s", [1950.0]),
        ("a A380 and 5 people", []),
    ],
)
def test_numbers_glued_to_units_in_english(text: str, values: list[float]) -> None:
    assert [q.value for q in glued_en(text)] == values


def test_the_quantity_index_agrees_with_comparing_each_pair() -> None:
    rng = random.Random(3)
    numbers = [1, 2, 3, 7.7, 15, 1000, 1e6, 1.0000001, 0, 3e-10, 2019, 7.7000001]

    def quantity() -> Quantity:
        number = rng.choice(numbers)
        value = number * rng.choice([1, 1, 1e3, 1e6, 1e9])
        unit = rng.choice([None, None, "EUR", "USD", "%", "km"])
        return Quantity("number", "x", number, value, unit, (0, 1))

    for _ in range(3000):
        target = [quantity() for _ in range(rng.randrange(6))]
        index = QuantityIndex(target)
        for q in (quantity() for _ in range(5)):
            assert index.has_equivalent(q) == any(equivalent(q, t) for t in target)
