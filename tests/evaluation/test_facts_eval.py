from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.document import Fact
from pipeline.evaluation.facts import SPLITS, TYPES, Tally, load_gold, matches

runner = CliRunner()


def test_the_gold_is_whole_and_each_fact_is_in_its_article() -> None:
    records = load_gold()
    assert {r["split"] for r in records} == set(SPLITS)
    assert len(records) >= 15 and sum(len(r["facts"]) for r in records) >= 150
    for record in records:
        for fact in record["facts"]:
            assert fact["type"] in TYPES
            assert fact["text"] in record["text"], (record["id"], fact["text"])


@pytest.mark.parametrize(
    ("fact", "gold", "expected"),
    [
        (Fact("date", "14 juillet 1789", None, [0], "1789-07-14"),
         {"type": "date", "text": "14 juillet 1789", "value": "1789-07-14"}, True),
        (Fact("date", "14 juillet", None, [0], "--07-14"),
         {"type": "date", "text": "14 juillet 1789", "value": "1789-07-14"}, False),
        (Fact("count", "153 personnes", None, [0], {"count": 153, "noun": "personnes"}),
         {"type": "number", "text": "153 personnes", "value": 153}, True),
        (Fact("number", "18 h", None, [0], {"value": 18.0, "unit": None}),
         {"type": "time", "text": "18 h 15", "value": "18:15"}, False),
        (Fact("person", "Lei Jun", None, [0], aliases=["M. Lei"]),
         {"type": "person", "text": "Lei Jun"}, True),
        (Fact("place", "Lei Jun", None, [0]), {"type": "person", "text": "Lei Jun"}, False),
        (Fact("organisation", "Groupe France Télécom", None, [0]),
         {"type": "organisation", "text": "France Télécom"}, True),
        (Fact("amount", "1,3 millions d'euros", None, [0], {"amount": 1.3e6, "currency": "EUR"}),
         {"type": "amount", "text": "1,3 millions d'euros", "value": 1.3e6}, True),
    ],
)  # fmt: skip
def test_matching_needs_the_type_the_surface_and_the_value(
    fact: Fact, gold: dict, expected: bool
) -> None:
    assert matches(fact, gold) is expected


def test_precision_and_recall_by_type() -> None:
    tally = Tally()
    facts = [
        Fact("place", "Paris", None, [0]),
        Fact("place", "Bengale", None, [0]),
        Fact("other", "Halloween", None, [0]),  # not scored
    ]
    gold = [{"type": "place", "text": "Paris"}, {"type": "person", "text": "Lei Jun"}]
    errors = tally.add(facts, gold)
    figures = tally.figures()
    assert figures["place"]["precision"] == 0.5 and figures["place"]["recall"] == 1.0
    assert figures["person"]["recall"] == 0.0 and figures["person"]["precision"] is None
    assert figures["all"] == {
        "precision": 0.5, "recall": 0.5, "right": 1, "given": 2, "found": 1, "gold": 2
    }  # fmt: skip
    assert {"wrong": "place", "fr": "Bengale", "value": None} in errors
    assert {"missed": "person", "fr": "Lei Jun", "value": None} in errors


def test_brief_eval_facts_runs_the_real_stages(tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    result = runner.invoke(app, ["eval", "facts", "--limit", "1", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["dataset"]["articles"] == {"development": 1, "held-out": 1}
    assert data["signature"].startswith("brief:") and "spacy:fr_core_news_md@" in data["signature"]
    assert "development" in result.stdout and "held-out" in result.stdout
    # The first development article is the Vendée Globe start: its clock times are found.
    assert data["splits"]["development"]["time"]["found"] >= 2
