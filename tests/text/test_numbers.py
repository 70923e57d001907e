from __future__ import annotations

import pytest

from pipeline.text.numbers import (
    dates_en,
    dates_fr,
    equivalent,
    glued_en,
    parse_french_number,
    quantities_en,
    quantities_fr,
    same_date,
    spelled_en,
    unmatched,
    unmatched_dates,
)


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
    ],
)
def test_quantities_fr(text: str, kind: str, value: float, unit: str | None) -> None:
    (q,) = quantities_fr(text)
    assert (q.kind, q.value, q.unit) == (kind, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("$7.7 billion", "amount", 7.7e9, "USD"),
        ("7.7 billion dollars", "amount", 7.7e9, "USD"),
        ("€3m", "amount", 3e6, "EUR"),
        ("1,500 jobs", "number", 1500.0, None),
        ("12.5%", "percentage", 12.5, "%"),
        ("in 2019", "year", 2019.0, None),
    ],
)
def test_quantities_en(text: str, kind: str, value: float, unit: str | None) -> None:
    (q,) = quantities_en(text)
    assert (q.kind, q.value, q.unit) == (kind, pytest.approx(value), unit)


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
    assert quantities_fr(text) == []
    assert quantities_en(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("three people", [3.0]),
        ("a dozen eggs and forty-two cars", [12.0, 42.0]),
        ("Twenty one guns", [21.0]),
        ("someone else", []),
    ],
)
def test_spelled_english_numbers(text: str, values: list[float]) -> None:
    assert [q.value for q in spelled_en(text)] == values


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 3 mai 2019", [(2019, 5, 3)]),
        ("le 1er janvier", [(None, 1, 1)]),
        ("en juillet 2012", [(2012, 7, None)]),
        ("en Août", [(None, 8, None)]),
        ("le 3 et le 4", []),
    ],
)
def test_dates_fr(text: str, expected: list[tuple]) -> None:
    assert [(d.year, d.month, d.day) for d in dates_fr(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on May 3, 2019", [(2019, 5, 3)]),
        ("on 3 May 2019", [(2019, 5, 3)]),
        ("the 1st of January", [(None, 1, 1)]),
        ("in July 2012", [(2012, 7, None)]),
        ("you may go in march", []),
    ],
)
def test_dates_en(text: str, expected: list[tuple]) -> None:
    assert [(d.year, d.month, d.day) for d in dates_en(text)] == expected


@pytest.mark.parametrize(
    ("fr", "en", "same"),
    [
        ("3 mai 2019", "May 3, 2019", True),
        ("3 mai 2019", "May 3", True),
        ("3 mai 2019", "May 4, 2019", False),
        ("3 mai 2019", "June 3, 2019", False),
        ("3 mai 2019", "May 3, 2018", False),
        ("juillet", "July 14", True),
    ],
)
def test_same_date(fr: str, en: str, same: bool) -> None:
    assert same_date(dates_fr(fr)[0], dates_en(en)[0]) is same
    assert (unmatched_dates(dates_fr(fr), dates_en(en)) == []) is same
