"""Does the English name anything that the French does not? Names checked the other way.

:mod:`pipeline.verify.names` looks for each French name in the English; it cannot check a French
name that is also a common word ("Paris", "Marine", "David"), which a translation renders as
a word, not a name. This module looks for each English name word in the French instead, so an
invented name is caught whatever the French word it replaced.

An English name word is a capitalised word that does not open the sentence or a quotation and
that the English dictionary does not list in lower case (:func:`pipeline.lang.generic.
common_english`: "Care", "Exchange" inside a name or a headline are translations of French
common words); titles and the generic words of names are left out too
(:data:`pipeline.lang.generic.GENERIC_EN`). An acronym of three letters or more counts wherever
it stands. The French has the word when it has it in some form: the same word (accents aside),
one that starts the same way ("Senate" ↔ "sénat", "British" ↔ "britannique"), a known French form
("Beijing" ↔ "Pékin", "German" ↔ "allemande", from CLDR and :data:`pipeline.lang.names.KNOWN`), a
close spelling ("Uighur" ↔ "ouïghour"), or an acronym of it ("Grand Prix" ↔ "GP"); an English
acronym, when the French has the same letters in any order ("NATO" ↔ "OTAN") or when the
English spells it out itself ("Canada Border Services Agency (CBSA)": its words are checked).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from pipeline.lang.generic import COMMON_ACRONYMS_EN, GENERIC_EN, LEGAL_FORMS, common_english
from pipeline.lang.lexicon import (
    EN_MONTH_ABBREVIATIONS,
    EN_MONTHS,
    EN_WEEKDAYS,
    FR_MONTHS,
    calendar_in_english,
    fold,
)
from pipeline.lang.names import (
    SOURCE_COUNTRY_EN,
    english_forms,
    french_counterparts,
    names_a_country,
    transcribed,
)
from pipeline.verify.article_names import ArticleNames
from pipeline.verify.names import (
    ACRONYM_IN,
    DEMONYM_ENDINGS,
    FR_JOINERS,
    FUZZY,
    MIXED_ACRONYM,
    PREFIX,
    ROMAN,
    WORD,
    french_stop_words,
    initials,
    same_acronym,
    unaccented,
    word_before,
)

# Letters of other Latin alphabets, none of French's ("é", "ç", "ï" are French's; "ü" only in
# "capharnaüm" and the like)
_THIRD_LANGUAGE = re.compile(r"[üÜáíóúýÁÍÓÚÝčďěňřšťůžČĎĚŇŘŠŤŮŽäöÄÖßñÑãõąęłńśźżćőűåøğşı]")
_ACRONYM = re.compile(r"^[A-Z]{3,6}$")  # "TV", "MP", "PC": two letters name common things
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,6}s$")  # "PCs", "GPs": common nouns
_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.-?){2,}")
_CALENDAR = {fold(w) for w in EN_MONTHS + EN_WEEKDAYS + FR_MONTHS}
# A currency code names a currency beside an amount ("CAD 43.8 million", "5bn USD"); alone,
# "ESA" or "BOB" may be a body's acronym.
_AMOUNT = re.compile(r"\d")
# Prefixes that French writes onto a name or a nationality in one word.
_FR_PREFIX = re.compile(r"^(?:neo|anti|pro|pan|afro|indo)")
# What may stand before a sentence's (or a quotation's) first word; an abbreviation's full stop
# ("Mr. Montebourg", "U.S. Senate") does not open a sentence.
_OPENER = re.compile(
    r"(?:^|[!?:;\"“”«»(\[—–]|(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.)\s*$"
)
# French adjectives and peoples of cities: "pragois", "lyonnaise", "parisiens", "berlinoise".
_FR_DEMONYM = re.compile(r"^([a-z]{4,}?)(?:ois|ais|ien|ain)(?:e|ne)?s?$")


def _undoubled(stem: str) -> str:
    """A stem without a doubled last consonant ("lyonn" → "lyon", "vienn" → "vien")."""
    return stem[:-1] if len(stem) >= 2 and stem[-1] == stem[-2] else stem


def _vowels_off(key: str) -> str:
    """A folded word without its final vowels, nor a doubled consonant before them ("prague"
    → "prag", "vienna" → "vien")."""
    return _undoubled(key.rstrip("aeiouy"))


_AFTER_NAME = re.compile(r"(?<![\w&.-])[A-Z][\w&.-]*,?\s+$")  # a capitalised word, then a space
# Words that join the words of a name: "Bank of Scotland", "Grand Prix", "Agency for …".
_JOINERS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "d", "l", "et", "pour"}


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of the currencies in use today (CLDR, through Babel): "ESA", a
    former Spanish account unit, is more often a body's acronym."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    codes: set[str] = set()
    for territory in Locale("en").territories:
        if territory.isalpha():
            codes.update(get_territory_currencies(territory))
    return frozenset(codes)


class FrenchNames:
    """The words of a French sentence, indexed for :meth:`has_counterpart`."""

    def __init__(self, french: str) -> None:
        # "p.-d.g." is "pdg": abbreviations written with full stops count as one word.
        dotted = [re.sub(r"[.-]", "", m.group(0)) for m in _DOTTED.finditer(french)]
        words = [fold(w) for w in WORD.findall(french) + dotted]
        self.folded = set(words)
        # Capitalised short words too: "May" ↔ "Mayo", one letter apart.
        caps = {fold(w) for w in WORD.findall(french) if w[:1].isupper() and len(w) == 3}
        self.long = [w for w in self.folded if len(w) >= 4] + sorted(caps)
        self.used: set[str] = set()  # the English's own words (see extra_name_words)
        self.spoken = {transcribed(w) for w in self.folded if len(w) >= 3}
        self.caps = {fold(w) for w in WORD.findall(french) if w[:1].isupper()}
        self.prefixes = {w[:PREFIX] for w in words if len(w) >= PREFIX}
        self.stems = {w[:4] for w in words}
        # "pragois" ↔ "Prague", "parisien" ↔ "Paris": a city's people or adjective, its ending
        # taken off.
        self.cities = {_undoubled(m.group(1)) for w in self.folded if (m := _FR_DEMONYM.match(w))}
        # "néozélandais" ↔ "New Zealand", "antimusulman" ↔ "Muslim": a word after a prefix.
        for w in words:
            prefix = _FR_PREFIX.match(w)
            if prefix and len(w) - prefix.end() >= 4:
                self.stems.add(w[prefix.end() : prefix.end() + 4])
        found = ACRONYM_IN.findall(french)
        self.acronyms = {"".join(sorted(fold(a).upper())) for a in found}
        # "BoE" ↔ "Bank of England": the capitals of an acronym that keeps a small word's letter.
        self.acronyms |= {
            "".join(sorted(c for c in w if c.isupper()))
            for w in WORD.findall(french)
            if MIXED_ACRONYM.match(w) and not w.istitle() and not w.isupper()
        }
        # The known English acronyms of its acronyms, in any letter order ("TPE" ↔ "VSB").
        self.acronyms |= {
            "".join(sorted(f))
            for a in found
            for form in english_forms(a)
            for f in form.split()
            if f.isupper() and f.isalpha()
        }

    def _people_of(self, spoken: str) -> bool:
        """Whether an English word is the people or adjective of a French name written as
        spoken ("Iraqi" ↔ "Iraq", "Libyan" ↔ "Libye", "Chadian" ↔ "Tchad")."""
        for end in DEMONYM_ENDINGS:
            stem = spoken[: -len(end)] if spoken.endswith(end) else ""
            if len(stem) >= 4 and any(
                s.rstrip("aeiouy") == stem.rstrip("aeiouy") for s in self.spoken
            ):
                return True
        return False

    def has_counterpart(self, word: str) -> bool:
        """Whether the French has this English name word in some form (see the module)."""
        key = fold(word)
        if key in self.folded or (len(key) >= PREFIX and key[:PREFIX] in self.prefixes):
            return True
        if french_counterparts(word) & self.stems:
            return True
        if word.isupper():
            return any(same_acronym(key.upper(), a) for a in self.acronyms)
        if len(key) >= 3 and transcribed(key) in self.spoken:
            return True  # "Zug" ↔ "Zoug", "Yulia" ↔ "Ioulia"
        if word[:1].isupper() and self._people_of(transcribed(key)):
            return True
        if self.cities and _vowels_off(key) in self.cities:
            return True
        if len(key) < 4:
            return False
        # "Uighur" ↔ "ouïghour", "Nazi" ↔ "néonazi", "Zionist" ↔ "sioniste".
        for w in self.long:
            if key in w:
                return True
            if min(len(w), len(key)) < 0.6 * max(len(w), len(key)):
                continue  # "Hartigan" is not "Tian" because their letters overlap
            if w in self.used:
                continue  # "Martin" answers to the English's own "Martin", not to "Hartigan"
            # A close spelling that starts with a like sound ("Anouar" ↔ "Anwar", "Ioulia" ↔
            # "Yulia"), or a closer one ("Uighur" ↔ "ouïghour"; not "Hartigan" ↔ "partisans").
            like = _sound(key[0]) == _sound(w[0])
            # A French name compared as spoken ("Lybie" ↔ "Libya"); other words as written.
            pair = (transcribed(key), transcribed(w)) if w in self.caps else (key, w)
            ratio = SequenceMatcher(None, *pair).ratio()
            if ratio >= (FUZZY if like else _FUZZY_OTHER):
                return True
        return False


def extra_name_words(french: str, english: str, context: ArticleNames | None = None) -> list[str]:
    """The English name words that the French has in no form (see the module), in order;
    ``context``: the sentence's article, whose names the English may take up (see
    :class:`ArticleNames`)."""
    words = [m for m in WORD.finditer(english)]
    candidates: list[str] = []
    for m in words:
        word = m.group(0)
        if not word[0].isupper() or word in candidates or _PLURAL_ACRONYM.match(word):
            continue
        if _ROMAN_ORDINAL_EN.match(word):
            continue  # "the XXth century" ↔ "le XXe siècle": a number, not a name
        if emphasis_en(word) or _calendar_short(word):
            continue  # "ALWAYS", "TAX", "GOOOO": shouted words; "Nov.", "Mondays"
        acronym = bool(_ACRONYM.match(word)) and not ROMAN.match(word)
        if acronym:
            # "CAD 43.8 million": the numbers' business; "the CEO": a common noun.
            currency = word in _currency_codes() and _AMOUNT.search(
                english, max(0, m.start() - 4), m.end() + 4
            )
            # "Airbus SAS": a company's legal form after its name.
            legal = word in LEGAL_FORMS and _AFTER_NAME.search(
                english, max(0, m.start() - 80), m.start()
            )  # a window: the whole prefix, searched for each word, is quadratic
            if not currency and not legal and word not in COMMON_ACRONYMS_EN:
                candidates.append(word)
            continue
        if len(word) < 3 or word.isupper():
            continue
        if word.upper() in _currency_codes() and _AMOUNT.search(
            english, max(0, m.start() - 4), m.end() + 4
        ):
            continue  # "230 000 Eur": a currency written in small letters, beside an amount
        key = fold(word)
        if key in GENERIC_EN or key in _CALENDAR or common_english(word):
            continue
        if _OPENER.search(english, max(0, m.start() - 8), m.start()):
            continue
        if _misspelt_calendar(key, french):
            continue  # "Janaury", "Wednmesday": the date check's word, misspelt
        candidates.append(word)
    if not candidates:
        return []
    source = FrenchNames(french)
    source.used = {fold(m.group(0)) for m in words}
    extra = [w for w in candidates if not source.has_counterpart(w)]
    if context is not None:
        extra = [w for w in extra if not context.states(w)]
    extra = [w for w in extra if not _first_name_added(w, english, french)]
    # "the Südbahnhof", "Smíchov", "Všeobecná": spelt with letters neither English nor French
    # writes, the word of a third language (the source of a multi-way set) that the English
    # kept and the French translated; not after a capitalised word ("Pierre Dvořák" for "Pierre
    # Dupont" is a name replaced)
    extra = [w for w in extra if not (_THIRD_LANGUAGE.search(w) and not _after_name(w, english))]
    if any(fold(w) in SOURCE_COUNTRY_EN for w in extra) and not names_a_country(source.folded):
        extra = [w for w in extra if fold(w) not in SOURCE_COUNTRY_EN]
    if extra:
        # An acronym is no word of its own expansion ("Housing Finance Agency (FBI)" spells out
        # no FHFA through the FBI's F): acronyms break the runs of capitalised words.
        runs = initials([_run_word(m.group(0)) for m in words], _JOINERS)
        vouched: set[str] = set()
        for letters, run in runs.items():
            if letters in source.acronyms:  # "Grand Prix" ↔ "GP"
                vouched |= run
        # An acronym the English spells out ("Canada Border Services Agency (CBSA)"), or one
        # whose words the French has ("Fonds monétaire international" ↔ "IMF").
        spelt = french_initials(french) if any(w.isupper() for w in extra) else set()
        extra = [
            w
            for w in extra
            if w not in vouched and not (w.isupper() and "".join(sorted(w)) in runs.keys() | spelt)
        ]
    return extra


def _after_name(word: str, english: str) -> bool:
    """Whether ``word`` follows a capitalised word in ``english`` (a first name, another name's
    word) where it first stands."""
    return word_before(english, english.find(word))[:1].isupper()


def _first_name_added(word: str, english: str, french: str) -> bool:
    """Whether ``word`` is a first name that the English adds before a surname the French
    writes alone ("Jaromír Jágr" ↔ "Jagr", "Ivan Hašek" ↔ "Hasek"): the mirror of a first
    name dropped (:func:`pipeline.verify.names.missing_name_words`). Not when the French has
    another capitalised word before the surname ("Hartigan Berlusconi" for "Silvio
    Berlusconi")."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}\s+([^\W\d_]+)", english):
        surname = m.group(1)
        if not surname[:1].isupper() or surname.isupper() or fold(surname) in GENERIC_EN:
            continue
        if common_english(surname):
            continue  # "United Lindqvist Mission", "Hartigan Casino": no surname
        plain = unaccented(french)
        found = list(re.finditer(rf"(?<!\w){re.escape(unaccented(surname))}(?!\w)", plain))
        before = [re.search(r"([^\W\d_]+)[\s'’-]*$", plain[: f.start()]) for f in found]
        if found and all(b is None or not b.group(1)[:1].isupper() for b in before):
            return True
    return False


