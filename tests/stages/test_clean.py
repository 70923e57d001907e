from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.document import Article
from pipeline.errors import InputError
from pipeline.runtime import Runtime
from pipeline.stages.clean import CleanStage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"
TEXT = "Titre de l'article\n\nPremière phrase du texte. Deuxième phrase, avec 7,7 milliards.\n"
# What the encoded fixtures hold, once normalised (ASCII apostrophes and quotes).
ENCODED = [
    "Le « prix » d'un café : 2 € à Noël, déjà élevé pour l'élève.",
    'Œuvre "citée" par M. Dupont, ex-député, à Besançon.',
]


@pytest.fixture
def stage() -> CleanStage:
    return CleanStage(load_config(), Runtime("cpu", "float32"))


def clean(stage: CleanStage, source: str | Path) -> Article:
    article = Article.from_path(source) if isinstance(source, Path) else Article.from_text(source)
    stage.clean(article)
    return article


def removed_warnings(article: Article) -> list[str]:
    return [w.message for w in article.warnings if w.code == "clean.removed_boilerplate"]


def test_title_paragraphs_and_sentences(stage: CleanStage) -> None:
    article = clean(stage, TEXT)
    assert article.title_fr == "Titre de l'article"
    assert [p.kind for p in article.paragraphs] == ["heading", "text"]
    assert [s.fr for s in article.sentences] == [
        "Titre de l'article",
        "Première phrase du texte.",
        "Deuxième phrase, avec 7,7 milliards.",
    ]
    assert article.sha256 and article.raw is None
    assert article.warnings == []


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8.txt", "utf-8"),
        ("utf8-bom.txt", "utf-8-sig"),
        ("utf16-bom.txt", "utf-16-le"),
        ("utf16be-bom.txt", "utf-16-be"),
        ("utf16le-nobom.txt", "utf_16_le"),
        ("cp1252.txt", "cp1252"),
    ],
)
def test_encoded_files_give_the_same_clean_text(
    stage: CleanStage, name: str, encoding: str
) -> None:
    article = clean(stage, FIXTURES / name)
    assert [s.fr for s in article.sentences] == ENCODED
    assert article.metadata["encoding"] == encoding
    assert "\ufeff" not in article.text and "\r" not in article.text


def test_latin1_file_is_read_without_mojibake(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "latin1.txt")
    assert article.sentences[0].fr.startswith("L'été à Besançon : « très chaud »")
    assert "Ã" not in article.text


def test_mixed_encodings_are_read_and_flagged(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "mixed-utf8-cp1252.txt")
    assert article.sentences[-1].fr == "Un été très chaud à Noël."
    assert [w.code for w in article.warnings] == ["clean.mixed_encoding"]


def test_wrapped_crlf_text_is_joined_and_dehyphenated(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "wrapped-crlf.txt")
    assert article.title_fr == "Hausse des prix de l'énergie"
    assert [p.kind for p in article.paragraphs] == ["heading", "text", "text"]
    body = "\n\n".join(s.fr for s in article.sentences)
    for joined in ("Le porte-parole du ministère", "les gouvernements européens", "Jean-Michel"):
        assert joined in body
    assert "\r" not in body and "gouverne-" not in body


def test_markdown_structure_becomes_headings_and_list_items(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "structure.md")
    assert article.title_fr == "Le télescope spatial livre ses premières images"
    assert [p.kind for p in article.paragraphs] == [
        "heading",
        "text",
        "heading",
        "text",
        *["list_item"] * 5,
        "text",
        "text",
    ]
    assert (
        article.sentences[-1].fr
        == "Plus d'informations sur le site de l'agence et dans le dossier de presse."
    )


def test_pasted_page_loses_its_furniture_and_says_what_went(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "page-copy.txt")
    assert article.title_fr == "La ville de Lyon inaugure un nouveau tramway"
    assert [p.kind for p in article.paragraphs] == ["heading", "text", "text", "text"]
    assert article.sentences[1].fr.startswith("La métropole de Lyon a inauguré mardi")
    assert (
        article.sentences[-1].fr
        == "« C'est un vrai changement pour le quartier », explique une habitante."
    )
    assert article.metadata["author"] == "Claire Martin"
    assert article.metadata["date"] == "2023-03-14"
    assert article.metadata["removed"] == {
        "navigation": 2,
        "advert": 2,
        "share": 2,
        "credit": 1,
        "related": 1,
        "cookies": 1,
        "subscribe": 1,
        "signoff": 1,
        "byline": 1,
    }
    messages = removed_warnings(article)
    assert len(messages) == 9  # one warning per kind removed
    assert "removed 2 advertising labels: 'Publicité'; 'PUBLICITÉ'" in messages


