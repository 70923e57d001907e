"""Facts stage: amounts, percentages, years, numbers and names, each traced to its sentences.

A first cut with rules: French number conventions (decimal comma, spaces in thousands,
"milliards"), years, and capitalised names. The English surface is looked up in the aligned
English sentence.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from pipeline.config import BriefConfig
from pipeline.document import Article, Fact
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage

_NUM = r"\d{1,3}(?:[  \u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALE = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}
_CURRENCY = {
    "dollars": "USD",
    "dollar": "USD",
    "$": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "€": "EUR",
    "livres": "GBP",
    "£": "GBP",
    "yuans": "CNY",
    "yuan": "CNY",
}
_AMOUNT = re.compile(
    rf"(?P<num>{_NUM})\s*(?P<scale>milliards?|millions?|mille)?\s*(?:de\s+|d[’'])?"
    r"(?P<cur>dollars?|euros?|€|\$|livres|£|yuans?)",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s*(?:%|pour\s?cent)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?P<num>1[89]\d{2}|20\d{2})\b")
_NUMBER = re.compile(rf"(?<![\w,])(?P<num>{_NUM})(?:\s*(?P<scale>milliards?|millions?))?\b")
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


def parse_number(text: str) -> float:
    """A French-written number as a float: ``"1 500"`` → 1500, ``"7,7"`` → 7.7."""
    return float(re.sub(r"[  \u202f]", "", text).replace(",", "."))


def english_forms(value: float) -> list[str]:
    """Ways an English translation may write a number."""
    if value == int(value):
        n = int(value)
        return [f"{n:,}", str(n), f"{n:,}".replace(",", " ")]
    return [f"{value:g}", f"{value:,.2f}".rstrip("0").rstrip(".")]


def _find_english(forms: list[str], english: str | None) -> str | None:
    if not english:
        return None
    for form in forms:
        if form and form in english:
            return form
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
        for m in _AMOUNT.finditer(fr):
            value = parse_number(m["num"]) * _SCALE.get((m["scale"] or "").lower(), 1.0)
            currency = _CURRENCY[m["cur"].lower()]
            en_surface = _find_english(english_forms(parse_number(m["num"])), en)
            out.append(
                (
                    Fact(
                        "amount",
                        m.group(0),
                        en_surface,
                        value={"amount": value, "currency": currency},
                    ),
                    m.span(),
                )
            )
        for m in _PERCENT.finditer(fr):
            value = parse_number(m["num"])
            out.append(
                (
                    Fact(
                        "percentage",
                        m.group(0),
                        _find_english(english_forms(value), en),
                        value=value,
                    ),
                    m.span(),
                )
            )
        for m in _YEAR.finditer(fr):
            out.append(
                (
                    Fact("date", m["num"], _find_english([m["num"]], en), value=int(m["num"])),
                    m.span(),
                )
            )
        for m in _NUMBER.finditer(fr):
            value = parse_number(m["num"]) * _SCALE.get((m["scale"] or "").lower(), 1.0)
            out.append(
                (
                    Fact(
                        "number",
                        m.group(0),
                        _find_english(english_forms(parse_number(m["num"])), en),
                        value=value,
                    ),
                    m.span(),
                )
            )
        for m in _NAME.finditer(fr):
            surface = m.group(0)
            first = surface.split()[0]
            if first in _NOT_NAMES:
                surface = " ".join(surface.split()[1:])
                if not surface:
                    continue
            if m.start() == 0 and " " not in surface:
                continue  # a capitalised sentence start is not a name on its own
            out.append((Fact("name", surface, _find_english([surface], en)), m.span()))
        # Earlier kinds win on overlapping spans (amount over number, …).
        return out
