"""The translate stage with stand-in backends (tests/doubles.py): exact checks of its logic."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.backends.cache import CachedBackend
from pipeline.config import BriefConfig, load_config
from pipeline.document import Article
from pipeline.runtime import Runtime
from pipeline.stages.clean import CleanStage
from pipeline.stages.detect import DetectStage
from pipeline.stages.translate import TranslateStage
from tests.doubles import AlwaysDegenerate, Counting, Degenerate, Untranslated

RUNTIME = Runtime("cpu", "float32")
ARTICLE = """Xiaomi investit dans la voiture électrique

Le groupe Xiaomi a annoncé mardi un plan de 7,7 milliards de dollars. Son patron Lei Jun \
l'a présenté à Pékin devant les investisseurs du groupe.

Selon le communiqué publié le 3 mai 2019, les ventes ont progressé de 12 % en un an.
"""


def _config(*overrides: str) -> BriefConfig:
    return load_config(
        None,
        ["stages.clean.segmenter=rules", "stages.translate.backend.kind=identity", *overrides],
    )


def _articles(config: BriefConfig, *texts: str) -> list[Article]:
    articles = [Article.from_text(t, stem=f"a{i}") for i, t in enumerate(texts)]
    CleanStage(config, RUNTIME).pipe(articles)
    return articles


def _translate(backend: object, *texts: str, overrides: tuple[str, ...] = ()) -> list[Article]:
    config = _config(*overrides)
    articles = _articles(config, *texts)
    stage = TranslateStage(config, RUNTIME)
    stage.backend = backend
    stage.pipe(articles)
    return articles


def test_every_sentence_of_every_article_goes_in_one_call_and_comes_back_in_order() -> None:
    backend = Counting()
    first, second = _translate(backend, ARTICLE, "Un autre article. Il est court mais il compte.")
    assert len(backend.calls) == 1
    sent, _ = backend.calls[0]
    assert sent == [s.fr for s in first.sentences] + [s.fr for s in second.sentences]
    for article in (first, second):
        for s in article.sentences:
            assert s.en == backend.render(s.fr, None)


def test_structure_is_kept_and_the_title_translated() -> None:
    (article,) = _translate(Counting(), ARTICLE)
    assert [p.kind for p in article.paragraphs] == ["heading", "text", "text"]
    assert article.title_en == article.sentences[0].en
    blocks = article.text_en().split("\n\n")
    assert len(blocks) == len(article.paragraphs)
    assert blocks[1] == " ".join(s.en or "" for s in article.sentences_of(article.paragraphs[1]))


def test_degenerate_output_is_retried_with_safer_decoding() -> None:
    config = _config()
    backend = Degenerate()
    (article,) = _translate(backend, ARTICLE)
    assert len(backend.calls) == 2
    retried, settings = backend.calls[1]
    assert retried == [s.fr for s in article.sentences]  # all of them looped the first time
    assert settings == TranslateStage(config, RUNTIME).retry_generation
    assert (settings.num_beams, settings.no_repeat_ngram_size) == (5, 3)
    assert settings.repetition_penalty == pytest.approx(1.3)
    assert all("the the the" not in (s.en or "") for s in article.sentences)
    assert not any(w.code == "translate.degenerate" for w in article.warnings)


def test_still_degenerate_output_keeps_the_best_attempt_and_is_flagged() -> None:
    (article,) = _translate(AlwaysDegenerate(), "Le gouvernement a annoncé un plan de relance.")
    (sentence,) = article.sentences
    assert sentence.en == "of the of the of the of the"  # the first attempt, as bad as the retry
    assert "repetition" in sentence.flags
    (warning,) = [w for w in article.warnings if w.code == "translate.degenerate"]
    assert warning.sentence == 0 and "repetition" in warning.message


def test_french_left_in_the_output_is_retried() -> None:
    backend = Untranslated()
    (article,) = _translate(backend, "Le gouvernement a annoncé mardi un plan de relance.")
    assert len(backend.calls) == 2
    assert article.sentences[0].flags == []
    assert article.sentences[0].en != article.sentences[0].fr


def test_the_guard_can_be_switched_off() -> None:
    backend = AlwaysDegenerate()
    (article,) = _translate(
        backend,
        "Le gouvernement a annoncé un plan.",
        overrides=("stages.translate.guard.enabled=false",),
    )
    assert len(backend.calls) == 1 and article.sentences[0].flags == []


def test_a_sentence_over_the_limit_is_translated_in_pieces() -> None:
    backend = Counting()
    words = " ".join(f"mot{i}" for i in range(120))
    long = f"Le rapport dit, en substance ; {words}, et ainsi de suite — jusqu'à la fin."
    (article,) = _translate(backend, long, overrides=("stages.translate.max_input_tokens=20",))
    (sentence,) = article.sentences
    pieces, _ = backend.calls[0]
    assert len(pieces) > 6 and all(len(p.split()) + 1 <= 20 for p in pieces)
    assert " ".join(pieces) == sentence.fr
    assert sentence.en == " ".join(backend.render(p, None) for p in pieces)
    assert "split_input" in sentence.flags
    (warning,) = [w for w in article.warnings if w.code == "translate.split_long"]
    assert f"in {len(pieces)} pieces" in warning.message


def test_english_sentences_and_articles_are_kept_as_written() -> None:
    config = _config()
    quote = "We are very happy with the results of this quarter."
    french = (
        "Le patron du groupe est venu à Paris mardi pour présenter ses résultats. "
        f"Devant les journalistes, il a répété sa devise en anglais. {quote} "
        "Les ventes ont progressé de 12 % sur un an, selon le communiqué."
    )
    english = "The government announced a new recovery plan on Tuesday. It will help."
    articles = _articles(config, french, english)
    DetectStage(config, RUNTIME).pipe(articles)
    stage = TranslateStage(config, RUNTIME)
    stage.backend = backend = Counting()
    stage.pipe(articles)
    sent, _ = backend.calls[0]
    assert quote not in sent and not any("government" in s for s in sent)
    assert articles[0].sentences[2].en == quote
    assert [s.en for s in articles[1].sentences] == [s.fr for s in articles[1].sentences]


def test_rerun_hits_the_cache_for_every_sentence(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    config = _config()
    runs = []
    for _ in range(2):
        articles = _articles(config, ARTICLE, "Un autre article. Il est court mais il compte.")
        stage = TranslateStage(config, RUNTIME)
        stage.backend = CachedBackend(Counting(), path)
        stage.pipe(articles)
        runs.append((stage.backend, [s.en for a in articles for s in a.sentences]))
    (first, first_en), (second, second_en) = runs
    assert second_en == first_en
    assert second.backend.texts_translated == 0
    assert second.stats.cache_misses == 0
    assert second.stats.cache_hits == len(second_en)
    assert first.stats.cache_misses == len(first_en)


def test_model_backends_get_the_cache_and_stand_ins_do_not(tmp_path: Path) -> None:
    stand_in = TranslateStage(_config(), RUNTIME)
    assert not isinstance(stand_in.backend, CachedBackend)
    tiny_dir = tmp_path / "model"
    tiny_dir.mkdir()
    cached = TranslateStage(
        _config(
            "stages.translate.backend.kind=hf",
            f'stages.translate.backend.model="{tiny_dir.as_posix()}"',
            f'stages.translate.cache.path="{(tmp_path / "c.sqlite").as_posix()}"',
        ),
        RUNTIME,
    )
    assert isinstance(cached.backend, CachedBackend)
    assert cached.backend.path == tmp_path / "c.sqlite"
    assert not (tmp_path / "c.sqlite").exists()  # opened on first use only
    off = TranslateStage(
        _config(
            "stages.translate.backend.kind=hf",
            f'stages.translate.backend.model="{tiny_dir.as_posix()}"',
            "stages.translate.cache.enabled=false",
        ),
        RUNTIME,
    )
    assert not isinstance(off.backend, CachedBackend)