def test_every_removal_is_counted_in_the_warnings(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "page-copy.txt")
    counted = sum(int(m.split()[1]) for m in removed_warnings(article))
    assert counted == sum(article.metadata["removed"].values()) == 12


def test_boilerplate_removal_can_be_switched_off(tmp_path: Path) -> None:
    config = load_config(None, ["stages.clean.boilerplate=false"])
    article = clean(CleanStage(config, Runtime("cpu", "float32")), FIXTURES / "page-copy.txt")
    assert "Publicité" in article.text and article.warnings == []


@pytest.mark.parametrize("name", ["page.html", "html-fragment.txt"])
def test_html_goes_through_the_extractor_whatever_its_suffix(stage: CleanStage, name: str) -> None:
    article = clean(stage, FIXTURES / name)
    assert article.metadata["format"] == "html"
    assert "<" not in article.text and "alert" not in article.text and "script" not in article.text
    assert [w.code for w in article.warnings] == ["clean.html_extracted"]


def test_html_page_gives_title_metadata_and_structure(stage: CleanStage) -> None:
    article = clean(stage, FIXTURES / "page.html")
    assert article.title_fr == "Grève des contrôleurs aériens : des centaines de vols annulés"
    assert article.paragraphs[0].kind == "heading"
    assert article.sentences[0].fr == article.title_fr
    assert article.text.count(article.title_fr) == 1  # the h1 is not repeated in the body
    assert {k: article.metadata[k] for k in ("author", "date", "url")} == {
        "author": "Paul Lefèvre",
        "date": "2023-04-18",
        "url": "https://www.example.org/economie/greve-controleurs-aeriens",
    }
    assert [p.kind for p in article.paragraphs].count("list_item") == 3
    assert "Un mouvement reconduit" in [article.sentences_of(p)[0].fr for p in article.paragraphs]


