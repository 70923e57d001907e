"""Does the English keep every name of the French? Word by word, acronyms included.

A French word is a name to check when spaCy tags it a proper noun or puts it inside a named
entity (person, organisation, place, other), and it is capitalised; acronyms (NSA, OTAN) always
are. A sentence's first word counts only inside a multi-word entity (a capitalised opener is
usually a common word). The English keeps the word when it has it (accents and case aside), a
word that starts the same way ("Sénat" ↔ "Senate", "Genève" ↔ "Geneva"), one of its known English
forms (:mod:`pipeline.lang.names`: "Pékin" ↔ "Beijing", "Allemagne" ↔ "Germany"), or, for an
acronym, the same letters in any order, from four letters all but one ("ASFC" ↔ "CBSA"), or
the initials of a name ("OTAN" ↔ "NATO", "PS" ↔ "Socialist Party"). A first name dropped before
a surname kept is not missing, nor a name's last word dropped after a word kept ("Exxon Mobil" ↔
"Exxon").

The other direction, English names that the French does not have, is
:mod:`pipeline.verify.extra_names`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from pipeline.backends.spacy_fr import DEFAULT_MODEL
from pipeline.lang.generic import GENERIC_EN
from pipeline.lang.lexicon import EN_MONTHS, FR_MONTHS, FR_WEEKDAYS, fold
from pipeline.lang.names import KNOWN, abbreviates, common_french, english_forms, transcribed

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FUZZY = 0.65  # difflib ratio at which two capitalised words are one name spelt two ways
_ACRONYM = re.compile(r"^[A-ZÉÈ]{2,6}$")
ROMAN = re.compile(r"^[IVXLCDM]+$")
_DERIVED = re.compile(r"^([A-Z]{2,6})(?:iste|istes|isme|ien|ienne|iens)$")
MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][a-z]?[A-Z]?$")
DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.-?){2,}")
# From a word's start only, so that a long run of letters is scanned once.
_HYPHENATED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-([^\W\d_]+)")
ACRONYM_IN = re.compile(r"(?<![\w-])[A-ZÉÈ]{2,6}(?![\w-])")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ème)$")
PREFIX = 5  # letters two forms of one name share ("Sénat" ↔ "Senate")
# Capitalised words that are not names, whatever the tagger says.
_NOT_NAME_WORDS = (
    "M Mme Mlle Mm Me Dr Pr St Ste Saint Sainte Le La Les Un Une Des Du De Il Elle Ils Elles "
    "On Nous Vous Je Ce Cette Ces Son Sa Ses Leur Leurs Mais Et Ou Donc Selon Pour Par Sur "
    "Avec Sans Dans En Au Aux Monsieur Madame"
)
_NOT_NAMES = {fold(w) for w in _NOT_NAME_WORDS.split()}
_CALENDAR = {fold(w) for w in FR_MONTHS + FR_WEEKDAYS + EN_MONTHS}


_VERBS = {"VERB", "AUX"}


def name_words(text: str, analysis: Any, model: str = DEFAULT_MODEL) -> list[str]:
    """The words of a French sentence that name something, in order, without repeats (``model``:
    the spaCy package whose word lists tell a common word, the one that analysed it)."""
    if analysis is None or not analysis.tokens:
        return []
    inside = {}
    for ent in analysis.entities:
        multi = len(ent.text.split()) > 1
        for token in analysis.tokens:
            if ent.start <= token.start and token.end <= ent.end:
                inside[token.start] = multi
    # The sentence's first word, after any opening quote or dash: a capitalised opener is
    # usually a common word ("« Celle de Chanzu… »").
    opener = next((i for i, t in enumerate(analysis.tokens) if t.text[:1].isalnum()), 0)
    out: list[str] = []
    for i, token in enumerate(analysis.tokens):
        word = token.text
        if len(word) < 2 or not word[0].isupper() or not WORD.fullmatch(word):
            continue
        acronym = bool(_ACRONYM.match(word)) and not ROMAN.match(word)
        if not acronym and len(word) < 3:
            continue
        if not acronym and token.pos != "PROPN" and token.start not in inside:
            continue
        # A capitalised word that spaCy tags a verb, even inside an entity, is a headline's or a
        # slogan's verb ("Faisons plus de profits", "Le Gouvernement Annonce"), not a name (not
        # said of acronyms: spaCy tags "la CSRS" a pronoun).
        if not acronym and token.pos in _VERBS:
            continue
        if i == opener and not acronym and not inside.get(token.start, False):
            continue
        key = fold(word)
        if key in _NOT_NAMES or key in _CALENDAR or word in out or key in french_stop_words():
            continue
        # "Banque", "Parti": translated with the name, no way to check them here; in capitals
        # ("FIN", "CAP"), a common word, not an acronym to check.
        if len(word) >= 3 and common_french(word, model) and key not in KNOWN:
            continue
        if acronym and emphasis_fr(word) and key not in KNOWN:
            continue  # "QUI", "TOUJOURS": a common word shouted, not an acronym
        if _ROMAN_ORDINAL.match(word):
            continue  # "IIIe République" ↔ "Third Republic"
        if word.isupper() and not acronym:
            continue  # a word in capitals for emphasis, checked by nothing here
        out.append(word)
    return out


@lru_cache(maxsize=1)
def french_stop_words() -> frozenset[str]:
    """spaCy's French function words, accents folded: capitalised ("Ceux", "Apres" for "Après"
    after a lost full stop), they are not names."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in STOP_WORDS if len(w) >= 3)


