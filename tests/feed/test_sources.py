from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import FeedConfig
from pipeline.feed.fetch import Fetcher
from pipeline.feed.sources import discover, kind_of, load, normalise_url
from tests.feed.server import FIXTURES, FeedServer

CONFIG = FeedConfig(allowed_networks=["127.0.0.1/32"], read_timeout=0.5)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(CONFIG) as f:
        yield f


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.ORG:80/a?b=1#frag", "http://example.org/a?b=1"),
        ("https://example.org:443", "https://example.org/"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("https://ex.org/a?utm_source=rss&id=3&UTM_medium=x", "https://ex.org/a?id=3"),
        ("  https://ex.org/a  ", "https://ex.org/a"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("https://example.org/rss", "feed-url"),
        ("tests/fixtures/feed", "directory"),
        ("tests/fixtures/feed/articles.jsonl", "dataset"),
        ("x.parquet", "dataset"),
        ("tests/fixtures/feed/pages/3ds.html", "page"),
        ("tests/fixtures/feed/feed.xml", "feed-file"),
    ],
)
def test_kind_of(source: str, kind: str) -> None:
    assert kind_of(source) == kind


def test_feed_url_gives_entries_with_title_date_and_key(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    result = discover(feed_server.url("/feed.xml"), fetcher, CONFIG)
    assert result.error is None and result.kind == "feed-url"
    first = result.candidates[0]
    assert first.url == feed_server.url("/articles/vendee.txt")
    assert first.key == first.url
    assert first.title == "Départ du Vendée Globe 2012-2013"
    assert first.published == "2012-11-10T12:00:00+00:00"
    assert first.metadata["feed_title"] == "Actualités de test"
    keys = [c.key for c in result.candidates]
    # The tracking-parameter copy has the same key as the page itself: one story.
    assert keys.count(first.key) == 2


def test_feed_file_on_disk(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    text = (FIXTURES / "feed.xml").read_text(encoding="utf-8")
    feed.write_text(text.replace("{base}", "https://news.example.org"), encoding="utf-8")
    result = discover(str(feed), Fetcher(CONFIG), CONFIG)
    assert result.kind == "feed-file" and result.error is None
    assert result.candidates[1].url == "https://news.example.org/articles/3ds.html"


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/bad-feed.xml", "malformed feed, no article could be read"),
        ("/articles/3ds.html", "not an RSS or Atom feed"),
        ("/missing", "HTTP 404 Not Found"),
    ],
)
def test_a_source_that_cannot_be_read_is_an_error_not_a_raise(
    feed_server: FeedServer, fetcher: Fetcher, path: str, error: str
) -> None:
    result = discover(feed_server.url(path), fetcher, CONFIG)
    assert result.error is not None and result.error.startswith(error)
    assert result.candidates == []


def test_missing_local_source(fetcher: Fetcher) -> None:
    assert discover("no/such/feed.xml", fetcher, CONFIG).error == "no such file or folder"


def test_directory_lists_pages_sorted(tmp_path: Path, fetcher: Fetcher) -> None:
    for name in ("b.txt", "a.html", "notes.md", ".hidden.txt"):
        (tmp_path / name).write_text("Un texte.", encoding="utf-8")
    result = discover(str(tmp_path), fetcher, CONFIG)
    assert [Path(c.path).name for c in result.candidates] == ["a.html", "b.txt"]
    assert result.candidates[0].key == (tmp_path / "a.html").resolve().as_uri()
    assert load(result.candidates[1], fetcher, CONFIG).body == b"Un texte."


def test_max_items_per_source(feed_server: FeedServer, fetcher: Fetcher) -> None:
    config = CONFIG.model_copy(update={"max_items_per_source": 2})
    assert len(discover(feed_server.url("/feed.xml"), fetcher, config).candidates) == 2


def _check_dataset_rows(result, fetcher: Fetcher) -> None:  # noqa: ANN001
    assert result.error is None and len(result.candidates) == 3
    row = result.candidates[0]
    assert row.key.startswith("https://fr.wikinews.org/wiki/")
    assert row.title and row.published and row.published.startswith("2012-")
    body = load(row, fetcher, CONFIG).body.decode("utf-8")
    # Laid out like a .txt article: the title line first, then the text.
    assert body.startswith(row.title + "\n\n")


def test_jsonl_dataset(fetcher: Fetcher) -> None:
    result = discover(str(FIXTURES / "articles.jsonl"), fetcher, CONFIG)
    _check_dataset_rows(result, fetcher)


def test_parquet_dataset(tmp_path: Path, fetcher: Fetcher) -> None:
    from datasets import Dataset

    rows = Dataset.from_json(str(FIXTURES / "articles.jsonl"), cache_dir=str(tmp_path / "c"))
    rows.to_parquet(str(tmp_path / "articles.parquet"))
    shutil.rmtree(tmp_path / "c")
    _check_dataset_rows(discover(str(tmp_path / "articles.parquet"), fetcher, CONFIG), fetcher)


def test_dataset_without_a_text_column(tmp_path: Path, fetcher: Fetcher) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"headline": "x"}\n', encoding="utf-8")
    result = discover(str(path), fetcher, CONFIG)
    assert result.error == (
        "no text column (looked for text, article, content, body; found headline)"
    )
