"""One article's facts, end to end: mentions → merged facts → English surfaces → ranking."""

from __future__ import annotations

import datetime as dt

from pipeline.document import Article, Fact
from pipeline.facts.analysis import Analysis
from pipeline.facts.dates import date_mentions, parse_reference_date
from pipeline.facts.english import entity_english, mention_english
from pipeline.facts.entities import cluster_type, entity_mentions, merge_entities
from pipeline.facts.mention import Mention, drop_overlaps
from pipeline.facts.quantities import quantity_mentions
from pipeline.facts.rank import Draft, key_sentences, rank
from pipeline.facts.times import time_mentions

ENTITY_TYPES = {"person", "organisation", "place", "other"}


def sentence_mentions(
    text: str, sentence: int, analysis: Analysis, ref: dt.date | None = None
) -> list[Mention]:
    """Every fact mention of one French sentence, overlaps resolved, in reading order.

    Args:
        text: The sentence.
        sentence: Its id.
        analysis: Its spaCy analysis.
        ref: The article's date, for relative dates.
    """
    found = (
        entity_mentions(text, sentence, analysis)
        + quantity_mentions(text, sentence, analysis)
        + date_mentions(text, sentence, ref)
        + time_mentions(text, sentence)
    )
    return drop_overlaps(found)


def _sentences(mentions: list[Mention]) -> list[int]:
    return list(dict.fromkeys(m.sentence for m in mentions))


def _aliases(mentions: list[Mention], canonical: str) -> list[str]:
    return [s for s in dict.fromkeys(m.fr for m in mentions) if s != canonical]


def _entity_draft(mentions: list[Mention], english: dict[int, str]) -> Draft:
    canonical = max((m.fr for m in mentions), key=len)  # max keeps the first of equal lengths
    kind = cluster_type(mentions)
    fact = Fact(
        type=kind,
        fr=canonical,
        en=entity_english(mentions, canonical, english, kind),
        sentences=_sentences(mentions),
        aliases=_aliases(mentions, canonical),
    )
    return Draft(fact, mentions)


def _other_draft(mentions: list[Mention], english: dict[int, str]) -> Draft:
    first = mentions[0]
    en = None
    for mention in mentions:
        en = mention_english(mention, english.get(mention.sentence))
        if en:
            break
    fact = Fact(
        type=first.type,
        fr=first.fr,
        en=en,
        sentences=_sentences(mentions),
        value=first.value,
        aliases=_aliases(mentions, first.fr),
    )
    return Draft(fact, mentions)


def extract(article: Article, analyses: list[Analysis], key_count: int = 3) -> None:
    """Fills ``article.facts`` (ranked) and ``article.key_sentences``.

    Args:
        article: A cleaned (and usually translated and summarised) article.
        analyses: One spaCy analysis per sentence of the article.
        key_count: How many key sentences to pick.
    """
    ref = parse_reference_date(article.metadata.get("date"))
    mentions: list[Mention] = []
    for sentence, analysis in zip(article.sentences, analyses, strict=True):
        mentions += sentence_mentions(sentence.fr, sentence.id, analysis, ref)
    english = {s.id: s.en for s in article.sentences if s.en}
    entities = [m for m in mentions if m.type in ENTITY_TYPES]
    drafts = [_entity_draft(group, english) for group in merge_entities(entities)]
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.type not in ENTITY_TYPES:
            groups.setdefault(min(mention.keys), []).append(mention)
    drafts += [_other_draft(group, english) for group in groups.values()]
    article.facts = rank(drafts, article)
    article.key_sentences = key_sentences(article.facts, article, key_count)
