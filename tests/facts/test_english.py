from __future__ import annotations

import pytest

from pipeline.facts.analysis import Analysis
from pipeline.facts.english import entity_english, mention_english
from pipeline.facts.entities import entity_mentions
from pipeline.facts.quantities import quantity_mentions
from tests.facts.helpers import analysis


@pytest.mark.parametrize(
    ("fr", "entity", "label", "en", "expected"),
    [
        ("Xiaomi répond.", "Xiaomi", "ORG", "Xiaomi responds.", "Xiaomi"),
        ("Xiaomi répond.", "Xiaomi", "ORG", "XIAOMI RÉPOND.", "XIAOMI"),
        ("les États-Unis", "États-Unis", "LOC", "the United States", "United States"),
        ("les États-Unis", "États-Unis", "LOC", "the US blacklist", "US"),
        ("en Allemagne", "Allemagne", "LOC", "in Germany", "Germany"),
        ("au Royaume-Uni", "Royaume-Uni", "LOC", "in the UK", "UK"),
        ("Ding Lei parle.", "Ding Lei", "PER", "Ding Lei speaks.", "Ding Lei"),
        ("Ding Lei parle.", "Ding Lei", "PER", "He speaks.", None),
        ("Le Monde écrit.", "Monde", "ORG", "The world writes.", None),
    ],
)
def test_english_surface_of_entities(
    fr: str, entity: str, label: str, en: str, expected: str | None
) -> None:
    mentions = entity_mentions(fr, 0, analysis(fr, [(entity, label)]))
    kind = mentions[0].type
    assert entity_english(mentions, mentions[0].fr, {0: en}, kind) == expected


def test_an_acronym_finds_the_full_english_name() -> None:
    fr = "remis par le Ministère de l’Industrie et des Technologies de l’Information (MIIT)."
    ents = [("Ministère de l’Industrie", "ORG"), ("Technologies de l’Information", "ORG")]
    mentions = entity_mentions(fr, 0, analysis(fr, [*ents, ("MIIT", "ORG")]))
    en = "presented by the Ministry of Industry and Information Technology (MIIT)."
    expected = "Ministry of Industry and Information Technology (MIIT)"
    assert entity_english(mentions, mentions[0].fr, {0: en}) == expected
    assert entity_english(mentions, mentions[0].fr, {0: "the MIIT said"}) == "MIIT"


def test_a_later_mention_can_supply_the_english_surface() -> None:
    first = entity_mentions("Lei Jun parle.", 0, analysis("Lei Jun parle.", [("Lei Jun", "PER")]))
    later = entity_mentions("M. Lei part.", 1, analysis("M. Lei part.", [("M. Lei", "PER")]))
    english = {0: "He speaks.", 1: "Mr Lei leaves."}
    assert entity_english(first + later, "Lei Jun", english) == "Lei"


@pytest.mark.parametrize(
    ("fr", "nouns", "en", "expected"),
    [
        ("soit 7,7 milliards de dollars", (), "some $7.7 billion", "$7.7 billion"),
        ("soit 7,7 milliards de dollars", (), "some 7.7 billion dollars", "7.7 billion dollars"),
        ("soit 7,7 milliards de dollars", (), "some $7.7 million", None),
        ("une hausse de 12,5 %", (), "a 12.5% rise", "12.5%"),
        ("le bilan: 153 personnes", ("personnes",), "toll: 153 people", "153 people"),
        ("le bilan: 153 personnes", ("personnes",), "153 were killed", "153"),
        ("un tunnel de 57 km", (), "a 57 km tunnel", "57 km"),
        (
            "trois millions de personnes",
            ("personnes",),
            "three million people",
            "three million people",
        ),
    ],
)
def test_english_surface_of_quantities(
    fr: str, nouns: tuple[str, ...], en: str, expected: str | None
) -> None:
    (mention,) = quantity_mentions(fr, 0, analysis(fr, nouns=nouns) if nouns else Analysis())
    assert mention_english(mention, en) == expected
    assert mention_english(mention, None) is None
