"""Sentence boundaries by rules: French with ``stages.clean.segmenter = "rules"``, English always.

A boundary is a sentence-final mark followed by a space (or a missing space before a capital, as
in "classiques.Enfin") and a sentence start, except after a known abbreviation or an initial
(unless a word that never is a name follows: "du Pr. Passons"), or inside a number, a URL or an
e-mail address. A sentence may start in lower case after a lower-case word and its mark, as in
reader comments ("… de colle. et en le défendant"). Milliseconds, no model. spaCy's segmenter
(:mod:`pipeline.text.segment_spacy`) adds these boundaries to its own; the one function callers
use is in :mod:`pipeline.text.segment`.
"""

from __future__ import annotations

import bisect
import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations after which a full stop does not end a sentence (compared case-insensitively).
# "etc." is not one of them: followed by a capital it ends a sentence far more often than not.
ABBREVIATIONS_FR = _words(
    """m mm mme mmes mlle mlles dr pr me mgr st ste cf p pp ex env av apr j.-c n° no vol chap art
    fig éd coll min max hab gén col cdt lt sgt jan janv fév févr avr juil sept oct nov déc bd
    tél vs inc ltd cie dept dép ca approx mr mrs ms jr sr sra u.s e.g i.e"""
)
ABBREVIATIONS_EN = _words(
    """mr mrs ms dr prof st jr sr inc ltd co vs e.g i.e u.s no jan feb mar apr jun jul aug sep
    sept oct nov dec gen gov sen rep corp pfc sgt cpl capt maj col lt adm approx sra"""
)
# Capitalised words that open a sentence and are never a name: after a title or an initial
# ("les propos du Pr. Passons…" is not; "du Pr. Il" is), they start a new sentence. Name
# particles (Le, La, De, Du, Van…) are not here: "M. Le Pen", "Mme De Gaulle".
OPENERS_FR = _words(
    """il ils elle elles on nous vous je tu ce cet cette ces cela ça ceci c'est mais et donc or
    puis pourtant cependant ainsi alors enfin aussi selon pour dans sur avec sans après avant
    en au aux les un une si quand lorsque comme depuis pendant par parce voici voilà là oui non
    personne rien tout tous toutes chaque leur leurs mon ma mes son sa ses notre nos votre vos
    qui que quoi quel quelle quels quelles pourquoi comment où est-ce passons"""
)
OPENERS_EN = _words(
    """he she it they we i you this that these those there but and so yet then however the a an
    in on at for with after before when if as his her their our its what why how who is are was
    were do does did can will would could should let's maybe not my your yes well indeed also now
    perhaps still even here what's it's i'm i've don't ok okay thanks"""
)
# What follows a question or exclamation quoted without guillemets: "… suivi ? a dit Kohlmann."
_SPEECH = _words(
    """a ont dit disait demande demanda lance lança répond répondit ajoute explique s'est
    s'exclame s'écrie poursuit insiste affirme estime souligne raconte confie déclare assure
    précise martèle reconnaît s'interroge s'étonne ironise conclut écrit fait said asked says
    he she they i we"""
)
# Units written after a number: "à 9 h." or "en 20 min." ends a sentence as any word does.
_UNITS = _words("h min mn s sec m km cm mm kg g t l ha")

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
# Every pattern here runs on whatever a user feeds in, so each must take linear time on any
# input: a repeated class is tried only where its run starts (a lookbehind refuses a start
# inside a run), so that a long run is scanned once, not once per character of it.
#
# Candidate boundary: end mark(s), optional closing quote/bracket, then whitespace, then a
# plausible sentence start (capital, digit, opening quote, dash, or "@name" in comments).
_BOUNDARY = re.compile(
    rf"(?<![.!?…])([.!?…]+(?:\s?[»”]|[\"’')\]])*)(\s+)(?=[«“\"'(\[—–-]?\s*[{_UPPER}0-9]|@\w)"
)
# Missing space after a full stop between a lower-case word and a capitalised one.
_GLUED = re.compile(rf"(?<=[{_LOWER}]{{2}})\.(?=[{_UPPER}][{_LOWER}])")
# Where a full stop is part of a token, not punctuation: URLs, e-mail addresses.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"[\w.\-°]+$")
# Initials written together: "J.-P.", "D.C.", "J.W." (the last full stop is not part of it).
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+[^\W\d_]")
# A lower-case word, then a sentence-final mark and a space, then a lower-case word: a sentence
# that starts without its capital, as reader comments do ("… les heures de colle. et en le…").
_LOWER_BOUNDARY = re.compile(
    rf"(?:(?<=[{_LOWER}]{{3}})|(?<=[{_LOWER}]{{3}} ))([.!?]+)(\s+)(?=[«“\"]?\s?[{_LOWER}])"
)
_NUMBER_BEFORE = re.compile(r"\d\s?$")
_TRAILING = ".,;:!?)]»\"”’'"


