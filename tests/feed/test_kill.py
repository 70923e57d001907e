"""Kill -9 a real ``brief feed`` process mid-run, run it again: nothing lost, nothing twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.config import load_config, parse_override
from pipeline.feed.job import run_feed
from tests.conftest import FAKE_OVERRIDES, REPO
from tests.feed.conftest import feed_settings
from tests.feed.server import FeedServer

N = 8
QUERIES = {
    "fetched": "SELECT count(*) FROM items WHERE content_hash IS NOT NULL",
    "done": "SELECT count(*) FROM items WHERE status = 'done'",
}


def _config(tmp_path: Path) -> Path:
    """A TOML config: stand-in models, one article at a time, everything under tmp_path."""
    import tomli_w

    items = [*FAKE_OVERRIDES, f'run.out="{(tmp_path / "out").as_posix()}"']
    items += [*feed_settings(tmp_path), "run.batch_articles=1", "feed.fetch_workers=1"]
    data: dict = {}
    for item in items:
        key, value = parse_override(item)
        *tables, leaf = key.split(".")
        node = data
        for table in tables:
            node = node.setdefault(table, {})
        node[leaf] = value
    path = tmp_path / "config.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _count(state: Path, query: str) -> int:
    if not state.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=1) as db:
            return db.execute(query).fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy for a moment
        return 0


def _temp_files(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*.tmp")]


def _check_consistent(state: Path) -> list[tuple]:
    """The state never claims more than is on disk; returns (key, stem, outputs) of done items."""
    with sqlite3.connect(f"file:{state}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = db.execute("SELECT key, stem, outputs FROM items WHERE status = 'done'").fetchall()
    for key, stem, outputs in done:
        files = json.loads(outputs)
        assert set(files) == {"json", "md"}
        brief = json.loads(Path(files["json"]).read_text(encoding="utf-8"))  # whole, parseable
        assert brief["source"]["path"] == key
        assert Path(files["json"]).stem == stem
    return done


@pytest.mark.parametrize(
    ("moment", "threshold"),
    [("fetched", 1), ("done", 2), ("done", 5)],
    ids=["after-first-fetch", "after-2-done", "after-5-done"],
)
def test_kill_9_then_resume_briefs_every_item_exactly_once(
    feed_server: FeedServer, tmp_path: Path, moment: str, threshold: int
) -> None:
    feed_server.delay = 0.15  # each page takes a while to come: the run is caught mid-way
    state = tmp_path / "state.sqlite"
    url = feed_server.url(f"/many.xml?n={N}")
    cmd = [sys.executable, "-m", "pipeline", "feed", url, "-c", str(_config(tmp_path)), "-q"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}

    proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(state, QUERIES[moment]) < threshold and proc.poll() is None:
        assert time.monotonic() < deadline, "the run never got going"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode()  # killed mid-run, not finished
    done_at_kill = _check_consistent(state)
    assert len(done_at_kill) < N
    # Dying charges no attempt to the articles that were being worked on.
    assert _count(state, "SELECT count(*) FROM items WHERE status = 'new' AND attempts > 0") == 0

    resumed = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr.decode()
    done = _check_consistent(state)
    keys = sorted(key for key, _, _ in done)
    assert keys == sorted(feed_server.url(f"/gen/{i}.txt") for i in range(N))
    stems = {stem for _, stem, _ in done}
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.{ext}" for stem in stems for ext in ("json", "md")
    )
    assert _temp_files(tmp_path) == []
    html = (tmp_path / "digest" / "index.html").read_text(encoding="utf-8")
    assert all(html.count(f'id="b-{stem}"') == 1 for stem in stems)
    assert len(list((tmp_path / "digest" / "pages").iterdir())) == N
    # What was done before the kill was not done again.
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["unchanged"] == len(done_at_kill)
    assert report["counts"]["done"] == N - len(done_at_kill)

    # A third run (in-process: quicker) has nothing left to do.
    feed_server.hits.clear()
    again = run_feed([url], load_config(tmp_path / "config.toml"))
    assert again.exit_code == 0
    assert again.report["counts"]["done"] == 0 and again.report["counts"]["unchanged"] == N
    assert set(feed_server.hits) == {"/many.xml"}
