"""Each kind of check, with a case it catches and a case it rightly accepts."""

from __future__ import annotations

import pytest

from pipeline.lang.polarity import negation_added, polarity_mismatch
from pipeline.lang.polarity_fr import negations_fr
from pipeline.verify.checks import Verifier


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier()


def _kinds(verifier: Verifier, fr: str, en: str) -> set[str]:
    analysis = verifier.analyse([fr])[0]
    return {f.kind for f in verifier.translation(fr, en, analysis)}


@pytest.mark.parametrize(
    ("kind", "fr", "en", "flagged"),
    [
        # numbers: digits, words in both languages, idioms and decades
        ("number", "Il a payé 1 500 euros.", "He paid 1,600 euros.", True),
        ("number", "Il a payé 1 500 euros.", "He paid 1,500 euros.", False),
        (
            "number",
            "Il a mobilisé 5\u00a0000\u00a0conducteurs.",
            "It enlisted 5,000 drivers.",
            False,
        ),
        ("number", "Il a mobilisé 5\u202f000 conducteurs.", "It enlisted 5,004 drivers.", True),
        ("number", "Il a trois chats.", "He has five cats.", True),
        ("number", "Il a trois chats.", "He has three cats.", False),
        ("number", "Il vient deux fois par semaine.", "He comes twice a week.", False),
        ("number", "Les neuf premiers épisodes.", "The first ten episodes.", True),
        ("number", "Les neuf premiers épisodes.", "The first nine episodes.", False),
        ("number", "Un bâtiment neuf dans le centre.", "A new building in the centre.", False),
        ("number", "La moitié des élèves sont partis.", "Half the pupils left.", False),
        ("number", "La moitié des élèves sont partis.", "A third of the pupils left.", True),
        ("number", "Vingt-deux personnes sont mortes.", "Twenty-two people died.", False),
        ("number", "Vingt-deux personnes sont mortes.", "Twenty people died.", True),
        ("number", "Dans les années 80, il a fui.", "In the 1980s, he fled.", False),
        ("number", "Une hausse de 12 %.", "A rise of 13%.", True),
        # dates: weekdays and months standing alone
        ("date", "Il est venu jeudi.", "He came on Monday.", True),
        ("date", "Il est venu jeudi.", "He came on Thursday.", False),
        # a weekday the date beside it names, or the morning after a night
        ("date", "Il vient vendredi 1er novembre 2013.", "He comes on 1 November 2013.", False),
        ("date", "Il vient vendredi 1er novembre 2013.", "He comes Monday 1 November 2013.", True),
        (
            "date",
            "Un incendie dans la nuit de jeudi à vendredi.",
            "A fire on Thursday night.",
            False,
        ),
        ("date", "Un incendie dans la nuit de jeudi à vendredi.", "A fire on Monday night.", True),
        ("date", "Il partira en mars.", "He will leave in June.", True),
        ("date", "Il partira en mars.", "He will leave in March.", False),
        ("date", "Le robot a atterri sur Mars.", "The robot landed on Mars.", False),
        ("date", "Il est parti à la mi-octobre.", "He left in mid-October.", False),
        ("date", "Il est parti à la mi-octobre.", "He left in mid-November.", True),
        ("date", "Un sondage réalisé les 6 et 7 septembre.", "A poll on September 6 and 7.", False),
        ("date", "Un sondage réalisé les 6 et 7 septembre.", "A poll on September 6 and 8.", True),
        ("date", "Du 8 octobre au 28 octobre.", "From 08 to 28 October.", False),
        (
            "number",
            "Peu avant 4h, il a perdu le contrôle.",
            "Just before 4am, he lost control.",
            False,
        ),
        (
            "number",
            "Peu avant 4h, il a perdu le contrôle.",
            "Just before 5am, he lost control.",
            True,
        ),
        ("number", "À 21h30, il dormait.", "At 9:30 p.m., he was asleep.", False),
        ("number", "Des centaines de millions d'usagers.", "Hundreds of billions of users.", True),
        ("number", "Des centaines de millions d'usagers.", "Hundreds of millions of users.", False),
        # names: people, acronyms, known translations
        ("name", "Le sportif Jhonathan Florez a sauté.", "Sportsman Okonkwo jumped.", True),
        (
            "name",
            "Le sportif Jhonathan Florez a sauté.",
            "Sportsman Jhonathan Florez jumped.",
            False,
        ),
        ("name", "Le sportif Jhonathan Florez a sauté.", "Sportsman Hasan Florez jumped.", True),
        ("name", "Le directeur de la NSA a parlé.", "The head of the CIA spoke.", True),
        ("name", "Le directeur de la NSA a parlé.", "The head of the NSA spoke.", False),
        ("name", "L'OTAN a répondu à Moscou.", "NATO responded to Moscow.", False),
        (
            "name",
            "La Gendarmerie royale du Canada (GRC) enquête.",
            "The Royal Canadian Police (OECD) investigates.",
            True,
        ),
        (
            "name",
            "La Gendarmerie royale du Canada (GRC) enquête.",
            "The Royal Gendarmerie of Canada investigates.",
            False,
        ),
        ("name", "Il vit à Pékin depuis 2010.", "He has lived in Beijing since 2010.", False),
        # names checked the other way: an English name the French has in no form
        ("name", "Il a vu Marine à Paris.", "He saw Marine in Okonkwo.", True),
        ("name", "Il a vu Marine à Paris.", "He saw Marine in Paris.", False),
        ("name", "Le directeur a parlé.", "The head of the FBI spoke.", True),
        ("name", "Le gouvernement allemand a réagi.", "The German government reacted.", False),
        ("name", "Le gouvernement allemand a réagi.", "The Hungarian government reacted.", True),
        ("name", "Un groupe ouïghour est accusé.", "A Uighur group is accused.", False),
        (
            "name",
            "Le président a écrit au ministre de la Santé.",
            "The President wrote to the Health Minister.",
            False,
        ),
        ("name", "Le congrès des soins palliatifs.", "The Palliative Care Congress.", False),
        ("name", "Le p.-d.g. de Cogeco a parlé.", "The CEO of Cogeco spoke.", False),
        ("name", "Il a suivi le GP de Monaco.", "He followed the Monaco Grand Prix.", False),
        ("name", "Un bénéfice de 43,8 millions.", "A profit of CAD 43.8 million.", False),
        (
            "name",
            "L'office des frontières (CBSA) enquête.",
            "The Canada Border Services Agency (CBSA) investigates.",
            False,
        ),
        # a first name dropped, not replaced; a word in capitals; an opener after a quote
        (
            "name",
            "Selon Justin Timberlake, la chance compte.",
            "Timberlake says luck counts.",
            False,
        ),
        (
            "name",
            "Gérard de Villiers écartait ces accusations.",
            "De Villiers dismissed it.",
            False,
        ),
        ("name", 'Il a écrit le mot "FIN".', 'He wrote the words "The End".', False),
        (
            "name",
            '"Celle de Chanzu est loin", a-t-il dit.',
            '"Chanzu hill is far," he said.',
            False,
        ),
        # numbers: thousands grouped by spaces, scales in words, durations, idioms
        ("number", "Il regroupe 38 milliards de livres.", "It covers £38 000 million.", False),
        ("number", "Il regroupe 38 milliards de livres.", "It covers £38 000 billion.", True),
        (
            "number",
            "Ils ont augmenté de sept milliards.",
            "They rose by seven thousand million.",
            False,
        ),
        ("number", "Le film dure 2h45.", "The film lasts 2 hours 45 minutes.", False),
        ("number", "Le film dure 2h45.", "The film lasts 3 hours 45 minutes.", True),
        ("number", "Elle est contagieuse 15 jours.", "It is contagious for a fortnight.", False),
        ("number", "Elle est contagieuse 15 jours.", "It is contagious for a month.", True),
        # numbers: a rank said as a word; "le 20h" is the evening news, not a time
        ("number", "Ma proposition n°1 est simple.", "My primary proposal is simple.", False),
        ("number", "Ma proposition n°1 est simple.", "My proposal is simple.", True),
        ("number", "Il était au 20h hier.", "He was on the evening news yesterday.", False),
        ("number", "Il était au 20h hier.", "He was on television at 9pm yesterday.", True),
        # names: acronyms whose letters differ by one in the two languages; a name shortened
        ("name", "Un porte-parole de l'ASFC a parlé.", "A CBSA spokesperson spoke.", False),
        ("name", "Un porte-parole de l'ASFC a parlé.", "A CSIS spokesperson spoke.", True),
        (
            "name",
            "Le groupe Exxon Mobil a publié ses comptes.",
            "Exxon published its accounts.",
            False,
        ),
        (
            "name",
            "Le groupe Exxon Mobil a publié ses comptes.",
            "Exxon Chevron published its accounts.",
            True,
        ),
        # names: a common-noun acronym and the source's own country are not added names
        ("name", "Le président de Cogeco a parlé.", "The CEO of Cogeco spoke.", False),
        ("name", "Le président de Cogeco a parlé.", "The CEO of Rogers spoke.", True),
        (
            "name",
            "Les Chasseurs alpins sont rentrés.",
            "The French Alpine Troops came back.",
            False,
        ),
        (
            "name",
            "Les Chasseurs alpins allemands sont rentrés.",
            "The French Alpine Troops came back.",
            True,
        ),
        # dates: a weekday the full date implies; "la nuit de jeudi à vendredi"
        ("date", "Il vient vendredi 1er novembre 2013.", "He comes on 1 November 2013.", False),
        ("date", "Il vient vendredi 1er novembre 2013.", "He comes Monday 1 November 2013.", True),
        ("date", "Un feu dans la nuit de jeudi à vendredi.", "A fire on Thursday night.", False),
        ("date", "Un feu dans la nuit de jeudi à vendredi.", "A fire on Monday night.", True),
        # polarity
        ("polarity", "Il n'est pas parti.", "He left.", True),
        ("polarity", "Il n'est pas parti.", "He did not leave.", False),
        ("polarity", "Il est parti.", "He did not leave.", True),
        ("polarity", "Il ne mange que des pommes.", "He only eats apples.", False),
        ("polarity", "Partez avant qu'il ne pleuve.", "Leave before it rains.", False),
        (
            "polarity",
            "La police n'était pas en mesure de répondre.",
            "Police were unable to answer.",
            False,
        ),
    ],
)
def test_each_kind_catches_a_mismatch_and_accepts_a_good_translation(
    verifier: Verifier, kind: str, fr: str, en: str, flagged: bool
) -> None:
    assert (kind in _kinds(verifier, fr, en)) is flagged