def emphasis_fr(word: str) -> bool:
    """Whether a French word in capitals is a common word written for emphasis: a function word
    ("QUI", "SE"), or drawn out ("NOOON")."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return word.lower() in STOP_WORDS or re.search(r"([A-Z])\1\1", word) is not None


def same_acronym(a: str, b: str) -> bool:
    """Whether two acronyms (their letters, any order) may stand for one name in the two
    languages: the same letters ("OTAN" ↔ "NATO"), or, from four letters, all but one ("ASFC" ↔
    "CBSA": Agence des services frontaliers du Canada ↔ Canada Border Services Agency, French
    putting its adjectives after the noun and one word starting with another letter)."""
    if len(a) != len(b):
        return False
    if sorted(a) == sorted(b):
        return True
    return len(a) >= 4 and sum((Counter(a) & Counter(b)).values()) >= len(a) - 1


def initials(words: list[str], joiners: Collection[str]) -> dict[str, set[str]]:
    """Sorted initials of each run of two to six capitalised words (``joiners`` skipped inside
    a run) → the words of the runs that have them: "Royal Bank of Scotland" → {"BRS": {"Royal",
    "Bank", "Scotland"}, "BR": …}."""
    out: dict[str, set[str]] = {}
    run: list[str] = []
    for w in [*words, "."]:
        if w[:1].isupper() and w.lower() != "the":
            run.append(w)
            continue
        if run and w.lower() in joiners:
            continue
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 6) + 1):
                key = "".join(sorted(x[0].upper() for x in run[i:j]))
                out.setdefault(key, set()).update(run[i:j])
        run = []
    return out


DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "i", "ish", "ite", "er")


class EnglishNames:
    """The words of an English sentence, indexed for :meth:`keeps`."""

    def __init__(self, english: str) -> None:
        words = WORD.findall(english)
        # "NGOs": the plural of an acronym ("ONG" ↔ "NGOs").
        words += [w[:-1] for w in words if len(w) >= 3 and w[:-1].isupper() and w[-1] == "s"]
        self.folded = {fold(w) for w in words}
        # Other forms of the English's words: the singular of a plural ("Africans" keeps
        # "Afrique" through "African"), abbreviations written with full stops ("U.S.", "N.Y."),
        # and a name written in one word or hyphenated ("Fair-weather" ↔ "Fairweather").
        self.folded |= {w[:-1] for w in self.folded if len(w) >= 4 and w.endswith("s")}
        dotted = {fold(m.group(0).replace(".", "")) for m in DOTTED.finditer(english)}
        self.folded |= dotted
        self.folded |= {fold(m.group(1) + m.group(2)) for m in _HYPHENATED.finditer(english)}
        self.prefixes = {fold(w)[:PREFIX] for w in words if len(w) >= PREFIX}
        self.acronyms = {"".join(sorted(w)) for w in words if w.isupper() and len(w) >= 2}
        self.capitalised = {fold(w) for w in words if w[:1].isupper()} | dotted
        self.acronym_lengths = {len(w) for w in words if w.isupper() and len(w) >= 2}
        self.acronym_words = {w for w in words if w.isupper() and 2 <= len(w) <= 6}
        # "Democratic Republic of Congo" → DRC
        self.initials = set(initials(words, ("of", "for", "and", "the")))

    def _people(self, form: str) -> bool:
        """Whether the English has the people or adjective of a known English place name (its
        final vowel dropped, then a demonym's ending: "Libya" → "Libyan", "Iran" → "Iranians",
        "Japan" → "Japanese", "Israel" → "Israeli")."""
        stem = form.rstrip("aeiouy") if len(form) >= 4 else ""
        return bool(stem) and any(stem + end in self.folded for end in DEMONYM_ENDINGS)

    def keeps(self, word: str) -> bool:
        """Whether the English has this French name word in one of its forms."""
        key = fold(word)
        if key in self.folded:
            return True
        if len(key) >= PREFIX and key[:PREFIX] in self.prefixes:
            return True
        written = [f for form in english_forms(word) for f in form.split()]
        forms = [fold(f) for f in written]
        # A short form written with a capital ("Ill", "Miss", "UN") is an abbreviation: only
        # a capitalised English word is it ("Illinois" ↔ "D-Ill."; not "ill" or "miss").
        # A plural form's singular counts too ("chefs d'Etats" ↔ "heads of State").
        if any(
            (f in self.capitalised if len(f) <= 4 and w[:1].isupper() else f in self.folded)
            or (len(f) >= 5 and f.endswith("s") and f[:-1] in self.folded)
            or self._people(f)
            for f, w in zip(forms, written, strict=True)
        ):
            return True
        derived = _DERIVED.match(word)
        if derived and self.keeps(derived.group(1)):
            return True  # "PANiste" ↔ "PAN": a word made of an acronym and a suffix
        if MIXED_ACRONYM.match(word) and not word.istitle() and not word.isupper():
            # "BoJ" ↔ "Bank of Japan", "BOJ": an acronym that keeps a small word's letter.
            capitals = "".join(sorted(c for c in word if c.isupper()))
            if capitals in self.initials or "".join(sorted(word.upper())) in self.acronyms:
                return True
        if _ACRONYM.match(word):
            letters = "".join(sorted(fold(word).upper()))
            # Its own letters or a known English acronym's, in any order ("TPE" ↔ "VSB", "VBS").
            known = {"".join(sorted(f.upper())) for f in forms if f.isalpha() and len(f) <= 6}
            if any(same_acronym(x, a) for a in self.acronyms for x in known | {letters}):
                return True
            # Spelt out ("GRC" ↔ "Royal Gendarmerie of Canada"), unless the English gives an
            # acronym of its own of that length, which then is the wrong one.
            return letters in self.initials and len(word) not in self.acronym_lengths
        if (
            word.istitle()
            and len(word) >= 6
            and any(abbreviates(a, key) for a in self.acronym_words)
        ):
            return True  # "Volkswagen" ↔ "VW": a one-word name shortened to its capitals
        # "Abou Dhabi" ↔ "Abu Dhabi", "Corfou" ↔ "Corfu", "Al-Qaida" ↔ "Al-Qaeda", "Lybie" ↔
        # "Libya": compared as spoken (:func:`pipeline.lang.names.transcribed`).
        key = transcribed(key)
        return any(
            SequenceMatcher(None, key, transcribed(w)).ratio() >= FUZZY for w in self.capitalised
        )


def missing_name_words(
    french: str, english: str, analysis: Any, model: str = DEFAULT_MODEL
) -> list[str]:
    """The French name words that ``english`` does not keep (``model``: see :func:`name_words`).

    A first name that the English drops while it keeps the name after it is not missing
    ("Pierre Nora" → "Nora", "Gérard de Villiers" → "de Villiers"): English news style names a
    person by the surname. Nor is the last word of a name whose word before it the English keeps
    ("Exxon Mobil" → "Exxon"). A word replaced by another is caught the other way too, by
    :func:`extra_name_words`.

    Only a name replaced is missing: when the English has no capitalised word that the French
    lacks (:func:`pipeline.verify.extra_names.stand_ins`), a name it leaves out is an omission
    ("les véhicules du SMUR" → "emergency vehicles", "Londres" → "the City"), which says less
    than the French but names no one wrongly, and is not flagged.
    """
    words = name_words(french, analysis, model)
    if not words:
        return []
    target = EnglishNames(english)
    # An English acronym that answers to none of the French's is a wrong one ("(GRC)" →
    # "(OECD)"): then an acronym spelt out elsewhere in the English does not vouch for it.
    french_letters = {"".join(sorted(fold(a).upper())) for a in ACRONYM_IN.findall(french)}
    known = {f for w in words for f in english_forms(w)}
    if any(
        not any(same_acronym(a, f) for f in french_letters) and a not in known
        for a in target.acronym_words
    ):
        target.initials = set()
    missing = []
    runs: dict[str, set[str]] | None = None
    for word in words:
        if target.keeps(word):
            continue
        if word.istitle() and target.acronyms:
            # "Hospodarske Noviny" ↔ "HN": the English writes the name as its initials.
            runs = initials(WORD.findall(french), FR_JOINERS) if runs is None else runs
            if any(word in runs.get(a, ()) for a in target.acronyms):
                continue
        at = next(_mentions(word, french), None)
        before = word_before(french, at.start() if at else 0)
        following = _NEXT_WORD.match(french, at.end()) if at else None
        joined = [before + word] + ([word + following.group(1)] if following else [])
        if any(fold(w) in target.folded for w in joined if w != word):
            continue  # "JP Morgan" ↔ "JPMorgan", "Pricewaterhouse Coopers" in one word
        if _ACRONYM.match(word) and spelt_out(word, french) and own_acronym(english, french):
            # "Traité de libre commerce (TLC)" ↔ "Free Trade Agreement (FTA)": each side spells
            # out its own acronym, and the name's words are what the check compares.
            continue
        if word.istitle():
            after = _NEXT_NAME.match(french, at.end() if at else len(french))
            if after and after.group(1)[:1].isupper() and _dropped(after.group(1), english):
                continue
            # "Exxon Mobil" → "Exxon", "Sir Richard Branson" → "Sir Richard" (a first name
            # that is also a common word, not itself checked): the name shortened.
            if before[:1].isupper() and _shortened(before, english):
                continue
        missing.append(word)
    if missing:
        from pipeline.verify.extra_names import stand_ins  # it builds on this module

        if not stand_ins(french, english):
            return []  # an omission: the English says less, but names no one else
    return missing


def spelt_out(acronym: str, french: str) -> bool:
    """Whether the French spells out an acronym of three letters or more itself: as many words
    in a row as it has letters, the first capitalised, joining words skipped, whose initials are
    its letters in some order ("Cour suprême de justice de la Nation (SCJN)")."""
    if len(acronym) < 3:
        return False
    letters = sorted(acronym.upper())
    words = [w for w in WORD.findall(french) if fold(w) not in FR_JOINERS]
    n = len(letters)
    return any(
        words[i][:1].isupper()
        and acronym not in words[i : i + n]
        and sorted(fold(w)[0].upper() for w in words[i : i + n]) == letters
        for i in range(len(words) - n + 1)
    )


def own_acronym(english: str, french: str) -> bool:
    """Whether the English has an acronym that answers to none of the French's and whose
    letters are the initials of capitalised words it writes beside it ("Free Trade Agreement
    (FTA)"), the acronym's own not counted."""
    words = WORD.findall(english)
    spelt = initials([w for w in words if not w.isupper()], ("of", "for", "and", "the"))
    french_letters = {"".join(sorted(fold(a).upper())) for a in ACRONYM_IN.findall(french)}
    return any(
        w.isupper()
        and 3 <= len(w) <= 6
        and "".join(sorted(w)) in spelt
        and not any(same_acronym("".join(sorted(w)), f) for f in french_letters)
        for w in words
    )


# French words that a name's acronym skips ("Organisation mondiale de la santé" → OMS).
FR_JOINERS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "a", "au", "aux", "en"}


