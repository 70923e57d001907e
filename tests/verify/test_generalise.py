"""The false-alarm and miss classes of issue #24, each with a case caught and one accepted."""

from __future__ import annotations

import pytest

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
        # ALL-CAPS emphasis of common words, either side, is not a name
        ("name", "Elles ont TOUJOURS été opposées.", "They have ALWAYS been opposed.", False),
        ("name", "Il faut payer l'impôt.", "You must pay the TAX, STILL.", False),
        ("name", "Ces oiseaux QUI SE ressemblent.", "These birds of a feather.", False),
        ("name", "L'OTAN a répondu.", "The FBI responded.", True),  # a real acronym still is
        ("name", "Allez, allez !", "GOOOOO!", False),
        # an acronym on one side, its words on the other
        ("name", "Le Fonds monétaire international a dit non.", "The IMF said no.", False),
        ("name", "Le Fonds monétaire international a dit non.", "The WTO said no.", True),
        # known forms beyond CLDR's countries
        ("name", "Il joue en Angleterre depuis un an.", "He has played English football.", False),
        ("name", "Ils aiment la Bretagne.", "They love Brittany.", False),
        ("name", "Ils aiment la Bretagne.", "They love Bavaria.", True),
        ("name", "Les bureaux de Tchéquie.", "The offices of the Czech Republic.", False),
        ("name", "Les bureaux de Tchéquie.", "The offices of Poland.", True),
        ("name", "Les flics américains sont durs.", "USA cops are tough.", False),
        ("name", "Il vit en Californie.", "He lives in California.", False),
        ("name", "Il vit en Californie.", "He lives in Nevada.", True),
        ("name", "Il est allé à Cologne.", "He went to Köln.", False),
        ("name", "Un fonds d'état asiatique.", "An Asian sovereign fund.", False),
        ("name", "Les musulmans prient.", "The Moslems pray.", False),
        ("name", "Au XXe siècle, tout a changé.", "In the XXth century, all changed.", False),
        ("name", "Au XXe siècle, tout a changé.", "In the Okonkwo century, all changed.", True),
        # calendar abbreviations and plural weekdays are dates, not names
        ("name", "Le 14 octobre, ils sont venus.", "On Oct. 14, they came.", False),
        ("date", "Le 14 octobre, ils sont venus.", "On Nov. 14, they came.", True),
        ("name", "Il travaille le lundi.", "He works on Mondays.", False),
        # the same digits with the same separators, whatever each side's parser reads
        (
            "number",
            "Le Dax cède 0,4% et Londres 0,1%.",
            "The Dax fell 0,4% and London 0,1%.",
            False,
        ),
        ("number", "Le Dax cède 0,4% et Londres 0,1%.", "The Dax fell 0,5% and London 0,1%.", True),
        ("number", "Ils étaient 2,700.", "They were 2,700.", False),
        ("number", "Ils étaient 2,700.", "They were 2,800.", True),
        ("number", "Soit 6,2 milliards d'euros.", "At 6,2 billion euros.", False),
        ("number", "Soit 6,2 milliards d'euros.", "At 6,2 thousand billion euros.", True),
        ("number", "Sur 1,5 million de contrôles.", "Out of 1,5 billion checks.", True),
        # a number glued to its scale keeps it: "1.2m" is a million, not a milliard nor metres
        ("number", "Aux 1,2 milliard d'Indiens.", "To India's 1.2bn people.", False),
        ("number", "Aux 1,2 milliard d'Indiens.", "To India's 1.2m people.", True),
        ("number", "Une course de 800 m.", "An 800m race.", False),
        # French written the way of another language: "5 mille 352", "1.5%"; dots as thousands
        ("number", "Ils gagnent 5 mille 352 pesos.", "They earn 5.352 pesos.", False),
        ("number", "Ils gagnent 5 mille 352 pesos.", "They earn 5.353 pesos.", True),
        ("number", "Les actions ont gagné 1.5%.", "Shares rose 1.5%.", False),
        ("number", "Les actions ont gagné 1.5%.", "Shares rose 1.6%.", True),
        ("number", "À 17:30 heures, il est parti.", "At 5:30 pm he left.", False),
        ("number", "À 17:30 heures, il est parti.", "At 6:30 pm he left.", True),
        # cents and centimes
        ("number", "Il coûte 50 centimes.", "It costs 50 cents.", False),
        ("number", "Il coûte 50 centimes.", "It costs 60 cents.", True),
        # "un livre" is a book, not a pound
        ("number", "Il a lu un livre.", "He read a book.", False),
        # a quantity with a unit: a number in words never vouches for it
        ("number", "Un tiers des gens, soit 1 %.", "One third of people, or 2%.", True),
        ("number", "Un tiers des gens, soit 1 %.", "One third of people, or 1%.", False),
        # a bound or a fraction keeps its scale
        ("number", "Plus de 800 millions d'euros.", "Over 800 billion euros.", True),
        ("number", "Plus de 800 millions d'euros.", "Over 800 million euros.", False),
        ("number", "Un demi-million de gens.", "Half a billion people.", True),
        ("number", "Un demi-million de gens.", "Half a million people.", False),
        # scores and ratios, ordinals, quarters
        ("number", "Nadal a gagné 6-2.", "Nadal won 6-2.", False),
        ("number", "Nadal a gagné 6-2.", "Nadal won 6-3.", True),
        ("number", "Il est 22e du classement.", "He is 22nd in the ranking.", False),
        ("number", "Il est 22e du classement.", "He is 23rd in the ranking.", True),
        ("number", "Au 3T, les ventes ont baissé.", "In Q3, sales fell.", False),
        ("number", "Au 3T, les ventes ont baissé.", "In Q2, sales fell.", True),
        ("number", "Au troisième trimestre.", "In the third quarter.", False),
        ("number", "Au troisième trimestre.", "In the second quarter.", True),
        # numbers the parser does not read, said another way
        ("number", "Le seuil est passé à 650 000.", "The threshold went to 650k.", False),
        ("number", "Le seuil est passé à 650 000.", "The threshold went to 750k.", True),
        ("number", "Il doit environ un million d'euros.", "He owes about a million euros.", False),
        (
            "number",
            "Près de 500000 personnes y travaillent.",
            "Nearly half a million work there.",
            False,
        ),
        ("number", "Deux tiers des gens le veulent.", "Two thirds of people want it.", False),
        ("number", "Deux tiers des gens le veulent.", "Two quarters of people want it.", True),
        ("number", "Au milieu des années 1990.", "In the mid-90s.", False),
        ("number", "Au milieu des années 1990.", "In the mid-80s.", True),
        (
            "number",
            "Des enfants travaillaient 10h par jour.",
            "Children worked 10 hours a day.",
            False,
        ),
        ("number", "Le 46ème candidat a parlé.", "Candidate number forty-six spoke.", False),
        ("number", "Le 46ème candidat a parlé.", "Candidate number forty-seven spoke.", True),
        # plural acronyms, capitalised function words and verbs, transliterated names
        ("name", "Cela met en lumière l'action des ONG.", "That shows the work of NGOs.", False),
        ("name", "Cela met en lumière l'action des ONG.", "That shows the work of the IMF.", True),
        ("name", "C'est tout le monde Ceux qui se chauffent.", "It is all. Those who heat.", False),
        ("name", "Ils disent Faisons plus de profits.", "They say let's make more profit.", False),
        ("name", "Les sympathisants poutiniens.", "The Putin sympathisers.", False),
        ("name", "Les sympathisants poutiniens.", "The Yeltsin sympathisers.", True),
        # negation said with a negative word on the other side, and non-negations
        ("polarity", "Mais ce n'est pas d'importance.", "But that is irrelevant.", False),
        ("polarity", "Mais ce n'est pas d'importance.", "But that is important.", True),
        ("polarity", "Je n'aime pas cela.", "I dislike that.", False),
        ("polarity", "Je n'aime pas cela.", "I like that.", True),
        ("polarity", "Il n'a pas pu venir.", "He was unable to come.", False),
        ("polarity", "Il n'a pas réussi à venir.", "He failed to come.", False),
        ("polarity", "Il n'a pas voulu venir.", "He refused to come.", False),
        ("polarity", "Il ne peut pas courir, il est vieux.", "He is too old to run.", False),
        ("polarity", "Il n'y a pas plus de dix places.", "There are less than ten seats.", False),
        ("polarity", "Il ne laisse aucun doute.", "He makes it clear.", False),
        ("polarity", "Il viendra sans aucun doute.", "He will surely come.", False),
        ("polarity", "Il ne viendra pas.", "He will surely come.", True),
        ("polarity", "Défense de fumer.", "No smoking.", False),
        ("polarity", "Il fume ici.", "No smoking here.", True),
        ("polarity", "Vous ne comprenez pas.", "You dont understand.", False),
        ("polarity", "Vous ne comprenez pas.", "You understand.", True),
        ("polarity", "Il est indigne de ce poste.", "He is not worthy of the post.", False),
        (
            "polarity",
            "La meilleure série que j'aie jamais vue.",
            "The best I have ever seen.",
            False,
        ),
        ("polarity", "Il ne viendra jamais.", "He will come.", True),
    ],
)
def test_each_class_is_caught_or_accepted(
    verifier: Verifier, kind: str, fr: str, en: str, flagged: bool
) -> None:
    assert (kind in _kinds(verifier, fr, en)) is flagged


