from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.errors import ConfigError
from pipeline.evaluation import data, perturb, perturb_names, perturb_units, reference_errors
from pipeline.evaluation.verify import evaluate_verify


@pytest.mark.parametrize(
    ("kind", "fr", "en", "changed_part"),
    [
        ("digit_number", "Il a payé 1 500 euros.", "He paid 1,500 euros.", "euros"),
        ("percentage", "Une hausse de 12 %.", "A rise of 12%.", "%"),
        ("scale_word", "Il vaut 3 milliards.", "It is worth 3 billion.", "million"),
        ("number_words", "Il a trois chats.", "He has three cats.", "cats"),
        ("weekday", "Il est venu jeudi.", "He came on Thursday.", "day"),
        ("month", "Il est venu en mars.", "He came in March.", "in "),
        ("clock_time", "À 21h30, il dormait.", "At 9:30 p.m., he was asleep.", ":30 p.m."),
        ("name", "Il a vu M. Florez hier.", "He saw Mr Florez yesterday.", "Mr "),
        ("acronym", "L'OTAN a répondu.", "NATO responded.", "responded"),
        ("negation_added", "Il est parti.", "He has left.", "not"),
        ("negation_removed", "Il n'est pas parti.", "He did not leave.", "leave"),
    ],
)
def test_each_perturbation_changes_what_it_names(
    kind: str, fr: str, en: str, changed_part: str
) -> None:
    changed = perturb.perturb(kind, fr, en, seed=1, index=0)
    assert changed is not None and changed != en and changed_part in changed
    assert perturb.perturb(kind, fr, en, seed=1, index=0) == changed  # seeded


@pytest.mark.parametrize(
    ("kind", "fr", "en"),
    [
        ("digit_number", "Il a payé cher.", "He paid 1,500 euros."),  # not in the French
        ("weekday", "Il est venu hier.", "He came on Thursday."),
        ("negation_added", "Il n'est pas parti.", "He has not left."),
        ("negation_removed", "Il est parti.", "He has not left."),
        ("acronym", "Les États-Unis.", "The US."),
    ],
)
def test_a_perturbation_needs_the_french_to_state_it_too(kind: str, fr: str, en: str) -> None:
    assert perturb.perturb(kind, fr, en, seed=1, index=0) is None


def test_a_replacement_name_is_one_the_article_does_not_state() -> None:
    # Every replacement but one is stated by the article (one by its first letters, one by its
    # French form, one by its letters reordered): the seed cannot pick another.
    names = ["Kowalczyk", "Okonkwo", "Hartigan", "Villanueva", "Lindqvist", "Abernathy"]
    article = " ".join(f"{n[:5]}ski est venu." for n in names)
    for index in range(5):
        rng = perturb.rng_for(1, "name", index)
        changed = perturb_names.name("Il a vu M. Florez.", "He saw Mr Florez.", rng, article)
        assert changed == "He saw Mr Tsukamoto."
    article = "L'OMC, la FAO, l'AIEA, l'OCDE, l'UEFA et le FBI ont répondu."
    for index in range(5):
        rng = perturb.rng_for(1, "acronym", index)
        changed = perturb_names.acronym("L'OTAN a répondu.", "NATO responded.", rng, article)
        assert changed == "ESA responded."
    assert set(perturb_names.WITHIN_ARTICLE) <= set(perturb.PERTURBATIONS)


def test_summary_move_takes_a_number_from_another_sentence() -> None:
    moved = perturb.summary_move(
        "Sales rose by 12 million.", ["Profits fell by 40 million."], perturb.rng_for(1, "m", 0)
    )
    assert moved == "Sales rose by 40 million."


def test_eval_verify_counts_recall_and_false_positives(tmp_path: Path) -> None:
    result = evaluate_verify(seed=3, limit=40, sets=["newstest2014-fr"])
    figures = result["sets"]["newstest2014-fr"]
    assert figures["sentences"] == 40 and figures["role"] == "dev"
    assert figures["recall"]["digit_number"]["applicable"] > 0
    assert "seed:3" in result["signature"] and result["signature"].startswith("brief:")
    out = tmp_path / "v.json"
    cli = CliRunner().invoke(
        app, ["eval", "verify", "--limit", "20", "--set", "dev", "-o", str(out), "-q"]
    )
    assert cli.exit_code == 0, cli.output
    assert "recall digit_number" in cli.output and "newstest2012 (20)" in cli.output
    assert "false alarms, net of listed reference errors" in cli.output
    assert "TEST" not in cli.output  # --set dev: no test set run
    assert (
        json.loads(out.read_text(encoding="utf-8"))["dataset"]["segments"] == 80
    )  # four DEV sets, --limit 20


def test_a_validation_or_test_set_gives_aggregates_only_never_a_flag_or_sentence() -> None:
    result = evaluate_verify(seed=3, limit=60, sets=["validation", "test"])
    assert set(result["sets"]) == {
        "newstest2010",
        "newstest2009",
        "newsdiscusstest2015-fren",
        "newstest2013",
    }
    for figures in result["sets"].values():
        assert figures["role"] in ("validation", "test") and "examples" not in figures
        assert sum(r["applicable"] for r in figures["recall"].values()) > 0
    dumped = json.dumps(result, ensure_ascii=False)
    held = ("validation", "test")
    sentences = [s for spec in data.VERIFY_SETS if spec.role in held for s in spec.load()[:60]]
    # No French or English text of a test set, nor any part of a sentence, is in the result.
    assert not any(s.source[:30] in dumped or s.reference[:30] in dumped for s in sentences)
    dev = evaluate_verify(seed=3, limit=60, sets=["newsdiscussdev2015-fren"])
    assert "examples" in dev["sets"]["newsdiscussdev2015-fren"]  # a dev set keeps its flags


