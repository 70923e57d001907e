from __future__ import annotations

import pytest

from pipeline.text.consistency import (
    Name,
    checkable,
    clean_name,
    kept,
    missing_dates,
    missing_names,
    missing_numbers,
    names_in,
)


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


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Emmanuel Macron", "PER", True),
        ("Charles de Gaulle", "PER", True),
        ("Xiaomi", "ORG", True),
        ("Wall Street Journal", "ORG", True),
        ("Banque mondiale", "ORG", False),
        ("ONU", "ORG", False),
        ("frères Sainte-Croix", "PER", False),
        ("Pékin", "LOC", False),
    ],
)
def test_which_names_a_translation_must_keep(name: str, label: str, expected: bool) -> None:
    assert checkable(name, label) is expected


@pytest.mark.parametrize(
    ("name", "english", "expected"),
    [
        (Name("Emmanuel Macron", "PER"), "Emmanuel Macron said", True),
        (Name("Emmanuel Macron", "PER"), "Mr Macron said", True),
        (Name("Hélène Gaudreault", "PER"), "Helene Gaudreault, smiling", True),
        (Name("David Bowie", "PER"), "David Bowie: four songs", True),
        (Name("Cogeco Câble", "ORG"), "Cogeco Cable", True),
        (Name("Emmanuel Macron", "PER"), "The president said", False),
        (Name("Lei Jun", "PER"), "Lei Yun", False),
        (Name("Xiaomi", "ORG"), "The company", False),
    ],
)
def test_name_kept_in_english(name: Name, english: str, expected: bool) -> None:
    assert kept(name, english) is expected


def test_missing_names_reports_each_once() -> None:
    names = [Name("Xiaomi", "ORG"), Name("Xiaomi", "ORG"), Name("Lei Jun", "PER")]
    assert missing_names(names, "Lei Jun spoke.") == ["Xiaomi"]


@pytest.mark.parametrize(
    ("raw", "clean"), [("l’ONU", "ONU"), ("le Monde", "Monde"), ("Xiaomi", "Xiaomi")]
)
def test_clean_name_drops_articles(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_names_in_keeps_people_and_brands_not_places() -> None:
    from pipeline.backends.spacy_fr import SpacyFrench
    from pipeline.facts.analysis import analyse

    sentence = "Selon Emmanuel Macron, le groupe Xiaomi a investi à Pékin."
    (analysis,) = analyse(SpacyFrench().nlp(), [sentence])
    names = names_in(analysis)
    found = {(n.text, n.label) for n in names}
    assert ("Emmanuel Macron", "PER") in found
    assert ("Xiaomi", "ORG") in found
    assert not any(n.text == "Pékin" for n in names)
