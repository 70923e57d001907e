from __future__ import annotations

from pipeline.document import Article, Fact, Paragraph, Sentence, SummarySentence
from pipeline.facts.mention import Mention
from pipeline.facts.rank import Draft, key_sentences, rank


def _article(n: int = 10, title: str | None = None) -> Article:
    article = Article.from_text("x", "a")
    article.sentences = [Sentence(i, 0, f"phrase {i}") for i in range(n)]
    article.paragraphs = [Paragraph(0, "text", list(range(n)))]
    article.title_fr = title
    return article


def _draft(fr: str, sentences: list[int], kind: str = "organisation") -> Draft:
    mentions = [Mention(kind, fr, s, (0, len(fr))) for s in sentences]
    return Draft(Fact(kind, fr, sentences=list(dict.fromkeys(sentences))), mentions)


def test_more_mentions_rank_higher() -> None:
    facts = rank([_draft("Huawei", [5]), _draft("Xiaomi", [5, 6, 7])], _article())
    assert [f.fr for f in facts] == ["Xiaomi", "Huawei"]
    assert facts[0].score > facts[1].score


def test_earlier_mentions_rank_higher() -> None:
    facts = rank([_draft("Huawei", [8]), _draft("Xiaomi", [1])], _article())
    assert [f.fr for f in facts] == ["Xiaomi", "Huawei"]


def test_the_title_lifts_a_fact() -> None:
    article = _article(title="Xiaomi sur liste noire")
    facts = rank([_draft("Huawei", [1, 2]), _draft("Xiaomi", [9])], article)
    assert [f.fr for f in facts] == ["Xiaomi", "Huawei"]


def test_the_summary_lifts_a_fact_in_either_language() -> None:
    article = _article()
    article.summary_en = [SummarySentence("Huawei was blacklisted.", [3])]
    facts = rank([_draft("Xiaomi", [3]), _draft("Huawei", [3])], article)
    assert [f.fr for f in facts] == ["Huawei", "Xiaomi"]


def test_an_amount_in_the_summary_counts_however_it_is_written() -> None:
    from pipeline.facts.analysis import Analysis
    from pipeline.facts.quantities import quantity_mentions

    article = _article()
    article.summary_en = [SummarySentence("It plans to invest $7.7bn.", [3])]
    (amount,) = quantity_mentions("soit 7,7 milliards de dollars", 3, Analysis())
    other = _draft("Xiaomi", [3], "organisation")
    facts = rank([other, Draft(Fact("amount", amount.fr, sentences=[3]), [amount])], article)
    assert facts[0].type == "amount"


def test_ties_keep_reading_order() -> None:
    facts = rank([_draft("B", [4]), _draft("A", [4])], _article())
    assert [f.fr for f in facts] == ["B", "A"]


def test_key_sentences_carry_the_most_facts_in_article_order() -> None:
    article = _article()
    article.paragraphs = [Paragraph(0, "heading", [0]), Paragraph(1, "text", list(range(1, 10)))]
    drafts = [
        _draft("A", [0, 2, 7]),
        _draft("B", [0, 7]),
        _draft("C", [0, 5, 7]),
        _draft("D", [5]),
        _draft("E", [2]),
        _draft("F", [9]),
    ]
    facts = rank(drafts, article)
    # Sentence 0 has three facts but is a heading; 7 has three, 2 and 5 two each, 9 one.
    assert key_sentences(facts, article, 3) == [2, 5, 7]
    assert key_sentences(facts, article, 1) == [7]
    assert key_sentences(facts, article, 0) == []
    assert key_sentences([], article, 3) == []
