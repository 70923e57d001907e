"""The verify stage: the checks of `brief verify` on the pipeline's articles."""

from __future__ import annotations

import pytest

from pipeline.brief import to_dict
from pipeline.config import load_config
from pipeline.document import Article
from pipeline.runtime import Runtime
from pipeline.stages.clean import CleanStage
from pipeline.stages.translate import TranslateStage
from pipeline.stages.verify import VerifyStage
from tests.doubles import Fixed

RUNTIME = Runtime("cpu", "float32")
SOURCE = "Le groupe Xiaomi a annoncé mardi un plan de 7,7 milliards de dollars."


def _verified(english: str, *overrides: str) -> Article:
    config = load_config(
        None,
        ["stages.clean.segmenter=rules", "stages.translate.backend.kind=identity", *overrides],
    )
    article = Article.from_text(SOURCE, stem="a")
    CleanStage(config, RUNTIME).pipe([article])
    translate = TranslateStage(config, RUNTIME)
    translate.backend = Fixed({SOURCE: english})
    translate.pipe([article])
    VerifyStage(config, RUNTIME).pipe([article])
    return article


@pytest.mark.parametrize(
    ("english", "flags", "quoted"),
    [
        ("Xiaomi announced a $7.7 billion plan on Tuesday.", [], None),
        (
            "Xiaomi announced a 7.7 million dollar plan on Tuesday.",
            ["number_mismatch"],
            "7,7 milliards de dollars",
        ),
        ("Xiaomi announced a $7.7 billion plan on Monday.", ["date_mismatch"], "mardi"),
        ("Huawei announced a $7.7 billion plan on Tuesday.", ["name_mismatch"], "Xiaomi"),
        ("Xiaomi did not announce a $7.7 billion plan on Tuesday.", ["polarity_mismatch"], "not"),
    ],
)
def test_each_kind_is_flagged_with_the_spans_as_brief_verify_words_them(
    english: str, flags: list[str], quoted: str | None
) -> None:
    article = _verified(english)
    (sentence,) = article.sentences
    assert sentence.flags == flags
    codes = [w for w in article.warnings if w.code.startswith("verify.")]
    if quoted is None:
        assert codes == []
    else:
        (warning,) = codes
        assert warning.code == f"verify.{flags[0]}" and f"“{quoted}”" in warning.message
    assert to_dict(article, "en")["sentences"][0]["flags"] == flags


def test_checks_can_be_switched_off() -> None:
    article = _verified(
        "A plan.",
        "stages.translate.guard.enabled=false",
        "stages.verify.numbers=false",
        "stages.verify.names=false",
        "stages.verify.polarity=false",
    )
    assert article.sentences[0].flags == [] and article.warnings == []


def test_the_stage_is_declared_parallel_between_summarise_and_facts() -> None:
    config = load_config(None, [])
    stages = config.pipeline.stages
    assert stages.index("summarise") < stages.index("verify") < stages.index("facts")
    assert VerifyStage.parallel


@pytest.mark.parametrize(("name", "flags"), [("Xiaomi", []), ("Huawei", ["name_mismatch"])])
def test_a_sentence_may_name_what_the_article_names_elsewhere(name: str, flags: list[str]) -> None:
    second = "Le groupe vise l'Inde."
    config = load_config(
        None, ["stages.clean.segmenter=rules", "stages.translate.backend.kind=identity"]
    )
    article = Article.from_text(f"{SOURCE} {second}", stem="a")
    CleanStage(config, RUNTIME).pipe([article])
    translate = TranslateStage(config, RUNTIME)
    english = "Xiaomi announced a $7.7 billion plan on Tuesday."
    translate.backend = Fixed({SOURCE: english, second: f"Now {name} is aiming at India."})
    translate.pipe([article])
    VerifyStage(config, RUNTIME).pipe([article])
    assert [s.flags for s in article.sentences] == [[], flags]
