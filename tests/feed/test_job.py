from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli.app import main
from pipeline.feed.state import State, run_lock
from tests.conftest import FAKE_OVERRIDES
from tests.feed.conftest import feed_settings
from tests.feed.server import FIXTURES, FeedServer

# What happens to each entry of tests/fixtures/feed/feed.xml: (status, start of the reason).
EXPECTED = {
    "/articles/vendee.txt": ("done", None),
    "/articles/3ds.html": ("done", None),
    "/articles/lorient.txt": ("done", None),
    "/articles/moodys.html": ("done", None),
    "/articles/hostile.html": ("done", None),
    "/copy/vendee.txt": ("skipped", "duplicate of item 1 ("),
    "/missing": ("failed", "HTTP 404 Not Found"),
    "/error": ("failed", "HTTP 500 Internal Server Error"),
    "/slow": ("failed", "read timed out after 0.5 s"),
    "/huge": ("failed", "body over the limit of 100,000 bytes"),
    "/loop": ("failed", "redirect loop"),
    "/photo.png": ("skipped", "not an article page (image/png)"),
}
JAVASCRIPT_LINK = "javascript:document.title='pwned'"
FAKE_OVERRIDES_RELATIVE = [*FAKE_OVERRIDES, 'run.out="rel-out"']


def brief(args: list[str], overrides: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    """Runs ``brief ARGS`` in-process; returns the exit status and stderr."""
    sets = [x for item in overrides for x in ("--set", item)]
    with pytest.raises(SystemExit) as exc:
        main([*args, *sets])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return int(exc.value.code or 0), err


def _items(state_path: Path, base: str) -> dict[str, object]:
    with State(state_path) as db:
        return {i.key.removeprefix(base): i for i in db.items()}


def _files(*folders: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for f in folders if f.exists() for p in f.rglob("*")}


# In one process; then with the CPU stages in workers and small batches, so that pages are
# fetched while earlier batches are briefed and a duplicate can fall in a later batch.
@pytest.mark.parametrize(
    "how", [[], ["run.workers=2", "run.batch_articles=2"]], ids=["one-process", "workers"]
)
def test_feed_briefs_every_good_item_and_records_every_bad_one_with_its_reason(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys, how: list[str]
) -> None:
    sources = [feed_server.url("/feed.xml"), feed_server.url("/bad-feed.xml")]
    code, err = brief(["feed", *sources], [*feed_overrides, *how], capsys)
    assert code == 1
    items = _items(tmp_path / "state.sqlite", feed_server.base)
    for path, (status, reason) in EXPECTED.items():
        item = items[path]
        assert item.status == status, (path, item.last_error)
        assert item.attempts == 1
        if reason:
            assert item.last_error.startswith(reason), path
    assert items[JAVASCRIPT_LINK].status == "failed"
    assert "only http and https" in items[JAVASCRIPT_LINK].last_error
    # Not French: for now it may be briefed or skipped, but it is recorded.
    assert items["/articles/english.txt"].status in ("done", "skipped")
    # The tracking-parameter copy of vendee.txt is the same story: no item of its own.
    assert len(items) == len(EXPECTED) + 2

    for path, (status, _) in EXPECTED.items():
        if status == "done":
            item = items[path]
            assert set(item.outputs) == {"json", "md"}
            data = json.loads(Path(item.outputs["json"]).read_text(encoding="utf-8"))
            assert data["source"]["path"] == feed_server.url(path)
            assert data["metadata"]["url"] == feed_server.url(path)
            assert Path(item.outputs["md"]).is_file()
    vendee = json.loads(Path(items["/articles/vendee.txt"].outputs["json"]).read_text())
    assert vendee["metadata"]["title"] == "Départ du Vendée Globe 2012-2013"
    assert vendee["metadata"]["date"] == "2012-11-10T12:00:00+00:00"

    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["exit_code"] == 1
    assert report["counts"]["failed"] == 6
    assert report["counts"]["done"] + report["counts"]["skipped"] == 8
    bad = report["sources"][1]
    assert bad["error"].startswith("malformed feed")
    assert {"fetch", "clean", "translate", "summarise", "write", "digest"} <= set(report["seconds"])
    assert report["digest"]["written"] is True
    html = (tmp_path / "digest" / "index.html").read_text(encoding="utf-8")
    for item in items.values():
        assert html.count(f'id="b-{item.stem}"') == (1 if item.status == "done" else 0)
    assert (tmp_path / "digest" / "index.md").is_file()
    assert "failed: " + feed_server.url("/missing") + ": HTTP 404 Not Found" in err
    assert f"source failed: {sources[1]}: malformed feed" in err
    assert "time:" in err and "report:" in err


def test_second_run_does_no_work(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    overrides = [*feed_overrides, "feed.retries=1"]
    source = feed_server.url("/feed.xml")
    assert brief(["feed", source], overrides, capsys)[0] == 1
    before = _files(tmp_path / "out", tmp_path / "digest")
    state_before = {k: v.to_dict() for k, v in _items(tmp_path / "state.sqlite", "").items()}
    feed_server.hits.clear()
    code, err = brief(["feed", source], overrides, capsys)
    assert code == 0  # nothing failed this time: old failures are past their retry limit
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"] == {
        "done": 0,
        "failed": 0,
        "skipped": 0,
        "unchanged": 8,
        "given_up": 6,
        "gave_up": 0,
    }
    assert feed_server.hits == {"/feed.xml": 1}  # no page fetched
    assert _files(tmp_path / "out", tmp_path / "digest") == before  # nothing rewritten
    assert {k: v.to_dict() for k, v in _items(tmp_path / "state.sqlite", "").items()} == (
        state_before
    )
    assert report["digest"]["written"] is False
    assert "digest: unchanged" in err


def test_failed_items_are_retried_up_to_the_retry_limit(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    overrides = [*feed_overrides, "feed.retries=2"]
    source = feed_server.url("/feed.xml")
    for _ in range(3):
        brief(["feed", source], overrides, capsys)
    assert feed_server.hits["/missing"] == 2
    assert feed_server.hits["/articles/vendee.txt"] == 1
    items = _items(tmp_path / "state.sqlite", feed_server.base)
    assert items["/missing"].attempts == 2 and items["/missing"].status == "failed"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["given_up"] == 6


def test_force_briefs_again_under_the_same_names(
    feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    pages = str(FIXTURES / "pages")
    assert brief(["feed", pages], feed_overrides, capsys)[0] == 0
    first = sorted(p.name for p in (tmp_path / "out").iterdir())
    code, _ = brief(["feed", pages, "--force"], feed_overrides, capsys)
    assert code == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["done"] == 6 and report["force"] is True
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == first
    assert all(i.attempts == 2 for i in _items(tmp_path / "state.sqlite", "").values())


def test_a_folder_of_good_pages_exits_0_and_fills_the_digest(
    feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    code, err = brief(["feed", str(FIXTURES / "pages")], feed_overrides, capsys)
    assert code == 0, err
    md = (tmp_path / "digest" / "index.md").read_text(encoding="utf-8")
    assert md.count("\n#### ") == 6  # one heading a story (## days, ### sources)
    assert len(list((tmp_path / "digest" / "pages").glob("*.html"))) == 6


def test_a_run_while_another_holds_the_state_exits_75(
    feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    with run_lock(tmp_path / "state.sqlite"):
        code, err = brief(["feed", str(FIXTURES / "pages")], feed_overrides, capsys)
    assert code == 75
    assert "another `brief feed` run is using" in err
    assert not (tmp_path / "out").exists()


def test_temporary_files_of_a_killed_run_are_removed(
    feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    out, digest = tmp_path / "out", tmp_path / "digest"
    (digest / "pages").mkdir(parents=True)
    out.mkdir()
    left = [
        out / ".00001-vendee.json.k2j3.tmp",
        digest / ".index.html.x1.tmp",
        digest / "pages" / ".00001-vendee.html.q.tmp",
        tmp_path / ".report.json.z.tmp",
    ]
    foreign = out / ".someone-elses.tmp"
    for path in [*left, foreign]:
        path.write_text("half a fi", encoding="utf-8")
    brief(["feed", str(FIXTURES / "pages")], feed_overrides, capsys)
    assert not any(p.exists() for p in left)
    assert foreign.exists()


def test_model_unavailable_stops_the_run_before_any_article(
    feed_server: FeedServer, tmp_path: Path, capsys
) -> None:
    overrides = ["run.device=cpu", f'run.out="{tmp_path / "out"}"', *feed_settings(tmp_path)]
    code, err = brief(["feed", str(FIXTURES / "pages")], overrides, capsys)
    assert code == 3
    assert "is not available" in err
    items = _items(tmp_path / "state.sqlite", "")
    assert items and all(i.status == "new" and i.attempts == 0 for i in items.values())
    assert not (tmp_path / "out").exists()


def test_the_json_brief_cannot_be_switched_off(
    feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    overrides = [*feed_overrides, "stages.write.formats=['md']"]
    code, err = brief(["feed", str(FIXTURES / "pages")], overrides, capsys)
    assert code == 2
    assert "stages.write.formats" in err


def test_status_lists_counts_and_failures(
    feed_server: FeedServer, feed_overrides: list[str], tmp_path: Path, capsys
) -> None:
    brief(["feed", feed_server.url("/feed.xml")], feed_overrides, capsys)
    with pytest.raises(SystemExit) as exc:
        main(["feed", "status", "--state", str(tmp_path / "state.sqlite")])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("new 0 · done ")
    assert f"failed (1×): {feed_server.url('/error')}: HTTP 500" in out


def test_feed_help_documents_the_exit_status(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["feed", "run", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for words in ("SOURCE", "--force", "--state", "--digest", "Exit status", "75 another run"):
        assert words in out


def test_feed_with_tiny_real_models_reports_what_the_models_did(
    feed_server: FeedServer, tiny_dir: Path, tmp_path: Path, capsys
) -> None:
    overrides = [f'run.out="{(tmp_path / "out").as_posix()}"', *feed_settings(tmp_path)]
    # One short article, greedy decoding, short outputs: random weights never stop on their own.
    overrides += [
        "feed.max_items_per_source=1",
        "stages.translate.num_beams=1",
        "stages.translate.max_length_ratio=0.05",
        "stages.translate.min_max_new_tokens=8",
        "stages.summarise.num_beams=1",
        "stages.summarise.min_new_tokens=0",
        "stages.summarise.max_new_tokens=16",
        "stages.summarise.french.num_beams=1",
    ]
    code, err = brief(
        ["feed", feed_server.url("/feed.xml"), "-c", str(tiny_dir / "config.toml")],
        overrides,
        capsys,
    )
    assert code == 0, err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["done"] == 1
    assert report["models"]["translate"]["texts"] > 0
    assert report["models"]["summarise"]["output_tokens"] > 0
    assert "model translate:" in err
    brief_json = json.loads(Path(report["items"][0]["outputs"]["json"]).read_text())
    assert "opus-mt-fr-en-tiny" in brief_json["signature"]["models"]["translate"]["id"]


class _CachedBackend:
    def __init__(self) -> None:
        self.stats = {"texts": 3, "hits": 2, "misses": 1}


class _Reporting:
    stats = None

    def cache_stats(self) -> dict:
        return {"hits": 5, "misses": 0}


def test_cache_hits_are_reported_when_a_backend_has_them() -> None:
    from pipeline.feed.job import _backend_stats

    class _Pipe:
        def backends(self) -> dict:
            return {"translate": _CachedBackend(), "summarise": _Reporting(), "x": object()}

    models, cache = _backend_stats(_Pipe())
    assert cache == {"translate": {"hits": 2, "misses": 1}, "summarise": {"hits": 5, "misses": 0}}
    assert models == {"translate": {"texts": 3, "hits": 2, "misses": 1}}


def test_a_source_that_breaks_unexpectedly_does_not_stop_the_others(
    feed_config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.feed import job

    real = job.discover

    def flaky(source, fetcher, feed):  # noqa: ANN001, ANN202
        if source == "boom":
            raise RuntimeError("surprise")
        return real(source, fetcher, feed)

    monkeypatch.setattr(job, "discover", flaky)
    run = job.run_feed(["boom", str(FIXTURES / "pages")], feed_config)
    assert run.sources[0].error == "cannot be read: RuntimeError: surprise"
    assert run.report["counts"]["done"] == 6
    assert run.exit_code == 1


def test_outputs_are_recorded_as_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    overrides = [*FAKE_OVERRIDES_RELATIVE, *feed_settings(tmp_path)]
    assert brief(["feed", str(FIXTURES / "pages" / "vendee.txt")], overrides, capsys)[0] == 0
    (item,) = _items(tmp_path / "state.sqlite", "").values()
    assert all(Path(p).is_absolute() and Path(p).is_file() for p in item.outputs.values())
    assert Path(item.outputs["json"]).parent == tmp_path / "rel-out"
