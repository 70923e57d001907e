"""The digest in a real headless browser: it renders, and nothing a feed sends can run.

Needs Debian's ``chromium`` (``.ci/run`` installs it). Without it these tests fail under
``CI=true`` and are skipped, with the reason, elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.digest.entries import entry_from_brief
from pipeline.feed.job import run_feed
from pipeline.feed.state import Item, State
from pipeline.testing.digest import brief_dicts, spread, write_digest_files
from tests.conftest import FAKE_OVERRIDES
from tests.feed.cdp import Browser, chromium_args
from tests.feed.conftest import feed_settings
from tests.feed.server import FeedServer
from tests.feed.test_digest import SEEDS, TAGS, _structure

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
        *chromium_args(chromium, profile),
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
    assert "&lt;script&gt;document.title='pwned'" in page  # the body's markup, shown as text
    for dom in (index, page):
        tags = _structure(dom)
        assert _title(dom) != "pwned"
        assert "data-pwned" not in next(attrs for tag, attrs in tags if tag == "html")
        assert "&lt;img src=x onerror=" in dom.lower()  # the title's markup, shown as text
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


# The layout, measured in the browser: 1280 and 390 px wide, light and dark.

VIEWS = {
    "1280-light": (1280, 800, False),
    "1280-dark": (1280, 800, True),
    "390-light": (390, 844, False),
    "390-dark": (390, 844, True),
}

# What the tests read out of a page (DevTools runs it; the page itself runs no script).
_REPORT = """(() => {
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  const hrefs = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
    .slice(0, 5).map(e => e.tagName + '.' + e.className);
  const trust = [...document.querySelectorAll('.trust')].map(p => ({
    story: p.closest('article') ? p.closest('article').id : null,
    text: p.textContent.trim(), flagged: p.classList.contains('flagged'),
    mark: getComputedStyle(p, '::before').content}));
  const summary = document.getElementById('summary');
  return {
    scroll: document.scrollingElement.scrollWidth, width: innerWidth, wide,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: getComputedStyle(document.documentElement).backgroundColor,
    missing: hrefs.filter(h => h.startsWith('#') && !ids.has(h.slice(1))),
    relative: hrefs.filter(h => !h.startsWith('#') && !/^https?:/i.test(h)),
    trust,
    trustFirst: !summary || !!(document.querySelector('.trust')
      .compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING),
    flagged: document.querySelectorAll('.s.flagged').length,
    sentences: document.querySelectorAll('.s').length,
    frenchBeside: [...document.querySelectorAll('.s')].every(
      s => s.querySelector('.other') && s.querySelector('.other').lang === 'fr'),
    stacked: [...document.querySelectorAll('.s')].slice(0, 3).map(s => {
      const [a, b] = s.querySelectorAll('p');
      return b.getBoundingClientRect().top >= a.getBoundingClientRect().bottom - 1;
    }),
  };
})()"""


@dataclass
class Site:
    """A digest on disk and the JSON brief of each of its stories, by stem."""

    index: Path
    briefs: dict[str, dict]


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """200 stories from the seed articles (stand-in backends), spread over days and sources."""
    stories = spread(brief_dicts(sorted(SEEDS.glob("*.txt"))), 200)
    entries = [entry_from_brief(s.data, n, s.stem, None, s.url) for n, s in enumerate(stories)]
    index = write_digest_files(entries, tmp_path_factory.mktemp("seed-digest"))
    return Site(index, {s.stem: s.data for s in stories})


@pytest.fixture(scope="module")
def feed_site(digest: Digest) -> Site:
    briefs = {}
    for item in digest.done.values():
        briefs[item.stem] = json.loads(Path(item.outputs["json"]).read_text(encoding="utf-8"))
    return Site(digest.folder / "index.html", briefs)


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(chromium, tmp_path_factory.mktemp("cdp-profile")) as b:
        yield b


def _expected_trust(data: dict) -> tuple[str, int]:
    """The brief's own trust line and its count of flagged sentences."""
    if "trust" not in data:  # TEMP until the trust data lands
        from pipeline.digest.flags import trust_counts, trust_line

        return trust_line(data), trust_counts(data)[1]
    return data["trust"]["line"], data["trust"]["flagged"]


def _luminance(css: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def _check(browser: Browser, page: Path, view: str) -> dict:
    width, height, dark = VIEWS[view]
    browser.open(page.as_uri(), width, height, dark)
    r = browser.value(_REPORT)
    assert r["width"] == width
    assert r["scroll"] <= r["width"], (page.name, view, r["wide"])
    assert r["dark"] == dark
    assert (_luminance(r["background"]) < 0.2) == dark, r["background"]
    assert r["missing"] == [], (page.name, r["missing"])
    for href in r["relative"]:
        target, _, anchor = href.partition("#")
        path = (page.parent / target).resolve()
        assert path.is_file(), (page.name, href)
        if anchor:
            assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), (page.name, href)
    return r


def _check_site(browser: Browser, site: Site, view: str, pages: int) -> None:
    r = _check(browser, site.index, view)
    assert len(r["trust"]) == len(site.briefs)
    for shown in r["trust"]:
        line, flagged = _expected_trust(site.briefs[shown["story"].removeprefix("b-")])
        assert shown["text"] == line
        assert shown["flagged"] == (flagged > 0)
        assert shown["mark"] == ('"⚠ "' if flagged else '"✓ "')
    for stem in list(site.briefs)[:pages]:
        r = _check(browser, site.index.parent / "pages" / f"{stem}.html", view)
        data = site.briefs[stem]
        line, flagged = _expected_trust(data)
        (shown,) = r["trust"]
        assert shown["text"] == line and r["trustFirst"]
        assert r["sentences"] == len(data["sentences"])
        assert r["flagged"] == flagged == sum(1 for s in data["sentences"] if s["flags"])
        assert r["frenchBeside"]
        # Side by side on a wide screen; the French below the English on a phone.
        assert all(r["stacked"]) == view.startswith("390"), r["stacked"]


@pytest.mark.parametrize("view", VIEWS)
def test_the_seed_digest_in_the_browser(browser: Browser, seed_site: Site, view: str) -> None:
    _check_site(browser, seed_site, view, pages=6)


@pytest.mark.parametrize("view", VIEWS)
def test_the_feed_digest_in_the_browser(browser: Browser, feed_site: Site, view: str) -> None:
    _check_site(browser, feed_site, view, pages=len(feed_site.briefs))


def test_screenshots(browser: Browser, seed_site: Site, tmp_path: Path) -> None:
    """The digest's index and a story page at 1280 and 390 px; kept in BRIEF_SCREENSHOTS
    (a folder: ``BRIEF_SCREENSHOTS=docs/img pytest -m browser -k screenshots``)."""
    keep = os.environ.get("BRIEF_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    story = next(s for s, d in seed_site.briefs.items() if d["trust"]["flagged"])
    page = seed_site.index.parent / "pages" / f"{story}.html"
    shots = {
        "digest-index": seed_site.index.as_uri(),
        "digest-story": page.as_uri(),
        "digest-story-text": page.as_uri() + "#text",
    }
    for name, url in shots.items():
        for width, height in ((1280, 800), (390, 844)):
            browser.open(url, width, height, dark=False)
            shot = browser.screenshot(folder / f"{name}-{width}.png")
            data = shot.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            assert struct.unpack(">II", data[16:24]) == (width, height)
