"""spaCy runs once per French sentence: the translate stage's name check and the facts stage
share its analysis."""

from __future__ import annotations

import pytest

from pipeline.config import load_config
from pipeline.document import Article
from pipeline.facts import analysis as analysis_module
from pipeline.runner import Pipeline
from pipeline.runtime import Runtime
from tests.conftest import FAKE_OVERRIDES


def test_the_name_check_and_the_facts_stage_share_one_spacy_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    analysed: list[str] = []
    real = analysis_module.analyse

    def counting(nlp, texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        analysed.extend(texts)
        return real(nlp, texts, *args, **kwargs)

    monkeypatch.setattr(analysis_module, "analyse", counting)
    config = load_config(
        None,
        [
            *FAKE_OVERRIDES,
            'pipeline.stages=["clean","translate","facts"]',
            "stages.translate.cache.enabled=false",
        ],
    )
    pipeline = Pipeline(config, Runtime("cpu", "float32"))
    (article,) = pipeline.run(
        [
            Article.from_text(
                "Le ministre Bruno Le Maire a présenté mardi à Paris un plan de 30 milliards "
                "d'euros.\n\n"
                "Selon Airbus, les commandes ont augmenté de 12 % en 2023.\n",
                stem="a",
                path="a.txt",
            )
        ]
    )
    assert not article.error
    # Each French sentence went through spaCy once, for the name check; facts reused it.
    assert sorted(analysed) == sorted(s.fr for s in article.sentences)
    assert any(f.type == "person" for f in article.facts)
    # The analyses are dropped once the batch is through (no spaCy objects kept per article).
    assert all(s.analysis is None for s in article.sentences)