@pytest.mark.parametrize(
    ("fr", "negations"),
    [
        ("Il n'a jamais vu personne.", ["n'a jamais"]),
        ("Il ne mange que des pommes.", []),  # ne…que: "only"
        ("Avant qu'il ne parte, mangeons.", []),  # expletive ne
        ("Il est parti sans argent.", ["sans"]),
        ("Il n'y a aucun témoin.", ["n'y a aucun"]),
        # words of negation in a row are one negation
        ("L'Égypte ne reçoit quasiment plus aucun touriste.", ["ne reçoit quasiment plus aucun"]),
        ("Il ne le concerne aucunement.", ["ne le concerne aucunement"]),
        # literary "ne" alone with pouvoir, savoir, oser; not "ne peut que", not "rien … ne"
        ("L'absence ne peut vous l'arracher.", ["ne peut"]),
        ("Un tel sacre ne saurait remplacer l'huile.", ["ne saurait"]),
        ("Il ne peut qu'espérer.", []),
        ("C'est plus grand qu'on ne peut le dire.", []),
        ("Rien de grave ne peut nous arriver.", ["Rien"]),
        # "pas" with no "ne"; not the noun
        ("Le message est entendu, mais pas écouté.", ["pas"]),
        ("Il s'arrête à chaque pas, pas à pas, à deux pas d'ici.", []),
        ("Rien qu'en 2011, ils ont autorisé 774 systèmes.", []),  # "rien que": "alone"
        ("Il ne s'adresse pas uniquement aux jeunes.", []),  # "not only"
        # an opening quote mark does not end the clause
        ('Il n\'y a désormais "plus de différence".', ["n'y a désormais \"plus"]),
    ],
)
def test_french_negations(fr: str, negations: list[str]) -> None:
    assert negations_fr(fr) == negations


