"""The number classes of issue #24 (misses and false alarms), each with a case caught and one
accepted. The number and date checks need no spaCy analysis: names and negations are off."""

from __future__ import annotations

import pytest

from pipeline.verify.checks import Verifier

_NUMBERS = Verifier(names=False, polarity=False)


def _flagged(fr: str, en: str) -> bool:
    return any(f.kind in {"number", "date"} for f in _NUMBERS.translation(fr, en, None))


@pytest.mark.parametrize(
    ("fr", "en", "flagged"),
    [
        # an ordinal in English words, compounds too ("twenty-first" ↔ "21e")
        ("Au 21e siècle, tout change.", "In the twenty-first century, all changes.", False),
        ("Au 21e siècle, tout change.", "In the twenty-second century, all changes.", True),
        ("C'est son 12e titre.", "It is his twelfth title.", False),
        ("C'est son 12e titre.", "It is his eleventh title.", True),
        ("Le 150e anniversaire.", "The one hundred fiftieth anniversary.", False),
        # a French ordinal in words, compounds too ("vingt et unième" ↔ "21st")
        ("Le vingt et unième siècle.", "The twenty-first century.", False),
        ("Le vingt et unième siècle.", "The 21st century.", False),
        ("Le vingt et unième siècle.", "The twenty-second century.", True),
        ("Il est arrivé onzième.", "He came eleventh.", False),
        ("Il est arrivé onzième.", "He came twelfth.", True),
        ("Pour la millième fois, non.", "For the umpteenth time, no.", False),
        # "de moitié" ↔ "halve"; hours said in days
        ("Il veut réduire de moitié le déficit.", "He wants to halve the deficit.", False),
        ("Il veut réduire de moitié le déficit.", "He wants to cut the deficit.", True),
        ("Il faut la vendre dans les 48 heures.", "It must be sold within two days.", False),
        ("Il faut la vendre dans les 48 heures.", "It must be sold within three days.", True),
        # a time with minutes may be a duration ("3 h 30" of battery ↔ "3.5 hours"): its numbers
        # are checked as a time, against clock times and durations, not one by one
        ("La batterie tient 3 h 30.", "The battery lasts 3.5 hours.", False),
        ("La batterie tient 3 h 30.", "The battery lasts three and a half hours.", False),
        ("La batterie tient 3 h 30.", "The battery lasts 4.5 hours.", True),
        ("Il a couru pendant 1h45.", "He ran for an hour and 45 minutes.", False),
        ("Il a couru pendant 1h45.", "He ran for an hour and 15 minutes.", True),
        ("Il est arrivé à 3 h 30.", "He arrived at 3.30 am.", False),
        ("Il est arrivé à 3 h 30.", "He arrived at 4.30 am.", True),
        ("Le concert commence à partir du 19:30 heures.", "It starts at 8:30 pm.", True),
        ("Il faut la vendre dans les 24 heures.", "It must be sold within a day.", False),
        ("Il faut la vendre dans les 24 heures.", "It must be sold within a week.", True),
        # "de" after a length or an amount makes a duration, not a clock time ("de 9 heures")
        ("Il faut la vendre dans un délai de 24 heures.", "It must be sold within a day.", False),
        ("Il faut la vendre dans un délai de 24 heures.", "It must be sold within a week.", True),
        ("Il a travaillé plus de 10 heures.", "He worked more than 10 hours.", False),
        ("Il a travaillé plus de 10 heures.", "He worked more than 12 hours.", True),
        ("C'est ouvert de 9 heures à 17 heures.", "It is open from 9 am to 5 pm.", False),
        ("C'est ouvert de 9 heures à 17 heures.", "It is open from 10 am to 5 pm.", True),
        ("De 9 heures à 17 heures, il travaille.", "From 10 am to 5 pm, he works.", True),
        # a duration in the next unit of time: days in weeks ("huit jours", "quinze jours" are
        # a week and two), minutes in hours, and one of the unit said without a number
        ("Il reviendra dans quinze jours.", "He will be back in two weeks.", False),
        ("Il reviendra dans quinze jours.", "He will be back in three weeks.", True),
        ("Il a passé 14 jours en prison.", "He spent two weeks in jail.", False),
        ("Il a passé 14 jours en prison.", "He spent three weeks in jail.", True),
        ("Il reviendra dans huit jours.", "He will be back in a week.", False),
        ("Il reviendra dans huit jours.", "He will be back in a month.", True),
        ("Il a passé 12 mois en prison.", "He spent a year in jail.", False),
        ("Il a passé 12 mois en prison.", "He spent a week in jail.", True),
        ("Il a attendu 60 minutes.", "He waited an hour.", False),
        ("Il a attendu 90 minutes.", "He waited 1.5 hours.", False),
        ("Il a attendu 90 minutes.", "He waited 2.5 hours.", True),
        ("Il a attendu 10 jours.", "He waited a week.", True),
        ("C'est ouvert 24 heures sur 24.", "It is open around the clock.", False),
        # "24h/24, 7j/7", "24 heures sur 24", "jour et nuit" ↔ "24/7": no time, no number of its own
        ("C'est ouvert 24h/24, 7j/7.", "It is open 24/7.", False),
        ("C'est ouvert 24h/24 et 7j/7.", "It is open around the clock, every day.", False),
        ("C'est ouvert jour et nuit.", "It is open 24/7.", False),
        # the same French writings serve both checks, in words too
        ("C'est ouvert vingt-quatre heures sur vingt-quatre.", "It is open 24/7.", False),
        ("C'est ouvert sept jours sur sept.", "It is open 24/7.", False),
        ("C'est ouvert sept jours sur sept.", "It is open every day.", False),
        ("C'est ouvert vingt-quatre heures.", "It is open 24/7.", True),
        ("C'est ouvert 24h/24, 7j/7.", "It is open 24/6.", True),
        ("C'est ouvert 12h/24.", "It is open 24/7.", True),
        ("C'est ouvert le matin.", "It is open 24/7.", True),
        ("Il a dormi 24 heures.", "He slept 25 hours.", True),
        # "thousand million" is the British long form of a billion; "thousand billion" is not
        (
            "Le pays compte 9 milliards d'habitants.",
            "The country has 9 thousand million people.",
            False,
        ),
        (
            "Le pays compte 9 milliards d'habitants.",
            "The country has 9 thousand billion people.",
            True,
        ),
        (
            "La dette atteint 4,2 milliards d'euros.",
            "Debt reached 4,2 thousand million euros.",
            False,
        ),
        (
            "La dette atteint 4,2 milliards d'euros.",
            "Debt reached 4,2 thousand billion euros.",
            True,
        ),
        # a currency with its country between the number and its name
        (
            "Ils ont versé trois milliards de francs.",
            "They paid three billion Swiss francs.",
            False,
        ),
        ("Ils ont versé trois milliards de francs.", "They paid three million Swiss francs.", True),
        ("Le prêt est de 12 millions de dollars.", "The loan is 12 million US dollars.", False),
        # a percentage never vouches for a number that is not one, nor the other way round
        (
            "Ses 400 millions de lecteurs ont crû de 400 %.",
            "Its 400 million readers grew 400%.",
            False,
        ),
        (
            "Ses 400 millions de lecteurs ont crû de 400 %.",
            "Its 400 billion readers grew 400%.",
            True,
        ),
        (
            "Ses 400 millions de lecteurs ont crû de 400 %.",
            "Its 400 million readers grew 300%.",
            True,
        ),
        # a scale after a number written as a code ("R50 millions") is checked as a scale word
        ("Il a détourné R50 millions.", "He embezzled R50 million.", False),
        ("Il a détourné R50 millions.", "He embezzled R50 billion.", True),
        # a set phrase's number says no count; an English number is still checked, and the
        # same number outside the phrase is
        ("Ils viennent des quatre coins du monde.", "They come from all over the world.", False),
        ("Ils viennent des quatre coins du monde.", "They come from five corners.", True),
        ("Ils ont visité quatre pays.", "They visited many countries.", True),
        ("Il coupe les cheveux en quatre.", "He splits hairs.", False),
        ("Il a coupé la pizza en quatre.", "He cut the pizza in half.", True),
        ("Je te l'ai dit trente-six fois.", "I told you five times.", True),
        ("Je te l'ai dit trente-six fois.", "I told you so many times.", False),
        ("Il a trente-six ans.", "He is in his thirties.", True),
        ("On était à deux doigts de la catastrophe.", "We were close to disaster.", False),
        ("Il était moins une.", "It was a close call.", False),
        ("Ça coûte trois fois rien.", "It costs next to nothing.", False),
        ("Il l'a fait en deux temps trois mouvements.", "He did it in no time.", False),
        ("Il faut se mettre sur son trente-et-un.", "You have to dress up.", False),
        (
            "Il est vingt-quatre heures sur vingt-quatre au travail.",
            "He works round the clock.",
            False,
        ),
        ("Je suis d'accord à cent pour cent.", "I agree completely.", False),
        ("Je suis d'accord à 100 %.", "I agree 10 %.", True),
        ("Ils ont voté à 100 %.", "They voted.", True),
        # multiples, "un sur deux" ↔ "half"
        ("Le triple du prix.", "Three times the price.", False),
        ("Le triple du prix.", "Four times the price.", True),
        ("Un Français sur deux vote.", "Half of the French vote.", False),
        ("Un Français sur deux vote.", "One in three French people vote.", True),
        ("Neuf fois sur dix, il gagne.", "He almost always wins.", False),
    ],
)
def test_number_classes(fr: str, en: str, flagged: bool) -> None:
    assert _flagged(fr, en) is flagged


