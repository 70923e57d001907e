"""Negations checked below the sentence, for :func:`pipeline.lang.polarity.polarity_mismatch`:
a French negation of a long sentence must find its English sign near its own place (per clause,
not per sentence), a French "not only" must not come out as "only", and a French "non" that
denies a clause or a phrase ("Bien sûr que non", "et non comme…", "…, non ?")."""

from __future__ import annotations

import re

# A long sentence's negation must find its English sign near its own place: within this share
# of the sentence's length, from this many French words (a short sentence is one clause or two,
# and translation reorders them freely).
PLACE_WINDOW = 0.3
PLACE_MIN_WORDS = 25


def first_unplaced(
    french: str, negations: list[tuple[int, int]], english: str, signs: list[int]
) -> tuple[int, int] | None:
    """The first French negation (span in ``french``) of a long sentence with no English sign
    of denial (offsets ``signs`` in ``english``) near its place, or None: "ne … pas" lost in the
    second half while a "not" of the first half translates another word.

    Places are relative (offset / length); each English sign stands for one French negation,
    taken in order."""
    if not negations or len(french.split()) < PLACE_MIN_WORDS:
        return None
    places = sorted(x / max(len(english), 1) for x in signs)
    used: set[int] = set()
    for a, b in negations:
        p = a / len(french)
        near = [i for i, q in enumerate(places) if i not in used and abs(p - q) <= PLACE_WINDOW]
        if not near:
            return a, b
        used.add(near[0])
    return None


# "pas seulement", "non seulement", "pas uniquement" ↔ "not only", "not just"; the English that
# restricts ("only", "just") where the French says "not only" states the opposite.
_FR_NOT_ONLY = re.compile(
    r"(?<![\w-])(?:pas|non)\s+(?:seulement|uniquement|simplement"
    r"|(?:les?|la|l['’])\s*seul(?:e|s|es)?"
    # "n'y font pas que jouer", "pas que pour le plaisir" (not "je ne dis pas que la…")
    r"|que\s+(?:à|au|aux|pour|dans|sur|\w+(?:er|ir)\b))"
    r"(?![\w-])",
    re.IGNORECASE,
)
_EN_RESTRICT = re.compile(
    r"(?<![\w-])(?:only|just|merely|solely|simply|exclusively)(?![\w-])", re.IGNORECASE
)
_EN_NOT_BEFORE = re.compile(
    r"(?<![\w-])(?:not|\w+n['’]?t|never|no\s+longer)(?:\s+[\w'’-]+){0,3}\s+$", re.IGNORECASE
)


def only_for_not_only(french: str, english: str) -> tuple[str, str] | None:
    """``(French "pas seulement", English "only")`` when the French says "not only" and the
    English restricts ("only", "just") with no "not" before any of its restricting words, else
    None. A translation without a restricting word ("both … and", "as well as") is left alone."""
    fr = _FR_NOT_ONLY.search(french)
    if fr is None:
        return None
    words = list(_EN_RESTRICT.finditer(english))
    bare = [
        m for m in words if not _EN_NOT_BEFORE.search(english, max(0, m.start() - 40), m.start())
    ]
    if not words or len(bare) < len(words):
        return None
    return fr.group(0), bare[0].group(0)


#: The end of a clause after a word.
CLAUSE_ENDS = re.compile(r"(?<!\s)\s*(?:[,.;:!?…)»\"]|$)")
# "éduqués ou pas", "justifié ou non": an alternative left elliptic, "ou" before the negative
# word; the alternative ends there, or goes on ("bien ou pas et…").
_FR_OU = re.compile(r"(?<![\w-])ou\s+$", re.IGNORECASE)
_FR_CONJ = re.compile(r"(?<!\s)\s+(?:et|ou|mais|car|donc)(?![\w-])", re.IGNORECASE)
_FR_PAS_NON = re.compile(r"(?<![\w-])(?:pas|non)(?![\w-])", re.IGNORECASE)


