"""Salience of facts, their order, and the key sentences of an article.

A fact's salience adds, for each mention, 1 plus up to 0.5 for appearing early (news puts what
matters first); 2 when it is in the title, 1.5 when it is in the summary (either language);
and a small prior by type, since "how much" and "when" are often said only once yet are what
a reader looks for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.document import Article, Fact
from pipeline.facts.mention import Mention
from pipeline.facts.quantities import QuantityData
from pipeline.facts.surface import contains
from pipeline.text.numbers import quantities_en, quantities_fr
from pipeline.text.quantity_match import equivalent

PRIORS = {
    "amount": 1.0,
    "percentage": 0.75,
    "date": 0.5,
    "time": 0.5,
    "count": 0.5,
    "person": 0.5,
    "organisation": 0.5,
    "period": 0.25,
    "place": 0.25,
    "number": 0.0,
    "other": 0.0,
}
TITLE_BONUS = 2.0
SUMMARY_BONUS = 1.5
EARLY_BONUS = 0.5


@dataclass
class Draft:
    """A fact with the mentions it was merged from."""

    fact: Fact
    mentions: list[Mention] = field(default_factory=list)


def _in_text(draft: Draft, fr_text: str, en_text: str) -> bool:
    fact = draft.fact
    # Names mostly read the same in both languages: the French forms count in English too.
    forms = [fact.fr, *fact.aliases]
    if any(contains(form, fr_text) or contains(form, en_text) for form in forms):
        return True
    if fact.en and contains(fact.en, en_text):
        return True
    data = next((m.data for m in draft.mentions if isinstance(m.data, QuantityData)), None)
    if data is None:
        return False
    others = quantities_fr(fr_text, words=True) + quantities_en(en_text, words=True)
    return any(equivalent(data.quantity, q) for q in others)


def salience(draft: Draft, article: Article) -> float:
    """The salience score of one fact in its article (see the module docstring)."""
    total = max(1, len(article.sentences))
    score = PRIORS.get(draft.fact.type, 0.0)
    for mention in draft.mentions:
        score += 1.0 + EARLY_BONUS * (1.0 - mention.sentence / total)
    if _in_text(draft, article.title("fr") or "", article.title("en") or ""):
        score += TITLE_BONUS
    summary_fr = " ".join(s.text for s in article.summary_fr)
    summary_en = " ".join(s.text for s in article.summary_en)
    if (summary_fr or summary_en) and _in_text(draft, summary_fr, summary_en):
        score += SUMMARY_BONUS
    return round(score, 3)


def rank(drafts: list[Draft], article: Article) -> list[Fact]:
    """Scores the facts and returns them most salient first (ties: first mentioned first)."""
    for draft in drafts:
        draft.fact.score = salience(draft, article)
    drafts = sorted(
        drafts,
        key=lambda d: (-d.fact.score, d.mentions[0].sentence, d.mentions[0].span[0]),
    )
    return [d.fact for d in drafts]


def key_sentences(facts: list[Fact], article: Article, count: int) -> list[int]:
    """The ``count`` body sentences that carry the most facts, in article order.

    Sentences are compared by the number of distinct facts they mention, then by the summed
    salience of those facts, then by position; headings and sentences without facts never count.
    """
    headings = {i for p in article.paragraphs if p.kind == "heading" for i in p.sentence_ids}
    carried: dict[int, list[Fact]] = {}
    for fact in facts:
        for sid in fact.sentences:
            if sid not in headings:
                carried.setdefault(sid, []).append(fact)
    best = sorted(
        carried,
        key=lambda sid: (-len(carried[sid]), -sum(f.score for f in carried[sid]), sid),
    )
    return sorted(best[:count])