def normalise_space(text: str) -> str:
    """Collapses whitespace and puts back the space missing after a full stop.

    "classiques.Enfin" becomes "classiques. Enfin"; URLs and e-mail addresses are left alone.
    """
    text = " ".join(text.split())
    out, last = [], 0
    for a, b in _protected_spans(text):
        out.append(_GLUED.sub(_unglue, text[last:a]))
        out.append(text[a:b])
        last = b
    out.append(_GLUED.sub(_unglue, text[last:]))
    return "".join(out)


def _unglue(match: re.Match[str]) -> str:
    """A space after the full stop of "classiques.Enfin", none in a site's name ("Spindl.Info.")."""
    return "." if site_name_at(match.string, match.start()) else ". "


def site_name_at(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]``, between a letter and a capital, is inside a site's
    name: a single word after it, then the sentence's full stop ("du portail Spindl.Info.").
    Glued sentences go on ("les femmes.Or, c'est…", "classiques.Enfin la suite")."""
    if not (0 < dot < len(text) - 1 and text[dot - 1].isalpha() and text[dot + 1].isupper()):
        return False
    end = dot + 1
    while end < len(text) and end - dot < 30 and text[end].isalnum():
        end += 1
    if end - dot < 4:
        return False  # "le Sénat.M. Larcher": an initial, not a name
    return text[end : end + 1] == "." and (end + 1 == len(text) or text[end + 1].isspace())


def is_abbreviation(prefix: str, abbreviations: frozenset[str] = ABBREVIATIONS_FR) -> bool:
    """Whether ``prefix`` (the text before a full stop) ends with an abbreviation or initial."""
    return abbreviation_before(prefix, 0, len(prefix), abbreviations)


def abbreviation_before(
    text: str, start: int, end: int, abbreviations: frozenset[str] = ABBREVIATIONS_FR
) -> bool:
    """Whether ``text[start:end]`` ends with an abbreviation or initial.

    Reads only the last word, whatever the length of the text before it: callers ask this at
    every full stop of a paragraph.
    """
    while end > start and text[end - 1] == ".":
        end -= 1  # "j.-c." is looked up as "j.-c"
    longest = max(8, *map(len, abbreviations))  # 8: "J.-P", "U.S.A"
    low = max(start, end - longest - 1)
    match = _WORD_BEFORE.search(text, low, end)
    if not match or (match.start() == low and low > start):
        return False  # no word, or one longer than any abbreviation
    original = match.group()
    word = original.lower()
    if word in _UNITS and _NUMBER_BEFORE.search(text, max(start, match.start() - 3), match.start()):
        return False  # "à 9 h.", "en 20 min."
    if word in abbreviations:
        # "du MS.", "l'ST.": an acronym in capitals, not the title "Ms." ("MM." is "Messieurs").
        return not (len(word) > 1 and original.isupper() and "." not in word and word != "mm")
    # Initials ("J. K. Rowling", "M. Lei", "J.-P. Sartre", "D.C.").
    # A lower-case letter is no initial: "don't.", "Sotheby's.", "il y a.".
    return (len(word) == 1 and original.isupper()) or _INITIALS.fullmatch(original) is not None


def opens_sentence(text: str, start: int, openers: frozenset[str] = OPENERS_FR) -> bool:
    """Whether the word at ``text[start:]`` opens a sentence even after a title or an initial:
    a capitalised word of :data:`OPENERS_FR` ("du Pr. Passons", "aux U.S.A. Il")."""
    while start < len(text) and text[start] in "«“\"'([—–- ":
        start += 1
    end = start
    while end < len(text) and end - start < 12 and (text[end].isalpha() or text[end] in "'’-"):
        end += 1
    word = text[start:end].replace("’", "'")
    return bool(word) and word[0].isupper() and word.lower() in openers


def title_before(text: str, start: int, end: int) -> bool:
    """Whether the word before the full stop at ``end`` is a title or initials ("M.", "Pr.",
    "J.-P.", "a.m.", "no."): only those give way to :func:`opens_sentence` ("etc." never does)."""
    match = _WORD_BEFORE.search(text, max(start, end - 9), end)
    # "a.m.", and "no." that numbers nothing ("Here, no. That seems…", not "No. 5").
    word = match.group() if match else ""
    return word[:1].isupper() or word.lower() in ("a.m", "p.m", "no")


def ends_before_lower(
    text: str,
    start: int,
    mark: int,
    after: int,
    abbreviations: frozenset[str] = ABBREVIATIONS_FR,
) -> bool:
    """Whether the marks ending at ``text[mark]``, right after a lower-case word of three letters
    or more and right before a space, end a sentence whose successor starts in lower case at
    ``after`` ("… de colle. et en le défendant"; not "p. ex. le", "etc. et", "Il hésite... puis",
    "le 18. décembre", "Vraiment ? demande-t-il", "suivi ? a dit Kohlmann").
    """
    first = mark
    while first > max(start, mark - 10) and text[first - 1] in ".!?…":
        first -= 1
    marks = text[first : mark + 1]
    word_end = first - 1 if marks[0] in "!?" and first > start and text[first - 1] == " " else first
    word_start = word_end
    while word_start > max(start, word_end - 40) and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:word_end]
    lower = len(word) >= 3 and word[1:].islower() and word != "etc"  # "Démission !" too
    if not lower or "…" in marks or ".." in marks:
        return False
    if marks == "." and abbreviation_before(text, start, first, abbreviations):
        return False
    next_word = text[after : after + 30].split(" ", 1)[0].replace("’", "'")
    # "? demande-t-il", "! s'est exclamée Graciela": speech goes on the sentence it quotes.
    return marks == "." or ("-" not in next_word and next_word not in _SPEECH)


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses, without the punctuation that ends the sentence after them."""
    spans = []
    for m in _PROTECTED.finditer(text):
        end = m.end()
        while end > m.start() + 1 and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((m.start(), end))
    return spans


