"""The word lists of :mod:`pipeline.lang.polarity`: English and French words that deny without a
negation particle, the pairs of them that translate each other, and the litotes."""

from __future__ import annotations

import re
import unicodedata

# Words that deny without a negation particle ("unable", "failed", "sans", "refuse"): they do not
# make a sentence negative for the check, but a sentence with one may translate a negation
# ("n'était pas en mesure" ↔ "was unable"; "was not accessible" ↔ "inaccessible"), so a side
# that has one is never called affirmative.
_EN_WEAK = re.compile(
    r"(?<![\w-])(?:un(?!der|til|it|ion|iver|less|iform|employ|mask|cles?(?![\w-])|ique|ify|ilateral"
    r"|anim|ison|icorn)(?=[\w-]{3})-?\w+(?:-\w+)*|(?:in|im)(?:possible|accessible"
    r"|capable|sufficient|adequate|valid|visible|complete)|fail(?!ures?(?!\s+to))\w*|lack\w*|refus\w*"
    r"|prevent\w*"
    r"|avoid\w*|den(?:y|ies|ied)|hardly|barely|scarcely|instead|rather\s+than|except\w*|absen\w+"
    r"|without|succumb\w*|ignor\w*|free|neither|nor|only|far\s+from"
    # "few", "little", not "a few", "a little", "the last few" (quelques, un peu: no denial)
    r"|(?<![Aa]\s)(?<!last\s)(?<!next\s)(?<!past\s)(?<!first\s)(?:little|few)"
    # Words that say a denial as their meaning ("pas d'importance" ↔ "irrelevant", "je n'aime
    # pas" ↔ "I dislike", "ne … pas plus de" ↔ "less than", "trop … pour" ↔ "too … to").
    r"|dis(?:lik|agre|approv|allow|trust|believ|obey|regard|respect|honest|loyal|satisf|continu|qualif|content|connect)\w*|irrelevan\w*|unworthy"
    r"|less\s+than|fewer\s+than|too\s+\w+(?:\s+\w+)?\s+to|(?:has|have|had|is|are|was)\s+yet\s+to"
    # "il n'y a rien d'extraordinaire" ↔ "it's rarely news", "n'ont toujours pas le droit" ↔
    # "are still prohibited", "pas pour rien" ↔ "not in vain", "pas plus de" ↔ "no more than"
    r"|rarely|seldom|prohibit\w*|forb[ia]d\w*|bann(?:ed|ing)|in\s+vain"
    # "n'a plus accès" ↔ "lost access", "n'a pas décroché" ↔ "stopped answering", "n'est plus
    # de mode" ↔ "out of fashion"
    r"|los[te]|loses|losing|(?:stop|ceas|quit)\w*\s+\w+ing"  # "stopped answering"
    r"|out\s+of\s+(?:fashion|power|office|reach|stock|work|business|date|order|control|sight|touch"
    r"|the\s+question)"
    r"|no\s+(?:more|less|fewer)\s+than)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "-less" words ("soulless", "harmless", "cluelessness") say a denial of a noun: they stand for
# a French "sans âme", "pas de cœur", "ne sert à rien", never for a denied verb ("ce n'est pas
# anodin" ↔ "it is not harmless": "harmless" translates "anodin").
_EN_LESS = re.compile(
    r"(?<![\w-])(?!(?:never|none)the)(?!regard|un)\w{3,}less(?:ness|ly)?(?![\w-])", re.I
)
_FR_NOUN_DENIAL = re.compile(
    # ("rien d'anodin" is "nothing harmless", an adjective denied: not one)
    r"(?<![\w-])(?:pas\s+d['’]|(?:sans|pas\s+de|aucune?|rien(?!\s+d(?:e|['’]))|dépourvue?s?"
    r"|privée?s?)(?![\w-]))",
    re.I,
)
# "tant qu'il n'y aura pas de réforme" ↔ "until reform occurs".
_EN_UNTIL = re.compile(r"(?<![\w-])until(?![\w-])", re.I)
_FR_AS_LONG = re.compile(r"(?<![\w-])tant\s+qu(?:e\s|['’])", re.I)
# French adjectives of denial ("inexact", "inconnu", "illégal", "inhabituel"), which a translation
# says with "not" ("not accurate", "not known") or with an English word of denial of its own
# ("inaccurate", "unknown"), which spends it.
_FR_NEG_ADJ = re.compile(
    r"(?<![\w-])(?:inconnu|incertain|inexact|inexistant|illégal|illégitime|irrégulier|imprévu"
    r"|inhabituel|inapproprié|incorrect|inégal|injuste|inadapté|inachevé|inefficace|inédit"
    r"|insatisfait|inopportun|imprécis|irréel|illisible|inaudible)\w*(?![\w-])",
    re.IGNORECASE,
)
_EN_NEG_PREFIX = re.compile(
    r"(?<![\w-])(?:un|in|im|il|ir|non-?)(?!der|til|it|ion|iver|ique|iform|vest|dia|clude|side"
    r"|stead|to|port|press|prove|mediate|mense|migra|ag|ternal|terna|ter|dustr|form|crea|vol"
    r"|flu|sist|quir|cid|clin|ves|dex|fan|deed|land|stant|tegr|tell|tens|tent|itia|ject|put"
    r"|sur|spect)\w{3,}",
    re.IGNORECASE,
)
# Ways a translation says a French negation without one ("On ne comprend pas" ↔ "It's hard to
# understand", "pas grave" ↔ "non-major", "il n'y avait plus de place" ↔ "ran out of space"):
# signs of a translated negation, not of a summary that copies its English source.
_EN_PARAPHRASE = re.compile(
    # "n'en font pas assez" ↔ "under-shared"; "pas de crainte" ↔ "there is no doubt"
    r"(?<![\w-])(?:(?:hard|difficult)\s+to|non-\w+|under-\w+|r[au]n(?:s|ning)?\s+out"
    r"|no\s+doubts?)(?![\w-])",
    re.IGNORECASE,
)
_FR_WEAK = re.compile(
    r"(?<![\w-])(?:(?:pas|sans|non|ni|aucune?|jamais|rien|personne|refus\w*|empêch\w*|priv\w*"
    r"|manqu\w*|défaut|faute|impossible|in\w+(?:able|ible)|guère|peu|indemne|ignor\w*|échou\w*"
    r"|absen\w+|hors|plutôt\s+qu(?:e|['’])|sauf|moins|inutile|incapable|autrement|ne"
    # "indigne" ↔ "not worthy", "défense de fumer" ↔ "no smoking", "interdit" ↔ "not allowed".
    r"|indign\w*|défense\s+d(?:e\s+|['’])\w+(?:er|ir|re)|interdi\w*|in\w+(?:able|ible)s|impossibilit\w*|incapacit\w*"
    # "loin d'être prévisible" ↔ "not yet understood", "un échec" ↔ "did not succeed"
    r"|échec\w*"
    r"|(?:du|de)\s+mal\s+à)(?![\w-])"
    # "arrêter de", "cesser de" (to stop doing): "wouldn't joke", "no longer"
    r"|n['’]|loin\s+d['’]|(?:arrêt|cess)\w*\s+d(?:e\s|['’])|à\s+peine|renon\w+)",
    re.IGNORECASE,
)


# French constructions around a negation, for :func:`pipeline.lang.polarity_fr.spans_fr`.
# "ne … plus que" ("il n'est plus que l'ombre de lui-même"): "now only", no denial.
_FR_QUE = re.compile(r"qu(?:e\b|['’])", re.IGNORECASE)
# "ne … pas que" before a noun phrase or an infinitive is "not only" ("il n'y a pas que la
# Moselle"); before a clause it is "not … that" ("je ne dis pas que tu as tort").
_FR_NOT_ONLY_QUE = re.compile(
    r"(?<!\s)\s+que\s+(?:à|au|aux|pour|dans|sur|\w+(?:er|ir)\b)", re.IGNORECASE
)
_FR_QUE_AFTER = re.compile(r"(?<!\s)\s+qu(?:e\b|['’])", re.IGNORECASE)
_FR_NOT_ONLY_THERE = re.compile(
    r"y\s+(?:a|avait|aura)\s+pas$", re.IGNORECASE
)  # "il n'y a pas que…"
# "personne ne", "personne n'a": the negative subject right before its "ne".
_FR_NOBODY = re.compile(r"(?<![\w-])personne\s+$", re.IGNORECASE)
# "ne … pas seulement", "pas uniquement": "not only", as English "not only" is no denial.
# "ce ne sont pas les seuls", "n'est pas le seul": "not the only ones", said "not only".
_FR_NOT_ONLY = re.compile(
    r"(?<!\s)\s+(?:seulement|uniquement|(?:les?|la|l['’])\s*seul(?:e|s|es)?)(?![\w-])",
    re.IGNORECASE,
)
# "qu'il ne", "que nous ne": where the expletive "ne" stands ("plus grand qu'on ne peut le dire").
# Only after a comparison or a fear, prevention, "avant que", "à moins que" ("plus grand qu'on
# ne le pense", "de peur qu'il ne parte"); "il a indiqué qu'il ne pouvait appuyer" denies.
_FR_AFTER_QUE = re.compile(
    r"(?<![\w-])(?:plus|moins|autre|autrement|mieux|pire|meilleure?s?|davantage|avant|peur|crainte"
    r"|crai\w+|redout\w+|évit\w+|empêch\w+|garde)(?:\s+[\w'’-]+){0,6}?\s+qu(?:e\s+\w+|['’]\s*\w+)\s+$",
    re.IGNORECASE,
)


def word_pairs(pairs: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    def word(pattern: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)

    return [(word(a), word(b)) for a, b in pairs]


# An English word of denial and the French words it translates. One that translates a word the
# French has ("the only track" ↔ "le seul titre", "refused" ↔ "a refusé") is spent: it cannot
# also stand for a negation the English lost.
_WEAK_PAIRS = word_pairs(
    [
        # "ne recherchent que la tranquillité" ↔ "are only looking for peace"
        (
            r"only",
            r"seul\w*|uniquement|exclusivement|(?:ne|n['’])(?:\s*[\w'’-]+){1,4}?\s+qu(?:e|(?=['’]))",
        ),
        (r"(?:less|fewer)\s+than", r"moins"),
        (r"few|little", r"peu"),  # "peu de" ↔ "few": the word translates "peu", not a negation
        (r"rather\s+than|instead", r"plutôt|lieu|place"),  # "à la place" ↔ "instead"
        (r"without", r"sans"),
        (
            r"(?:in|im)(?:possible|accessible|capable|sufficient|adequate|valid|visible|complete)",
            r"(?:in|im)(?:possible|accessible|capable|suffisant|adéquat|valide|visible|complet)\w*",
        ),
        (r"little|few", r"peu|petite?s?"),
        (r"refus\w*", r"refus\w*"),
        # "non éduqué" ↔ "uneducated", "non rémunéré" ↔ "unpaid"
        (r"un\w+|in\w+|non\w+", r"non(?=\s+\w)"),
        (r"fail\w*", r"échou\w*|échec\w*"),
        (r"lack\w*", r"manqu\w*|absence|faute|défaut"),
        (r"absen\w+", r"absen\w+"),
        (r"except\w*", r"sauf|excepté\w*|exception|hormis|à\s+part"),
        (r"in\s+vain", r"pour\s+rien|en\s+vain|vainement"),
        (r"free", r"libres?|libér\w*|gratuit\w*"),
        (r"until", r"jusqu\w*|avant"),
        (r"prevent\w*|avoid\w*", r"empêch\w*|évit\w*"),
        (r"far\s+from", r"loin"),  # "si loin de chez moi" ↔ "so far from home"
        (r"unlike", r"contrairement|contraire|différence"),
        (r"unknown|anonymous\w*", r"anonymes?|inconnu\w*"),
        (r"los[te]|loses|losing", r"perd\w*|perte\w*"),
        (
            r"stop(?:s|ped|ping)?|ceas\w+|quit(?:s|ting)?|(?:stop|ceas|quit)\w*\s+\w+ing",
            r"arrêt\w*|cess\w*|stop\w*",
        ),
        (r"den(?:y|ies|ied)", r"ni(?:e|ent|é)|dément\w*|démenti\w*"),
        (r"ignor\w*", r"ignor\w*"),
        (r"hardly|barely|scarcely", r"à\s+peine"),  # "ne … guère" is the negation itself
        (r"succumb\w*", r"succomb\w*"),
        (r"(?:hard|difficult)\s+to", r"difficile\w*|dur\w*"),
    ]
)
# Litotes: a French negation of a word of denial, ending or lack affirms ("n'a pas fini de
# surprendre" ↔ "is full of surprises", "n'est pas terminée" ↔ "will continue", "n'a pas dérogé à
# la tradition" ↔ "celebrated the tradition", "pas moins de 8 000" ↔ "at least 8,000"). It may go
# untranslated as a negation, unless the English keeps the word of denial itself ("did not
# hesitate" → "did hesitate" is still a lost negation).
_LITOTES = word_pairs(
    [
        (r"fini\w*|termin\w*|achev\w*", r"finish\w*|over|done|end\w*|complet\w*"),
        (r"impossibles?|in\w+(?:able|ible)s?", r"(?:im|in|un)\w+(?:able|ible)"),
        (r"inutiles?", r"useless|pointless|unnecessary|needless|use"),
        (r"rares?", r"rare\w*"),
        (r"exclue?s?", r"exclu\w*|rul\w*"),
        (r"(?:d['’])?(?:étonnant|surprenant)e?s?", r"surpris\w*"),
        (r"négligeables?", r"negligib\w*|insignifican\w*"),
        (r"manqu\w*", r"miss\w*|fail\w*|lack\w*|short"),
        (r"hésit\w*", r"hesita\w*"),
        (r"cess\w*", r"stop\w*|ceas\w*|halt\w*"),
        (r"dérog\w*", r"depart\w*|deviat\w*|br[eo]\w*|derogat\w*"),
        (r"oubli\w*", r"forg[eo]t\w*"),
        (r"empêch\w*", r"prevent\w*|stop\w*"),
        (r"tard\w*", r"late\w*|long|delay\w*"),
        (r"moins", r"less|fewer"),  # "pas moins de 8 000" ↔ "at least 8,000"
        (r"arrêt\w*", r"stop\w*|halt\w*"),
        # "n'a pas de problème pour bâtir" ↔ "easily builds", "pas de souci" ↔ "fine"
        (
            r"problèmes?|soucis?",
            r"problem\w*|trouble\w*|issue\w*|worr\w*",
        ),  # "n'arrête pas de critiquer" ↔ "constantly criticised"
        # A double negation affirms: "n'est pas sans rappeler" ↔ "is reminiscent of", "ce
        # n'est pas pour rien que" ↔ "it is for good reason that", "ce n'est pas rien" ↔ "it is
        # quite something" (the window holds the negation itself: "pas" before the word); "ne
        # … pas sans" after "être" or "aller" only: "ne partira pas sans payer" is a condition
        (
            r"(?:est|es|êtes|sont|était|étaient|sera|serait|seraient|va|vont|allait)"
            r"\s+(?:pas|jamais|point)\s+sans",
            r"without",
        ),
        (r"pas\s+(?:pour\s+)?rien", r"nothing|vain"),
        # Verbs of hiding, denying, refusing, ignoring, doubting, and indifference, denied:
        # "ne cache pas sa joie" ↔ "is openly delighted", "ne nie pas" ↔ "admits"
        (r"cach\w*|dissimul\w*", r"hid\w*|conceal\w*|secret\w*|mask\w*"),
        (r"ni(?:e|es|ent|er|é\w*)|dément\w*|contest\w*", r"den(?:y|ies|ied|ial)|disput\w*"),
        (r"refus\w*", r"refus\w*|declin\w*|reject\w*"),
        (r"ignor\w*", r"ignor\w*|unaware"),
        (r"dout\w*", r"doubt\w*"),
        (r"indifférent\w*", r"indifferen\w*|unmoved"),
    ]
)


def weak_matches(english: str, french: str) -> list[re.Match[str]]:
    """The English words of denial that may stand for a French negation, in order."""
    patterns = [_EN_WEAK, _EN_PARAPHRASE]
    if _FR_NOUN_DENIAL.search(french):
        patterns.append(_EN_LESS)
    if _FR_AS_LONG.search(french):
        patterns.append(_EN_UNTIL)
    found = [m for p in patterns for m in p.finditer(english)]
    return sorted(found, key=lambda m: m.start())


def unspent_weak(english: str, french: str) -> list[re.Match[str]]:
    """The English words of denial left once those that translate a French word are spent:
    each French word (:data:`_WEAK_PAIRS`) spends one English word, each English word is spent
    once ("a little uncomfortable" ↔ "un peu mal à l'aise": "little" spends "peu", and
    "uncomfortable" is left)."""
    budget: dict[int, int] = {}  # pair index → French words left to spend, counted when needed
    left = []
    stems: set[str] | None = None
    for m in weak_matches(english, french):
        stem = _negated_stem(m.group(0))
        if stem:
            # "unexecutable" ↔ "inexécutables", "unjust" ↔ "injustes": the English word of
            # denial translates a French one with the same stem, not a lost negation
            if stems is None:
                stems = {x for w in _FR_PREFIXED.findall(french) if (x := _negated_stem(w))}
            if stem in stems:
                continue
        for i, (en, fr) in enumerate(_WEAK_PAIRS):
            if en.fullmatch(m.group(0)):
                if i not in budget:
                    budget[i] = len(fr.findall(french))
                if budget[i]:
                    budget[i] -= 1
                    break
        else:
            left.append(m)
    return left


def weak_en(english: str, french: str) -> int:
    """How many English words of denial are left once those that translate a French word are
    spent (:func:`unspent_weak`)."""
    return len(unspent_weak(english, french))


_FR_PREFIXED = re.compile(r"(?<![\w-])(?:in|im|il|ir|non-?|dé|dés|mé)\w{4,}", re.IGNORECASE)
_PREFIX = re.compile(r"(?:un|in|im|il|ir|non-?|dis|dé|dés|mé|mis)(?=\w{4})", re.IGNORECASE)


def _negated_stem(word: str) -> str:
    """The first four letters after a prefix of denial, accents off ("inexécutables" →
    "exec", "unjust" → "just"), or "" for a word without one."""
    prefix = _PREFIX.match(word)
    if not prefix:
        return ""
    rest = unicodedata.normalize("NFKD", word[prefix.end() :].lower())
    return "".join(c for c in rest if not unicodedata.combining(c))[:4]
