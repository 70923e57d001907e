"""``stages.summarise.max_input_tokens``: only the article's lead, in one pass."""

from __future__ import annotations

from pipeline.stages.summarise import lead
from tests.stages.test_summarise import make_article, make_stage


def words(texts: list[str]) -> list[int]:
    """Tokens as the scripted summariser counts them: words, plus 2 special tokens."""
    return [len(t.split()) + 2 for t in texts]


def test_a_long_article_is_summarised_from_its_lead_in_one_pass() -> None:
    body = [(f"Phrase {i}.", f"Sentence {i} " + "word " * 17 + "end.") for i in range(250)]
    stage = make_stage("stages.summarise.max_input_tokens=200", limit=1024)
    (article,) = stage.pipe([make_article(body, title=None, per_para=5)])
    (read,) = stage.backend.inputs  # one call, no chunks
    # 20 words a sentence: 2 special tokens + 9 × 20 + 8 joining spaces = 190 ≤ 200 < 211.
    assert read == " ".join(en for _, en in body[:9])
    assert article.summary_info["passes"] == 1 and article.summary_info["chunks"] == 1
    assert article.summary_info["sentences_read"] == 9
    assert article.summary_info["sentences"] == 250
    assert not [w for w in article.warnings if w.code == "summarise.truncated"]


def test_without_the_bound_the_same_article_is_read_whole() -> None:
    body = [(f"Phrase {i}.", f"Sentence {i} " + "word " * 17 + "end.") for i in range(250)]
    stage = make_stage(limit=1024)
    (article,) = stage.pipe([make_article(body, title=None, per_para=5)])
    assert article.summary_info["chunks"] > 1
    assert "sentences_read" not in article.summary_info


def test_lead_keeps_whole_sentences_within_the_budget() -> None:
    sentences = ["a b c", "d e", "f g h i"]  # 5, 4 and 6 tokens each with the 2 specials
    assert lead(sentences, words, 5) == ["a b c"]
    assert lead(sentences, words, 8) == ["a b c", "d e"]  # 2 + 3 + (2 + 1)
    assert lead(sentences, words, 100) == sentences
    # A first sentence over the budget is still read (the model cuts it at its own limit).
    assert lead(sentences, words, 3) == ["a b c"]
    assert lead([], words, 10) == []
