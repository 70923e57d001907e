"""Issue 19: no single page, feed or server stops, stalls or fails the night's other work."""

from __future__ import annotations

import json
import socket
import time
import tracemalloc
from pathlib import Path

import pytest

from pipeline.cli.app import main
from pipeline.config import FeedConfig, load_config
from pipeline.feed.fetch import ARTICLE_TYPES, Fetcher, FetchError
from pipeline.feed.job import run_feed
from tests.feed import server as feed_server_module
from tests.feed.server import FIXTURES, FeedServer
from tests.feed.test_job import _items, brief

LIMITS = {"allowed_networks": ["127.0.0.1/32"], "read_timeout": 0.5, "max_bytes": 100_000}


def _fetcher(**settings: object) -> Fetcher:
    return Fetcher(FeedConfig(**{**LIMITS, **settings}))


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("/binary", "binary data"),
        ("/pdf", "a PDF document"),
        ("/empty", "empty"),
        ("/not-modified", "HTTP 304"),
    ],
)
def test_one_bad_page_leaves_the_rest_of_its_batch_briefed_once(
    feed_server: FeedServer,
    feed_overrides: list[str],
    tmp_path: Path,
    capsys,
    bad: str,
    reason: str,
) -> None:
    source = feed_server.url(f"/many.xml?n=16&bad={bad}")
    code, err = brief(["feed", source], [*feed_overrides, "run.batch_articles=64"], capsys)
    assert code == 1
    items = _items(tmp_path / "state.sqlite", feed_server.base)
    assert items[bad].status == "failed"
    assert reason in items[bad].last_error
    assert "no such file" not in items[bad].last_error
    good = [item for key, item in items.items() if key.startswith("/gen/")]
    assert len(good) == 16
    assert all(item.status == "done" for item in good), [i.last_error for i in good]
    for item in good:
        data = json.loads(Path(item.outputs["json"]).read_text(encoding="utf-8"))
        warnings = [(w["code"], w["message"], w.get("sentence")) for w in data["warnings"]]
        assert len(warnings) == len(set(warnings)), item.key
    assert "no such file" not in err


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_compressed_pages_are_decoded(feed_server: FeedServer, coding: str) -> None:
    with _fetcher() as fetcher:
        page = fetcher.fetch(feed_server.url(f"/{coding}/vendee.txt"), accept=ARTICLE_TYPES)
    assert page.body == (FIXTURES / "pages" / "vendee.txt").read_bytes()


