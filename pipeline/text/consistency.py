"""Does the English keep the French sentence's numbers, dates and names?

Numbers go through the project's one number parser (:mod:`pipeline.text.numbers`): every
quantity of the source (amount, percentage, year, plain number, measure) needs an equivalent in
the translation ("7,7 milliards de dollars" ↔ "$7.7 billion"; "1 500" ↔ "1,500"; "3" ↔
"three"; "15 heures" ↔ "3 pm"). Dates with a day or a month go through the facts package's date
rules (:mod:`pipeline.facts.dates`), which know the English forms each may take ("le 3 mai
2019" ↔ "May 3, 2019" / "3 May 2019").

Names are people and organisations found by spaCy's French NER (a one-word name must also be
tagged a proper noun). Places are left out (a translation rightly turns "Pékin" into
"Beijing"), and so are organisations written with lower-case words or as short acronyms
("Banque mondiale" → "World Bank", "ONU" → "UN"). A person counts as kept when the surname is
there ("Emmanuel Macron" → "Macron").
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.text.numbers import Quantity, glued_en, quantities_en, quantities_fr, unmatched

if TYPE_CHECKING:
    from pipeline.facts.analysis import Analysis

_ELISION = re.compile(r"^(?:l|d|qu|j|n|s|c)['’]\s*|^(?:le|la|les|du|des|de)\s+", re.IGNORECASE)
# Lookbehinds: spaces are tried from where their run starts only (linear time on any text).
_HOUR = re.compile(r"(?<!\s)\s*h(?:eures?)?\b|(?<!\s)\s*h\d", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")
# Lower-case words that belong in a person's name ("Charles de Gaulle", "Ludwig van Beethoven").
_PARTICLES = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "di",
    "da",
    "del",
    "ben",
    "bin",
    "al",
    "el",
    "y",
    "e",
    "ibn",
    "ter",
    "zu",
    "d",
    "l",
}


@dataclass(frozen=True)
class Name:
    """A name in a French sentence that the translation should keep.

    Attributes:
        text: As written in the source ("Lei Jun").
        label: spaCy's label: ``PER`` or ``ORG``.
    """

    text: str
    label: str


def fold(text: str) -> str:
    """Lower case, no accents, one space between words: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + _NON_WORD.sub(" ", bare.casefold()).strip() + " "


def _as_pm(french: str, quantity: Quantity) -> Quantity | None:
    """ "15 heures" may become "3 pm": the same hour on a 12-hour clock."""
    if (
        _HOUR.match(french, quantity.span[1])
        and 13 <= quantity.value <= 23
        and quantity.value.is_integer()
    ):
        value = quantity.value - 12
        return dataclasses.replace(quantity, number=value, value=value)
    return None


def missing_numbers(french: str, english: str) -> list[str]:
    """Surfaces of the French quantities with no equivalent in ``english``."""
    target = quantities_en(english, words=True) + glued_en(english)
    out = []
    for q in unmatched(quantities_fr(french), target):
        pm = _as_pm(french, q)
        if pm is None or unmatched([pm], target):
            out.append(q.surface)
    return out


# Dates with a day or a year besides the month: "2019-05-03", "--05-03", "2019-05".
_CHECKED_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$|^--\d{2}-\d{2}$")


def missing_dates(french: str, english: str) -> list[str]:
    """Surfaces of the French dates that ``english`` gives in none of their English forms.

    Checked: a day and month, or a month and year ("le 3 mai 2019", "1er janvier", "juillet
    2012"), the longest mention where they overlap. Years alone are checked as numbers; a month
    alone ("Mars" is also a planet), relative dates and periods are left alone.
    """
    from pipeline.facts.dates import date_mentions
    from pipeline.facts.english import mention_english

    mentions = [
        m
        for m in date_mentions(french, 0)
        if m.type == "date" and _CHECKED_DATE.match(str(m.value or ""))
    ]
    # The spans kept, sorted by start. Taken longest first, none holds another, so their ends
    # are sorted too, and the one starting last before a span is the only one that may hold it.
    starts: list[int] = []
    ends: list[int] = []
    found: dict[tuple[str, str], bool] = {}  # each date looked for in the English once
    out = []
    for mention in sorted(mentions, key=lambda m: m.span[0] - m.span[1]):
        start, end = mention.span
        before = bisect.bisect_right(starts, start) - 1
        if before >= 0 and ends[before] >= end:
            continue
        place = bisect.bisect_left(starts, start)
        starts.insert(place, start)
        ends.insert(place, end)
        key = (mention.fr, repr(mention.data))
        if key not in found:
            found[key] = mention_english(mention, english) is not None
        if not found[key] and mention.fr not in out:
            out.append(mention.fr)
    return out


def checkable(name: str, label: str) -> bool:
    """Whether a translation is expected to keep this entity as written."""
    words = name.replace("’", "'").split()
    if label not in ("PER", "ORG") or not words:
        return False
    if label == "ORG" and len(words) == 1 and name.isupper() and len(name) <= 5:
        return False  # acronyms get translated: ONU → UN, OTAN → NATO
    # "Banque mondiale", "frères Sainte-Croix": descriptions that a translation rewrites.
    return all(w[:1].isupper() or w.lower().strip("'") in _PARTICLES for w in words)


def clean_name(text: str) -> str:
    """The entity without a leading French article or elision ("l’ONU" → "ONU")."""
    return _ELISION.sub("", text.strip()).strip(" ,.;:«»\"'’")


def kept(name: Name, english: str) -> bool:
    """Whether ``english`` keeps ``name``: whole, a person's surname, or an organisation's
    distinctive word ("Cogeco Câble" → "Cogeco Cable", "Hôtels Delta" → "Delta hotels")."""
    target = fold(english)
    if fold(name.text) in target:
        return True
    words = [w for w in re.split(r"[\s\-]+", name.text) if len(w) >= 3 and w[:1].isupper()]
    if not words:
        return False
    if name.label == "PER":
        return fold(words[-1]) in target
    return any(fold(w) in target for w in words)


def missing_names(names: list[Name], english: str) -> list[str]:
    """The names ``english`` does not keep, as written in the source."""
    seen: set[str] = set()
    out = []
    for name in names:
        if name.text not in seen and not kept(name, english):
            out.append(name.text)
        seen.add(name.text)
    return out


def names_in(analysis: Analysis) -> list[Name]:
    """People and organisations worth checking among a sentence's entities.

    The tagger is there to tell "Xiaomi" from a capitalised noun the NER takes for a name
    ("Parlement", "Cour", a sentence-initial "Facture"): on newstest2014's human references it
    halves the names reported missing. So a one-token entity counts only as a proper noun.
    """
    names = []
    for ent in analysis.entities:
        text = clean_name(ent.text)
        inside = [t for t in analysis.tokens if t.start >= ent.start and t.end <= ent.end]
        if len(inside) == 1 and inside[0].pos not in ("PROPN", ""):
            continue
        if text and checkable(text, ent.label):
            names.append(Name(text, ent.label))
    return names
