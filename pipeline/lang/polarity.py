"""Negations in French and English: is a sentence's statement denied?

French negations are found by :mod:`pipeline.lang.polarity_fr` (ne…pas, ne…jamais, ni…ni,
aucun, sans, non…; "ne…que" means "only" and the expletive "ne" denies nothing).

English: not, n't, never, no, none, nothing, nobody, no one, neither, nor, without, cannot.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from pipeline.lang.polarity_antonyms import ANTONYM_FR, ANTONYMS, SAID_NEGATED, SAID_NEGATED_FR
from pipeline.lang.polarity_clauses import (
    PLACE_MIN_WORDS,
    PLACE_WINDOW,
    denied_clause,
    first_unplaced,
    only_for_not_only,
    or_not_lost,
)
from pipeline.lang.polarity_fr import spans_fr
from pipeline.lang.polarity_words import (
    _EN_LESS,
    _EN_NEG_PREFIX,
    _EN_WEAK,
    _FR_NEG_ADJ,
    _FR_WEAK,
    _LITOTES,
    unspent_weak,
    weak_en,
)

_EN = re.compile(
    # ("No. 4", "Symphony No. 3": the abbreviation of "number", not a denial)
    # ("dunno", "nope": speech, as in reader comments)
    r"(?<![\w-])(?:not|never|no(?!\.?\s*\d)|none|nothing|nobody|neither|nor|without|cannot|nowhere"
    r"|dunno|nope)"
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
    r"|(?:in|within)\s+no\s+time"  # "in no time": quickly
    # "more often than not", "as often as not": "usually"
    r"|more\s+(?:often|likely)\s+than\s+not|as\s+often\s+as\s+not"
    # "couldn't care less" (an idiom), "why don't we…", "why not ask…" (a suggestion)
    r"|couldn['’]?t\s+care\s+less|why\s+(?:not|don['’]?t)"
    # Idioms that affirm: "can't wait to" (j'ai hâte), "couldn't agree more", "don't get me
    # wrong" (comprenez-moi bien), "nothing short of" (un véritable)
    r"|can['’]?t\s+wait\s+(?:to|for)|couldn['’]?t\s+agree\s+more|don['’]?t\s+get\s+me\s+wrong"
    r"|nothing\s+short\s+of"
    # An elliptic "not" that ends its clause after an adverb denies nothing: "sometimes for the
    # best and sometimes not", "or not" (after an auxiliary it does: "which it does not").
    r"|(?:or|if|sometimes|perhaps|maybe|probably|why)\s+not(?=\s*(?:[,.;:!?)\"”]|$)))(?![\w-])",
    re.IGNORECASE,
)
# "did not carry out attacks until the evening" says "only in the evening", unless the French
# has the "until" too ("n'a pas tenu jusqu'en 2015": the "not" is a real negation).
_EN_NOT_UNTIL = re.compile(r"(?<![\w-])not(?=(?:\s+[\w'’-]+){0,6}\s+until\b)", re.IGNORECASE)
_FR_UNTIL = re.compile(r"(?<![\w-])(?:jusqu|avant(?![\w-])|tant\s+qu)", re.IGNORECASE)


# English negations in a "French" text ("dont" is a French word too: only with its apostrophe).
_EN_UNTRANSLATED = re.compile(r"(?<![\w-])(?:\w+n['’]t|not|never|nothing)(?![\w-])", re.IGNORECASE)
# "Pourquoi ne pas…", "pourquoi pas", "pourquoi donc ne pas": a suggestion; not "je ne vois pas
# pourquoi ils n'auraient pas pu" (a clause of its own, with its subject).
_FR_WHY_QUESTION = re.compile(r"(?<![\w-])pourquoi(?:\s+[\w'’-]+){0,4}\s+$", re.IGNORECASE)
_EN_WHY_NOT = re.compile(r"(?<![\w-])why\s+(?:not|don['’]?t)(?![\w-])", re.IGNORECASE)


def negations_en(text: str) -> list[str]:
    """The negations of an English sentence, as written ("not", "didn't", "never")."""
    return list(_negations_en(text))


@functools.lru_cache(maxsize=256)
def _negations_en(text: str) -> tuple[str, ...]:
    """Remembered for the last sentences: a summary sentence is read again as its source."""
    cleaned = _EN_NOT_DENIAL.sub(" ", text)
    return tuple(m.group(0) for m in _EN.finditer(cleaned))


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


def _denied(text: str, span: tuple[int, int]) -> str:
    """A negation and the two words after it: where the word it denies stands."""
    a, b = span
    after = _NEXT_WORDS.match(text, b)
    return text[a : after.end() if after else b]


# "il ne se passe pas un jour sans scandale" ↔ "every day brings a scandal": "not one … without"
_FR_NOT_ONE_WITHOUT = re.compile(r"(?<!\s)\s+une?\s+(?:seule?\s+)?[\w'’-]+\s+sans(?![\w-])", re.I)
_EN_WITHOUT = re.compile(r"(?<![\w-])without(?![\w-])", re.IGNORECASE)


def _litotes(french: str, span: tuple[int, int], english: str) -> bool:
    """Whether the French negation at ``span`` denies a word of denial that the English does not
    carry."""
    window = _denied(french, span)
    if french[span[1] - 3 : span[1]].lower() == "pas" and _FR_NOT_ONE_WITHOUT.match(
        french, span[1]
    ):
        return not _EN_WITHOUT.search(english)
    return any(fr.search(window) and not en.search(english) for fr, en in _LITOTES)


def _opposite_en(french: str, span: tuple[int, int], english: str) -> bool:
    """Whether the French negation at ``span`` denies a word whose opposite the English says
    ("pas cher" ↔ "cheap", :data:`ANTONYMS`); in a long sentence, near the negation's place."""
    window = _denied(french, span)
    if not ANTONYM_FR.search(window):
        return False  # most negations deny no word of the table
    place = span[0] / len(french)
    long = len(french.split()) >= PLACE_MIN_WORDS
    return any(
        fr.search(window)
        and any(
            not long or abs(m.start() / len(english) - place) <= PLACE_WINDOW
            for m in en.finditer(english)
        )
        for fr, en in ANTONYMS
    )