@pytest.mark.parametrize(
    ("fr", "en", "flagged"),
    [
        # a double negation affirms: English may say it with one negation or none
        ("Il n'y a pas grand-chose qu'il n'aime pas.", "He is not very choosy.", False),
        ("Il n'y a personne qui ne le sache.", "Everyone knows it.", False),
        ("Il ne vient pas et ne mange pas.", "He does not come and eats.", True),
        # litotes: a negated word of denial may be said as an affirmation…
        ("Le musicien n'a pas fini de surprendre.", "The musician is full of surprises.", False),
        ("Obama n'a pas dérogé à la tradition.", "Obama celebrated the tradition.", False),
        ("Il n'est pas impossible que ces progrès aident.", "These advances may help.", False),
        ("La lutte n'est pas terminée.", "The contest will continue.", False),
        ("PSA va supprimer pas moins de 8 000 postes.", "PSA will cut at least 8,000 jobs.", False),
        ("PSA va supprimer pas moins de 8 000 postes.", "PSA will cut less than 8,000 jobs.", True),
        # …unless the English keeps the word of denial
        ("Il n'a pas hésité à partir.", "He did hesitate to leave.", True),
        ("Ça n'a pas cessé depuis ce matin.", "It has stopped since morning.", True),
        # a word of denial that translates a French word does not stand for a lost negation
        ("Ce n'est pas le seul titre.", "It is the only track.", True),
        ("Ce n'est pas un titre connu.", "It is an unknown track.", False),
        ("Il n'était pas au courant, et Obama a refusé.", "He knew, and Obama refused.", True),
        ("Nous ne pouvons pas l'admettre sans un plan.", "We can accept it without a plan.", True),
        (
            "Nous ne pouvons pas l'admettre sans un plan.",
            "We cannot accept it without a plan.",
            False,
        ),
        ("On ne comprend pas cette volte-face.", "It's hard to understand this U-turn.", False),
        ("Il n'y avait plus de place.", "The bins ran out of space.", False),
        ("Une urgence pas grave.", "A non-major emergency.", False),
        (
            "Je ne sais plus qui disait que les morts ne sont pas des oubliés mais des invisibles.",
            "I do know who said that the dead are not forgotten but invisible.",
            True,
        ),
        # literary "ne" and "pas" alone are negations
        (
            "L'absence ne peut vous l'arracher du cœur.",
            "Absence can tear them from your heart.",
            True,
        ),
        ("L'absence ne peut vous l'arracher du cœur.", "Absence cannot tear them away.", False),
        ("Le message est entendu, mais pas écouté.", "The message is heard and listened to.", True),
        ("Le message est entendu, mais pas écouté.", "The message is heard but not heeded.", False),
        ("Le gouvernement n'a aucunement réformé.", "The government has reformed.", True),
        # "ne … que" is "only", not a negation, whatever the English says
        ("Le lancement n'est prévu qu'en 2014.", "The launch is not planned until 2014.", False),
        ("Elle n'a été élue qu'avec 2 245 voix.", "Let's not forget, she won 2,245 votes.", False),
        ("Les supporters venus autrement qu'en car.", "Supporters not travelling by bus.", False),
        # "not … until" says "only then", unless the French has the "until"
        ("Les frappes ont eu lieu le soir.", "They did not strike until the evening.", False),
        (
            "Son gouvernement tiendra jusqu'en 2015.",
            "His government will not last until 2015.",
            True,
        ),
        # an elliptic "not" after an adverb denies nothing; after an auxiliary it does
        (
            "Pour le meilleur et parfois le pire.",
            "Sometimes for the best and sometimes not.",
            False,
        ),
        ("Il a les moyens, ce qui est le cas.", "It has the means, which it does not.", True),
        # "not … or" denies both sides, unless the "or" translates a French "ou"
        (
            "Il ne doit pas lui parler et ne pas accéder à Internet.",
            "He is not allowed to talk to him or to access the Internet.",
            False,
        ),
        (
            "La police n'a jamais fouillé sa voiture ou sa maison, et il a choisi de ne pas agir.",
            "The police never searched his car or home, and he chose to act.",
            True,
        ),
    ],
)
def test_polarity_rules(fr: str, en: str, flagged: bool) -> None:
    assert (polarity_mismatch(fr, en) is not None) is flagged


