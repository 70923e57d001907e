"""The Markdown brief as readers see it: rendered the way GitHub renders it (markdown-it-py, a
GitHub-like stylesheet), in headless Chromium (the digest's DevTools driver,
:mod:`tests.feed.cdp`), at 390 and 1280 px, light and dark.

``BRIEF_SCREENSHOTS=docs/img`` also writes the screenshots that docs/outputs.md shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.cli.helpers import run_brief
from tests.conftest import SEEDS
from tests.feed.cdp import Browser
from tests.feed.test_browser import browser, chromium  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

CSS = Path(__file__).parent / "fixtures" / "render" / "github-like.css"
VIEWS = {  # width, height, dark
    "390-light": (390, 844, False),
    "390-dark": (390, 844, True),
    "1280-light": (1280, 900, False),
    "1280-dark": (1280, 900, True),
}

# What a reader would hit, read out of the page by DevTools (the page runs no script).
_REPORT = """(() => {
  const root = document.documentElement;
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href'));
  const all = [...document.querySelectorAll('.markdown-body *')];
  const cut = all.filter(e =>
    e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible');
  const wide = all.filter(e => e.getBoundingClientRect().right > innerWidth + 0.5);
  const trust = [...document.querySelectorAll('blockquote')].find(q =>
    q.textContent.trim().startsWith('Trust:'));
  return {
    width: innerWidth,
    scroll_width: document.scrollingElement.scrollWidth,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: getComputedStyle(document.body).backgroundColor,
    links: links.length,
    dangling: links.filter(h => !document.getElementById(decodeURIComponent(h.slice(1)))),
    cut: cut.map(e => e.tagName),
    wide: wide.slice(0, 5).map(e => e.tagName + ':' + e.textContent.slice(0, 40)),
    trust: trust ? trust.textContent.trim() : null,
    trust_first: !!trust && !!(trust.compareDocumentPosition(document.querySelector('h2'))
      & Node.DOCUMENT_POSITION_FOLLOWING),
    flag_lines: document.querySelectorAll('li > a[id^="flag-"]').length,
    sentences: document.querySelectorAll('a[id^="s-"]').length,
  };
})()"""


def render_page(markdown: str) -> str:
    """The brief as GitHub shows it: CommonMark with tables, its HTML tags kept."""
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>brief</title><style>{CSS.read_text(encoding='utf-8')}</style></head>"
        f'<body><article class="markdown-body">{body}</article></body></html>'
    )


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    """The PSA seed's brief, with the model-free stand-ins: it has a title, four flagged
    sentences and a summary sentence that draws on one."""
    seed = next(p for p in SEEDS if p.stem == "wikinews_44635")
    out = tmp_path_factory.mktemp("brief-render") / "out"
    with contextlib.chdir(seed.parent.parent):  # the brief shows the path as given
        ran = run_brief(f"seeds/{seed.name}", "-o", str(out), "-q")
    assert ran.exit_code == 0, ran.output
    stem = seed.stem
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return (out / f"{stem}.md").read_text(encoding="utf-8"), data


def _seen(browser: Browser, page: Path, view: str) -> dict:  # noqa: F811
    width, height, dark = VIEWS[view]
    browser.open(page.as_uri(), width, height, dark)
    return browser.value(_REPORT)


def test_the_checks_see_a_table_cut_off_and_a_dangling_link(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    # Control: the old layout's two-column full text and four-column facts, on a phone.
    cells = " ".join(["mot"] * 60)
    wide = f"| English | Français |\n|---|---|\n| {cells} | {cells} |\n\n[sentence 9](#s-9)\n"
    facts = "| a | b | c | d |\n|---|---|---|---|\n| " + " | ".join(["Mots-composés-longs"] * 4)
    page = tmp_path / "brief.html"
    page.write_text(render_page(wide + "\n" + facts), encoding="utf-8")
    seen = _seen(browser, page, "390-light")
    assert "TABLE" in seen["cut"]  # GitHub scrolls the table in its box: cut off on a phone
    assert seen["dangling"] == ["#s-9"] and seen["trust"] is None


@pytest.mark.parametrize("view", VIEWS)
def test_the_brief_reads_on_a_phone_and_a_desktop_light_and_dark(
    browser: Browser,  # noqa: F811
    seed_brief: tuple[str, dict],
    tmp_path: Path,
    view: str,
) -> None:
    markdown, data = seed_brief
    page = tmp_path / "brief.html"
    page.write_text(render_page(markdown), encoding="utf-8")
    seen = _seen(browser, page, view)
    width, _, dark = VIEWS[view]
    assert seen["width"] == width
    assert seen["dark"] is dark
    assert (seen["background"] != "rgb(255, 255, 255)") is dark
    # Nothing wider than the screen, and nothing cut off inside a scrolling box.
    assert seen["scroll_width"] <= seen["width"], seen["wide"]
    assert seen["wide"] == [] and seen["cut"] == []
    # Every link lands on an element that exists; every sentence has its anchor.
    assert seen["links"] > len(data["sentences"]) and seen["dangling"] == []
    assert seen["sentences"] == len(data["sentences"])
    # The trust line, before the summary, says what the JSON says.
    trust = data["trust"]
    assert seen["trust"] == f"Trust: {trust['line']}" and seen["trust_first"]
    assert f"{trust['flagged']} flagged" in trust["line"]
    assert str(trust["checked"]) in trust["line"]
    flagged = [s for s in data["sentences"] if s["flags"]]
    assert seen["flag_lines"] == len(flagged) == trust["flagged"] > 0


def test_screenshots_of_a_brief(
    browser: Browser,  # noqa: F811
    seed_brief: tuple[str, dict],
    tmp_path: Path,
) -> None:
    """Screenshots as a reader sees the brief; kept in BRIEF_SCREENSHOTS (a folder:
    ``BRIEF_SCREENSHOTS=docs/img pytest tests/test_brief_browser.py -k screenshots``)."""
    markdown, _ = seed_brief
    page = tmp_path / "brief.html"
    page.write_text(render_page(markdown), encoding="utf-8")
    keep = os.environ.get("BRIEF_SCREENSHOTS")
    shots = {
        "brief-phone-light": ("390-light", ""),
        "brief-phone-dark": ("390-dark", ""),
        "brief-phone-light-flags": ("390-light", "#flag-2"),  # scrolled to the flags
        "brief-desktop-light": ("1280-light", ""),
    }
    for name, (view, anchor) in shots.items():
        width, height, dark = VIEWS[view]
        browser.open(page.as_uri() + anchor, width, height, dark)
        shot = browser.screenshot(tmp_path / f"{name}.png")
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (width, height)
        if keep:
            shutil.copy(shot, Path(keep) / shot.name)
