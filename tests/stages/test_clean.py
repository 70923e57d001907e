from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.document import Article
from pipeline.errors import InputError
from pipeline.runtime import Runtime
from pipeline.stages.clean import CleanStage

TEXT = "Titre de l'article\n\nPremière phrase du texte. Deuxième phrase, avec 7,7 milliards.\n"


@pytest.fixture
def stage() -> CleanStage:
    return CleanStage(load_config(), Runtime("cpu", "float32"))


def test_title_paragraphs_and_sentences(stage: CleanStage) -> None:
    article = Article.from_text(TEXT)
    stage.clean(article)
    assert article.title_fr == "Titre de l'article"
    assert [p.kind for p in article.paragraphs] == ["heading", "text"]
    assert [s.fr for s in article.sentences] == [
        "Titre de l'article",
        "Première phrase du texte.",
        "Deuxième phrase, avec 7,7 milliards.",
    ]
    assert article.sha256 and article.raw is None


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")],
)
def test_encodings_decode_without_mojibake(
    stage: CleanStage, tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    text = "Le « prix » d’un café : 2 € à Noël, déjà élevé pour l’élève."
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + text.encode(encoding))
    article = Article.from_path(path)
    stage.clean(article)
    assert article.sentences[0].fr == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"12 34 56\n\n7 8 9", "no article text"),
    ],
)
def test_unusable_inputs_raise_input_errors(
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