def test_article_from_memory_is_read_like_a_file(stage: CleanStage) -> None:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    article = clean(stage, html)
    assert article.metadata["format"] == "html"
    assert article.title_fr == "Grève des contrôleurs aériens : des centaines de vols annulés"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"bad\.txt: empty file$"),
        (b"   \n\n \t ", r"empty file \(only whitespace\)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
        (b"12 34 56\n\n7 8 9\n\n2020-01-01 12:00", r"no article text \(only numbers"),
        (b"Oui.", r"no article text \(only 3 letters \(stages\.clean\.min_chars = 20\)\)"),
        (
            b"Publicit\xc3\xa9\nPartager\nA lire aussi\nSe connecter",
            r"no article text \(0 letters left once 4 lines of boilerplate were removed\)",
        ),
        (
            b"<html><body><script>var a = 1;</script></body></html>",
            "no main text found in the HTML",
        ),
        (b"\x00\x01\x02\x03" * 100, "binary data"),
    ],
    ids=[
        "empty",
        "whitespace",
        "png",
        "digits",
        "too-short",
        "all-boilerplate",
        "script-only",
        "nul",
    ],
)
def test_unusable_inputs_raise_input_errors_that_say_why(
    stage: CleanStage, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        stage.clean(Article.from_path(path))


def test_missing_directory_and_oversize(tmp_path: Path) -> None:
    stage = CleanStage(load_config(None, ["stages.clean.max_bytes=10"]), Runtime("cpu", "float32"))
    with pytest.raises(InputError, match="no such file"):
        stage.clean(Article.from_path(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="directory"):
        stage.clean(Article.from_path(tmp_path))
    big = tmp_path / "big.txt"
    big.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit"):
        stage.clean(Article.from_path(big))
    with pytest.raises(InputError, match="over the limit"):
        stage.clean(Article.from_text("x" * 100))


def test_cleaning_does_not_decide_the_language(stage: CleanStage) -> None:
    # Language identification belongs to the translate stage; cleaning only needs text.
    article = clean(stage, "The government announced a new tax on Tuesday, to be paid in May.")
    assert article.lang == "fr" and article.sentences


FRENCH = (
    "Le conseil municipal de Nantes a voté jeudi le budget de la ville pour l'année prochaine. "
    "L'opposition a dénoncé une hausse des dépenses de fonctionnement."
)


def test_a_token_longer_than_any_word_is_removed_with_a_warning(stage: CleanStage) -> None:
    blob = "x" * 5000
    article = clean(stage, f"{FRENCH} {blob} {FRENCH}")
    assert blob not in article.text and FRENCH in article.text
    [warning] = [w for w in article.warnings if w.code == "clean.long_tokens"]
    assert "removed 1 token longer than 100 characters" in warning.message
    assert "(5,000 characters)" in warning.message


def test_the_longest_token_kept_is_a_setting(stage: CleanStage) -> None:
    url = "https://example.com/" + "a" * 150
    kept = CleanStage(
        load_config(None, ["stages.clean.max_token_chars=0"]), Runtime("cpu", "float32")
    )
    assert url in clean(kept, f"{FRENCH} {url}").text
    assert url not in clean(stage, f"{FRENCH} {url}").text


@pytest.mark.parametrize("html", [False, True])
def test_a_file_of_one_200000_character_word_is_refused_saying_why(
    stage: CleanStage, html: bool
) -> None:
    word = "a" * 200_000
    text = f"<html><body><p>{word}</p></body></html>" if html else word
    with pytest.raises(InputError, match="after removing 1 token longer than 100 characters"):
        clean(stage, text)


def test_boilerplate_and_one_cookie_sentence_is_no_article(tmp_path) -> None:
    """A page's furniture around a cookie banner: nothing to brief, and the run says so."""
    import pytest

    from pipeline.config import load_config
    from pipeline.document import Article
    from pipeline.errors import InputError
    from pipeline.runtime import Runtime
    from pipeline.stages.clean import CleanStage

    path = tmp_path / "cookie.txt"
    path.write_text(
        "Accueil\nMenu\nActualités\nContact\n\n"
        "Nous utilisons des cookies pour améliorer votre expérience sur notre site.\n\n"
        "Mentions légales\n",
        encoding="utf-8",
    )
    stage = CleanStage(load_config(None, []), Runtime("cpu", "float32"))
    with pytest.raises(InputError, match="no article text"):
        stage.clean(Article.from_path(path))


def test_markdown_front_matter_is_metadata_never_text(stage: CleanStage, tmp_path: Path) -> None:
    path = tmp_path / "minitel.md"
    path.write_text(
        '---\ntitle: "Fin du minitel"\ndate: 2012-06-22\nauthor: Jean Dupont\n'
        "tags: [télécoms, France]\n---\n\n"
        "Le 30 juin, le minitel cessera de fonctionner. Créé il y a 30 ans, il a réussi.\n",
        encoding="utf-8",
    )
    article = clean(stage, path)
    assert article.title_fr == "Fin du minitel"
    assert article.metadata["date"] == "2012-06-22"
    assert article.metadata["author"] == "Jean Dupont"
    assert article.metadata["front_matter"] == ["title", "date", "author", "tags"]
    assert not any("tags" in s.fr or "---" in s.fr for s in article.sentences)
    assert [w.code for w in article.warnings] == ["clean.front_matter"]


def test_a_caller_date_wins_over_the_front_matter(stage: CleanStage) -> None:
    article = Article.from_text("---\ndate: 2001-01-01\n---\n\nUne phrase assez longue ici.\n")
    article.metadata["date"] = "2012-06-22"
    stage.clean(article)
    assert article.metadata["date"] == "2012-06-22"


@pytest.mark.parametrize("entity", ["&lol6;", "&#xZZ;", "&lol6; &foo;"])
def test_an_unknown_entity_stays_text_and_is_never_the_title(
    stage: CleanStage, entity: str
) -> None:
    article = clean(
        stage, f"{entity}\n\nLe minitel cessera de fonctionner le 30 juin. Il a 30 ans.\n"
    )
    assert article.title_fr is None
    assert article.sentences[0].fr == entity
    article = clean(stage, f"Le minitel remplacé &amp; dépassé {entity} en vitesse, dit-il.\n")
    assert f"remplacé & dépassé {entity} en vitesse" in article.sentences[0].fr