@pytest.mark.parametrize(
    ("fr", "en", "flagged"),
    [
        # each English number must be stated by the French too: another English number that
        # matches the French one no longer hides a changed one
        ("À deux mètres gisaient deux sacs.", "Two metres away lay two bags.", False),
        ("À deux mètres gisaient deux sacs.", "Two metres away lay six bags.", True),
        ("Le jeu en 3D se joue en trois dimensions.", "The 3D game is three-dimensional.", False),
        ("Le jeu en 3D se joue en trois dimensions.", "The 3D game is nine-dimensional.", True),
        (
            "Après 4 défaites, 4 joueurs sont partis.",
            "After four defeats, four players left.",
            False,
        ),
        (
            "Après 4 défaites, 4 joueurs sont partis.",
            "After four defeats, seven players left.",
            True,
        ),
        # a score: the changed half is a number the French does not state
        ("Ils ont gagné 3:1 (2:0).", "They won 3:1 (2:0).", False),
        ("Ils ont gagné 3:1 (2:0).", "They won 3:1 (2:5).", True),
        ("Ils ont fait 2:2 (2:1) à Oslo.", "They drew 2-2 (1-2) in Oslo.", False),
        ("Ils ont fait 2:2 (2:1) à Oslo.", "They drew 2:2 (2:2) in Oslo.", True),
        ("Le concert, à 19:30 heures, dure 2h.", "The concert, at 7:30 pm, lasts 2 hours.", False),
        # a list's marks and a fraction the parser does not read whole are not quantities
        ("Il veut a) 3 lits b) 2 tables.", "He wants 1) 3 beds 2) 2 tables.", False),
        ("Il veut 1) 3 lits 2) 2 tables.", "He wants 1) 3 beds 4) 2 tables.", True),
        ("Le débat de 4h30 aura lieu en 2013.", "The 4 1/2-hour debate is in 2013.", False),
        # an English ordinal in digits against a French one in digits
        ("Le musée du 20ème siècle, à 3 km.", "The museum of the 20th century, 3 km away.", False),
        ("Le musée du 20ème siècle, à 3 km.", "The museum of the 19th century, 3 km away.", True),
        ("L'émission « 20/20 » dure 1 heure.", 'The show "21/20" lasts 1 hour.', True),
        # the ways French states a number with no number word
        (
            "Le tournoi en est à sa quatrième édition, en 2010.",
            "It is edition four, in 2010.",
            False,
        ),
        ("Il a gagné la quatrième manche.", "He won round four.", False),
        ("Il a gagné la quatrième manche.", "He won round forty.", True),
        ("Cela dure depuis neuf mois.", "It has lasted nine months.", False),
        ("Cela dure depuis neuf mois.", "It has lasted five months.", True),
        ("Le toit est neuf depuis mai.", "The roof has been new since May.", False),
        ("Une quadragénaire a été élue en 2010.", "A forty-year-old was elected in 2010.", False),
        ("Une quadragénaire a été élue en 2010.", "A fifty-year-old was elected in 2010.", True),
        ("Le risque est nul selon 3 experts.", "The risk is zero, 3 experts say.", False),
        ("Quelques milliers de gens, 2 fois.", "A few thousand people, twice.", False),
        ("Il appelle le 01.45.22.10.33 à 21h30.", "He calls 01 45 22 10 33 at 9:30 p.m.", False),
        ("Il appelle le 01.45.22.10.33 à 21h30.", "He calls 01 45 22 10 38 at 9:30 p.m.", True),
        ("La Bourse perd 0,4 % à 10h.", "The exchange lost 0,4% at 10 a.m.", False),
        ("Ils gagnent 5 mille 352 pesos.", "They earn 5.352 pesos.", False),
        ("Ils gagnent 5 mille 352 pesos.", "They earn 5.382 pesos.", True),
        ("Ils gagnent 650 000 euros.", "They earn 650k euros.", False),
        ("Le budget 2020/21 est prêt.", "The 2020/2021 budget is ready.", False),
        # numbers in a name are left alone; a number the English adds is flagged, even in a
        # sentence whose French states none
        (
            "L'accident de Three Mile Island en 1979.",
            "The Three Mile Island accident in 1979.",
            False,
        ),
        ("Il est revenu de Boston.", "He came back from Boston after 25 years.", True),
        # "un" before another number word is an article: "un cinq pour cent" is 5 %
        ("Ils ont un cinq pour cent de part.", "They have a five percent share.", False),
        ("Ils ont un cinq pour cent de part.", "They have a six percent share.", True),
    ],
)
def test_english_numbers_are_stated_by_the_french(fr: str, en: str, flagged: bool) -> None:
    assert _flagged(fr, en) is flagged


