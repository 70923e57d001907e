"""The English surface of a fact, found in the aligned English sentence — never invented.

For every type, the French surface itself when the translation kept it (names usually, and
everything with the ``upper``/``identity`` stand-in translators; case and accents ignored).
Then, by type:

- entities: the other French forms of the name, the English name of a country or region
  (from the CLDR data that Babel ships: "États-Unis" → "United States", plus the usual short
  forms "US", "UK"), and the full English name before a bracketed acronym ("Ministry of
  Industry and Information Technology (MIIT)");
- quantities: the English quantity that says the same number
  (:func:`pipeline.text.numbers.equivalent`), with the counted noun after it for counts;
- dates and periods: the English forms the date rules give (month names, "last year", "every
  five years"…).

When nothing is found the English surface is None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.facts.mention import Mention
from pipeline.facts.quantities import QuantityData
from pipeline.facts.surface import find, key
from pipeline.text.number_phrases import with_sign
from pipeline.text.numbers import quantities_en
from pipeline.text.quantity_match import equivalent

# English short forms CLDR does not list as names of their own.
_SHORT_FORMS = {
    "US": ["U.S.", "US", "USA", "America"],
    "GB": ["UK", "U.K.", "Britain"],
    "AE": ["UAE"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
}
_FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "to",
    "from",
    "with",
    "and",
    "or",
    "but",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "as",
    "than",
    "its",
    "their",
    "his",
    "her",
}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


@lru_cache(maxsize=1)
def _exonyms() -> dict[str, list[str]]:
    """French name of a country or region (folded) → its English names."""
    from babel import Locale

    french, english = Locale("fr").territories, Locale("en").territories
    out: dict[str, list[str]] = {}
    for code, name in french.items():
        if code in english:
            out.setdefault(key(name), []).extend([english[code], *_SHORT_FORMS.get(code, [])])
    return out


def _found(candidate: str, english: str) -> str | None:
    span = find(candidate, english)
    return english[span[0] : span[1]] if span else None


def _acronym_expansion(acronym: str, english: str) -> str | None:
    """ "Ministry of Industry and Information Technology (MIIT)" for "MIIT", when written so."""
    pattern = (
        r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|and|for|the|on|in|&)\s+)*[A-Z][\w’'.-]*)*"
        rf"\s*\(\s*{re.escape(acronym)}\s*\)"
    )
    match = re.search(pattern, english)
    return match.group(0) if match else None


def entity_english(
    mentions: list[Mention], canonical: str, english: dict[int, str], kind: str = "place"
) -> str | None:
    """The English surface of an entity, from the English sentences of its mentions.

    Args:
        mentions: The entity's mentions.
        canonical: Its French canonical surface (tried first).
        english: English sentence by id.
        kind: The entity's type; only places are looked up among country and region names
            ("Le Monde" the newspaper is not "the world").
    """
    texts = [english[i] for i in dict.fromkeys(m.sentence for m in mentions) if english.get(i)]
    forms = [canonical, *dict.fromkeys(m.fr for m in mentions if m.fr != canonical)]
    for text in texts:
        if found := _found(canonical, text):
            return found
    acronyms = [w for f in forms for w in re.findall(r"\(([A-Z][A-Z0-9&]{1,7})\)", f)]
    acronyms += [f for f in forms if _ACRONYM.fullmatch(f)]
    for acronym in acronyms:
        for text in texts:
            if found := _acronym_expansion(acronym, text):
                return found
    candidates = list(forms[1:])
    if kind == "place":
        for form in forms:
            candidates += _exonyms().get(key(form), [])
    candidates += acronyms
    for candidate in dict.fromkeys(candidates):
        for text in texts:
            if found := _found(candidate, text):
                return found
    return None


def _quantity_english(mention: Mention, text: str) -> str | None:
    data = mention.data
    if not isinstance(data, QuantityData):
        return None
    for candidate in quantities_en(text, words=True):
        candidate = with_sign(text, candidate)
        if not equivalent(data.quantity, candidate):
            continue
        start, end = candidate.span
        if data.noun:
            after = re.match(r"\s+([A-Za-z][\w-]*)", text[end:])
            if after and after.group(1).lower() not in _FUNCTION_WORDS:
                end += after.end()
        return text[start:end]
    return None


def _date_english(mention: Mention, text: str) -> str | None:
    for pattern in mention.data or []:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            return match.group(0).strip()
    return None


def mention_english(mention: Mention, text: str | None) -> str | None:
    """The English surface of a quantity, date, period or time mention in its English sentence."""
    if not text:
        return None
    if found := _found(mention.fr, text):
        return found
    if mention.type in {"date", "period", "time"}:
        return _date_english(mention, text)
    return _quantity_english(mention, text)