def test_a_summary_that_adds_a_not_to_a_paraphrase_of_denial_is_flagged() -> None:
    # "hard to" may translate "ne … pas", but a summary copies its English source: a "not" it
    # adds there is still added.
    assert negation_added("It is not hard to approve.", ["It is hard to approve."]) == "not"
    assert negation_added("It is hard to approve.", ["It is hard to approve."]) is None


def test_polarity_reports_the_spans() -> None:
    assert polarity_mismatch("Il n'est pas parti.", "He left.") == ("n'est pas", None)
    assert polarity_mismatch("Il est parti.", "He never left.") == ("", "never")


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Sales rose by 40 million euros.", True),  # a number from another sentence
        ("Sales rose by 12.3 million euros.", False),
        ("Sales rose by 12 million euros.", True),  # rounded without saying so
        ("Sales rose by about 12.3 million euros.", False),  # marked approximation
        ("Sales did not rise.", True),  # a negation the source does not have
        ("Sales rose at Renault.", True),  # a name from another sentence
        ("Sales rose at Peugeot.", False),
    ],
)
def test_summary_sentences_are_checked_against_their_own_sources(
    verifier: Verifier, summary: str, flagged: bool
) -> None:
    sources_fr = ["Les ventes de Peugeot ont augmenté de 12,3 millions d'euros."]
    sources_en = ["Peugeot's sales rose by 12.3 million euros."]
    assert bool(verifier.summary(summary, sources_fr, sources_en)) is flagged


def test_the_name_check_reads_the_word_lists_of_the_configured_spacy_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """language.spacy_model reaches every use of spaCy, the common-word lists included."""
    from pipeline.verify import names

    asked: list[str] = []

    def common_french(word: str, model: str = "never the default") -> bool:
        asked.append(model)
        return False

    monkeypatch.setattr(names, "common_french", common_french)
    fr = "La Banque de France a prêté à Renault."
    (analysis,) = Verifier().analyse([fr])
    Verifier("fr_core_news_other").translation(fr, "The Bank lent to Renault.", analysis)
    assert asked and set(asked) == {"fr_core_news_other"}
