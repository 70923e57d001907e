from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pipeline.brief import to_dict, to_markdown
from pipeline.config import load_config
from pipeline.document import Article, Paragraph, Sentence
from pipeline.errors import ConfigError
from pipeline.runtime import Runtime
from pipeline.stages.summarise import SummariseStage, tidy, whole_sentences
from pipeline.stages.verify import VerifyStage
from pipeline.text.segment import split_english
from tests.conftest import FAKE_OVERRIDES

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "pipeline" / "schema" / "brief.schema.json").read_text()
)
TITLE = ("Xiaomi sur liste noire", "Xiaomi blacklisted")
BODY = [
    (
        "En janvier, Xiaomi a été placé sur la liste noire des États-Unis.",
        "In January, Xiaomi was placed on the United States blacklist.",
    ),
    (
        "Selon le Wall Street Journal, Lei Jun a reçu un prix en 2019.",
        "According to the Wall Street Journal, Lei Jun received an award in 2019.",
    ),
    ("La firme a levé 7,7 milliards de dollars.", "The firm raised $7.7 billion."),
    ("Elle a porté plainte contre le pays.", "It filed a complaint against the country."),
]
FRENCH_OF = {en: fr for fr, en in [TITLE, *BODY]} | {
    "The firm raised $9 billion.": "La firme a levé 9 milliards de dollars.",
    "Xiaomi was placed on the US blacklist in January.": (
        "Xiaomi a été placé sur la liste noire américaine en janvier."
    ),
    "Lei Jun received an award in 2019, the Wall Street Journal says.": (
        "Lei Jun a reçu un prix en 2019, selon le Wall Street Journal."
    ),
    "Xiaomi was placed on the United States blacklist.": (
        "Xiaomi a été placé sur la liste noire des États-Unis."
    ),
}
SIGNATURE = {"package": "brief", "version": "0", "config_hash": "x", "device": "cpu", "models": {}}


def make_article(
    body: list[tuple[str, str]] = BODY, title: tuple[str, str] | None = TITLE, per_para: int = 2
) -> Article:
    """An article as the clean and translate stages leave it."""
    article = Article.from_text("", stem="xiaomi")
    article.sha256 = "0" * 64
    article.signature = SIGNATURE
    if title:
        article.title_fr, article.title_en = title
        article.paragraphs.append(Paragraph(0, "heading", [0]))
        article.sentences.append(Sentence(0, 0, title[0], title[1]))
    for start in range(0, len(body), per_para):
        para = Paragraph(len(article.paragraphs))
        for fr, en in body[start : start + per_para]:
            sentence = Sentence(len(article.sentences), para.index, fr, en)
            article.sentences.append(sentence)
            para.sentence_ids.append(sentence.id)
        article.paragraphs.append(para)
    return article


class Scripted:
    """A summariser that says what the test wants, and counts words as tokens."""

    kind = "scripted"

    def __init__(self, summary: str = "", limit: int = 1024) -> None:
        self.summary = summary
        self.max_input_tokens = limit
        self.inputs: list[str] = []

    def signature(self) -> dict[str, Any]:
        return {"id": self.kind, "revision": None}

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 2 for t in texts]

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        self.inputs += texts
        # Map rounds (and texts the script has nothing for) get their lead sentence.
        return [self.summary or split_english(t)[0] for t in texts]


class Dictionary:
    """A translator that knows the test's sentences."""

    kind = "dictionary"

    def __init__(self) -> None:
        self.inputs: list[str] = []

    def signature(self) -> dict[str, Any]:
        return {"id": self.kind, "revision": None}

    def translate(self, texts: list[str], generation: Any = None) -> list[str]:
        self.inputs += texts
        return [FRENCH_OF.get(t, f"[fr] {t}") for t in texts]


# The verify stage's checks of the translation itself are off: these tests are about summaries.
_SUMMARY_CHECKS_ONLY = (
    "stages.verify.numbers=false",
    "stages.verify.names=false",
    "stages.verify.polarity=false",
)


