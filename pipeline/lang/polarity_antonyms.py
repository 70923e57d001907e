"""The antonyms of :mod:`pipeline.lang.polarity`: French words and English words of the opposite
meaning, by which a translation says a denied word without a negation, and French words of
speech that English says with one."""

from __future__ import annotations

import re

from pipeline.lang.polarity_words import word_pairs

# Antonyms across the languages: a French word and English words of the opposite meaning. A
# translation may say a denied word with its opposite ("pas cher" ↔ "cheap", "n'a pas souhaité
# commenter" ↔ "declined to comment", "les prix n'ont pas bougé" ↔ "prices were flat"). A pair
# vouches for a French negation only when the word it denies is the pair's French one and the
# English has its opposite, so a negation lost from "not expensive" is still caught. The other
# way round ("not far" ↔ "près", "did not win" ↔ "a perdu") is not accepted: measured, it cost
# more caught negations than it saved false alarms (docs/verify.md).
_ANTONYM_PAIRS: list[tuple[str, str]] = [
    (r"cher|chère|chers|chères|coûteu\w+|onéreu\w+", r"cheap\w*|inexpensive|affordabl\w+"),
    (r"bon\s+marché|abordables?|modiques?", r"expensive|costly|pricey|dear"),
    (r"loin", r"close|closer|near\w*|almost|shortly|soon"),
    (r"près|proches?|voisine?s?", r"far|distant|remote"),
    (r"faciles?|simples?|évidente?s?", r"hard|difficult|tough|tricky|complicated|complex"),
    (r"difficiles?|dur(?:e|s|es)?|compliqu\w+", r"easy|easily|simple|straightforward"),
    (r"bon(?:ne)?s?|bien", r"bad(?:ly)?|poor(?:ly)?|wrong|worse|worst"),
    (r"mauvaise?s?|mal", r"good|fine|decent|nice|better|best"),
    (r"grande?s?|gros(?:se|ses)?|nombreu\w+|élevée?s?", r"small|minor|slight\w*|low|modest"),
    (r"petite?s?|faibles?|légère?s?", r"big|large|huge|major|great|high|strong|heavy|serious"),
    (r"vraie?s?|exacte?s?|justes?|raison", r"false|untrue|wrong|mistaken|lies?|lying"),
    (
        r"faux|fausses?|erronée?s?|tort|tromp\w*",
        r"true|right|correct\w*|accurate|(?:has|have|had|makes?|made)\s+a\s+(?:\w+\s+)?point",
    ),
    (r"sûre?s?|certaine?s?|convaincue?s?", r"doubt\w*|unsure|uncertain|sceptic\w*|skeptic\w*"),
    (r"clair(?:e|s|es)?|précise?s?", r"vague\w*|murky|confus\w*|obscure"),
    (r"long(?:ue|s|ues)?|longtemps", r"short|brief|briefly|soon|quick\w*"),
    (r"nouveau|nouvelle?s?|nouveaux|récente?s?|neu(?:f|ve)s?", r"old|familiar"),
    (r"même|mêmes|pareil\w*|identiques?|semblables?", r"different|differ\w*|distinct"),
    (r"différente?s?|distincte?s?", r"same|similar|alike|identical"),
    (r"vivante?s?|survécu|surviv\w+", r"dead|died|dies|killed|perish\w*|succumb\w*"),
    (r"morte?s?|décédée?s?|tuée?s?", r"alive|living|survived|survivors?"),
    (r"riches?|aisée?s?", r"poor|poverty|broke"),
    (r"pauvres?", r"rich|wealthy|affluent|well-off"),
    (r"intéressante?s?|passionnante?s?", r"boring|dull|tedious"),
    (r"content\w*|heureu\w+|satisfait\w*|ravie?s?", r"angry|upset|sad|annoyed|furious|unhappy"),
    (r"gagn\w*|emport\w*|remport\w*|victoire", r"los[et]|losing|defeat\w*|beaten"),
    (r"perd\w*|défaite", r"win|wins|won|winning|victor\w*|beat|kept|retain\w*"),
    (r"échapp\w*", r"notic\w*|spotted"),  # "n'a pas échappé à" ↔ "was noticed by"
    (
        r"accept\w*|admet\w*|admis|approuv\w*|valid\w*|retenue?s?",
        r"reject\w*|dismiss\w*|turn\w*\s+down",
    ),
    (r"voulu|veu\w+|voul\w+|souhait\w*|désir\w*|envie", r"declin\w*\s+to|reluctan\w*"),
    (r"aim\w*|apprécié?\w*|ador\w*", r"hate[ds]?|hating|detest\w*|loath\w*|dislik\w*"),
    (r"cro\w+|pens\w+", r"doubt\w*"),
    (r"souvien\w+|souven\w+|rappel\w+", r"forg[eo]t\w*"),
    (
        r"respect\w*|tenu\w*|tenir|tien\w*",
        r"violat\w*|breach\w*|flout\w*|def(?:y|ied|ies)",
    ),
    (
        r"autoris\w*|permi\w*|permett\w*",
        r"forb[ia]d\w*|prohibit\w*|ban(?:s|ned|ning)?|bar(?:red|ring|s)|block(?:ed|ing)",
    ),
    (r"lieu", r"cancel\w*|called\s+off|scrapped|postponed"),
    (
        r"dépass\w*|excéd\w*|pas\s+plus\s+d(?:e|['’])",
        r"below|maximum|at\s+most",
    ),
    (
        r"boug\w*|chang\w*|vari\w*|évolu\w*|augment\w*|baiss\w*",
        r"flat|stable|steady|unchanged|stagnat\w*|constant",
    ),
    (
        r"fonctionn\w*|march(?:e|ent|ait|aient|era\w*)",
        r"broken|faulty|defective|malfunction\w*|out\s+of\s+order",
    ),
    (
        r"parl\w*|réag\w*|répond\w*|exprim\w*|comment(?:er|é\w*|ai\w*)",
        r"silen\w*|declin\w*\s+to",
    ),
    (r"retrouvée?s?|localisée?s?|identifiée?s?", r"missing|unaccounted|unidentified|unknown"),
    (r"encore", r"still\s+to|remains?\s+to|pending|awaiting"),
    (
        r"pay(?:é\w*|er\w*|e|es|ent|ait|aient)|pai(?:e|es|ent)|réglé\w*|rembours\w*",
        r"unpaid|owe[sd]?|owing|default\w*|arrears",
    ),
    (
        r"vot(?:e[rsz]?|é\w*|ent|ai\w*|ant\w*|er\w*)|particip\w*",
        r"abstain\w*|abstention\w*|boycott\w*|stay\w*\s+away",
    ),
    (r"ouverte?s?|ouvr(?:e|es|ent|ir\w*|ait|aient)", r"clos\w*|shut\w*"),
    (r"fermée?s?|ferm\w*", r"open\w*"),
    (
        r"assez|suffisa\w+|suffi\w*",
        r"insufficien\w*|shortage\w*|scarce|too\s+(?:little|few|small|low)",
    ),
    (r"toujours", r"sometimes|occasionally"),
    (r"aucune?", r"zero"),
    (r"important\w*|grave\w*|sérieu\w+", r"minor|trivial|mild|petty"),
    (r"anodine?s?|banale?s?|insignifiante?s?", r"significant|serious|important|meaningful"),
    # "pas terrible", "pas fameux", "pas génial" (speech: mediocre) ↔ "lousy", "poor"
    (
        r"terribles?|fameu(?:x|se|ses)|génia(?:l|le|les|ux)|folichon\w*",
        r"bad\w*|poor\w*|mediocre|lousy|so-so|meh|weak|disappoint\w*",
    ),
    # "je n'en reviens pas" ↔ "I am amazed"; "ne vous inquiétez pas" ↔ "rest assured"
    (r"en\s+revien\w*", r"amaz\w*|astonish\w*|astound\w*"),
    (r"inquiét\w*|inquièt\w*|affol\w*|paniqu\w*", r"rest\s+assured|reassur\w*|calm\w*"),
    (r"présente?s?|là", r"absent|missing|away"),
]
ANTONYMS = word_pairs(_ANTONYM_PAIRS)
# Any French side of :data:`ANTONYMS`, under one word boundary: most negations deny none of its
# words.
ANTONYM_FR = re.compile(
    r"(?<![\w-])(?=\w)(?:" + "|".join(fr for fr, _ in _ANTONYM_PAIRS) + r")(?![\w-])",
    re.IGNORECASE,
)


