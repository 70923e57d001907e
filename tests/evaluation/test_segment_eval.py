from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.errors import ConfigError, OutputError
from pipeline.evaluation import segment as seg

runner = CliRunner()


def _no_split(texts: list[str]) -> list[list[str]]:
    return [[t] for t in texts]


def _every_stop(texts: list[str]) -> list[list[str]]:
    return [[p for p in re.split(r"(?<=[.!?]) ", t) if p] for t in texts]


FAKES = {lang: {"brief": _every_stop, "pysbd": _no_split} for lang in seg.LANGS}


def test_paragraphs_keep_order_and_sizes_and_drop_lines_without_an_end() -> None:
    lines = [f"Phrase {i}." for i in range(40)]
    lines[10] = "Un titre sans point"
    paras = seg.paragraphs(lines, seed=1)
    flat = [s for p in paras for s in p]
    assert flat == [line for i, line in enumerate(lines) if i != 10]
    assert all(1 <= len(p) <= 6 for p in paras)
    assert all(len(p) >= 2 for p in paras[:-1] if lines.index(p[-1]) != 9)
    # The headline ends a paragraph: no paragraph holds both line 9 and line 11.
    assert not any("Phrase 9." in p and "Phrase 11." in p for p in paras)


def test_paragraphs_are_seeded() -> None:
    lines = [f"Phrase {i}." for i in range(200)]
    assert seg.paragraphs(lines, 3) == seg.paragraphs(lines, 3)
    assert seg.paragraphs(lines, 3) != seg.paragraphs(lines, 4)


def test_lines_that_plainly_hold_two_sentences_are_left_out() -> None:
    lines = ["Un.", "Il part d'ici trois ans. Toute la suite.", "Deux.", "M. Dupont vient."]
    assert seg.paragraphs(lines, 0, sizes=(6, 6)) == [["Un."], ["Deux.", "M. Dupont vient."]]


@pytest.mark.parametrize(
    ("sentence", "variant", "expected"),
    [
        ('Il dit "oui" et part.', "guillemets", "Il dit « oui » et part."),
        ('Il dit "oui" et part.', "curly", "Il dit “oui” et part."),
        ("Il dit « oui » et part.", "straight", 'Il dit "oui" et part.'),
        ("Il dit “oui” et part.", "guillemets", "Il dit « oui » et part."),
        ('" L\'arène " est là.', "guillemets", "« L'arène » est là."),
        ('sur lui :" le foulard ", dit-il.', "curly", "sur lui :“le foulard”, dit-il."),
        ("Il dit « oui ».", "written", "Il dit « oui »."),
    ],
)
def test_quote_variants(sentence: str, variant: str, expected: str) -> None:
    assert seg.quote_variant(sentence, variant) == expected


def test_unknown_variant_is_an_error() -> None:
    with pytest.raises(ConfigError):
        seg.quote_variant("Oui.", "smart")


def test_boundaries_count_non_space_characters() -> None:
    assert seg.boundaries(["Un deux.", "Trois.", "Quatre."]) == [7, 13]
    # The same offsets whatever the spacing of the pieces.
    assert seg.boundaries(["Un  deux. ", " Trois.", "Quatre."]) == [7, 13]


def test_counts_give_precision_recall_f1() -> None:
    counts = seg.Counts()
    counts.add([5, 10, 15], [5, 10, 12])
    f = counts.figures()
    assert (f["tp"], f["fp"], f["fn"]) == (2, 1, 1)
    assert f["precision"] == f["recall"] == f["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_a_splitter_that_never_splits_has_no_recall() -> None:
    result = seg.evaluate_segment("dev", "fr", limit=20, chosen=FAKES)
    row = result["results"][0]
    assert row["all"]["pysbd"]["recall"] == 0.0 and row["all"]["pysbd"]["tp"] == 0
    assert row["all"]["pysbd"]["fn"] == 4 * row["boundaries"]  # four quote variants
    assert row["all"]["brief"]["recall"] > 0.5
    assert set(row["variants"]) == set(seg.VARIANTS["fr"])


def test_errors_come_from_dev_sets_only() -> None:
    held_out = seg.evaluate_segment("test", "en", limit=30, show_errors=50, chosen=FAKES)
    assert held_out["errors"] == []
    dev = seg.evaluate_segment("dev", "en", limit=30, show_errors=5, chosen=FAKES)
    assert 0 < len(dev["errors"]) <= 5
    assert {e["set"] for e in dev["errors"]} <= set(seg.SETS["dev"])


def test_a_splitter_that_changes_the_text_is_refused() -> None:
    def drops(texts: list[str]) -> list[list[str]]:
        return [[t[:-1]] for t in texts]

    with pytest.raises(RuntimeError, match="changed the text"):
        seg.evaluate_segment("dev", "en", limit=3, chosen={"en": {"brief": drops}})


def test_signature_names_data_seed_and_code() -> None:
    sig = seg.signature(7, "en")
    assert "eval:segment" in sig and "seed:7" in sig and "newstest2009" in sig
    assert re.search(r"code:[0-9a-f]{10}", sig)


def test_a_missing_reference_splitter_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seg, "_import_pysbd", lambda: None)
    with pytest.raises(ConfigError, match="pip install pysbd"):
        seg.splitters("fr")
    assert "pysbd:-" in seg.signature(1, "en")


def test_unknown_split_is_an_error() -> None:
    with pytest.raises(ConfigError):
        seg.evaluate_segment("train", chosen=FAKES)


def test_eval_segment_command_prints_both_splitters_and_writes_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seg, "splitters", lambda lang: FAKES[lang])
    out = tmp_path / "segment.json"
    result = runner.invoke(app, ["eval", "segment", "--limit", "5", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "pysbd" in result.output and "targets" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["task"] == "segment"
    assert {(r["set"], r["lang"]) for r in data["results"]} == {
        (name, lang) for lang in seg.LANGS for group in seg.SETS.values() for name in group
    }
    assert set(data["signatures"]) == set(seg.LANGS)
    # brief's own result file may be replaced with --force (and only with it).
    again = ["eval", "segment", "--limit", "2", "-o", str(out), "-q"]
    assert isinstance(runner.invoke(app, again).exception, OutputError)
    assert runner.invoke(app, [*again, "--force"]).exit_code == 0


def test_brief_french_splitter_meets_the_target_on_dev_paragraphs() -> None:
    chosen = {"fr": {"brief": seg._brief_french("spacy")}}
    result = seg.evaluate_segment("dev", "fr", limit=60, chosen=chosen)
    for row in result["results"]:
        assert row["all"]["brief"]["precision"] >= 0.97, row["set"]
        assert row["all"]["brief"]["recall"] >= 0.97, row["set"]


def test_brief_english_splitter_meets_the_target_on_dev_paragraphs() -> None:
    chosen = {"en": {"brief": seg._brief_english}}
    result = seg.evaluate_segment("dev", "en", limit=120, chosen=chosen)
    for row in result["results"]:
        assert row["all"]["brief"]["precision"] >= 0.97, row["set"]
        assert row["all"]["brief"]["recall"] >= 0.97, row["set"]