class SummariseThenVerify:
    """The summarise stage followed by the verify stage, as the pipeline runs them: verify
    checks each summary sentence against its sources and titles an untitled article."""

    def __init__(self, summarise: SummariseStage, verify: VerifyStage) -> None:
        self.summarise, self.verify = summarise, verify

    def __getattr__(self, name: str) -> Any:
        return getattr(self.summarise, name)

    def pipe(self, articles: list[Article]) -> list[Article]:
        return self.verify.pipe(self.summarise.pipe(articles))


def make_stage(*overrides: str, summary: str = "", limit: int = 1024) -> Any:
    config = load_config(None, [*FAKE_OVERRIDES, *_SUMMARY_CHECKS_ONLY, *overrides])
    stage = SummariseStage(config, Runtime("cpu", "float32"))
    stage.backend = Scripted(summary, limit)
    if config.stages.summarise.french.method == "back-translate":
        stage.french = Dictionary()
    return SummariseThenVerify(stage, VerifyStage(config, Runtime("cpu", "float32")))


def test_an_invented_number_is_flagged_in_json_and_markdown() -> None:
    stage = make_stage(
        summary="Xiaomi was placed on the United States blacklist. The firm raised $9 billion."
    )
    (article,) = stage.pipe([make_article()])
    data = to_dict(article, "en")
    jsonschema.validate(data, SCHEMA)
    first, second = data["summary"]["sentences"]["en"]
    assert first["flags"] == [] and first["unsupported"] == []
    assert second["flags"] == ["unsupported_number"]
    assert second["unsupported"] == [{"kind": "number", "text": "$9 billion"}]
    # The French side, translated back, carries the same invented number and is flagged too.
    french = data["summary"]["sentences"]["fr"][1]
    assert french["text"] == "La firme a levé 9 milliards de dollars."
    assert french["unsupported"] == [{"kind": "number", "text": "9 milliards de dollars"}]
    codes = [w["code"] for w in data["warnings"]]
    assert codes == ["verify.unsupported_number", "verify.unsupported_number"]
    md = to_markdown(article, "en")
    assert "The firm raised $9 billion. [[4]](#s-4) **⚠️ not in the source: $9 billion**" in md
    assert "**⚠️ not in the source: 9 milliards de dollars**" in md
    assert to_markdown(article, "fr").count("⚠️ absent de la source") == 2


def test_a_faithful_summary_has_no_flags_and_every_line_has_sources() -> None:
    stage = make_stage(
        summary="Xiaomi was placed on the US blacklist in January. "
        "Lei Jun received an award in 2019, the Wall Street Journal says. "
        "The firm raised $7.7 billion."
    )
    (article,) = stage.pipe([make_article()])
    assert [s.sources[0] for s in article.summary_en] == [1, 2, 3]
    assert [s.sources for s in article.summary_fr] == [s.sources for s in article.summary_en]
    assert all(not s.flags for s in article.summary_en + article.summary_fr)
    assert not [w for w in article.warnings if w.code.startswith("verify.unsupported")]


def test_back_translation_sends_each_english_summary_sentence_once() -> None:
    stage = make_stage(summary="The firm raised $7.7 billion. It filed a complaint.")
    articles = stage.pipe([make_article(), make_article()])
    assert stage.french.inputs == ["The firm raised $7.7 billion.", "It filed a complaint."] * 2
    assert articles[0].summary_fr[0].text == "La firme a levé 7,7 milliards de dollars."
    assert articles[0].summary_info["french_method"] == "back-translate"


def test_near_duplicate_and_empty_summary_sentences_are_dropped() -> None:
    stage = make_stage(
        summary="The firm raised $7.7 billion. The firm raised $7.7 billion. ... "
        "the firm raised 7.7 billion! It filed a complaint against the country."
    )
    (article,) = stage.pipe([make_article()])
    assert [s.text for s in article.summary_en] == [
        "The firm raised $7.7 billion.",
        "It filed a complaint against the country.",
    ]


