"""The digest in a real headless browser: it renders, and nothing a feed sends can run.

Needs Debian's ``chromium`` (``.ci/run`` installs it). Without it these tests fail under
``CI=true`` and are skipped, with the reason, elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.feed.job import run_feed
from pipeline.feed.state import Item, State
from tests.conftest import FAKE_OVERRIDES
from tests.feed.conftest import feed_settings
from tests.feed.server import FeedServer
from tests.feed.test_digest import TAGS, _structure

pytestmark = pytest.mark.browser

PHONE = "390,844"
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromium is not installed: CI must have it (.ci/run installs it)")
    pytest.skip("chromium is not installed (apt-get install chromium); required when CI=true")


def _browse(chromium: str, url: str, profile: Path, *extra: str) -> str:
    args = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",  # let load and error events (onerror=…) fire
        *extra,
        url,
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dump(chromium: str, page: Path, profile: Path) -> str:
    return _browse(chromium, page.as_uri(), profile, "--dump-dom")


def _title(dom: str) -> str:
    match = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert match, dom[:500]
    return match.group(1)


def test_the_detector_sees_a_payload_that_runs(chromium: str, tmp_path: Path) -> None:
    # Control: the same payload, unescaped and without a policy, does run; so the checks below
    # would notice if it ran in the digest.
    page = tmp_path / "raw.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>digest</title></head><body>"
        "<img src=x onerror=\"document.title='pwned';"
        "document.documentElement.setAttribute('data-pwned','1')\"></body></html>",
        encoding="utf-8",
    )
    dom = _dump(chromium, page, tmp_path / "profile")
    assert _title(dom) == "pwned" and "data-pwned" in dom


@dataclass
class Digest:
    folder: Path
    done: dict[str, Item]  # by URL path on the fixture server


@pytest.fixture(scope="module")
def digest(_server: FeedServer, tmp_path_factory: pytest.TempPathFactory) -> Digest:
    """The digest of the fixture feed (faults and hostile item included), built once."""
    tmp = tmp_path_factory.mktemp("browser")
    overrides = [*FAKE_OVERRIDES, f'run.out="{(tmp / "out").as_posix()}"', *feed_settings(tmp)]
    config = load_config(None, overrides)
    run_feed([_server.url("/feed.xml")], config)
    with State(config.feed.state) as db:
        done = {i.key.removeprefix(_server.base): i for i in db.items("done")}
    return Digest(Path(config.feed.digest_dir), done)


def test_digest_renders_the_briefs_and_no_feed_markup_runs(
    chromium: str, digest: Digest, tmp_path: Path
) -> None:
    hostile = digest.done["/articles/hostile.html"]
    # Without the Content-Security-Policy, so that escaping alone is what is tested.
    bare = tmp_path / "bare"
    (bare / "pages").mkdir(parents=True)
    for rel in ("index.html", f"pages/{hostile.stem}.html"):
        text = (digest.folder / rel).read_text(encoding="utf-8")
        assert _CSP.search(text)
        (bare / rel).write_text(_CSP.sub("", text), encoding="utf-8")

    index = _dump(chromium, bare / "index.html", tmp_path / "profile")
    assert _title(index).startswith("French news in English · ")
    for item in digest.done.values():
        assert f'id="b-{item.stem}"' in index
    assert "DÉPART DU VENDÉE GLOBE 2012-2013" in index  # the (stand-in) English title
    page = _dump(chromium, bare / "pages" / f"{hostile.stem}.html", tmp_path / "profile")
    for dom in (index, page):
        tags = _structure(dom)
        assert _title(dom) != "pwned"
        assert "data-pwned" not in next(attrs for tag, attrs in tags if tag == "html")
        assert "&lt;script&gt;document.title='pwned'" in dom  # shown as text, not run
        assert {tag for tag, _ in tags} <= TAGS
        assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
        assert not any(attrs.get("href", "").lower().startswith("javascript") for _, attrs in tags)


def test_digest_screenshot_on_a_phone(chromium: str, digest: Digest, tmp_path: Path) -> None:
    shot = tmp_path / "phone.png"
    _browse(
        chromium,
        (digest.folder / "index.html").as_uri(),
        tmp_path / "profile",
        f"--window-size={PHONE}",
        "--hide-scrollbars",
        f"--screenshot={shot}",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (390, 844)
    if os.environ.get("BRIEF_KEEP_SCREENSHOT"):  # to look at it: BRIEF_KEEP_SCREENSHOT=x.png
        shutil.copy(shot, os.environ["BRIEF_KEEP_SCREENSHOT"])