def test_a_gzip_bomb_stops_at_the_size_cap_without_being_decoded_whole(
    feed_server: FeedServer,
) -> None:
    feed_server_module._bomb()  # made once (about a second), before measuring
    with _fetcher(max_bytes=2_000_000, read_timeout=5.0) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(FetchError) as err:
                fetcher.fetch(feed_server.url("/bomb"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert err.value.reason == (
        "gzip body, decoded, over the limit of 2,000,000 bytes (feed.max_bytes)"
    )
    assert peak < 20_000_000  # the cap and a few chunks, not 256 MB


@pytest.mark.parametrize("path", ["/drip", "/drip-body"])
def test_a_server_that_drips_is_cut_off_at_the_total_timeout(
    feed_server: FeedServer, path: str
) -> None:
    # Each byte comes well within the read timeout: only the total timeout can end it.
    began = time.monotonic()
    with _fetcher(read_timeout=1.0, total_timeout=1.5) as fetcher, pytest.raises(FetchError) as e:
        fetcher.fetch(feed_server.url(path))
    assert e.value.reason == "took longer than 1.5 s (feed.total_timeout)"
    assert time.monotonic() - began < 2.5


def test_every_address_of_a_name_is_tried_within_the_deadline(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The name's first address refuses the connection; the second one answers.
    port = feed_server.server_address[1]
    real = socket.getaddrinfo

    def two_addresses(host: str, *args: object, **kwargs: object) -> list:
        if host == "news.test":
            return [*real("127.0.0.2", port, type=socket.SOCK_STREAM), *real("127.0.0.1", port)]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", two_addresses)
    with _fetcher(allowed_networks=["127.0.0.0/8"]) as fetcher:
        page = fetcher.fetch(f"http://news.test:{port}/articles/vendee.txt")
    assert "Vendée Globe".encode() in page.body


def test_the_job_ends_within_the_total_timeout_when_feed_and_page_drip(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    sources = [feed_server.url("/drip"), feed_server.url("/many.xml?n=2&bad=/drip")]
    overrides = [*feed_overrides, "feed.total_timeout=2", "feed.read_timeout=1"]
    code, err = brief(["feed", *sources], overrides, capsys)
    assert code == 1
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["sources"][0]["error"] == "took longer than 2 s (feed.total_timeout)"
    assert report["seconds"]["sources"] < 2 + 1.5
    assert report["seconds"]["fetch"] < 2 + 1.5
    items = _items(tmp_path / "state.sqlite", feed_server.base)
    assert items["/drip"].last_error == "took longer than 2 s (feed.total_timeout)"
    assert [items[f"/gen/{i}.txt"].status for i in range(2)] == ["done", "done"]


def test_interruptions_charge_no_attempt(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys, monkeypatch
) -> None:
    from pipeline.stages.clean import CleanStage

    source = feed_server.url("/many.xml?n=4")
    config = load_config(None, [*feed_overrides, "feed.retries=3", "run.batch_articles=2"])
    real = CleanStage.pipe

    def dies(self: CleanStage, articles: list) -> list:
        raise KeyboardInterrupt  # the process going down in the middle of cleaning

    monkeypatch.setattr(CleanStage, "pipe", dies)
    for _ in range(3):
        with pytest.raises(KeyboardInterrupt):
            run_feed([source], config)
    items = _items(tmp_path / "state.sqlite", feed_server.base)
    assert {(i.status, i.attempts) for i in items.values()} == {("new", 0)}
    monkeypatch.setattr(CleanStage, "pipe", real)
    run = run_feed([source], config)
    assert run.exit_code == 0
    assert run.report["counts"]["done"] == 4 and run.report["counts"]["given_up"] == 0


def test_the_run_that_gives_up_an_item_says_so_and_status_shows_why(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    source = feed_server.url("/many.xml?n=1&bad=/error")
    overrides = [*feed_overrides, "feed.retries=2"]
    code, err = brief(["feed", source], overrides, capsys)
    assert code == 1 and "given up" not in err.replace("given up earlier", "")
    code, err = brief(["feed", source], overrides, capsys)
    assert code == 1
    assert f"given up: {feed_server.url('/error')}: HTTP 500 Internal Server Error" in err
    code, err = brief(["feed", source], overrides, capsys)
    assert code == 0 and "1 given up earlier" in err
    with pytest.raises(SystemExit) as exc:
        main(["feed", "status", "--state", str(tmp_path / "state.sqlite"), "-s", "feed.retries=2"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert f"given up (2×): {feed_server.url('/error')}: HTTP 500 Internal Server Error" in out


def _brief_of(item) -> dict:
    return json.loads(Path(item.outputs["json"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("same_site", [False, True], ids=["other-site", "same-site"])
def test_a_page_cannot_replace_the_source_the_feed_gave(
    feed_server: FeedServer,
    feed_overrides: list[str],
    tmp_path: Path,
    capsys,
    same_site: bool,
) -> None:
    canonical = feed_server.url("/canonical") if same_site else "https://phish.example/login"
    page = f"/claims.html?canonical={canonical}"
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title><item>'
        f"<title>Titre du fil</title><link>{feed_server.url(page)}</link>"
        "<pubDate>Sat, 10 Nov 2012 12:00:00 GMT</pubDate><author>Auteur du fil</author>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    code, err = brief(["feed", str(feed)], feed_overrides, capsys)
    assert code == 0, err
    (item,) = _items(tmp_path / "state.sqlite", "").values()
    meta = _brief_of(item)["metadata"]
    assert meta["url"] == feed_server.url(page)
    assert (meta["title"], meta["author"]) == ("Titre du fil", "Auteur du fil")
    assert meta["date"] == "2012-11-10T12:00:00+00:00"
    assert meta.get("canonical_url") == (canonical if same_site else None)
    # The story's page links its source (the index names the source and links the page).
    html = (tmp_path / "digest" / "pages" / f"{item.stem}.html").read_text(encoding="utf-8")
    assert 'href="https://phish.example' not in html
    assert f'href="{feed_server.url(page)}"'.replace("&", "&amp;") in html


def test_unreadable_dates_sort_last_and_long_fields_are_cut(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    overrides = [*feed_overrides, "feed.max_bytes=1_000_000"]  # the feed is 200 kB
    code, err = brief(["feed", feed_server.url("/pinned.xml")], overrides, capsys)
    assert code == 0, err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["seconds"]["sources"] < 5  # feedparser alone took 7 minutes on that author
    items = _items(tmp_path / "state.sqlite", feed_server.base)
    assert items["/gen/0.txt"].published is None
    assert _brief_of(items["/gen/0.txt"])["metadata"]["date_text"] == "le jour du grand soir"
    assert len(items["/gen/3.txt"].author) <= 200
    md = (tmp_path / "digest" / "index.md").read_text(encoding="utf-8")
    # The only dated story first; then the others in feed order.
    order = [md.index(f"Dépêche numéro {i} ") for i in (1, 0, 2, 3)]
    assert order == sorted(order)
    html = (tmp_path / "digest" / "index.html").read_text(encoding="utf-8")
    assert max(len(line) for line in html.splitlines()) < 20_000
    assert len(html) < 100_000


@pytest.mark.parametrize("where", ["file", "url"])
def test_an_empty_feed_is_reported_as_such(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys, where: str
) -> None:
    empty = tmp_path / "feed.xml"
    empty.write_bytes(b"")
    source = str(empty) if where == "file" else feed_server.url("/empty")
    code, err = brief(["feed", source], feed_overrides, capsys)
    assert code == 1
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["sources"][0]["error"] == "empty feed (0 bytes)"
    assert f"source failed: {source}: empty feed (0 bytes)" in err


def test_a_plain_text_article_that_quotes_tags_is_read_as_text(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    source = feed_server.url("/many.xml?n=0&bad=/plain-script.txt")
    code, err = brief(["feed", source], feed_overrides, capsys)
    assert code == 0, err
    (item,) = _items(tmp_path / "state.sqlite", feed_server.base).values()
    data = _brief_of(item)
    assert data["metadata"]["format"] == "text"
    assert any("<script>alert(1)</script>" in s["fr"] for s in data["sentences"])