# The name that follows a first name: "Pierre Nora", "Gérard de Villiers".
# A middle initial may stand between them ("Dennis M. Walcott").
_NEXT_NAME = re.compile(
    r"\s+(?:[A-Z]\.\s+)?(?:(?:de|du|van|von|da|di|del|della|le|la|ben|bin|al|el)\s+)?(\w+)"
)


_PARTICLE_END = re.compile(r"(?i)(?<!\w)(?:de|van|von|da|di|del|le|la)\s+$")


def _dropped(surname: str, english: str) -> bool:
    """Whether the English names ``surname`` with no other first name before it ("Nora",
    "de Villiers", "Corporal Hawkins": a title may stand there)."""
    found = False
    english = unaccented(english)  # "Jiráček" for "Jiracek"
    for m in _mentions(unaccented(surname), english):
        found = True
        prefix = _PARTICLE_END.sub("", english[: m.start()])
        before = re.search(r"([^\W\d_]+)\s+$", prefix)
        if before and before.group(1)[:1].isupper() and fold(before.group(1)) not in GENERIC_EN:
            return False  # "Hasan Florez" for "Jhonathan Florez": replaced, not dropped
    return found


def word_before(text: str, start: int) -> str:
    """The word that ends one space before ``start`` ("Exxon" before "Mobil"), else ""."""
    end = start - 1
    if end < 1 or text[end] != " ":
        return ""
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end]


# Matched right after a word; the lookbehind keeps a search linear on a run of dashes.
_NEXT_WORD = re.compile(r"(?<![\s'’-])[\s'’-]*([^\W\d_]+)")


def _shortened(first: str, english: str) -> bool:
    """Whether the English has ``first`` (the word before a name's last word) and no
    capitalised word after it ("Exxon, also announced"; not "Silvio Hartigan": replaced)."""
    found = False
    for m in _mentions(first, english):
        found = True
        after = _NEXT_WORD.match(english, m.end())
        if after and after.group(1)[:1].isupper():
            return False
    return found


def _mentions(word: str, text: str) -> Iterator[re.Match[str]]:
    """Where ``text`` has ``word`` as a whole word, in order."""
    return re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)


def unaccented(text: str) -> str:
    """The text without its accents, capitals kept ("Jiráček" → "Jiracek")."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
