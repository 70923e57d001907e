from __future__ import annotations

import pytest

from pipeline.errors import ConfigError
from pipeline.text.segment import split_english, split_french, split_french_many
from pipeline.text.segment_spacy import repair

# Hard cases of French news text: both segmenters must get every one right.
HARD_CASES = [
    ("Il pleut. Il fait froid.", ["Il pleut.", "Il fait froid."]),
    ("M. Dupont est venu. Il est reparti.", ["M. Dupont est venu.", "Il est reparti."]),
    (
        "Mme Durand et le Dr Martin sont là. Ensuite ?",
        ["Mme Durand et le Dr Martin sont là.", "Ensuite ?"],
    ),
    (
        "Le Dr. Martin et Mme. Durand arrivent. Ils parlent.",
        ["Le Dr. Martin et Mme. Durand arrivent.", "Ils parlent."],
    ),
    ("Il a dit « Bonjour. » Puis il est parti.", ["Il a dit « Bonjour. »", "Puis il est parti."]),
    (
        "« Pourquoi ? » demande-t-il. Personne ne répond.",
        ["« Pourquoi ? » demande-t-il.", "Personne ne répond."],
    ),
    (
        'Elle a dit "C\'est fini." Puis elle est partie.',
        ['Elle a dit "C\'est fini."', "Puis elle est partie."],
    ),
    ("Il a lu le « Monde ». Puis il a dormi.", ["Il a lu le « Monde ».", "Puis il a dormi."]),
    ("Un budget de 7,7 milliards. Voilà.", ["Un budget de 7,7 milliards.", "Voilà."]),
    (
        "Le budget atteint 1 500 000 euros, soit 7,7 % de plus. Voilà.",
        ["Le budget atteint 1 500 000 euros, soit 7,7 % de plus.", "Voilà."],
    ),
    ("Le prix est de 3,5 M€. Cher.", ["Le prix est de 3,5 M€.", "Cher."]),
    ("Les classiques.Enfin la suite.", ["Les classiques.", "Enfin la suite."]),
    ("J. K. Rowling écrit. Elle publie.", ["J. K. Rowling écrit.", "Elle publie."]),
    ("Pommes, poires, etc. et le reste.", ["Pommes, poires, etc. et le reste."]),
    ("Des poires, etc. Le reste suit.", ["Des poires, etc.", "Le reste suit."]),
    ("On cite p. ex. le n° 5. Fin.", ["On cite p. ex. le n° 5.", "Fin."]),
    ("Quoi ! Vraiment ? Oui… Bien.", ["Quoi !", "Vraiment ?", "Oui…", "Bien."]),
    ("Il hésite... Puis il part.", ["Il hésite...", "Puis il part."]),
    (
        "Voir https://exemple.fr/a.Page pour plus. Écrivez à jean.Dupont@mail.fr demain.",
        ["Voir https://exemple.fr/a.Page pour plus.", "Écrivez à jean.Dupont@mail.fr demain."],
    ),
    (
        "Ding Lei, patron de NetEase Inc., ou encore Wang Gaofei. Là où le bât blesse.",
        ["Ding Lei, patron de NetEase Inc., ou encore Wang Gaofei.", "Là où le bât blesse."],
    ),
    (
        "4 juillet 2012. - Afin de tenir ses engagements, le gouvernement agit.",
        ["4 juillet 2012.", "- Afin de tenir ses engagements, le gouvernement agit."],
    ),
    (
        "Il vit à la mosquée Sidi Yeyia depuis 1990 avec Antonis Roupakiotis.",
        ["Il vit à la mosquée Sidi Yeyia depuis 1990 avec Antonis Roupakiotis."],
    ),
    ("Le   texte\n  sur deux lignes.", ["Le texte sur deux lignes."]),
    ("", []),
]

# Where the trained model finds what the rules miss.
SPACY_ONLY = [
    ("Il est parti.« Bonjour » dit-il.", ["Il est parti.", "« Bonjour » dit-il."]),
    (
        "27 août 2012. - « Avec une hausse », dit-il.",
        ["27 août 2012.", "- « Avec une hausse », dit-il."],
    ),
    (
        "Ils veulent des armes. « Si l'armée ne veut pas, qu'on nous aide ! [...] Merci. »",
        ["Ils veulent des armes.", "« Si l'armée ne veut pas, qu'on nous aide ! [...]", "Merci. »"],
    ),
]


@pytest.mark.parametrize("segmenter", ["spacy", "rules"])
@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_split_french_hard_cases(text: str, expected: list[str], segmenter: str) -> None:
    assert split_french(text, segmenter) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), SPACY_ONLY)
def test_spacy_segmenter_finds_boundaries_the_rules_miss(text: str, expected: list[str]) -> None:
    assert split_french(text) == expected


def test_split_many_keeps_paragraph_order() -> None:
    paragraphs = ["Un. Deux.", "", "Trois ? Quatre !"]
    assert split_french_many(paragraphs) == [["Un.", "Deux."], [], ["Trois ?", "Quatre !"]]


def test_unknown_segmenter_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown segmenter"):
        split_french_many(["Un."], "nltk")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "starts", "expected"),
    [
        # A closing guillemet goes back to its sentence.
        ("Il dit « Oui. » Puis part.", [13], ["Il dit « Oui. »", "Puis part."]),
        # A lower-case start, a comma, punctuation alone and an abbreviation are no boundaries.
        ("Voir p. ex. le texte.", [12], ["Voir p. ex. le texte."]),
        ("NetEase Inc., ou encore lui.", [12], ["NetEase Inc., ou encore lui."]),
        ("Fin du texte. .", [14], ["Fin du texte. ."]),
        ("Voici M. Dupont.", [9], ["Voici M. Dupont."]),
        # No boundary without a sentence-final mark before it.
        ("Les fusées Titan volent.", [11], ["Les fusées Titan volent."]),
        # An opening guillemet stays with the sentence it opens.
        ("Il part. « Non ! »", [11], ["Il part.", "« Non ! »"]),
    ],
)
def test_repair_removes_false_boundaries(text: str, starts: list[int], expected: list[str]) -> None:
    assert repair(text, starts) == expected


def test_split_english_keeps_abbreviations() -> None:
    assert split_english("Mr. Smith went to Washington. He stayed.") == [
        "Mr. Smith went to Washington.",
        "He stayed.",
    ]
