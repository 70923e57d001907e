"""Languages close to French that the language detector does not know or confuses.

lingua knows Catalan but not Occitan, Franco-Provençal or Haitian Creole: it calls Occitan
Catalan, Spanish or English, and Haitian Creole French or German. This module gives a small,
honest lexical signal for them — the share of a text's words that are function words of one
language and not of the others — measured on FLORES-200 (see ``docs/stages.md#detect``):

- **Haitian Creole**: its function words ("nan", "ak", "pou", "yo", "gen", "yon", "mwen"…),
  none of them French;
- **Occitan against Catalan** (lingua's guess for Occitan): Occitan's articles and negation
  ("lo", "los", "las", "pas", "es", "e") and its digraphs "lh"/"nh" ("melhor", "ensenhament"),
  against Catalan's ("el", "els", "i", "no", "és", "ha", "ny"/"ll");
- **French itself**: the share of French function words, which is high in any French text and
  low in a neighbour lingua mistakes for French (Franco-Provençal, a patois): such a text is
  "not French (an unknown Romance language)" rather than French.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _lexicon(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, lower-case, that are common in one language and rare or absent in French,
# English, Spanish, Italian and Catalan text.
HAITIAN = _lexicon(
    "nan ak pou yo gen yon mwen nou ki pa kèk anpil fè lè moun epi tankou kòm konsa ap pral "
    "dwe kapab kote ane yè sou li avèk pandan kounye ka lòt tout mete genyen"
)
OCCITAN = _lexicon(
    "lo los las e es pas mai èra èran son sos sas aquò aquel aquela aqueste aquesta aquestes "
    "tanben sonque pus fòrça qu'es qu'an d'una dins amb nòstra nòstre lor èsser"
)
CATALAN = _lexicon(
    "el els i no és ha han més també aquest aquests ser va van amb dins però perquè molt "
    "seva seu seus una uns unes dels pel pels"
)
# Occitan words that are neither Spanish nor Italian (which share "lo", "los", "e", "mai").
OCCITAN_ONLY = _lexicon(
    "èra èran aquò aquel aquela aqueste aquesta aquestes tanben sonque pus fòrça qu'es "
    "qu'an dins amb nòstra nòstre lor èsser es"
)
FRENCH = _lexicon(
    "le la les de des du et est un une que qui dans pour pas sur au aux il elle ne se par plus "
    "ce cette avec sont ont été être son ses leur leurs mais comme nous vous ils elles je on "
    "ai était avait sa mon ma ces aussi très"
)
# French function words Occitan does not write ("de", "la", "que", "se", "sa"… it shares).
FRENCH_ONLY = FRENCH - OCCITAN - _lexicon("de la que se sa ses mon ma")
# Occitan writes "lh" and "nh" where Catalan writes "ll" and "ny" (French "malheur" and
# "bonheur" aside).
# English "inhabitant", "enhance", "unhurt" aside: "nh" after a word's first vowel is a prefix.
_OCCITAN_DIGRAPH = re.compile(
    r"(?<![\W\d_])(?<!\b[iue])(?<!\b[iue]n)(?!(?:lh|nh)eur)\B(?:lh|nh)[aeioòóàèéu]", re.IGNORECASE
)
_CATALAN_DIGRAPH = re.compile(r"\w(?:ny|l·l)[aeiouàèéíòóú]|\bl['’]", re.IGNORECASE)

#: The least share of Haitian function words for a text to be called Haitian Creole.
HAITIAN_SHARE = 0.15
#: Below this share of French function words, a text lingua calls French is not French.
FRENCH_SHARE = 0.12
#: The fewest words a text needs before these shares are trusted.
MIN_WORDS = 8
#: The fewest words before a text lingua calls French may be called not French for its few
#: French function words (a short French headline or list has few of them).
ROMANCE_MIN_WORDS = 40


def words(text: str) -> list[str]:
    """The words of ``text``, lower-case, apostrophes unified ("qu’es" → "qu'es")."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def share(text: str, lexicon: frozenset[str]) -> float:
    """The share of the words of ``text`` that are in ``lexicon`` (0 for no words)."""
    found = words(text)
    if not found:
        return 0.0
    return sum(w in lexicon or w.split("'")[0] + "'" in lexicon for w in found) / len(found)


def occitan_over_catalan(text: str) -> float:
    """How much more Occitan than Catalan ``text`` reads: the difference of their shares of
    function words and of their digraphs per word (positive: Occitan)."""
    found = words(text)
    if not found:
        return 0.0
    oc = sum(w in OCCITAN for w in found) + len(_OCCITAN_DIGRAPH.findall(text))
    ca = sum(w in CATALAN for w in found) + len(_CATALAN_DIGRAPH.findall(text))
    return (oc - ca) / len(found)


def _occitan_marks(text: str) -> float:
    """Occitan-only words and "lh"/"nh" digraphs, per word."""
    found = words(text)
    marks = sum(w in OCCITAN_ONLY for w in found) + len(_OCCITAN_DIGRAPH.findall(text))
    return marks / len(found) if found else 0.0


def _is_occitan(text: str, guess: str | None) -> bool:
    lead = occitan_over_catalan(text)
    if guess in {"ca", "de"}:
        return lead > 0.03
    if guess in {"en", "es", "it", "pt"}:
        return lead > 0.05 and _occitan_marks(text) >= 0.03
    if guess == "fr":
        return lead > 0.05 and _occitan_marks(text) > max(0.05, 2 * share(text, FRENCH_ONLY))
    return False


def neighbour(text: str, guess: str | None) -> str | None:
    """The close-to-French language ``text`` is in, where the detector's ``guess`` misses it.

    Args:
        text: A paragraph or an article.
        guess: The detector's ISO 639-1 code for it (``"fr"``, ``"ca"``, ``"en"``…).

    Returns:
        ``"ht"`` (Haitian Creole), ``"oc"`` (Occitan), ``"romance"`` (not French, an unknown
        Romance language) or None when the guess stands.
    """
    if len(words(text)) < MIN_WORDS:
        return None
    if share(text, HAITIAN) >= HAITIAN_SHARE and share(text, HAITIAN) > share(text, FRENCH):
        return "ht"
    if _is_occitan(text, guess):
        return "oc"
    if (
        guess == "fr"
        and len(words(text)) >= ROMANCE_MIN_WORDS
        and share(text, FRENCH) < FRENCH_SHARE
    ):
        return "romance"
    return None


#: English names of the codes :func:`neighbour` returns.
NAMES = {"ht": "Haitian Creole", "oc": "Occitan", "romance": "an unknown Romance language"}
