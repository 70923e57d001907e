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

_FR_NE = re.compile(r"(?<![\w-])(?:ne\b|n['’])", re.IGNORECASE)
# The second word of a French negation, within the clause that follows "ne".
_FR_SECOND = re.compile(
    r"(?<![\w-])(?:pas|jamais|plus|rien|personne|aucune?|guère|nullement|point|nulle\s+part)(?![\w-])",
    re.IGNORECASE,
)
# Words that deny on their own ("sans", "aucun" as a determiner, "non" as an answer or prefix).
_FR_ALONE = re.compile(
    r"(?<![\w-])(?:sans|aucune?|jamais|rien|non(?!-)|ni)(?![\w-])|(?<![\w-])non-(?=\w)",
    re.IGNORECASE,
)
# (Patterns alike others, text/furniture.py's, only in shape: each its own words.)
_CLAUSE_END = re.compile(r"[,;:.!?»\"()]|\b(?:mais|et|qui|que|qu['’]|car|parce)\b", re.I)
_EN = re.compile(
    r"(?<![\w-])(?:not|never|no|none|nothing|nobody|neither|nor|without|cannot|nowhere)(?![\w-])"
    r"|(?<![\w-])no[\s-]one(?![\w-])|\w+n['’]t(?![\w-])",
    re.IGNORECASE,
)
# "no longer", "no more than"… are still negations; "no doubt" and "not only" are not denials.
_EN_NOT_DENIAL = re.compile(
    r"(?<![\w-])(?:not\s+only|no\s+doubt|not\s+least|nothing\s+but|no\s+sooner|not\s+until"
    r"|not\s+long\s+ago|not\s+the\s+other\s+way)(?![\w-])",
    re.IGNORECASE,
)
_FR_NOT_DENIAL = re.compile(r"(?<![\w-])non\s+(?:seulement|plus)(?![\w-])", re.IGNORECASE)


def negations_fr(text: str) -> list[str]:
    """The negations of a French sentence, as written ("n'a pas", "sans", "aucun")."""
    out: list[str] = []
    used: set[int] = set()
    for ne in _FR_NE.finditer(text):
        rest = text[ne.end() :]
        stop = _CLAUSE_END.search(rest)
        clause = rest[: stop.start()] if stop else rest
        second = _FR_SECOND.search(clause)
        if second is None:
            continue  # "ne…que" ("only") or the expletive "ne": no second word
        used.add(ne.end() + second.start())
        out.append(text[ne.start() : ne.end() + second.end()])
    for m in _FR_ALONE.finditer(text):
        if m.start() in used:
            continue  # "jamais", "aucun" after a "ne": counted with it
        out.append(m.group(0))
    if _FR_NOT_DENIAL.search(text):
        out = [n for n in out if n.lower() != "non"]
    return out


def negations_en(text: str) -> list[str]:
    """The negations of an English sentence, as written ("not", "didn't", "never")."""
    cleaned = _EN_NOT_DENIAL.sub(" ", text)
    return [m.group(0) for m in _EN.finditer(cleaned)]


# Words that deny without a negation particle ("unable", "failed", "sans", "refuse"): they do not
# make a sentence negative for the check, but a sentence with one may translate a negation
# ("n'était pas en mesure" ↔ "was unable"; "was not accessible" ↔ "inaccessible"), so a side
# that has one is never called affirmative.
_EN_WEAK = re.compile(
    r"(?<![\w-])(?:un(?!der|til|it|ion|iver|less)\w{3,}|\w{3,}less|(?:in|im)(?:possible|accessible"
    r"|capable|sufficient|adequate|valid|visible|complete)|fail\w*|lack\w*|refus\w*|prevent\w*"
    r"|avoid\w*|den(?:y|ies|ied)|hardly|barely|scarcely|instead|rather|except\w*|absen\w+"
    r"|without|succumb\w*|ignor\w*|free|neither|nor|only|until|little|few|far\s+from)(?![\w-])",
    re.IGNORECASE,
)
_FR_WEAK = re.compile(
    r"(?<![\w-])(?:pas|sans|non|ni|aucune?|jamais|rien|personne|refus\w*|empêch\w*|priv\w*"
    r"|manqu\w*|défaut|faute|impossible|in\w+(?:able|ible)|guère|peu|indemne|ignor\w*|échou\w*"
    r"|absen\w+|hors|plutôt|seul\w*|sauf|moins|contre|inutile|incapable|ne|n['’])(?![\w-])",
    re.IGNORECASE,
)


def polarity_mismatch(french: str, english: str) -> tuple[str, str | None] | None:
    """``(french span, english span)`` when one side denies and the other shows no sign of a
    denial at all, else None.

    Counting negations would flag good translations ("ni…ni" ↔ "neither…nor", a negation the
    translation spreads over two clauses), and so would a negation the other side says with a
    word ("n'a pas survécu" ↔ "succumbed"): only a side with a negation particle against a side
    with no negation and no word of denial (:data:`_EN_WEAK`, :data:`_FR_WEAK`) is a mismatch.
    """
    # "ne … pas", "jamais", "aucun", "rien"; not "sans", "non", "ni", which English often says
    # with a word ("sans précédent" ↔ "unprecedented").
    fr = [n for n in negations_fr(french) if n.lower() not in ("sans", "non", "ni", "non-")]
    en = [n for n in negations_en(english) if n.lower() not in ("without", "nor", "neither")]
    if fr and not negations_en(english) and not _EN_WEAK.search(english):
        return fr[0], None
    if en and not negations_fr(french) and not _FR_WEAK.search(french):
        return "", en[0]
    # Two or more French negations against fewer English signs of denial: one was lost.
    signs = len(negations_en(english)) + len(_EN_WEAK.findall(english))
    if len(fr) >= 2 and signs < len(fr):
        return fr[-1], None
    return None


def negation_added(text: str, sources: Sequence[str]) -> str | None:
    """The negation of a generated English sentence (a summary's) that its English sources have
    no sign of, or None."""
    found = [n for n in negations_en(text) if n.lower() not in ("without", "nor", "neither")]
    if not found:
        return None
    if any(negations_en(s) or _EN_WEAK.search(s) for s in sources):
        return None
    return found[0]
