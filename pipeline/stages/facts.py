"""Facts stage: amounts, percentages, years, numbers and names, each traced to its sentences.

A first cut with rules: quantities from :mod:`pipeline.text.numbers` (French conventions:
decimal comma, spaces in thousands, "milliards"), years, and capitalised names. The English
surface is looked up in the aligned English sentence.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from pipeline.config import BriefConfig
from pipeline.document import Article, Fact
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage
from pipeline.text.numbers import Quantity, equivalent, quantities_en, quantities_fr

_NAME = re.compile(
    r"\b(?:[A-ZÀ-ÖØ-Þ][\w’'-]+|[A-Z]{2,})(?:\s+(?:de\s+|du\s+|d’)?(?:[A-ZÀ-ÖØ-Þ][\w’'-]+))*"
)
_NOT_NAMES = {
    "Le",
    "La",
    "Les",
    "Un",
    "Une",
    "Des",
    "Du",
    "De",
    "En",
    "Et",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "Si",
    "Or",
    "Aux",
    "Au",
    "Après",
    "Avant",
    "Pourtant",
    "Seulement",
    "Selon",
    "Reste",
    "On",
    "Là",
    "Ce",
    "Cette",
    "Ces",
    "Mais",
    "Dans",
    "Pour",
    "Par",
    "Sur",
    "Avec",
    "Lors",
    "Depuis",
    "Aujourd’hui",
    "Alors",
    "Ainsi",
    "Enfin",
    "Puis",
    "Cependant",
    "Toutefois",
    "Outre",
}


def _english_surface(quantity: Quantity, english: list[Quantity]) -> str | None:
    for candidate in english:
        if equivalent(quantity, candidate):
            return candidate.surface
    return None


class FactsStage(Stage):
    """Fills ``article.facts``, ranked by salience."""

    name = "facts"
    requires = ("sentences",)
    provides = ("facts",)

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        self.config = config.stages.facts

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if article.active:
                article.facts = self.extract(article)
        return articles

    def extract(self, article: Article) -> list[Fact]:
        """All facts of one article, merged by surface and ranked."""
        found: OrderedDict[tuple[str, str], Fact] = OrderedDict()
        total = max(1, len(article.sentences))
        for sentence in article.sentences:
            spans: list[tuple[int, int]] = []
            for fact, span in self._sentence_facts(sentence.fr, sentence.en):
                if any(span[0] < e and s < span[1] for s, e in spans):
                    continue
                spans.append(span)
                key = (fact.type, fact.fr.lower())
                merged = found.setdefault(key, fact)
                if sentence.id not in merged.sentences:
                    merged.sentences.append(sentence.id)
                merged.en = merged.en or fact.en
                # Salience: mentions, with a bonus for appearing early and in the title.
                merged.score += 1.0 + (1.0 - sentence.id / total)
                if article.title_fr and fact.fr in article.title_fr:
                    merged.score += 2.0
        facts = list(found.values())
        facts.sort(key=lambda f: (-f.score, f.sentences[0] if f.sentences else 0))
        for fact in facts:
            fact.score = round(fact.score, 3)
        return facts

    def _sentence_facts(self, fr: str, en: str | None) -> list[tuple[Fact, tuple[int, int]]]:
        out: list[tuple[Fact, tuple[int, int]]] = []
        english = quantities_en(en or "")
        for q in quantities_fr(fr):
            kind = "date" if q.kind == "year" else q.kind
            value: object = q.value
            if q.kind == "amount":
                value = {"amount": q.value, "currency": q.unit}
            elif q.kind == "year":
                value = int(q.value)
            out.append((Fact(kind, q.surface, _english_surface(q, english), value=value), q.span))
        for m in _NAME.finditer(fr):
            surface = m.group(0)
            first = surface.split()[0]
            if first in _NOT_NAMES:
                surface = " ".join(surface.split()[1:])
                if not surface:
                    continue
            if m.start() == 0 and " " not in surface:
                continue  # a capitalised sentence start is not a name on its own
            en_surface = surface if en and surface in en else None
            out.append((Fact("name", surface, en_surface), m.span()))
        # Earlier kinds win on overlapping spans (amount over number, …).
        return out