def test_an_unknown_set_is_a_usage_error() -> None:
    with pytest.raises(ConfigError, match="newstest2099"):
        evaluate_verify(limit=5, sets=["newstest2099"])
    cli = CliRunner().invoke(app, ["eval", "verify", "--set", "newstest2099", "-q"])
    assert cli.exit_code == 2, cli.output


def test_unexplained_keeps_a_kind_the_listed_errors_do_not_name() -> None:
    assert reference_errors.unexplained(["number"], {"number"}) == set()
    assert reference_errors.unexplained(["number", "name"], {"number"}) == {"name"}
    assert reference_errors.unexplained(["polarity"], set()) == {"polarity"}


def test_reference_errors_parse_skips_comments_and_merges_kinds() -> None:
    text = "# segment\tkind\tnote\n\n12\tnumber\t37 → 38\n12\tname\tNora only\n5\tdate\tvendredi\n"
    assert reference_errors.parse(text) == {12: {"number", "name"}, 5: {"date"}}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("12 number 37 → 38", "column"),  # spaces, not tabs
        ("twelve\tnumber\t37 → 38", "not an index"),
        ("12\tnumbers\t37 → 38", "unknown kind"),
        ("12\tnumber\t ", "say what"),
    ],
)
def test_a_malformed_reference_error_line_is_a_clear_error(line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=rf"polarity\.tsv:2: .*{message}"):
        reference_errors.parse(f"# header\n{line}\n", "polarity.tsv")


def test_shipped_reference_error_lists_parse() -> None:
    assert reference_errors.files(), "pipeline/data/eval/reference_errors ships no list"
    reference_errors.load()  # raises on a malformed line


def test_false_positives_net_of_listed_reference_errors() -> None:
    raw = evaluate_verify(seed=3, limit=400, listed={}, sets=["newstest2014-fr"])
    flagged = raw["sets"]["newstest2014-fr"]["examples"]["false_positive"]
    assert len(flagged) >= 2
    first, second = flagged[0], flagged[1]
    listed = {
        first["index"]: {f["kind"] for f in first["flags"]},  # every flag listed: excluded
        second["index"]: {"unsourced"},  # another kind listed: still a false positive
    }
    net = evaluate_verify(seed=3, limit=400, listed=listed, sets=["newstest2014-fr"])
    net = net["sets"]["newstest2014-fr"]["false_positives"]
    before = raw["sets"]["newstest2014-fr"]["false_positives"]
    assert net["translation"] == before["translation"]  # the raw figures do not move
    assert net["net_of_reference_errors"]["sentences"] == before["translation"]["sentences"] - 1
    assert net["net_of_reference_errors"]["reference_errors"] == 1
    kind = first["flags"][0]["kind"]
    assert net["net_of_reference_errors"]["by_kind"][kind] < before["by_kind"][kind]


@pytest.mark.parametrize(
    ("kind", "fr", "en", "kept"),
    [
        ("score", "Nadal a gagné 6-2.", "Nadal won 6-2.", "Nadal won 6"),
        ("ordinal", "Il est 22e du classement.", "He is 22nd in the ranking.", "in the ranking"),
        ("quarter", "Au 3T, les ventes ont baissé.", "In Q3, sales fell.", "In Q"),
        ("quarter", "Au troisième trimestre.", "In the third quarter.", " quarter"),
        ("bound_scale", "Plus de 800 millions d'euros.", "Over 800 million euros.", "Over 800 "),
        ("bound_scale", "Un demi-million de gens.", "Half a million people.", "Half a "),
        ("unit_swap", "3 personnes, soit 40 %.", "3 people, or 40%.", "40 people"),
        (
            "negation_removed_other",
            "Il n'a pas dit qu'il ne viendrait pas.",
            "He did not say he would not come.",
            "He did",
        ),
    ],
)
def test_each_unit_perturbation_changes_what_it_names(
    kind: str, fr: str, en: str, kept: str
) -> None:
    changed = perturb_units.PERTURBATIONS[kind](fr, en, perturb.rng_for(1, kind, 0))
    assert changed is not None and changed != en and kept in changed
    assert perturb_units.PERTURBATIONS[kind](fr, en, perturb.rng_for(1, kind, 0)) == changed


@pytest.mark.parametrize(
    ("kind", "fr", "en"),
    [
        ("score", "Il est 9 h 30.", "It is 9:30."),  # a clock time
        ("ordinal", "Le 22 mars.", "On March 22nd."),  # a date, not an ordinal in the French
        ("quarter", "Les ventes ont baissé.", "In Q3, sales fell."),
        ("bound_scale", "800 millions d'euros.", "Over 800 million euros."),
        ("unit_swap", "3 personnes.", "3 people."),  # one quantity only
        ("negation_removed_other", "Il n'a pas dit cela.", "He did not say it."),  # one
    ],
)
def test_a_unit_perturbation_needs_the_french_to_state_it_too(kind: str, fr: str, en: str) -> None:
    assert perturb_units.PERTURBATIONS[kind](fr, en, perturb.rng_for(1, kind, 0)) is None