def _misspelt_calendar(key: str, french: str) -> bool:
    """Whether a folded English word is a month or weekday that the French states, misspelt
    ("Janaury", "Tuesda" for "janvier", "mardi")."""
    return any(
        SequenceMatcher(None, key, n).ratio() >= _MISSPELT for n in calendar_in_english(french)
    )


_MISSPELT = 0.8  # the difflib ratio of a misspelt calendar word to the right one


def _run_word(word: str) -> str:
    """The word, or a break where it is an acronym (see :func:`initials`)."""
    return "." if len(word) >= 2 and word.isupper() else word


# The difflib ratio at which two words that start with unlike sounds are one name spelt two
# ways ("Uighur" ↔ "ouïghour", "Zionist" ↔ "sioniste").
_FUZZY_OTHER = 0.8
# Letters that transliterations and the two languages' spellings swap at a word's start.
_SOUNDS = {**dict.fromkeys("aeiouy", "a"), **dict.fromkeys("ckq", "k"), "z": "s", "w": "v"}


def _sound(letter: str) -> str:
    """A class of like sounds for a word's first letter (vowels and "y" together)."""
    return _SOUNDS.get(letter, letter)


_ELONGATED = re.compile(r"([A-Za-z])\1\1")


def emphasis_en(word: str) -> bool:
    """Whether an English word in capitals is a common word written for emphasis ("ALWAYS",
    "TAX", "STILL") or a word drawn out ("GOOOO"), not an acronym or a name."""
    if _ELONGATED.search(word):
        return True
    if not word.isupper() or len(word) < 2:
        return False
    from spacy.lang.en.stop_words import STOP_WORDS

    lower = word.lower()
    return lower in STOP_WORDS or (len(word) >= 3 and common_english(word))


