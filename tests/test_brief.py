"""The Markdown brief: its layout (phones included), its one numbering and its links."""

from __future__ import annotations

import re

import pytest

from pipeline.brief import md_escape, to_markdown
from pipeline.document import SummarySentence
from tests.stages.test_summarise import BODY, make_article


def _section(md: str, start: str, end: str) -> str:
    return md[md.index(start) : md.index(end)]


def _targets(md: str) -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', md))


def _links(md: str) -> list[str]:
    return re.findall(r"\]\(#([^)]+)\)", md)


def test_full_text_is_one_block_per_paragraph_the_other_language_quoted_below() -> None:
    article = make_article()
    md = to_markdown(article, "en")
    text = _section(md, "## Full text", "\n---\n")
    assert "|" not in text  # no two-column table: two 150 px columns on a phone
    blocks = [b for b in text.split("\n\n")[1:] if b.strip()]
    assert len(blocks) == 2 * len(article.paragraphs)  # each paragraph, then its French
    assert blocks[0] == '**<a id="s-1"></a><sup>1</sup> Xiaomi blacklisted**'
    assert blocks[1] == "> **<sup>1</sup> Xiaomi sur liste noire**"
    assert blocks[2].startswith('<a id="s-2"></a><sup>2</sup> In January')
    assert blocks[2].count("<a id=") == 2
    assert blocks[3].startswith("> *<sup>2</sup> En janvier") and blocks[3].endswith("2019.*")


def test_one_numbering_from_1_every_sentence_anchored() -> None:
    article = make_article()
    md = to_markdown(article, "en")
    numbers = [str(s.id + 1) for s in article.sentences]
    assert re.findall(r'<a id="s-(\d+)">', md) == numbers
    assert "s-0" not in md and "<sup>0</sup>" not in md


def test_summary_links_land_on_sentence_anchors() -> None:
    article = make_article()
    article.summary_en = [SummarySentence("The firm raised $7.7 billion.", [3])]
    md = to_markdown(article, "en")
    assert "The firm raised $7.7 billion. [[4]](#s-4)" in md
    assert set(_links(md)) <= _targets(md)


def test_a_flagged_sentence_links_to_its_flag_line_and_back() -> None:
    article = make_article()
    article.sentences[3].flags = ["repetition"]
    article.warn(
        "translate.degenerate",
        "sentence 3: the translation shows repetition even after a retry",
        "translate",
        3,
    )
    md = to_markdown(article, "en")
    flags = _section(md, "## Flags", "## Full text")
    assert flags.splitlines()[2] == (
        '- <a id="flag-4"></a>[Sentence 4](#s-4): the translation shows repetition even after '
        "a retry."
    )
    assert "translate.degenerate" not in md  # codes stay in the JSON
    assert "The firm raised $7.7 billion. [⚠️](#flag-4)" in md
    assert set(_links(md)) <= _targets(md)


def test_article_warnings_are_notes_in_words() -> None:
    article = make_article()
    article.warn("models.non_commercial", "the model's licence forbids commercial use", "run")
    md = to_markdown(article, "en")
    assert "## Notes\n\n- the model's licence forbids commercial use\n" in md
    assert "models.non_commercial" not in md and "## Flags" not in md


def test_key_facts_are_a_list_that_fits_a_phone() -> None:
    from pipeline.document import Fact

    article = make_article()
    article.facts = [
        Fact("organisation", "Xiaomi", "Xiaomi", [1, 2]),
        Fact("amount", "7,7 milliards de dollars", None, [3], {"amount": 7.7e9, "currency": "USD"}),
    ]
    md = to_markdown(article, "en")
    facts = _section(md, "## Key facts", "## Full text").splitlines()
    assert facts[2] == "- **Xiaomi** (organisation) · sentences [2](#s-2), [3](#s-3)"
    assert facts[3] == (
        "- **7,7 milliards de dollars** (amount, not in the English: 7.7 billion USD) · "
        "sentence [4](#s-4)"
    )


def test_lang_fr_puts_french_first_everywhere() -> None:
    article = make_article()
    article.summary_en = [SummarySentence("The firm raised $7.7 billion.", [3])]
    article.summary_fr = [SummarySentence("La firme a levé 7,7 milliards de dollars.", [3])]
    md = to_markdown(article, "fr")
    assert md.startswith("# Xiaomi sur liste noire\n*Xiaomi blacklisted*\n")
    assert md.index("**Français:**") < md.index("**English:**")
    assert f'<a id="s-2"></a><sup>2</sup> {BODY[0][0]}' in md
    assert f"> *<sup>2</sup> {BODY[0][1]}" in md
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


def _flag_sentence(article, sid: int, fr: str, en: str) -> None:
    """Flags sentence ``sid`` as the verify stage does: a flag, its check, its warning."""
    from pipeline.explain import check
    from pipeline.verify.checks import Flag

    sentence = article.sentences[sid]
    sentence.flags.append("number_mismatch")
    sentence.checks.append(check(Flag("number", fr), sentence.fr, sentence.en or ""))
    article.warn("verify.number_mismatch", f"sentence {sid + 1}: …", "verify", sid)


def test_flags_say_in_plain_english_what_each_side_says() -> None:
    article = make_article(
        body=[("Le budget atteint 3 millions d'euros.", "The budget reaches 5 million euros.")]
    )
    _flag_sentence(article, 1, "3 millions d'euros", "")
    md = to_markdown(article, "en")
    assert (
        '- <a id="flag-2"></a>[Sentence 2](#s-2): The English says **5 million euros**; the '
        "French says **3 millions d'euros** (3 million EUR)."
    ) in md
    assert "verify." not in md and "number_mismatch" not in md and "↔" not in md
    assert set(_links(md)) <= _targets(md)


def test_the_summary_and_the_headline_carry_the_flags_of_their_sentences() -> None:
    article = make_article()
    article.title_fr = article.title_en = None
    article.title_origin = "summary"
    article.summary_en = [SummarySentence("The firm raised $7.7 billion.", [3])]
    _flag_sentence(article, 3, "7,7 milliards de dollars", "")
    md = to_markdown(article, "en")
    assert "[[4]](#s-4) ⚠️ draws on flagged [sentence 4](#flag-4)" in md
    head = md[: md.index("## Summary")]
    assert "⚠️ the headline comes from flagged [sentence 4](#flag-4)" in head
    assert head.index("the headline comes from") < head.index("> **Trust:**")
    assert set(_links(md)) <= _targets(md)


def test_the_trust_line_comes_before_the_summary_with_the_json_counts() -> None:
    from pipeline.brief import to_dict

    article = make_article()
    _flag_sentence(article, 2, "2019", "")
    line = to_dict(article, "en")["trust"]["line"]
    md = to_markdown(article, "en")
    assert f"\n> **Trust:** {md_escape(line)}\n\n## Summary\n" in md
    assert "1 flagged" in line


def test_summary_warnings_link_to_their_summary_sentence() -> None:
    article = make_article()
    article.summary_fr = [SummarySentence("La firme a levé 9 milliards.", [3])]
    article.warn(
        "verify.unsupported_number",
        "French summary sentence 1 says “9 milliards”, which is not in its source sentences",
        "verify",
        summary={"lang": "fr", "number": 1},
    )
    md = to_markdown(article, "en")
    assert (
        "- [French summary sentence 1](#summary-fr-1) says “9 milliards”, which is not in its "
        "source sentences"
    ) in md
    assert '<a id="summary-fr-1"></a>La firme' in md
