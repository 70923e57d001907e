from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.document import Article
from pipeline.runtime import Runtime
from pipeline.stages.clean import CleanStage
from pipeline.stages.detect import DetectStage

FRENCH_WITH_QUOTE = (
    "Le patron du groupe est venu à Paris mardi pour présenter ses résultats. "
    "Devant les journalistes, il a répété sa devise en anglais. "
    "We are very happy with the results of this quarter. "
    "Les ventes ont progressé de 12 % sur un an, selon le communiqué."
)
ENGLISH = (
    "The government announced a new recovery plan on Tuesday. "
    "Officials said the measures would help small companies through the winter."
)
GERMAN = (
    "Die Regierung hat am Dienstag einen neuen Plan angekündigt. "
    "Die Maßnahmen sollen kleinen Unternehmen durch den Winter helfen."
)
RUNTIME = Runtime("cpu", "float32")


def _run(text: str, *overrides: str) -> Article:
    config = load_config(None, ["stages.clean.segmenter=rules", *overrides])
    article = Article.from_text(text)
    CleanStage(config, RUNTIME).pipe([article])
    DetectStage(config, RUNTIME).pipe([article])
    return article


def test_french_article_with_an_english_sentence() -> None:
    article = _run(FRENCH_WITH_QUOTE)
    assert article.lang == "fr" and article.active
    assert [s.lang for s in article.sentences] == [None, None, "en", None]
    assert article.metadata["english_sentences"] == [2]
    assert article.metadata["language"]["detected"] == "fr"


def test_english_sentences_can_be_translated_anyway() -> None:
    article = _run(FRENCH_WITH_QUOTE, "stages.detect.keep_english_sentences=false")
    assert all(s.lang is None for s in article.sentences)


def test_english_article_passes_through_by_default() -> None:
    article = _run(ENGLISH)
    assert article.active and article.lang == "en"
    assert [w.code for w in article.warnings] == ["detect.already_english"]


def test_english_article_can_be_skipped() -> None:
    article = _run(ENGLISH, "stages.detect.on_target_language=skip")
    assert article.skipped is not None
    assert article.skipped.startswith("already in English: detected English (en,")


@pytest.mark.parametrize(
    ("setting", "skipped", "lang"),
    [("skip", True, "fr"), ("translate", False, "fr")],
)
def test_other_languages_follow_the_config(setting: str, skipped: bool, lang: str) -> None:
    article = _run(GERMAN, f"stages.detect.on_other_language={setting}")
    assert (article.skipped is not None) is skipped
    if skipped:
        assert "not French: detected German (de" in (article.skipped or "")
    else:
        assert article.lang == lang
        assert [w.code for w in article.warnings] == ["detect.other_language"]


def test_unclear_language_is_treated_as_french_with_a_warning() -> None:
    article = _run(FRENCH_WITH_QUOTE, "stages.detect.min_confidence=1.0")
    assert article.lang == "fr" and article.active
    assert "detect.unsure" in [w.code for w in article.warnings]


def test_inactive_articles_are_left_alone() -> None:
    article = Article.from_text(GERMAN)
    article.error = "earlier failure"
    DetectStage(load_config(), RUNTIME).pipe([article])
    assert article.metadata == {}


CHINESE = (
    "政府周二宣布了一项新的经济复苏计划。官员表示，这些措施将帮助小企业度过冬天。"
    "该计划包括减税和低息贷款。"
)
ARABIC = (
    "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة للإنعاش الاقتصادي. وقال المسؤولون إن "
    "الإجراءات ستساعد الشركات الصغيرة على تجاوز فصل الشتاء."
)
RUSSIAN = (
    "Правительство во вторник объявило о новом плане восстановления экономики. "
    "Чиновники заявили, что меры помогут малым предприятиям пережить зиму."
)
LINKS = (
    "https://www.lemonde.fr/economie/article/2021/03/04/la-reprise-se-confirme_123.html\n\n"
    "https://www.lefigaro.fr/flash-eco/les-ventes-progressent-20210304\n\n"
    "www.liberation.fr/economie/2021/03/04/budget-vote"
)


@pytest.mark.parametrize(
    ("text", "script"),
    [(CHINESE, "CJK"), (ARABIC, "Arabic"), (RUSSIAN, "Cyrillic")],
    ids=["chinese", "arabic", "russian"],
)
def test_text_in_a_script_the_models_cannot_read_is_skipped_naming_the_script(
    text: str, script: str
) -> None:
    """Chinese and Arabic came out "French, unsure" (lingua knows only the candidates)."""
    article = _run(text)
    assert article.skipped is not None, article.warnings
    assert article.skipped.startswith(f"written in the {script} script (100% of its letters)")
    assert "stages.detect.scripts" in article.skipped
    assert not article.warnings


def test_another_script_can_be_let_through_by_the_config() -> None:
    article = _run(RUSSIAN, "stages.detect.scripts=['Latin', 'Cyrillic']")
    assert article.skipped is None or "script" not in article.skipped


def test_a_file_of_links_has_too_few_letters_to_tell_its_language() -> None:
    """It was skipped as "Spanish (99 % confidence)"."""
    article = _run(LINKS)
    assert article.skipped is not None
    assert article.skipped.startswith("too few letters to tell its language (0 outside links")
    assert "Spanish" not in article.skipped