@pytest.mark.parametrize(
    ("fr", "en", "flagged"),
    [
        # "sans que … ne" is expletive; its "aucun" belongs to the "sans"
        (
            "Ils sont partis sans que cela n'amène aucun profit.",
            "They left without any profit.",
            False,
        ),
        ("Il ne viendra pas sans que je le sache.", "He will come without my knowing.", True),
        # a litotes: "n'arrête pas de" ↔ "constantly", unless the English keeps the "stop"
        ("Il n'arrête pas de critiquer Pelta.", "He constantly criticises Pelta.", False),
        ("Il n'arrête pas de critiquer Pelta.", "He has stopped criticising Pelta.", True),
        # English phrases with "no"/"never" that deny nothing
        ("Il doit passer à tout prix.", "He must pass no matter what.", False),
        ("C'est un manège infini.", "It is a never ending story.", False),
        ("C'est un manège.", "It is not a story.", True),
        # "dont" without its apostrophe is "don't", unless it is French "dont" left in the English
        ("Vous comprenez.", "You dont understand.", True),
        ("Une France dont nous héritons.", "A « France dont nous héritons ».", False),
        # "non" standing for a denied clause is a negation; "ou pas" is elliptic, as "or not"
        (
            "Bien sûr que non, la prémisse est fausse.",
            "Of course not, the premise is wrong.",
            False,
        ),
        (
            "Bien sûr que non, la prémisse est fausse.",
            "Of course it is, the premise is wrong.",
            True,
        ),
        ("Éduqués ou pas, riches ou pauvres.", "Whether educated or not, rich or poor.", False),
        ("Un effet non négligeable.", "A significant effect.", False),
        # "au moins", "plus ou moins", "ou plutôt" are no sign of a denial: an added "not" is seen
        ("Au moins, ils ont mis des nappes.", "At least they have not put tablecloths.", True),
        ("Moins cher qu'avant.", "Not as expensive as before.", False),
        ("C'est plus ou moins connu.", "It is not more or less known.", True),
        # words that start with "un" but deny nothing do not excuse a lost negation
        ("Il n'a pas d'uniforme.", "He has a uniform.", True),
        ("Il n'a pas été capable de venir.", "He was unable to come.", False),
        # "pas" the noun (steps) after a number is not the second word of a negation
        ("Rien ne vaut les quatre pas dehors.", "Nothing beats a short walk outside.", False),
        ("Il ne fait pas un pas.", "He takes a step.", True),
        # negative words and idioms on either side; suggestions; untranslated English
        ("Je ne suis pas d'accord.", "I disagree.", False),
        ("Je ne suis pas d'accord.", "I agree.", True),
        ("Ils sont indéfendables.", "They cannot be defended.", False),
        ("Je n'ai toujours pas vu ça.", "I have yet to see that.", False),
        ("Je n'ai toujours pas vu ça.", "I have seen that.", True),
        ("Les profits se moquent de la vie.", "Profits couldn't care less about life.", False),
        ("Les profits aiment la vie.", "Profits do not love life.", True),
        ("J'ai du mal à le croire.", "I don't buy that.", False),
        ("Pourquoi ne viens-tu pas ?", "Why don't you come?", False),
        ("Pourquoi ne pas voir un conseiller ?", "What about an adviser?", False),
        ("He didn't have insurance.", "He didn't have insurance.", False),
        ("Il a payé ce dont il avait besoin.", "He did not pay what he needed.", True),
        # "même pas" without "ne" denies ("le même pas" does not)
        ("Ça remplirait même pas l'estomac.", "That would fill the stomach.", True),
        ("Ça remplirait même pas l'estomac.", "That would not even fill the stomach.", False),
        ("Ils marchent au même pas.", "They walk in step.", False),
        # "nevertheless" is no word of denial; "nor" is counted once
        ("Il ne l'a pas puni, lui.", "Nevertheless, he punished him.", True),
        (
            "Je n'ai rien appris et je n'ai jamais menti (ce n'est pas mon genre).",
            "I did not learn anything and I have lied (nor is it my style).",
            True,
        ),
        (
            "Je n'ai rien appris et je n'ai jamais menti (ce n'est pas mon genre).",
            "I did not learn anything and I have never lied (nor is it my style).",
            False,
        ),
    ],
)
def test_polarity_constructions(fr: str, en: str, flagged: bool) -> None:
    from pipeline.lang.polarity import polarity_mismatch

    assert (polarity_mismatch(fr, en) is not None) is flagged
