from __future__ import annotations

import pytest

from pipeline.facts.entities import cluster_type, entity_mentions, merge_entities
from pipeline.facts.mention import Mention
from tests.facts.helpers import analysis


def _mentions(sentences: list[tuple[str, list[tuple[str, str]]]]) -> list[Mention]:
    out: list[Mention] = []
    for sid, (text, entities) in enumerate(sentences):
        out += entity_mentions(text, sid, analysis(text, entities))
    return out


def _merged(sentences: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[str, list[str]]]:
    groups = merge_entities(_mentions(sentences))
    return [(cluster_type(g), [m.fr for m in g]) for g in groups]


@pytest.mark.parametrize(
    ("text", "entity", "label", "expected"),
    [
        ("Selon M. Lei, tout va bien.", "M. Lei", "PER", ("person", "Lei")),
        ("Mme Lagarde parle.", "Mme Lagarde", "PER", ("person", "Lagarde")),
        ("Le patron de NetEase parle.", "NetEase", "MISC", ("organisation", "NetEase")),
        ("l’un des créateurs de Weibo", "Weibo", "MISC", ("organisation", "Weibo")),
        ("la firme Xiaomi", "Xiaomi", "MISC", ("organisation", "Xiaomi")),
        ("le prix « Outstanding Builder »", "Outstanding Builder", "MISC", ("other", None)),
        ("Il vit aux États-Unis.", "États-Unis", "LOC", ("place", "États-Unis")),
        ("Selon Le Monde, rien.", "Le Monde", "ORG", ("organisation", "Le Monde")),
        ("selon la Poste", "la Poste", "ORG", ("organisation", "Poste")),
        ("chez L’Oréal", "L’Oréal", "ORG", ("organisation", "L’Oréal")),
        ("à l'Université Bordeaux II", "Université Bordeaux II", "LOC", ("organisation", None)),
        (
            "la Cour constitutionnelle a dit",
            "Cour constitutionnelle",
            "MISC",
            ("organisation", None),
        ),
        ("il vit dans le Morbihan", "Morbihan", "LOC", ("place", None)),
        ("il vit à Calais", "Calais", "LOC", ("place", None)),
        ("le port de Calais", "Calais", "LOC", ("place", None)),
    ],
)
def test_entity_mentions_are_cleaned_and_typed(
    text: str, entity: str, label: str, expected: tuple[str, str | None]
) -> None:
    (mention,) = entity_mentions(text, 0, analysis(text, [(entity, label)]))
    kind, surface = expected
    assert mention.type == kind
    assert mention.fr == (surface or entity)
    assert text[mention.span[0] : mention.span[1]] == mention.fr


@pytest.mark.parametrize(
    ("text", "entity"),
    [("dans la 5G et l’IA", "G"), ("en janvier", "janvier"), ("un award", "award")],
)
def test_non_entities_are_dropped(text: str, entity: str) -> None:
    assert entity_mentions(text, 0, analysis(text, [(entity, "MISC")])) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("2 700 000 de Libyens votent", "Libyens"),
        ("la Polonaise s'est ressaisie", "Polonaise"),
        ("des Marseillais en colère", "Marseillais"),
    ],
)
def test_a_people_named_in_one_word_is_not_a_place(text: str, entity: str) -> None:
    assert entity_mentions(text, 0, analysis(text, [(entity, "LOC")])) == []


def test_acronym_in_brackets_joins_the_full_name() -> None:
    text = "remis par le Ministère de l’Industrie et des Technologies de l’Information (MIIT)."
    ents = [
        ("Ministère de l’Industrie", "ORG"),
        ("Technologies de l’Information", "ORG"),
        ("MIIT", "ORG"),
    ]
    (mention,) = entity_mentions(text, 0, analysis(text, ents))
    assert mention.fr == "Ministère de l’Industrie et des Technologies de l’Information (MIIT)"
    assert mention.type == "organisation"
    later = entity_mentions("Le MIIT dément.", 1, analysis("Le MIIT dément.", [("MIIT", "ORG")]))
    assert len(merge_entities([mention, *later])) == 1