def test_a_french_article_quoting_a_few_foreign_words_is_still_french() -> None:
    article = _run(FRENCH_WITH_QUOTE + " Il a cité le proverbe « 温故知新 » et le mot « спасибо ».")
    assert article.active and article.lang == "fr"


@pytest.mark.parametrize(
    ("text", "lang", "english_sentences", "skipped"),
    [
        (FRENCH_WITH_QUOTE, "fr", [2], False),
        (ENGLISH, "en", None, False),
        (GERMAN, "de", None, True),
    ],
)
def test_fast_mode_decides_as_the_accurate_one(
    text: str, lang: str | None, english_sentences: list[int] | None, skipped: bool
) -> None:
    accurate = _run(text)
    fast = _run(text, "stages.detect.mode=fast")
    for article in (accurate, fast):
        assert article.metadata["language"]["detected"] == lang
        assert (article.skipped is not None) == skipped
    assert fast.metadata.get("english_sentences") == english_sentences
    assert accurate.metadata.get("english_sentences") == english_sentences


def test_fast_mode_judges_articles_on_low_accuracy_models_and_sentences_as_french_or_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pipeline.stages.detect as detect

    calls: list[tuple[tuple[str, ...], bool]] = []

    def spy(texts: list[str], codes: tuple[str, ...], low_accuracy: bool = False) -> list:
        calls.append((codes, low_accuracy))
        return best_languages(texts, codes, low_accuracy)

    best_languages = detect.best_languages
    monkeypatch.setattr(detect, "best_languages", spy)
    _run(FRENCH_WITH_QUOTE, "stages.detect.mode=fast")
    # The article (Catalan among the candidates), then its paragraphs and its sentences.
    codes = ("fr", "en", "de", "es", "it")
    assert calls == [((*codes, "ca"), True), (("fr", "en"), False), (("fr", "en"), False)]
    calls.clear()
    _run(FRENCH_WITH_QUOTE)
    assert calls == [((*codes, "ca"), False), ((*codes, "ca"), False), (codes, False)]


# Real sentences: FLORES-200 devtest, the same 15 in each language (tests/fixtures/detect).
FLORES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "detect" / "flores200_devtest_10-24.json").read_text(
        encoding="utf-8"
    )
)


def _article(*parts: tuple[str, int]) -> str:
    """Paragraphs of three fixture sentences each: (language, which three)."""
    return "\n\n".join(" ".join(FLORES[code][3 * i : 3 * i + 3]) for code, i in parts)


@pytest.mark.parametrize(
    ("code", "name"), [("oc", "Occitan"), ("ht", "Haitian Creole"), ("ca", "Catalan")]
)
def test_languages_close_to_french_are_named_never_passed_as_english(code: str, name: str) -> None:
    article = _run(_article((code, 0), (code, 1), (code, 2)))
    assert article.skipped is not None and article.lang != "en"
    assert f"not French: detected {name} ({code}," in article.skipped


@pytest.mark.parametrize("code", ["oc", "ht"])
def test_a_close_language_translated_on_request_is_named_in_the_warning(code: str) -> None:
    article = _run(_article((code, 0), (code, 1)), "stages.detect.on_other_language=translate")
    (warning,) = [w for w in article.warnings if w.code == "detect.other_language"]
    assert f"({code}, lingua's guess:" in warning.message


def test_a_mixed_article_is_translated_where_it_is_french_only() -> None:
    from pipeline.stages.translate import _translated

    article = _run(_article(("fr", 0), ("en", 1), ("fr", 2), ("en", 3)))
    assert article.active and article.lang == "fr"
    langs = {
        p.index: {article.sentences[i].lang for i in p.sentence_ids} for p in article.paragraphs
    }
    assert langs == {0: {None}, 1: {"en"}, 2: {None}, 3: {"en"}}
    (warning,) = [w for w in article.warnings if w.code == "detect.mixed"]
    assert "2 paragraphs in French translated" in warning.message
    assert "2 paragraphs in English (2, 4) kept as written" in warning.message
    sent = [s.id for s in article.sentences if _translated(article, s)]
    assert sent == [i for p in (0, 2) for i in article.paragraphs[p].sentence_ids]


def test_an_english_article_with_a_french_paragraph_has_that_paragraph_translated() -> None:
    article = _run(_article(("en", 0), ("en", 1), ("fr", 2), ("en", 3)))
    assert article.lang == "fr" and article.metadata["language"]["mixed"] is True
    french = article.paragraphs[2].sentence_ids
    assert [article.sentences[i].lang for i in french] == [None] * len(french)
    assert {s.lang for s in article.sentences if s.id not in french} == {"en"}


def test_an_occitan_paragraph_in_a_french_article_is_kept_as_written() -> None:
    article = _run(_article(("fr", 0), ("fr", 1), ("oc", 2), ("fr", 3)))
    assert article.active and article.lang == "fr"
    assert {article.sentences[i].lang for i in article.paragraphs[2].sentence_ids} == {"oc"}
    assert "1 paragraph in Occitan (3) kept as written" in " ".join(
        w.message for w in article.warnings
    )


def test_a_french_article_of_several_paragraphs_is_not_mixed() -> None:
    article = _run(_article(("fr", 0), ("fr", 1), ("fr", 2), ("fr", 3), ("fr", 4)))
    assert article.lang == "fr" and "mixed" not in article.metadata["language"]
    assert all(s.lang is None for s in article.sentences)