_EN_BOTH = re.compile(r"(?<![\w-])(?:nor|neither|without)(?![\w-])", re.IGNORECASE)
# ("ever since", "ever more", "ever-growing" do not say the "than ever" of a French "jamais")
_EN_EVER = re.compile(r"(?<![\w-])ever(?![\w-])(?!\s+(?:since|more|after)\b)", re.IGNORECASE)


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
    spans = spans_fr(french)
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
        and not _opposite_en(french, (a, b), english)
        and not any(x <= a < y for x, y in doubles)
        # "Pourquoi est-ce qu'ils ne vont pas vivre…" ↔ "Why don't they go…": both suggest
        and not (suggests and _FR_WHY_QUESTION.search(french, max(0, a - 40), a))
    ]
    fr = [french[a:b] for a, b in kept]
    if _EN_COPIED_FR.search(french):
        english = _EN_COPIED.sub(lambda m: _blank_copied(m, french), english)
    if not _FR_UNTIL.search(french):
        english = _EN_NOT_UNTIL.sub(" ", english)
    if not spans and SAID_NEGATED_FR.search(french):
        for fr_words, en_phrase in SAID_NEGATED:
            if fr_words.search(french):  # "je m'en fous" ↔ "I don't care": the French said it
                english = en_phrase.sub(lambda m: " " * len(m.group(0)), english)
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


# An English phrase of denial that the French quotes as written ("LOL (no comment)", "no
# future"): the same words on both sides, not a negation the translation added or kept.
_EN_COPIED_FR = re.compile(r"(?<![\w-])(?:no|not|never|nothing)(?![\w-])", re.IGNORECASE)
_EN_COPIED = re.compile(r"(?<![\w-])(?:no|not|never|nothing)\s+[\w'’-]+", re.IGNORECASE)


def _blank_copied(match: re.Match[str], french: str) -> str:
    phrase = re.escape(match.group(0)).replace(r"\ ", r"\s+")
    if re.search(rf"(?<![\w-]){phrase}(?![\w-])", french, re.IGNORECASE):
        return " " * len(match.group(0))
    return match.group(0)


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
