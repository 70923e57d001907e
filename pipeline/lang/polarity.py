"""Negations in French and English: is a sentence's statement denied?

French: ne…pas, ne…jamais, ne…plus, ne…rien, ne…personne, ne…aucun, ne…guère, ne…nullement,
ni…ni, and, without "ne", aucun, sans, non, jamais. "ne…que" means "only" and the expletive "ne"
("avant qu'il ne parte", "à moins qu'il ne", "plus … qu'il ne le pense") denies nothing: a "ne"
counts only with a second word of negation after it.

English: not, n't, never, no, none, nothing, nobody, no one, neither, nor, without, cannot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.lang.polarity_clauses import (
    CLAUSE_ENDS,
    PLACE_MIN_WORDS,
    denied_clause,
    first_unplaced,
    only_for_not_only,
    or_not_lost,
)
from pipeline.lang.polarity_words import (
    _EN_LESS,
    _EN_NEG_PREFIX,
    _EN_WEAK,
    _FR_AFTER_QUE,
    _FR_NEG_ADJ,
    _FR_NOBODY,
    _FR_NOT_ONLY,
    _FR_NOT_ONLY_QUE,
    _FR_NOT_ONLY_THERE,
    _FR_QUE,
    _FR_QUE_AFTER,
    _FR_WEAK,
    _LITOTES,
    unspent_weak,
    weak_en,
)

# The patterns below look like each other and other modules' regexes (text/furniture.py,
# text/support.py) only in shape: each lists its own words, so they stay apart.
# ("n'importe quel", "n'importe qui": "any", "anyone", no denial)
_FR_NE = re.compile(r"(?<![\w-])(?:ne\b|n['’](?!importe\b))", re.IGNORECASE)
# The second word of a French negation, within the clause that follows "ne".
_FR_SECOND = re.compile(
    r"(?<![\w-])(?:pas|jamais|plus|rien|personne|aucune?|aucunement|guère|nullement|point|ni"
    r"|nulle\s+part)(?![\w-])",
    re.IGNORECASE,
)
# Words of negation right after the second belong to the same negation ("ne … plus aucun",
# "ne … plus jamais rien"): one negation, not two.
# "ne sert plus à rien", "ne parle plus de personne": a preposition may stand between them.
_FR_CHAIN = re.compile(
    r"(?<!\s)(?:\s+(?:(?:à|de|d['’])\s*)?(?:pas|jamais|plus|rien|personne|aucune?|guère)(?![\w-]))+",
    re.IGNORECASE,
)
# With pouvoir, savoir and oser a "ne" alone negates (literary French: "l'absence ne peut vous
# l'arracher", "ne saurait remplacer"); not "ne peut que" ("can only"), not the subjunctive of the
# expletive "ne" ("avant qu'il ne puisse").
_FR_LITERARY = re.compile(
    r"(?<!\s)(?:\s*(?:me|te|se|nous|vous|lui|leur|y|en|[lmts]['’])){0,4}\s*(?:"
    # "n'a pu s'imposer", "n'avait su": the compound tenses
    r"(?:ai|as|a|avons|avez|ont|avait|avaient|aurait|auraient|aura)\s+(?:pu|su|osé)|peu[tx]|peuvent|pouv(?:ait|aient"
    r"|ais|ons|ez)|pourr\w+|sai[st]|sav(?:ait|aient|ais|ons|ez|ent)|saur\w+|os(?:e|ent|ait|aient"
    r"|era\w*))(?![\w-])(?!(?:\s+[\w'’-]+){0,3}\s+qu(?:e\b|['’]))",  # "ne pourra se faire qu'en"
    re.IGNORECASE,
)
# "rien de grave ne peut", "personne ne sait": the "ne" of a negative subject, counted with it.
_FR_SUBJECT = re.compile(
    r"(?<![\w-])(?:rien|personne|aucune?|nul(?:le)?|jamais|ni)(?![\w-])[^,;:.!?]*$", re.IGNORECASE
)
# "pas" with no "ne", as spoken French and headlines write it ("mais pas écouté", "peut-être pas
# toutes les nuits", "pas le contraire"); not the noun ("un pas", "à deux pas"), not "pas mal".
# (nor "pas longtemps après": "soon after", as English's "not long after")
_FR_PAS_ALONE = re.compile(
    r"(?<![\w-])pas(?![\w-])(?!\s+mal\b)(?!\s+à\s+pas)"
    r"(?!\s+(?:très\s+|si\s+)?longtemps\s+(?:après|avant))",
    re.IGNORECASE,
)
_FR_PAS_NOUN = re.compile(
    r"(?<![\w-])(?:un|le|les|des|du|ce|ces|cet|mon|ton|son|mes|tes|ses|nos|vos|leurs?|notre|votre"
    r"|au|aux|à|de|chaque|d['’]un|premiers?|derniers?|nouveaux?|grands?|petits?|faux"
    # "le même pas" (the same step), not "même pas" (not even: "ça remplirait même pas")
    r"|(?:le|du|au|un)\s+mêmes?"
    r"|quelques|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cent|mille"
    r"|\d+|pas)\s+$",
    re.IGNORECASE,
)
# Words that deny on their own ("sans", "aucun" as a determiner, "non" as an answer or prefix).
# "rien que" is "just", "alone" ("Rien qu'en 2011" ↔ "In 2011 alone").
_FR_ALONE = re.compile(
    r"(?<![\w-])(?:sans|aucune?|aucunement|jamais|rien(?!\s+qu(?:e\b|['’]))|non(?!-)|ni)(?![\w-])"
    r"|(?<![\w-])non-(?=\w)",
    re.IGNORECASE,
)
# An opening quote mark ("il n'y a désormais \"plus de différence") does not end the clause.
# (Patterns alike others, text/furniture.py's, only in shape: each its own words.)
_CLAUSE_END = re.compile(r"[,;:.!?»()]|\"(?!\w)|\b(?:mais|et|qui|que|qu['’]|car|parce)\b", re.I)
_EN = re.compile(
    # ("No. 4", "Symphony No. 3": the abbreviation of "number", not a denial)
    r"(?<![\w-])(?:not|never|no(?!\.?\s*\d)|none|nothing|nobody|neither|nor|without|cannot|nowhere)"
    r"(?![\w-])"
    r"|(?<![\w-])no[\s-]one(?![\w-])|(?<![\w-])\w+n['’]t(?![\w-])"
    # Comments drop the apostrophe: "dont", "cant", "didnt" ("wont" is also a word: left out).
    r"|(?<![\w-])(?:do|does|did|ca|is|are|was|were|has|have|had|could|would|should|must|ai)nt"
    # French "dont" ("dont il", "dont 53 %") in a quotation or an untranslated text is not one.
    r"(?![\w-])(?!\s+(?:(?:le|la|les|il|elle|ils|elles|on|nous|vous|je|un|une|des)(?![\w-])"
    r"|[jl]['’]|\d))",
    re.IGNORECASE,
)
# "no longer", "no more than"… are still negations; "no doubt" and "not only" are not denials.
_EN_NOT_DENIAL = re.compile(
    r"(?<![\w-])(?:not\s+only|no\s+doubts?|not\s+least|nothing\s+but|no\s+sooner|not\s+until"
    r"|not\s+long\s+(?:ago|after|before)|no\s+matter|never[\s-]+ending|not\s+to\s+mention"
    r"|no\s+wonder|no\s+(?:more|less|fewer)\s+than|(?:for|next\s+to)\s+nothing"
    # "couldn't care less" (an idiom), "why don't we…", "why not ask…" (a suggestion)
    r"|couldn['’]?t\s+care\s+less|why\s+(?:not|don['’]?t)"
    # An elliptic "not" that ends its clause after an adverb denies nothing: "sometimes for the
    # best and sometimes not", "or not" (after an auxiliary it does: "which it does not").
    r"|(?:or|if|sometimes|perhaps|maybe|probably|why)\s+not(?=\s*(?:[,.;:!?)\"”]|$)))(?![\w-])",
    re.IGNORECASE,
)
# "did not carry out attacks until the evening" says "only in the evening", unless the French
# has the "until" too ("n'a pas tenu jusqu'en 2015": the "not" is a real negation).
_EN_NOT_UNTIL = re.compile(r"(?<![\w-])not(?=(?:\s+[\w'’-]+){0,6}\s+until\b)", re.IGNORECASE)
_FR_UNTIL = re.compile(r"(?<![\w-])(?:jusqu|avant(?![\w-])|tant\s+qu)", re.IGNORECASE)
_FR_NOT_DENIAL = re.compile(r"(?<![\w-])non\s+(?:seulement|plus)(?![\w-])", re.IGNORECASE)


# "sans aucun doute", "ne fait aucun doute", "il n'y a pas de doute": an assertion, not a denial
# (English says "no doubt", "undoubtedly", "clearly").
_FR_DOUBT = re.compile(r"(?<!\s)\s+(?:(?:aucun|de|d['’]|le\s+moindre)\s*)?doutes?\b", re.IGNORECASE)


# An n-word in the clause of a "sans", with no "ne" of its own ("sans rien dire", "sans aucune
# résistance"): negative concord with the "sans" ("without saying anything"), one denial.
_FR_SANS_SCOPE = re.compile(
    r"(?<![\w-])sans(?![\w-])(?:(?!(?<![\w-])n(?:e(?![\w-])|['’]))[^,;:.!?()«»\"]){0,60}$", re.I
)
_FR_OWN_NE = re.compile(r"(?<!\s)\s+n(?:e(?![\w-])|['’])", re.I)  # "rien ne l'a fait revenir"
_FR_SANS_QUE = re.compile(r"(?<![\w-])sans\s+qu(?:e\s|['’])(?:\s*[\w'’-]+){0,4}\s*$", re.I)


# English negations in a "French" text ("dont" is a French word too: only with its apostrophe).
_EN_UNTRANSLATED = re.compile(r"(?<![\w-])(?:\w+n['’]t|not|never|nothing)(?![\w-])", re.IGNORECASE)
# "Pourquoi ne pas…", "pourquoi pas", "pourquoi donc ne pas": a suggestion; not "je ne vois pas
# pourquoi ils n'auraient pas pu" (a clause of its own, with its subject).
_FR_WHY_QUESTION = re.compile(r"(?<![\w-])pourquoi(?:\s+[\w'’-]+){0,4}\s+$", re.IGNORECASE)
_EN_WHY_NOT = re.compile(r"(?<![\w-])why\s+(?:not|don['’]?t)(?![\w-])", re.IGNORECASE)
_FR_WHY = re.compile(r"(?<![\w-])pourquoi(?:\s+(?:donc|alors|diable))?\s+$", re.IGNORECASE)
_FR_OR_NOT = re.compile(r"(?<![\w-])ou\s+$", re.IGNORECASE)
# the alternative ends (CLAUSE_ENDS), or goes on: "bien ou pas et…"
_FR_CONJ = re.compile(r"(?<!\s)\s+(?:et|ou|mais|car|donc)(?![\w-])", re.IGNORECASE)
# "à jamais", "pour jamais": "forever", no denial.
# ("si jamais": "if ever", no denial either)
_FR_FOR = re.compile(r"(?<![\w-])pour\s+$", re.IGNORECASE)
_FR_FOREVER = re.compile(r"(?<![\w-])(?:à|a|pour|si)\s+$", re.IGNORECASE)


def negations_fr(text: str) -> list[str]:
    """The negations of a French sentence, as written ("n'a pas", "sans", "aucun")."""
    return [text[a:b] for a, b in _spans_fr(text)]


def _spans_fr(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    for ne in _FR_NE.finditer(text):
        rest = text[ne.end() :]
        stop = _CLAUSE_END.search(rest)
        clause = rest[: stop.start()] if stop else rest
        second = _FR_SECOND.search(clause)
        if (
            second
            and second.group(0).lower() == "pas"
            and _FR_PAS_NOUN.search(text, 0, ne.end() + second.start())
        ):
            second = None  # "rien ne vaut les quatre pas": the noun (steps), not a negation
        if _FR_SANS_QUE.search(text, max(0, ne.start() - 60), ne.start()):
            # "sans que cela n'amène aucun profit": the "ne" after "sans que" is expletive, and
            # the "aucun" belongs to the "sans" ("without any profit").
            if second is not None:
                used.add(ne.end() + second.start())
            continue
        if second is None:
            literary = _FR_LITERARY.match(rest)
            before = text[: ne.start()]
            subject = _FR_NOBODY.search(before)
            if subject:  # "personne ne sait": "personne" alone is also "a person"
                out.append((subject.start(), ne.end()))
            elif literary and not _FR_AFTER_QUE.search(before) and not _FR_SUBJECT.search(before):
                out.append((ne.start(), ne.end() + literary.end()))
            continue  # else "ne…que" ("only") or the expletive "ne": no second word
        end = ne.end() + second.end()
        chain = _FR_CHAIN.match(text, end)
        used.add(ne.end() + second.start())
        # Negative concord: the n-words of the clause belong to its "ne" ("il ne dit jamais rien
        # à personne", "n'avait pas aidé dans aucune résolution"), and so does a negative
        # subject before it ("aucun autre événement n'a montré plus clairement"): one negation.
        used.update(ne.end() + m.start() for m in _FR_ALONE.finditer(clause, second.end()))
        subject = _FR_SUBJECT.search(text, 0, ne.start())
        if subject:
            used.add(subject.start())
        if chain:
            used.update(m.start() for m in _FR_SECOND.finditer(text, end, chain.end()))
            end = chain.end()
        if _FR_NOT_ONLY.match(text, end):
            continue
        if second.group(0).lower() == "plus" and stop and _FR_QUE.match(rest, stop.start()):
            continue  # "il ne reste plus qu'à signer", "ne plus construire que": "now only"
        only_que = _FR_NOT_ONLY_QUE.match(text, end) or (
            _FR_NOT_ONLY_THERE.search(text, ne.end(), end) and _FR_QUE_AFTER.match(text, end)
        )
        if text[end - 3 : end].lower() == "pas" and only_que:
            continue  # "il n'y a pas que la Moselle", "n'y font pas que jouer": "not only"
        out.append((ne.start(), end))
    for m in _FR_ALONE.finditer(text):
        if m.start() in used:
            continue  # "jamais", "aucun" after a "ne": counted with it
        word = m.group(0).lower()
        if word == "jamais" and _FR_FOREVER.search(text, max(0, m.start() - 5), m.start()):
            continue
        if word == "rien" and _FR_FOR.search(text, max(0, m.start() - 6), m.start()):
            continue  # "payer pour rien": "for nothing", as English's
        scope = word != "sans" and _FR_SANS_SCOPE.search(text, max(0, m.start() - 66), m.start())
        if scope and not _FR_OWN_NE.match(text, m.end()):
            continue  # "sans rien dire" ↔ "without saying anything": the "sans" denies, once
        out.append((m.start(), m.end()))
    for m in _FR_PAS_ALONE.finditer(text):
        if re.search(r"(?<![\w-])non\s+$", text[max(0, m.start() - 5) : m.start()], re.I):
            continue  # "et non pas comme…": one negation
        if _FR_NOT_ONLY.match(text, m.end()):
            continue  # "et pas seulement en ce siècle": "not only"
        if m.start() not in used and not _FR_PAS_NOUN.search(text[: m.start()]):
            out.append((m.start(), m.end()))
    out = [(a, b) for a, b in out if not _FR_DOUBT.match(text, b)]
    # "Pourquoi ne pas aller…" (why not go): a suggestion, as English's "why not".
    out = [(a, b) for a, b in out if not _FR_WHY.search(text, max(0, a - 40), a)]
    # "éduqués ou pas", "ou non": elliptic, as English's "or not", not a denial.
    out = [
        (a, b)
        for a, b in out
        if not _FR_OR_NOT.search(text, max(0, a - 4), a)
        or not (CLAUSE_ENDS.match(text, b) or _FR_CONJ.match(text, b))
    ]
    if _FR_NOT_DENIAL.search(text):
        out = [(a, b) for a, b in out if text[a:b].lower() != "non"]
    return sorted(out)


def negations_en(text: str) -> list[str]:
    """The negations of an English sentence, as written ("not", "didn't", "never")."""
    cleaned = _EN_NOT_DENIAL.sub(" ", text)
    return [m.group(0) for m in _EN.finditer(cleaned)]


_NEXT_WORDS = re.compile(r"(?:\s+[\w'’-]+){1,2}")
# A negated "there is" whose relative clause is negated too affirms ("il n'y a pas grand-chose
# qu'il n'aime pas" ↔ "he is not very choosy", "il n'y a personne qui ne le sache" ↔ "everyone
# knows it"): two French negations that English says with one, or none.
_FR_DOUBLE = re.compile(
    r"(?<![\w-])n['’]y\s+(?:a|avait|aura)\s+(?:pas|personne|rien|aucun\w*|guère)(?![\w-])"
    r"[^.;:!?]{0,40}?(?<![\w-])qu(?:i|e|['’])\s*[^.;:!?]{0,30}?(?<![\w-])n(?:e|['’])",
    re.IGNORECASE,
)
_EN_OR = re.compile(r"(?<![\w-])or(?![\w-])", re.IGNORECASE)  # "nor" is a negation of its own
_FR_SANS = re.compile(r"(?<![\w-])sans(?![\w-])", re.IGNORECASE)
_FR_OR = re.compile(r"(?<![\w-])(?:ou|ni)(?![\w-])", re.IGNORECASE)


def _spend(found: list[str], word: str, times: int) -> list[str]:
    out = []
    for n in found:
        if times and n.lower() == word:
            times -= 1
            continue
        out.append(n)
    return out


def _litotes(french: str, span: tuple[int, int], english: str) -> bool:
    """Whether the French negation at ``span`` denies a word of denial that the English does not
    carry."""
    a, b = span
    after = _NEXT_WORDS.match(french, b)
    window = french[a : after.end() if after else b]
    return any(fr.search(window) and not en.search(english) for fr, en in _LITOTES)


_EN_BOTH = re.compile(r"(?<![\w-])(?:nor|neither|without)(?![\w-])", re.IGNORECASE)
_EN_EVER = re.compile(r"(?<![\w-])ever(?![\w-])", re.IGNORECASE)


# "au moins" (at least), "plus ou moins", "ou plutôt" (or rather): no sign of a denial.
# "un peu", "peu à peu", "à peu près" (a little, little by little, about), "le seul" (the only):
# no sign of a denial either.
_FR_NOT_WEAK = re.compile(
    r"(?<![\w-])(?:(?:au|du|le|la|les|plus\s+ou)\s+moins|ou\s+plutôt|un\s+peu|peu\s+à\s+peu"
    r"|à\s+peu\s+près|(?:le|la|les|l['’]une?\s+des|une?\s+des)\s+seul(?:e|s|es)?)(?![\w-])",
    re.IGNORECASE,
)


def polarity_mismatch(french: str, english: str) -> tuple[str, str | None] | None:
    """``(french span, english span)`` when one side denies and the other shows no sign of a
    denial at all, else None.

    Counting negations would flag good translations ("ni…ni" ↔ "neither…nor", a negation the
    translation spreads over two clauses), and so would a negation the other side says with a
    word ("n'a pas survécu" ↔ "succumbed"): only a side with a negation particle against a side
    with no negation and no word of denial (:data:`_EN_WEAK`, :data:`_FR_WEAK`) is a mismatch.
    An English word of denial that translates a French one (:data:`_WEAK_PAIRS`) does not count,
    and neither does a French litotes the English says as an affirmation (:data:`_LITOTES`),
    nor a double negation (:data:`_FR_DOUBLE`), which English may say with one or none.
    """
    only = only_for_not_only(french, english) or or_not_lost(french, english)
    if only is not None:
        return only
    spans = _spans_fr(french)
    doubles = [m.span() for m in _FR_DOUBLE.finditer(french)]
    # "ne … pas", "jamais", "aucun", "rien"; not "sans", "non", "ni", which English often says
    # with a word ("sans précédent" ↔ "unprecedented"), nor the two of a double negation.
    ever = _EN_EVER.search(english) is not None
    suggests = _EN_WHY_NOT.search(english) is not None
    kept = [
        (a, b)
        for a, b in spans
        if (french[a:b].lower() not in ("sans", "non", "ni", "non-") or denied_clause(french, a, b))
        # "que j'aie jamais vu", "n'a jamais été aussi fort" ↔ "ever", "stronger than ever"
        and not (ever and french[a:b].lower().endswith("jamais"))
        and not _litotes(french, (a, b), english)
        and not any(x <= a < y for x, y in doubles)
        # "Pourquoi est-ce qu'ils ne vont pas vivre…" ↔ "Why don't they go…": both suggest
        and not (suggests and _FR_WHY_QUESTION.search(french, max(0, a - 40), a))
    ]
    fr = [french[a:b] for a, b in kept]
    if not _FR_UNTIL.search(french):
        english = _EN_NOT_UNTIL.sub(" ", english)
    found = negations_en(english)
    en = [n for n in found if n.lower() not in ("without", "nor", "neither")]
    # "sans" is not counted on the French side, so the "without" that translates it cannot
    # stand for a negation either ("nous ne pouvons pas l'admettre sans" ↔ "we can let this
    # happen without": the "not" was lost).
    found = _spend(found, "without", len(_FR_SANS.findall(french)))
    weak = weak_en(english, french) if fr else 0  # only a French negation needs it
    if fr and not found and not weak:
        return fr[0], None
    # The "French" may be the English left untranslated: its own negations then count.
    if (
        en
        and not spans
        and not _FR_WEAK.search(_FR_NOT_WEAK.sub(" ", french))
        and not _EN_UNTRANSLATED.search(french)
        # "inexacts" ↔ "not accurate": an adjective of denial the English has no word for
        and len(_FR_NEG_ADJ.findall(french)) <= len(_EN_NEG_PREFIX.findall(english))
    ):
        return "", en[0]
    # Two or more French negations against fewer English signs of denial: one was lost. A
    # "not … or" denies both sides of the "or" ("ne doit pas communiquer … et ne pas accéder" ↔
    # "not allowed to communicate … or to access"), unless the "or" translates a French "ou".
    # "nor", "neither", "without" are in both lists: counted once.
    signs = len(found) + max(0, weak - len(_EN_BOTH.findall(english)))
    if found:
        first = _EN.search(_EN_NOT_DENIAL.sub(" ", english))
        ors = len(_EN_OR.findall(english, first.start())) if first else 0
        signs += max(0, ors - len(_FR_OR.findall(french)))
    if len(fr) >= 2 and signs < len(fr):
        return fr[-1], None
    # Per clause: a negation lost beside another ("ne … pas X, mais ne … jamais Y" ↔ "X, but
    # never Y"), or one whose only English sign stands elsewhere; one French negation that an
    # English negation answers is left to the counts (the English may move its clause).
    long = kept and len(french.split()) >= PLACE_MIN_WORDS and (len(kept) >= 2 or not en)
    lost = first_unplaced(french, kept, english, _sign_offsets(english, french)) if long else None
    if lost is not None:
        return french[lost[0] : lost[1]], None
    return None


def _sign_offsets(english: str, french: str) -> list[int]:
    """Where the English's signs of denial stand: its negations and the words of denial that
    do not translate a French one (:data:`_WEAK_PAIRS`, each spent once a French match)."""
    cleaned = _EN_NOT_DENIAL.sub(lambda m: " " * len(m.group(0)), english)
    signs = [m.start() for m in _EN.finditer(cleaned)]
    if signs:  # "don't interrupt prayers or break noses": the "or" carries the denial on
        ors = [m.start() for m in _EN_OR.finditer(english, signs[0])]
        signs += ors[: max(0, len(ors) - len(_FR_OR.findall(french)))]
    return signs + [m.start() for m in unspent_weak(english, french)]


def negation_added(text: str, sources: Sequence[str]) -> str | None:
    """The negation of a generated English sentence (a summary's) that its English sources have
    no sign of, or None."""
    found = [n for n in negations_en(text) if n.lower() not in ("without", "nor", "neither")]
    if not found:
        return None
    if any(negations_en(s) or _EN_WEAK.search(s) or _EN_LESS.search(s) for s in sources):
        return None
    return found[0]