def _calendar_short(word: str) -> bool:
    """ "Nov", "Sept", "Mon" (abbreviated), "Mondays" (plural): calendar words, not names."""
    key = fold(word)
    return key in EN_MONTH_ABBREVIATIONS or key in _WEEKDAY_SHORT or key.rstrip("s") in _CALENDAR


_ROMAN_ORDINAL_EN = re.compile(r"^[IVXLC]+(?:st|nd|rd|th)$")
_WEEKDAY_SHORT = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}


def french_initials(french: str) -> set[str]:
    """Sorted initials of each run of two to six French words that starts with a capital,
    joining words skipped: the acronyms the French's names may have in any language."""
    words = [w for w in WORD.findall(french) if fold(w) not in FR_JOINERS]
    stops = french_stop_words()
    out = set()
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        for j in range(i + 2, min(len(words), i + 6) + 1):
            if fold(words[j - 1]) in stops:
                break  # "l'Europe serait assez": a clause, not a name ("ESA")
            out.add("".join(sorted(x[0].upper() for x in words[i:j])))
    return out


def stand_ins(french: str, english: str) -> list[str]:
    """The English's capitalised words that could stand where a French name was lost: every
    capitalised word the French has in no form, dictionary words included ("Hasan", "Brown"),
    titles and generic words left out ("the City", "Sir"); a sentence's first word only when it
    is no dictionary word. A French name lost with none of them is an omission, not a name
    replaced by another (:func:`pipeline.verify.names.missing_name_words`)."""
    source = FrenchNames(french)
    source.used = {fold(m.group(0)) for m in WORD.finditer(english)}
    out = []
    for m in WORD.finditer(english):
        word = m.group(0)
        if not word[0].isupper() or len(word) < 2 or word in out:
            continue
        key = fold(word)
        if key in GENERIC_EN or key in _CALENDAR or emphasis_en(word) or _calendar_short(word):
            continue
        if word.isupper() and (word in COMMON_ACRONYMS_EN or ROMAN.match(word)):
            continue
        opener = _OPENER.search(english, max(0, m.start() - 8), m.start())
        if opener and common_english(word):
            continue
        if not source.has_counterpart(word):
            out.append(word)
    return out
