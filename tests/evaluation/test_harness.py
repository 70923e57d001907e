from __future__ import annotations

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.evaluation.harness import evaluate_summaries, evaluate_translation
from tests.conftest import FAKE_OVERRIDES

# Model-free pipeline whose French summary is the article's first three sentences: the classic
# lead-3 baseline, scored through the real stages and metric.
LEAD3 = [
    "stages.translate.backend.kind=identity",
    "stages.summarise.backend.kind=lead",
    "stages.summarise.french.backend.kind=identity",
    "run.device=cpu",
]


def test_summaries_are_scored_on_the_french_side_of_the_brief() -> None:
    done: list[tuple[int, int]] = []
    result = evaluate_summaries(
        load_config(None, LEAD3), limit=10, progress=lambda *a: done.append(a)
    )
    assert result.dataset["items"] == 10 and result.failed == 0
    assert done[-1] == (10, 10)
    # The lead of a news article shares a good part of its words with the abstract.
    assert 15 < result.scores["ROUGE-1"] < 60
    assert result.scores["ROUGE-1"] > result.scores["ROUGE-2"]
    assert result.signature["models"]["summarise"]["id"] == "lead"
    assert result.config["pipeline"]["stages"] == ["clean", "translate", "summarise"]


def test_translation_scores_the_limited_segments_with_sacrebleu() -> None:
    # `upper` is a stand-in: upper-cased French scores near zero against English references.
    result = evaluate_translation(load_config(None, FAKE_OVERRIDES), limit=5)
    assert result.dataset["items"] == 5 and result.dataset["available"] == 1500
    assert result.scores["BLEU"] < 5
    assert result.examples[0]["output"] == result.examples[0]["source"].upper()
    assert result.details["bleu_signature"].startswith("nrefs:1|case:mixed")


@pytest.mark.parametrize(
    ("task", "stages"),
    [("translate", ["clean", "summarise"]), ("summarise", ["clean", "translate"])],
)
def test_a_pipeline_without_the_stage_under_test_is_a_config_error(
    task: str, stages: list[str]
) -> None:
    config = load_config(None, FAKE_OVERRIDES)
    config.pipeline.stages = stages
    run = evaluate_translation if task == "translate" else evaluate_summaries
    with pytest.raises(ConfigError, match=f"brief eval {task}"):
        run(config, limit=1)