def elliptic_alternative(text: str, a: int, b: int) -> int | None:
    """Where the "ou" starts when the negative word at ``a``–``b`` ends an elliptic alternative
    ("éduqués ou pas", "ou non,"): English's "or not", not a denial of its own; else None."""
    ou = _FR_OU.search(text, max(0, a - 4), a)
    if ou is None or not (CLAUSE_ENDS.match(text, b) or _FR_CONJ.match(text, b)):
        return None
    return ou.start()


# The English says that "or not" as "or not", "or otherwise", "with or without", "regardless",
# a "not" ending its clause ("or are not,"); or with "whether" alone, with no "or" after it
# ("whether the case moves forward"): an "or" left hanging has lost its "not".
_EN_OR_NOT = re.compile(
    r"(?<![\w-])(?:or\s+(?:not|no|otherwise|else|un\w+|in\w+|non-?\w+|dis\w+|without|the\s+other)"
    r"|with\s+or\s+without|either\s+way|regardless|irrespective|no\s+matter)(?![\w-])"
    r"|(?<![\w-])whether(?![\w-])(?!(?:\s+[\w'’-]+){0,12}\s+or(?![\w-]))"
    # a "not" that ends its clause: "it may be, it may be not", "we are, or are not,"
    r"|(?<![\w-])(?:not|\w+n['’]t)(?=\s*(?:[,.;:!?)\"”]|$))",
    re.IGNORECASE,
)


def or_not_lost(french: str, english: str) -> tuple[str, None] | None:
    """``(French "ou pas", None)`` when the French leaves alternatives elliptic ("que ce soit
    du sarcasme ou pas") and the English has fewer signs of an "or not", else None."""
    found = [
        french[ou : m.end()]
        for m in _FR_PAS_NON.finditer(french)
        if (ou := elliptic_alternative(french, *m.span())) is not None
    ]
    if len(found) <= len(_EN_OR_NOT.findall(english)):
        return None
    return found[-1], None


# "Bien sûr que non", "mais non", "Non, …": "non" standing for a denied clause.
# "…, non ?": a question tag, English's "isn't it?"; "et non comme…", "mais non de…": the
# contrast of "and not as…" (not "et non-violent", not "et non plus").
# "non pas", "non encore": a negation too.
_FR_NON_TAG = re.compile(
    r"(?<!\s)(?:\s*\?|\s+(?:pas|encore)(?![\w-])(?!\s+seulement))", re.IGNORECASE
)
_FR_NON_CONTRAST = re.compile(r"(?<![\w-])(?:et|mais)\s+$", re.IGNORECASE)
_FR_NON_BEFORE = re.compile(
    r"(?<!\s)\s+(?:(?-i:[A-ZÉÈÀ])[\w-]*|comme|dans|de|des|du|d['’]|à|au|aux|en|par|pour|sur|avec"
    r"|le|la|les|l['’]|un|une|ce|ces|cette|ceux|celle|celui|parce)(?![\w-])",
    re.IGNORECASE,
)
_FR_NON_CLAUSE = re.compile(r"(?:(?<![\w-])(?:que|mais)\s+|^\W*)$", re.IGNORECASE)


def denied_clause(french: str, a: int, b: int) -> bool:
    """Whether the "non" at ``a``–``b`` stands for a denied clause ("Bien sûr que non", "Non,
    …"), which English says with "not" or "no", not with a word."""
    if french[a:b].lower() != "non":
        return False
    before = _FR_NON_CONTRAST.search(french, max(0, a - 8), a)
    if _FR_NON_TAG.match(french, b) or (before and _FR_NON_BEFORE.match(french, b)):
        return True  # "c'est logique, non ?"; "comme un expert et non comme un client"
    return (
        _FR_NON_CLAUSE.search(french, max(0, a - 8), a) is not None
        and CLAUSE_ENDS.match(french, b) is not None
    )