@pytest.mark.parametrize(
    ("sentences", "kept"),
    [
        (["A b c d.", "A b c d."], ["A b c d."]),
        (
            ["One two three four.", "—", "Five six seven."],
            ["One two three four.", "Five six seven."],
        ),
        (
            ["a1 a2.", "b1 b2.", "c1 c2.", "d1 d2.", "e1 e2."],
            ["a1 a2.", "b1 b2.", "c1 c2.", "d1 d2."],
        ),
    ],
)
def test_tidy(sentences: list[str], kept: list[str]) -> None:
    assert tidy(sentences, 0.8, 4) == kept


def test_a_summary_cut_at_its_token_cap_loses_its_unfinished_last_sentence() -> None:
    stage = make_stage(summary="The firm raised $7.7 billion. It filed a complaint against the")
    (article,) = stage.pipe([make_article()])
    assert [s.text for s in article.summary_en] == ["The firm raised $7.7 billion."]
    assert stage.french.inputs == ["The firm raised $7.7 billion."]


@pytest.mark.parametrize(
    ("sentences", "kept"),
    [
        (["One.", "Two three"], ["One."]),
        (["One.", "He said « yes. »"], ["One.", "He said « yes. »"]),
        (["Did it?", "It did (twice.)"], ["Did it?", "It did (twice.)"]),
        (["Only a fragment"], ["Only a fragment"]),  # nothing whole to keep instead
        ([], []),
    ],
)
def test_whole_sentences(sentences: list[str], kept: list[str]) -> None:
    assert whole_sentences(sentences) == kept


def test_a_5000_word_article_is_summarised_in_chunks_without_truncation() -> None:
    filler = " ".join(["mot"] * 16)
    body = [
        (f"Phrase {i} {filler}.", f"Sentence {i} {' '.join(['word'] * 16)} ok.") for i in range(250)
    ]
    stage = make_stage(limit=1024)
    (article,) = stage.pipe([make_article(body, title=None, per_para=5)])
    backend = stage.backend
    assert max(backend.count_tokens(backend.inputs)) <= 1024
    assert article.summary_info["chunks"] == 5 and article.summary_info["passes"] == 2
    assert not [w for w in article.warnings if w.code == "summarise.truncated"]
    # The first round read the whole body, every sentence once, in order.
    first_round = backend.inputs[: article.summary_info["chunks"]]
    assert " ".join(first_round) == " ".join(en for _, en in body)
    assert article.summary_en and all(s.sources for s in article.summary_en)


def test_the_french_model_path_summarises_the_french_article() -> None:
    stage = make_stage(
        "stages.summarise.french.method=model", "stages.summarise.french.backend.kind=lead"
    )
    (article,) = stage.pipe([make_article()])
    assert [s.text for s in article.summary_fr] == [fr for fr, _ in BODY[:3]]
    assert [s.sources[0] for s in article.summary_fr] == [1, 2, 3]
    assert article.summary_info["french_method"] == "model"
    assert article.summary_info["french_chunks"] == 1


@pytest.mark.parametrize(
    ("summary", "origin", "title_en"),
    [
        (
            "Xiaomi was placed on the United States blacklist.",
            "summary",
            "Xiaomi was placed on the United States blacklist",
        ),
        # The first summary sentence has an invented number: the title skips it.
        (
            "The firm raised $9 billion. The firm raised $7.7 billion.",
            "summary",
            "The firm raised $7.7 billion",
        ),
        (
            "The firm raised $9 billion.",
            "lead",
            "In January, Xiaomi was placed on the United States blacklist",
        ),
    ],
)
def test_an_untitled_article_gets_a_title_in_both_languages(
    summary: str, origin: str, title_en: str
) -> None:
    (article,) = make_stage(summary=summary).pipe([make_article(title=None)])
    assert (article.title_origin, article.title("en")) == (origin, title_en)
    assert article.title("fr") == FRENCH_OF[title_en + "."].rstrip(".")
    assert (article.title_en, article.title_fr) == (None, None)  # the input has none
    md = to_markdown(article, "en")
    assert md.startswith(f"# {title_en}\n*{article.title('fr')}*\n")
    assert "the article has none" in md
    assert to_dict(article, "en")["title"]["origin"] == origin


