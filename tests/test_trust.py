"""The trust line: counts of what the checks vouch for, the same in every output."""

from __future__ import annotations

from pipeline.brief import to_dict
from pipeline.document import SummarySentence
from pipeline.trust import compute, trust_line
from tests.stages.test_summarise import make_article


def test_counts_follow_the_flags_of_sentences_and_summary() -> None:
    article = make_article()
    article.sentences[2].flags.append("number_mismatch")
    article.sentences[3].flags.append("split_input")  # how it was handled, not a problem
    article.summary_en = [
        SummarySentence("A.", [2]),  # draws on a flagged sentence
        SummarySentence("B.", [3]),
        SummarySentence("C.", [], ["unsourced"]),
    ]
    trust = compute(article, "en")
    assert trust["checked"] == len(article.sentences)
    assert trust["flagged"] == 1
    assert trust["summary"] == {"sentences": 3, "traced": 2, "flagged": 2}
    # The article's own title is its heading sentence, unflagged.
    assert trust["headline"] == {"traced": True, "flagged": False}
    article.sentences[0].flags.append("name_mismatch")
    assert compute(article, "en")["headline"] == {"traced": True, "flagged": True}


def test_the_line_says_the_counts_in_words() -> None:
    line = trust_line(
        {
            "checked": 14,
            "flagged": 2,
            "summary": {"sentences": 3, "traced": 3, "flagged": 1},
            "headline": {"traced": True, "flagged": False},
        }
    )
    assert line == (
        "12 of 14 sentences checked with no problem found; 2 flagged. Summary: 3 sentences, all "
        "traced to the source; 1 flagged or drawn from a flagged sentence. Headline: traced, "
        "not flagged."
    )
    clean = trust_line(
        {
            "checked": 1,
            "flagged": 0,
            "summary": {"sentences": 0, "traced": 0, "flagged": 0},
            "headline": {"traced": False, "flagged": False},
        }
    )
    assert clean == (
        "All 1 sentence checked: no problem found. No summary. Headline: not traced to a "
        "source sentence."
    )


def test_the_json_brief_carries_trust_numbers_and_the_flags_summaries_inherit() -> None:
    article = make_article()
    article.sentences[2].flags.append("date_mismatch")
    article.summary_en = [SummarySentence("A.", [2, 1])]
    data = to_dict(article, "en")
    assert data["id"] == "fr-" + "0" * 16
    assert [s["number"] for s in data["sentences"]] == list(range(1, len(article.sentences) + 1))
    summary = data["summary"]["sentences"]["en"][0]
    assert summary["number"] == 1 and summary["source_flags"] == [2]
    assert data["trust"]["summary"]["flagged"] == 1
    assert data["trust"]["line"] == trust_line(data["trust"])
    assert data["title"]["sources"] == [0] and data["title"]["flags"] == []