def test_an_acronym_keeps_the_type_of_its_full_name() -> None:
    text = "en République démocratique du Congo (RDC)."
    ents = [("République démocratique du Congo", "LOC"), ("RDC", "ORG")]
    (mention,) = entity_mentions(text, 0, analysis(text, ents))
    assert (mention.type, mention.fr) == ("place", "République démocratique du Congo (RDC)")


def test_exact_mentions_merge_and_the_type_follows_the_majority() -> None:
    merged = _merged(
        [
            ("Xiaomi est sur liste noire.", [("Xiaomi", "MISC")]),
            ("Après Huawei, Xiaomi.", [("Huawei", "ORG"), ("Xiaomi", "ORG")]),
            ("XIAOMI répond.", [("XIAOMI", "ORG")]),
        ]
    )
    assert merged == [
        ("organisation", ["Xiaomi", "Xiaomi", "XIAOMI"]),
        ("organisation", ["Huawei"]),
    ]


def test_company_suffix_and_honorific_do_not_split_a_name() -> None:
    merged = _merged(
        [
            (
                "Ding Lei, patron de NetEase Inc., parle.",
                [("Ding Lei", "PER"), ("NetEase Inc", "ORG")],
            ),
            ("NetEase dément.", [("NetEase", "ORG")]),
        ]
    )
    assert merged == [("person", ["Ding Lei"]), ("organisation", ["NetEase Inc", "NetEase"])]


def test_surname_and_honorific_join_the_person() -> None:
    merged = _merged(
        [
            ("Lei Jun a fondé Xiaomi.", [("Lei Jun", "PER"), ("Xiaomi", "ORG")]),
            ("M. Lei a répondu.", [("M. Lei", "PER")]),
            ("Lei a ensuite quitté la salle.", [("Lei", "LOC")]),
            ("Emmanuel Macron a parlé.", [("Emmanuel Macron", "PER")]),
            ("Macron a ajouté.", [("Macron", "PER")]),
        ]
    )
    assert merged == [
        ("person", ["Lei Jun", "Lei", "Lei"]),
        ("organisation", ["Xiaomi"]),
        ("person", ["Emmanuel Macron", "Macron"]),
    ]


def test_a_shared_name_part_goes_to_the_person_mentioned_last() -> None:
    merged = _merged(
        [
            ("Lei a répondu.", [("Lei", "PER")]),  # nobody named Lei before: stays apart
            ("Lei Jun et Ding Lei.", [("Lei Jun", "PER"), ("Ding Lei", "PER")]),
            ("M. Lei a ajouté.", [("M. Lei", "PER")]),  # Ding Lei was named last
            ("Lei Jun a parlé.", [("Lei Jun", "PER")]),
            ("Lei a conclu.", [("Lei", "PER")]),  # now Lei Jun was
        ]
    )
    assert merged == [
        ("person", ["Lei"]),
        ("person", ["Lei Jun", "Lei Jun", "Lei"]),
        ("person", ["Ding Lei", "Lei"]),
    ]


def test_a_recurring_place_is_not_swallowed_by_a_person() -> None:
    merged = _merged(
        [
            ("Paris Hilton est venue.", [("Paris Hilton", "PER")]),
            ("Paris est belle.", [("Paris", "LOC")]),
            ("Elle aime Paris.", [("Paris", "LOC")]),
        ]
    )
    assert merged == [("person", ["Paris Hilton"]), ("place", ["Paris", "Paris"])]


def test_an_organisation_named_by_its_first_word_joins_the_full_name() -> None:
    merged = _merged(
        [
            ("PSA va fermer.", [("PSA", "ORG")]),
            ("Le groupe PSA Peugeot Citroën", [("PSA Peugeot Citroën", "ORG")]),
            ("Air France et PSA.", [("Air France", "ORG"), ("PSA", "ORG")]),
            ("Il vole sur Air.", [("Air", "MISC")]),  # not an organisation mention: apart
        ]
    )
    assert merged == [
        ("organisation", ["PSA", "PSA Peugeot Citroën", "PSA"]),
        ("organisation", ["Air France"]),
        ("other", ["Air"]),
    ]