def test_an_article_with_a_title_keeps_it() -> None:
    (article,) = make_stage(summary="The firm raised $7.7 billion.").pipe([make_article()])
    assert (article.title_fr, article.title_en) == TITLE
    assert (article.title("fr"), article.title("en"), article.title_origin) == (*TITLE, None)
    assert to_dict(article, "en")["title"]["origin"] == "article"


def test_a_summary_line_sharing_nothing_with_the_source_is_flagged_unsourced() -> None:
    stage = make_stage(summary="Zebras gallop happily.")
    (article,) = stage.pipe([make_article()])
    (sentence,) = article.summary_en
    assert (sentence.sources, sentence.flags) == ([], ["unsourced", "unsupported_name"])
    assert "verify.unsourced" in [w.code for w in article.warnings]
    md = to_markdown(article, "en")
    assert "happily. **⚠️ no source sentence found · not in the source: Zebras**" in md


@pytest.mark.parametrize(("depth", "warned"), [(0, True), (1, True), (2, False)])
def test_a_depth_bound_too_low_for_the_article_is_warned_about(depth: int, warned: bool) -> None:
    # 12 sentences of 20 words, three a chunk of 70 tokens: 4 chunk summaries, then 2, then 1
    # (with no joining: the 2 chunks of the second round would be summarised and joined).
    body = [(f"Phrase {i}.", f"Sentence {i} " + "word " * 17 + "end.") for i in range(12)]
    stage = make_stage(
        f"stages.summarise.max_depth={depth}", "stages.summarise.join_chunks=0", limit=70
    )
    (article,) = stage.pipe([make_article(body, title=None)])
    truncated = [w.message for w in article.warnings if w.code == "summarise.truncated"]
    assert bool(truncated) is warned
    assert article.summary_info["passes"] == min(depth, 2) + 1
    if depth == 1:
        assert truncated == [
            "the English text (242 tokens) was still 82 tokens after 1 round of chunk "
            "summaries, over the model's input limit: the last pass read only its beginning "
            "(raise stages.summarise.max_depth)"
        ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            ["stages.summarise.backend.kind=identity"],
            "stages.summarise.backend.kind: backend 'identity' cannot summarise",
        ),
        (
            ["stages.summarise.french.method=model"],
            "stages.summarise.french.backend.kind: backend 'identity' cannot summarise",
        ),
    ],
)
def test_a_backend_that_cannot_do_the_job_is_a_config_error(
    overrides: list[str], message: str
) -> None:
    config = load_config(None, [*FAKE_OVERRIDES, *overrides])
    with pytest.raises(ConfigError, match=message):
        SummariseStage(config, Runtime("cpu", "float32"))


def test_an_article_of_two_chunks_gets_its_chunk_summaries_joined_in_one_pass() -> None:
    # 6 sentences of 20 words, three a chunk of 70 tokens: 2 chunks, each summarised by its
    # lead sentence, joined in order; no reduce pass.
    body = [(f"Phrase {i}.", f"Sentence {i} " + "word " * 17 + "end.") for i in range(6)]
    stage = make_stage(limit=70)
    (article,) = stage.pipe([make_article(body, title=None)])
    assert article.summary_info["chunks"] == 2
    assert article.summary_info["passes"] == 1 and article.summary_info["joined"] is True
    assert len(stage.backend.inputs) == 2
    texts = [s.text for s in article.summary_en]
    assert [t.split()[1] for t in texts] == ["0", "3"]
    # Each sentence of the summary still points at its own source sentence.
    assert [s.sources[:1] for s in article.summary_en] == [[0], [3]]
