"""Is what a summary says in the source? Numbers, dates and names checked against the article.

A summariser can invent a number or a name that reads perfectly well. Every number (digits or
words, amounts and percentages included), year, month, weekday and capitalised name of a
generated sentence is looked up in the article: an English summary against the English
translation and the French source sentences (through the sentence alignment, so a number the
translation lost still counts), a French summary against the French source. What is not found is
reported, so that the brief can flag it instead of presenting it as fact.

Names are capitalised words here (no entity model), compared without case or accents, so a
sentence opener that the source also uses passes; one it does not use is flagged like a name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from pipeline.document import Unsupported
from pipeline.lang.lexicon import EN_MONTHS, EN_WEEKDAYS, FR_MONTHS, FR_WEEKDAYS
from pipeline.text.numbers import Quantity
from pipeline.text.overlap import fold, quantities
from pipeline.text.quantity_match import QuantityIndex

# Month and weekday names, folded, from the language layer (one list each).
_MONTHS = {
    "en": [fold(m) for m in EN_MONTHS],
    "fr": [fold(m) for m in FR_MONTHS],
}
_DAYS = {
    "en": [fold(d) for d in EN_WEEKDAYS],
    "fr": [fold(d) for d in FR_WEEKDAYS],
}
# Each month's and weekday's folded name → its key (months 0-11, weekdays 100-106).
_DATE_KEYS = {
    lang: {m: i for i, m in enumerate(_MONTHS[lang])}
    | {d: 100 + i for i, d in enumerate(_DAYS[lang])}
    for lang in _MONTHS
}
# "may" and "march" are also ordinary English words; only capitalised they name a month.
_AMBIGUOUS_LOWER = {"may", "march"}
# Capitalised words that are not names: pronouns, titles and the function words and connectives
# that open sentences (an opener the source does not have is still checked: a summary sentence
# that starts with an invented name must not pass).
_NOT_NAME_WORDS = (
    "I Mr Mrs Ms Dr M Mme Mlle Me The A An This These Those That There Here It Its He She "
    "They We You His Her Their Our My Your In On At By For From To With Without Of As And "
    "But Or So Yet If When While Since After Before During Although Though However "
    "According Also Both Some Many Most Several Other Another Such Still Meanwhile Instead "
    "Now Then Thus Today Yesterday Tomorrow Le La Les L Un Une Des Du De D Il Elle Ils Elles "
    "On Nous Vous Je Ce Cet Cette Ces Son Sa Ses Leur Leurs Mais Et Ou Donc Or Ni Car En Dans "
    "Pour Par Sur Avec Sans Selon Après Avant Pendant Depuis Lors Alors Ainsi Cependant "
    "Pourtant Toutefois Enfin Puis Si Tout Tous Toute Toutes Plusieurs Certains Aujourd Hier "
    "Demain Au Aux Quand Comme"
)
_NOT_NAMES = {fold(w) for w in _NOT_NAME_WORDS.split()}
# (Patterns alike others, text/furniture.py's, only in shape: each its own words.)
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words that mark the number after them as rounded ("about 1,000", "près de 1 000").
_APPROXIMATE = re.compile(
    r"(?:\b(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|over|under"
    r"|less\s+than|fewer\s+than|close\s+to|up\s+to|près\s+de|presque|environ|plus\s+de"
    r"|moins\s+de|quelque|quasi|jusqu['’]à)\s+(?:the\s+|\$|€|£)?)$",
    re.IGNORECASE,
)


def _dates(text: str, lang: str) -> list[tuple[int, str]]:
    """Month and weekday names: ``(key, surface)``, the key shared by both languages."""
    out = []
    keys = _DATE_KEYS[lang]
    for word in _TOKEN.findall(text):
        folded = fold(word)
        key = keys.get(folded)
        if key is None or (lang == "en" and word[0].islower() and folded in _AMBIGUOUS_LOWER):
            continue
        out.append((key, word))
    return out


def _name_spans(text: str, lang: str) -> list[tuple[str, list[str]]]:
    """Runs of capitalised words: ``(surface, folded tokens)``."""
    spans: list[tuple[int, int, list[str]]] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        key = fold(word)
        if not word[0].isupper() or key in _NOT_NAMES or key in _DATE_KEYS[lang] or len(word) < 2:
            continue
        gap = text[spans[-1][1] : m.start()] if spans else None
        if gap is not None and re.fullmatch(r"\s+|-", gap):
            start, _, keys = spans[-1]
            keys.append(key)  # in place: copying would be quadratic in a run's length
            spans[-1] = (start, m.end(), keys)
        else:
            spans.append((m.start(), m.end(), [key]))
    return [(text[start:end], keys) for start, end, keys in spans]


# The longest acronym looked for: every longer stretch of a run of capitalised words would make
# the initials quadratic (cubic, with the joins) in the run's length.
_LONGEST_ACRONYM = 12


def _initials(text: str) -> set[str]:
    """Initials of every run of capitalised words ("United States" → "us"), for acronyms of
    up to 12 letters."""
    out = set()
    run: list[str] = []
    for m in _TOKEN.finditer(text + " ."):
        word = m.group(0)
        if word[0].isupper():
            run.append(fold(word)[0])
            continue
        letters = "".join(run)
        for i in range(len(letters)):
            for j in range(i + 2, min(len(letters), i + _LONGEST_ACRONYM) + 1):
                out.add(letters[i:j])
        run = []
    return out


class SourceEvidence:
    """What an article says, indexed to check generated sentences against it.

    Args:
        texts: The source sentences in the generated text's language.
        lang: That language, ``"en"`` or ``"fr"``.
        aligned: The same sentences in the other language (their numbers, dates and names count
            too), or nothing.
    """

    def __init__(self, texts: Iterable[str], lang: str, aligned: Iterable[str] = ()) -> None:
        self.lang = lang
        other = "fr" if lang == "en" else "en"
        self.quantities: list[Quantity] = []
        self.words: set[str] = set()
        self._index: QuantityIndex | None = None
        self._by_value: list[Quantity] | None = None
        self._values: list[float] = []
        # The dates and initials are read only when a generated sentence asks for them (most
        # summary sentences hold no date, and few names are acronyms).
        self._texts = [
            (t, lang_) for ts, lang_ in ((texts, lang), (aligned, other)) for t in ts if t
        ]
        self._dates_seen: set[int] | None = None
        self._initials_seen: set[str] | None = None
        for text, lang_ in self._texts:
            self.quantities += quantities(text, lang_)
            self.words.update(map(fold, _TOKEN.findall(text)))

    @property
    def dates(self) -> set[int]:
        """The keys of the dates the source states (:func:`_dates`)."""
        if self._dates_seen is None:
            self._dates_seen = {key for t, lang_ in self._texts for key, _ in _dates(t, lang_)}
        return self._dates_seen

    @property
    def initials(self) -> set[str]:
        """The initials of the source's runs of capitalised words (:func:`_initials`)."""
        if self._initials_seen is None:
            self._initials_seen = {i for t, _ in self._texts for i in _initials(t)}
        return self._initials_seen

    def _has_quantity(self, q: Quantity, approximate: bool = False) -> bool:
        if self._index is None:  # built once: a text may hold thousands of numbers
            self._index = QuantityIndex(self.quantities)
        if self._index.has_equivalent(q):
            return True
        if not approximate:
            return False
        # "about 1,000" for 987: a number the summary marks as rounded may differ by a tenth.
        # |q - s| <= 0.1 |s| puts s between q / 1.1 and q / 0.9: only those are compared.
        if self._by_value is None:
            self._by_value = sorted(self.quantities, key=lambda s: s.value)
            self._values = [s.value for s in self._by_value]
        bounds = (q.value / 1.1, q.value / 0.9)
        lo = bisect.bisect_left(self._values, min(bounds) - 1e-9)
        hi = bisect.bisect_right(self._values, max(bounds) + 1e-9)
        return any(
            (q.unit == s.unit or not (q.unit and s.unit))
            and abs(q.value - s.value) <= 0.1 * max(abs(s.value), 1e-9)
            for s in self._by_value[lo:hi]
        )

    def _has_name(self, keys: list[str]) -> bool:
        if all(k in self.words for k in keys):
            return True
        # An acronym of a name the source spells out: "US" for "United States".
        return len(keys) == 1 and keys[0] in self.initials

    def unsupported(self, text: str) -> list[Unsupported]:
        """What ``text`` says that the source does not, in the order it says it."""
        found: list[tuple[int, Unsupported]] = []
        first: dict[str, int] = {}  # where each surface first occurs, looked up once

        def where(surface: str) -> int:
            if surface not in first:
                first[surface] = text.find(surface)
            return first[surface]

        for q in quantities(text, self.lang):
            # Only the words just before the number (the whole prefix, searched for each
            # number, would take quadratic time on a text of many numbers).
            rounded = _APPROXIMATE.search(text, max(0, q.span[0] - 40), q.span[0])
            if not self._has_quantity(q, bool(rounded)):
                kind = "date" if q.kind == "year" else "number"
                found.append((q.span[0], Unsupported(kind, q.surface)))
        for key, surface in _dates(text, self.lang):
            if key not in self.dates:
                found.append((where(surface), Unsupported("date", surface)))
        for surface, keys in _name_spans(text, self.lang):
            if not self._has_name(keys):
                found.append((where(surface), Unsupported("name", surface)))
        found.sort(key=lambda pair: pair[0])
        seen: set[Unsupported] = set()
        return [u for _, u in found if not (u in seen or seen.add(u))]
