"""French negations as written, for :func:`pipeline.lang.polarity.polarity_mismatch`.

ne…pas, ne…jamais, ne…plus, ne…rien, ne…personne, ne…aucun, ne…guère, ne…nullement, ni…ni,
and, without "ne", aucun, sans, non, jamais, "pas" alone. A "ne" counts only with a second word
of negation after it ("ne…que" means "only"; the expletive "ne" of "avant qu'il ne parte" denies
nothing), or alone before pouvoir, savoir, oser (literary French); negative concord ("ne … plus
jamais rien", "sans rien dire") is one negation.
"""

from __future__ import annotations

import re

from pipeline.lang.polarity_clauses import elliptic_alternative
from pipeline.lang.polarity_words import (
    _FR_AFTER_QUE,
    _FR_NOBODY,
    _FR_NOT_ONLY,
    _FR_NOT_ONLY_QUE,
    _FR_NOT_ONLY_THERE,
    _FR_QUE,
    _FR_QUE_AFTER,
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
    r"|ais|ons|ez|oir)|pourr\w+|sai[st]|sav(?:ait|aient|ais|ons|ez|ent|oir)|saur\w+|os(?:e|ent|ait|aient"
    r"|era\w*|er))(?![\w-])(?!(?:\s+[\w'’-]+){0,3}\s+qu(?:e\b|['’]))",  # "ne pourra se faire qu'en"
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
_FR_WHY = re.compile(r"(?<![\w-])pourquoi(?:\s+(?:donc|alors|diable))?\s+$", re.IGNORECASE)
# "à jamais", "pour jamais": "forever", no denial.
# ("si jamais": "if ever", no denial either)
# ("trois fois rien": "next to nothing", as English's)
_FR_FOR = re.compile(r"(?<![\w-])(?:pour|fois)\s+$", re.IGNORECASE)
_FR_FOREVER = re.compile(r"(?<![\w-])(?:à|a|pour|si)\s+$", re.IGNORECASE)


def negations_fr(text: str) -> list[str]:
    """The negations of a French sentence, as written ("n'a pas", "sans", "aucun")."""
    return [text[a:b] for a, b in spans_fr(text)]


def spans_fr(text: str) -> list[tuple[int, int]]:
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
            continue  # "payer pour rien", "trois fois rien": "for nothing", "next to nothing"
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
    out = [(a, b) for a, b in out if elliptic_alternative(text, a, b) is None]
    if _FR_NOT_DENIAL.search(text):
        out = [(a, b) for a, b in out if text[a:b].lower() != "non"]
    return sorted(out)
