from __future__ import annotations

import re

import pytest

from pipeline.brief import md_escape, to_markdown
from pipeline.document import SummarySentence
from tests.stages.test_summarise import BODY, make_article


def test_full_text_is_paragraph_by_paragraph_with_an_anchor_per_sentence() -> None:
    article = make_article()
    md = to_markdown(article, "en")
    text = md[md.index("## Full text") : md.index("\n---\n")]
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| English | Français |"
    # Title heading, then two paragraphs of two sentences each.
    assert len(rows) == 1 + len(article.paragraphs)
    assert rows[2].count("<a id=") == 2 and "<sup>1</sup> In January" in rows[2]
    assert "<sup>1</sup> En janvier" in rows[2]
    assert re.findall(r'<a id="s-(\d+)">', md) == [str(s.id) for s in article.sentences]
    assert rows[1].startswith('| **<a id="s-0"></a><sup>0</sup> Xiaomi blacklisted**')


def test_summary_links_land_on_sentence_anchors() -> None:
    article = make_article()
    article.summary_en = [SummarySentence("The firm raised $7.7 billion.", [3])]
    md = to_markdown(article, "en")
    assert "The firm raised $7.7 billion. [[3]](#s-3)" in md
    assert '<a id="s-3"></a>' in md


def test_lang_fr_puts_french_first_everywhere() -> None:
    article = make_article()
    article.summary_en = [SummarySentence("The firm raised $7.7 billion.", [3])]
    article.summary_fr = [SummarySentence("La firme a levé 7,7 milliards de dollars.", [3])]
    md = to_markdown(article, "fr")
    assert md.startswith("# Xiaomi sur liste noire\n*Xiaomi blacklisted*\n")
    assert md.index("**Français:**") < md.index("**English:**")
    assert "| Français | English |" in md
    assert f'<a id="s-1"></a><sup>1</sup> {BODY[0][0]}' in md
    assert "## Texte intégral" in md


@pytest.mark.parametrize(
    ("hostile", "absent"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("a | b", " a | b"),
        ("[click](http://evil)", "[click](http://evil)"),
        ("**bold** _it_ `code`", "**bold**"),
    ],
)
def test_article_text_is_escaped_in_every_part(hostile: str, absent: str) -> None:
    article = make_article(body=[(f"Texte {hostile}.", f"Text {hostile}.")])
    article.summary_en = [SummarySentence(f"Text {hostile}.", [1])]
    md = to_markdown(article, "en")
    assert absent not in md
    assert md.count(md_escape(f"Text {hostile}.")) == 2  # summary and full text
