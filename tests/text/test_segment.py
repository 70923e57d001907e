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


# Cases from the WMT news and comments of `brief eval segment` (issue #26), for both segmenters:
# each kind of boundary, with a case where it must split and one where it must not.
KINDS = [
    # Quotes of every kind opening the next sentence, and closing the one before.
    ('Il a fini. "Ces chiffres sont importants", dit-il.', 2),
    ('Il a dit "C\'est fini." Puis il est parti.', 2),
    ('Pur machisme ! " L\'arène politique " est à eux.', 2),
    ("Il a fini. « Ces chiffres sont importants », dit-il.", 2),
    ("Il a fini. “Ces chiffres sont importants”, dit-il.", 2),
    ("Il a dit “Bonjour.” Puis il est parti.", 2),
    ('Il cite "le Monde" et "Libération" chaque jour.', 1),
    # Abbreviations and acronyms at a sentence end; titles before a name.
    ("Elle souffre du MS. Il a dit non.", 2),
    ("Les propos du Pr. Passons sur le reste.", 2),
    ("Le Pr. Dupont est venu.", 1),
    ("M. Le Pen et MM. Durand et Martin sont venus.", 1),
    ("Il vend chez Sotheby's. Ce panneau est beau.", 2),
    ("Il y a. Puis il part.", 2),
    # Clock times and units before a capital.
    ("Le train part à 9 h. Il a dit non.", 2),
    ("Le train part à 9 h 30. Il a dit non.", 2),
    ("Il court en 20 min. Puis il se repose.", 2),
    # Ordinals.
    ("Il a fini 3e. Le suivant est arrivé.", 2),
    ("Il est né le 1er janvier. Puis il a grandi.", 2),
    ("Le XIXe siècle et Napoléon Ier sont loin.", 1),
    # Initials, single and joined.
    ("J.-P. Sartre écrit. Il publie.", 2),
    ("L'Université J.W. Goethe de Francfort proteste.", 1),
    ("Le Real Madrid et le F.C. Barcelone ont gagné.", 1),
    ("Il a 50 ans av. J.-C. Les Romains arrivent.", 2),
    # URLs and sites before a full stop.
    ("Voir www.exemple.fr. Il y a tout.", 2),
    ("Voir https://exemple.fr/page. Il y a tout.", 2),
    ("Voir le site Spindl.Info. Il y a tout.", 2),
    ("Les hommes et les femmes.Or, c'est la suite.", 2),
    # Reader comments start sentences in lower case; speech and abbreviations do not.
    ("C'est les heures de colle. et en le défendant il a tort.", 2),
    ("Démission ! en 2017 on verra.", 2),
    ("Déjà suivi ? a dit Kohlmann.", 1),
    ("Il hésite... puis il part.", 1),
    ("Le Sénat.M. Larcher avait rappelé la règle.", 2),
]


@pytest.mark.parametrize("segmenter", ["spacy", "rules"])
@pytest.mark.parametrize(("text", "count"), KINDS)
def test_split_french_boundary_kinds(text: str, count: int, segmenter: str) -> None:
    sentences = split_french(text, segmenter)  # type: ignore[arg-type]
    assert len(sentences) == count, sentences
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I don't. The MP agrees.", ["I don't.", "The MP agrees."]),
        ("Wow, really? she said.", ["Wow, really? she said."]),
        (
            "Chinese National Petroleum Corp. bid on more.",
            ["Chinese National Petroleum Corp. bid on more."],
        ),
        ("It is 9 a.m. The bus is late.", ["It is 9 a.m.", "The bus is late."]),
        ("Visit www.example.com. It works.", ["Visit www.example.com.", "It works."]),
        (
            'It is over. "These numbers matter," he said.',
            ["It is over.", '"These numbers matter," he said.'],
        ),
        ("Sgt. David Spicer came. He left.", ["Sgt. David Spicer came.", "He left."]),
    ],
)
def test_split_english_boundary_kinds(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected
