from __future__ import annotations

from pipeline.document import Article, Sentence
from pipeline.stages.base import Stage, pipe_isolated, restore, snapshot


class _WarnsThenBreaks(Stage):
    """Warns on each article and fills it in place, and breaks on the one that says boom."""

    name = "fragile"

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.warn("fragile.seen", "seen once", self.name)
            article.metadata["seen"] = article.metadata.get("seen", 0) + 1
            article.sentences[0].flags.append("looked_at")
            article.raw = None  # as cleaning does, once the bytes are decoded
            if b"boom" in (article.sha256.encode()):
                raise RuntimeError("kaboom")
        return articles


def _article(stem: str, marker: str = "") -> Article:
    article = Article(path=f"http://example.org/{stem}", stem=stem, raw=b"page bytes")
    article.sha256 = marker
    article.sentences = [Sentence(0, 0, "Une phrase.")]
    return article


def test_the_retry_starts_each_article_from_before_the_stage() -> None:
    good = [_article(f"a{i}") for i in range(3)]
    bad = _article("bad", "boom")
    batch = [good[0], bad, *good[1:]]
    pipe_isolated(_WarnsThenBreaks(), batch)
    assert bad.error == "fragile failed: RuntimeError: kaboom"
    for article in good:
        assert article.error is None
        assert [w.code for w in article.warnings] == ["fragile.seen"]
        assert article.metadata["seen"] == 1
        assert article.sentences[0].flags == ["looked_at"]


def test_restore_puts_the_same_object_back_as_it_was() -> None:
    article = _article("a")
    article.metadata["nested"] = {"k": [1]}
    state = snapshot(article)
    sentence = article.sentences[0]
    sentence.en = "A sentence."
    sentence.flags.append("x")
    article.metadata["nested"]["k"].append(2)
    article.raw = None
    article.warn("w", "m")
    restore(article, state)
    assert article.raw == b"page bytes"
    assert article.warnings == [] and article.metadata == {"nested": {"k": [1]}}
    assert article.sentences[0].en is None and article.sentences[0].flags == []
