"""The summarise stage with tiny random-weight models: real tokenizers, real ``generate``.

Their output is gibberish, so these tests check the plumbing that does not depend on it: input
limits measured with the model's own tokenizer, chunk coverage, map-reduce rounds, both French
paths, and that every summary line is traced or flagged.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from pipeline.config import load_config
from pipeline.document import Article
from pipeline.runtime import Runtime
from pipeline.stages.summarise import SummariseStage, input_limit
from pipeline.stages.verify import VerifyStage
from pipeline.testing.builders import load_corpus
from tests.stages.test_summarise import make_article

# Greedy and short, so that random weights do not spend seconds on beams of gibberish.
FAST = [
    "stages.summarise.num_beams=1",
    "stages.summarise.min_new_tokens=4",
    "stages.summarise.max_new_tokens=24",
    "stages.summarise.backend.batch_size=16",
    "stages.summarise.french.num_beams=1",
]


def long_article(words: int = 5000) -> Article:
    """An article of ``words`` English words (the French side from the French corpus)."""
    pairs = []
    count = 0
    for en, fr in zip(
        itertools.cycle(load_corpus("en")), itertools.cycle(load_corpus("fr")), strict=False
    ):
        pairs.append((fr, en))
        count += len(en.split())
        if count >= words:
            break
    return make_article(pairs, title=None, per_para=5)


def tiny_stage(tiny_dir: Path, *overrides: str) -> SummariseStage:
    config = load_config(tiny_dir / "config.toml", [*FAST, *overrides])
    return SummariseStage(config, Runtime("cpu", "float32"))


def record(backend: object) -> list[str]:
    """Makes ``backend.summarise`` keep every text it is given."""
    seen: list[str] = []
    summarise = backend.summarise

    def recording(texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        seen.extend(texts)
        return summarise(texts, max_new_tokens)

    backend.summarise = recording  # type: ignore[attr-defined]
    return seen


def assert_traced(article: Article) -> None:
    """Every summary sentence has sources in the article, or is flagged unsourced by the verify
    stage that follows summarise in the pipeline."""
    summaries_only = ["stages.verify.numbers=false", "stages.verify.names=false"]
    VerifyStage(load_config(None, summaries_only), Runtime("cpu", "float32")).pipe([article])
    ids = {s.id for s in article.sentences}
    for sentence in article.summary_en + article.summary_fr:
        assert set(sentence.sources) <= ids
        assert sentence.sources or "unsourced" in sentence.flags


def test_a_5000_word_article_is_map_reduced_and_translated_back(tiny_dir: Path) -> None:
    stage = tiny_stage(tiny_dir)
    seen = record(stage.backend)
    article = long_article()
    body = " ".join(s.en for s in article.sentences)
    assert len(body.split()) >= 5000
    stage.pipe([article])
    limit = input_limit(stage.backend)
    assert limit == 1024
    assert stage.backend.count_tokens([body])[0] > 3 * limit  # it would not fit: chunks needed
    assert max(stage.backend.count_tokens(seen)) <= limit
    info = article.summary_info
    assert info["chunks"] > 3 and info["passes"] >= 2
    # The first round read every sentence once, in order, none cut.
    assert " ".join(seen[: info["chunks"]]) == body
    assert not [w for w in article.warnings if w.code == "summarise.truncated"]
    # The French side: the English summary through the tiny en→fr model, sources shared.
    assert stage.french.signature()["id"] == "opus-mt-en-fr-tiny"
    assert len(article.summary_fr) == len(article.summary_en) > 0
    assert all(s.text for s in article.summary_fr)
    assert [s.sources for s in article.summary_fr] == [s.sources for s in article.summary_en]
    assert_traced(article)


def test_the_french_model_path_chunks_the_french_text(tiny_dir: Path) -> None:
    bart = load_config(tiny_dir / "config.toml").stages.summarise.backend.model
    stage = tiny_stage(
        tiny_dir,
        "stages.summarise.french.method=model",
        f'stages.summarise.french.backend.model="{bart}"',
        "stages.summarise.max_chunk_tokens=256",
    )
    seen = record(stage.french)
    article = long_article(300)
    stage.pipe([article])
    assert max(stage.french.count_tokens(seen)) <= 256
    info = article.summary_info
    assert info["french_method"] == "model" and info["french_chunks"] > 1
    assert " ".join(seen[: info["french_chunks"]]) == " ".join(s.fr for s in article.sentences)
    assert_traced(article)