# French words of speech that English says with a negation, and that English phrase: "t'inquiète"
# (its "pas" dropped) ↔ "don't worry", "je m'en fous" ↔ "I don't care", "qu'importe" ↔ "never
# mind", "j'en peux plus" (its "ne" dropped; not "je veux plus de temps") ↔ "I can't take it
# anymore". The phrase's negation translates the French word; a negation elsewhere in the
# English is still an added one. Only in a French sentence without a negation of its own ("je ne
# peux plus" ↔ "I can no longer": the "no" translates the "ne").
SAID_NEGATED = word_pairs(
    [
        (r"t['’]inquiète(?!\s+pas)", r"don['’]?t\s+worry"),
        (
            r"(?:m|t|s)['’]en\s+(?:fou\w*|fich\w*|moqu\w*|balanc\w*|tap\w*)",
            r"(?:do|does|did)(?:n['’]?t|\s+not)\s+(?:really\s+)?(?:care|give)|couldn['’]?t\s+care",
        ),
        (r"qu['’]importe|peu\s+importe", r"never\s+mind|(?:does|did)(?:n['’]?t|\s+not)\s+matter"),
        (
            r"(?:peux|peut|peuvent|veux|veut|veulent|sais|sait|savent|crois|croit|vois|voit|faut)"
            r"\s+plus(?!\s+(?:que|qu['’]|de|d['’]|tard|tôt|loin|haut|fort|vite)(?![\w-]))",
            r"\w+n['’]t(?=(?:\s+[\w'’-]+){0,5}\s+(?:anymore|any\s+(?:more|longer)))|no\s+longer",
        ),
    ]
)
# Any of them: one search where most sentences have none.
SAID_NEGATED_FR = re.compile("|".join(fr.pattern for fr, _ in SAID_NEGATED), re.IGNORECASE)