def rule_starts(
    text: str,
    abbreviations: frozenset[str] = ABBREVIATIONS_FR,
    openers: frozenset[str] = OPENERS_FR,
    lower_starts: bool = True,
) -> list[int]:
    """Offsets in ``text`` (already normalised) where the rules start a new sentence, 0 excluded.

    Args:
        text: A normalised paragraph.
        abbreviations: After these, a full stop ends no sentence, unless a word of ``openers``
            follows a capitalised one ("du Pr. Passons").
        openers: See :func:`opens_sentence`.
        lower_starts: Whether a sentence may start in lower case (:func:`ends_before_lower`).
    """
    protected = _protected_spans(text)  # sorted, not overlapping
    protected_starts = [a for a, _ in protected]
    starts: list[int] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        mark = match.group(1)
        here = bisect.bisect_left(protected_starts, match.start(1)) - 1
        if here >= 0 and protected[here][0] < match.start(1) < protected[here][1]:
            continue
        single_stop = mark.startswith(".") and len(mark.rstrip("»”\"’')] ")) == 1
        if (
            single_stop
            and abbreviation_before(text, start, match.start(1), abbreviations)
            and not (
                title_before(text, start, match.start(1))
                and opens_sentence(text, match.end(2), openers)
            )
        ):
            continue
        start = match.end(2)
        starts.append(start)
    if lower_starts:
        for match in _LOWER_BOUNDARY.finditer(text):
            here = bisect.bisect_left(protected_starts, match.start(1)) - 1
            if here >= 0 and protected[here][0] < match.start(1) < protected[here][1]:
                continue
            line_start = max(0, match.start(1) - 60)
            if ends_before_lower(text, line_start, match.end(1) - 1, match.end(2), abbreviations):
                starts.append(match.end(2))
    return sorted(starts)


def spans_to_sentences(text: str, starts: list[int]) -> list[str]:
    """Cuts ``text`` at the given start offsets; empty pieces are dropped."""
    bounds = [0, *sorted(set(starts)), len(text)]
    pieces = (text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False))
    return [p for p in pieces if p]


def split_rules(
    text: str,
    abbreviations: frozenset[str] = ABBREVIATIONS_FR,
    openers: frozenset[str] = OPENERS_FR,
    lower_starts: bool = True,
) -> list[str]:
    """Splits one paragraph with the rules alone (arguments as :func:`rule_starts`'s)."""
    text = normalise_space(text)
    if not text:
        return []
    return spans_to_sentences(text, rule_starts(text, abbreviations, openers, lower_starts))
