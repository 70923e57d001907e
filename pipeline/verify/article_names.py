"""The names of a whole French article, which an English sentence may take up from the sentences
around it (:func:`pipeline.verify.extra_names.extra_name_words`' ``context``)."""

from __future__ import annotations

from pipeline.lang.lexicon import fold
from pipeline.lang.names import english_forms, french_counterparts, transcribed
from pipeline.verify.names import ACRONYM_IN, PREFIX, WORD, same_acronym


class ArticleNames:
    """The name words of a whole French article (or any French text), for the English → French
    check: a name that a translation adds to a sentence from the article around it ("UBS said"
    for "elle a dit", a name repeated where the French sentence says "le groupe") is no invented
    name. Built once an article; :meth:`states` matches strictly (no close spellings: over some
    30 sentences they would vouch for almost any name): the word itself among the article's
    capitalised words or acronyms (accents aside, or its first letters, "Senate" ↔ "Sénat"), its
    letters reordered ("NATO" ↔ "OTAN"), written as spoken ("Zug" ↔ "Zoug"), or a known French
    form ("Beijing" ↔ "Pékin", "German" ↔ "allemande")."""

    def __init__(self, french: str) -> None:
        words = WORD.findall(french)
        self.caps = {fold(w) for w in words if w[:1].isupper()}
        self.prefixes = {w[:PREFIX] for w in self.caps if len(w) >= PREFIX}
        self.spoken = {transcribed(w) for w in self.caps if len(w) >= 3}
        self.stems = {fold(w)[:4] for w in words}
        found = ACRONYM_IN.findall(french)
        self.acronyms = {"".join(sorted(fold(a).upper())) for a in found}
        self.acronyms |= {
            "".join(sorted(f))
            for a in set(found)
            for form in english_forms(a)
            for f in form.split()
            if f.isupper() and f.isalpha()
        }

    def states(self, word: str) -> bool:
        """Whether the article has this English name word in one of its forms (see the class)."""
        key = fold(word)
        if word.isupper() and len(word) >= 2:
            letters = "".join(sorted(key.upper()))
            if any(same_acronym(letters, a) for a in self.acronyms):
                return True
        if key in self.caps or (len(key) >= PREFIX and key[:PREFIX] in self.prefixes):
            return True
        if len(key) >= 3 and transcribed(key) in self.spoken:
            return True
        return bool(french_counterparts(word) & self.stems)