@pytest.mark.parametrize(
    ("fr", "en", "flagged"),
    [
        # a stray degree sign before "%"
        ("Le titre a perdu 3,4°%.", "The share lost 3.4 percent.", False),
        ("Le titre a perdu 3,4°%.", "The share lost 3.9 percent.", True),
        # "6 mille 74" (6 074), written the way of Spanish
        ("Il reste 8 mille 52 dossiers.", "There are 8.052 files left.", False),
        ("Il reste 8 mille 52 dossiers.", "There are 8.072 files left.", True),
        # a number word as a plural noun; "twin"
        ("Les moins de cinq ans sont vaccinés.", "The under-fives are vaccinated.", False),
        ("Les moins de cinq ans sont vaccinés.", "The under-sixes are vaccinated.", True),
        ("Elle a la soixantaine.", "She is in her sixties.", False),
        ("Les deux attentats ont fait 8 morts.", "The twin attacks killed 8.", False),
        # figures of speech and rough counts
        ("Une blague à deux balles.", "A cheap joke.", False),
        ("Il est venu il y a deux ou trois jours.", "He came a couple of days ago.", False),
        ("Il est venu il y a deux ou trois jours.", "He came two days ago.", True),
        # a duration in another unit of time
        ("Il a régné trois décennies.", "He reigned for 30 years.", False),
        ("Il a régné trois décennies.", "He reigned for 40 years.", True),
        ("Il est parti 18 mois.", "He left for a year and a half.", False),
        ("Il est parti 18 mois.", "He left for two years and a half.", True),
        # the night of a day is the English's night of the day before
        ("Un incendie dans la nuit de samedi.", "A fire on Friday night.", False),
        ("Un incendie dans la nuit de samedi.", "A fire on Wednesday night.", True),
        ("Un incendie samedi.", "A fire on Friday.", True),
        # a weekday before a day and month, with no year, is implied by them too
        ("Il parlera mardi 4 mars à Lyon.", "He will speak on 4 March in Lyon.", False),
        ("Il parlera mardi 4 mars à Lyon.", "He will speak on Friday 4 March in Lyon.", True),
        # a month without its accent; "mars" beside another planet
        ("Les prix ont baissé en aout.", "Prices fell in August.", False),
        ("Les prix ont baissé en aout.", "Prices fell in July.", True),
        ("Regardez Vénus et mars ce soir.", "Look at Venus and Mars tonight.", False),
        # "milles" for "mille", as comments misspell it
        ("Depuis huit milles ans.", "For eight thousand years.", False),
        ("Depuis huit milles ans.", "For nine thousand years.", True),
        # the same dot-grouped digits on both sides are one number: only the scale may differ
        ("Il reste 20.000 millions en caisse.", "There are 20.000 million in the till.", False),
        ("Il reste 20.000 millions en caisse.", "There are 20.000 billion in the till.", True),
        ("Il reste 20 000 millions en caisse.", "There are 20.000 million in the till.", False),
        # a scale word with no number: "thousands of", "multi-", a quarter of a scale
        ("Les milliards affluent.", "Thousands of millions are flowing in.", False),
        ("Les milliards affluent.", "Thousands of billions are flowing in.", True),
        ("Des contrats de plusieurs millions d'euros.", "Multimillion-euro contracts.", False),
        ("Des contrats de plusieurs millions d'euros.", "Multibillion-euro contracts.", True),
        ("Un quart de million de lettres.", "A quarter of a million letters.", False),
        ("Un quart de million de lettres.", "A quarter of a billion letters.", True),
        # figures of speech with a number; "per mille"; a pair already known ("les deux")
        ("Il l'a réparé en moins de deux.", "He fixed it in no time.", False),
        ("Il l'a réparé en deux heures.", "He fixed it in no time.", True),
        ("Elle doit repartir à zéro.", "She has to start over.", False),
        ("Il a 2,1 pour mille dans le sang.", "He had 2.1 per mille in his blood.", False),
        ("Il a 2,1 pour mille dans le sang.", "He had 2.4 per mille in his blood.", True),
        ("Les deux équipes ont signé.", "The teams have signed.", False),
        ("Les deux équipes ont signé.", "The three teams have signed.", True),
        ("Deux équipes ont signé.", "Teams have signed.", True),
        # a year after "mid-"; a decade, a dozen, a currency unit said with "a"
        ("Au milieu de l'année 2009, il part.", "In mid-2009, he leaves.", False),
        ("Au milieu de l'année 2009, il part.", "In mid-2008, he leaves.", True),
        ("Une mode des années 1960.", "A fashion of the sixties.", False),
        ("Une mode des années 1960.", "A fashion of the seventies.", True),
        ("Une mode des années 60.", "A fashion of the nineteen sixties.", False),
        ("Une mode des années 60.", "A fashion of the nineteen seventies.", True),
        ("Il y a dix ans, tout a changé.", "A decade ago, everything changed.", False),
        ("Il y a vingt ans, tout a changé.", "A decade ago, everything changed.", True),
        ("Un euro prêté n'est pas un don.", "A euro lent is not a gift.", False),
        ("Un euro prêté n'est pas un don.", "A dollar lent is not a gift.", True),
        # an hour in words before "a.m."; a weekday or month inside a name both sides write
        ("Ouvert mardi à 09 heures.", "Open on Tuesday at nine a.m.", False),
        ("Ouvert mardi à 09 heures.", "Open on Tuesday at ten a.m.", True),
        ("Le Sunday Times l'a écrit.", "The Sunday Times wrote it.", False),
        ("Le Times l'a écrit.", "The Sunday Times wrote it.", True),
        # "0, 5 %" typed with a space after the comma; a French clock copied; an adjective
        # between a duration and its unit; a number word misspelt with a plural "s"
        ("Le PIB a crû de 0, 4% cette année.", "GDP grew by 0.4% this year.", False),
        ("Le PIB a crû de 0, 4% cette année.", "GDP grew by 0.6% this year.", True),
        ("Le match commence (20h45) à Lyon.", "The match starts (20h45) in Lyon.", False),
        ("Le match commence (20h45) à Lyon.", "The match starts (21h45) in Lyon.", True),
        (
            "Pendant les 18 premiers mois, rien.",
            "For the first one and a half years, nothing.",
            False,
        ),
        ("Pendant les 18 premiers mois, rien.", "For the first two years, nothing.", True),
        ("Il a vu les cinqs voleurs.", "He saw the five thieves.", False),
        ("Il a vu les cinqs voleurs.", "He saw the six thieves.", True),
        # a number up to 24 vouches for its hour on a 12-hour clock only as a clock time
        ("Il rentre à 22h avec 4 amis.", "He comes home at 10 pm with 4 friends.", False),
        ("Il paie 22 euros pour 4 bières.", "He pays 22 euros for ten beers.", True),
        # a unit word in the singular before a noun; decades counted as years
        ("Une pente de 45 degrés.", "A forty-five degree slope.", False),
        ("Une pente de 45 degrés.", "A forty-six degree slope.", True),
        ("Il a régné soixante-dix ans.", "He ruled for seven decades.", False),
        ("Il a régné soixante-dix ans.", "He ruled for eight decades.", True),
        # an English number is checked even where the French states none
        ("Le musée a rouvert ses portes.", "The museum reopened in 1987.", True),
        ("Le musée a rouvert ses portes.", "The museum reopened its doors.", False),
        # a number said by a Latin prefix of the French word
        ("Les avions biplaces restent au sol.", "The two-seat planes stay grounded.", False),
        ("Les avions biplaces restent au sol.", "The three-seat planes stay grounded.", True),
        ("La loi limite les quinquennats.", "The law limits five-year terms.", False),
        ("La loi limite les septennats.", "The law limits five-year terms.", True),
        ("On craint le bipartisme.", "People fear a two-party system.", False),
        ("Les tours jumelles brillent.", "The two towers shine.", False),
        # "X et demi" of a unit, in that unit or the next one down
        ("Il est absent depuis un an et demi.", "He has been away for eighteen months.", False),
        ("Il est absent depuis un an et demi.", "He has been away for six months.", True),
    ],
)
def test_number_and_date_false_alarm_classes(fr: str, en: str, flagged: bool) -> None:
    assert _flagged(fr, en) is flagged
