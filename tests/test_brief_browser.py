"""The Markdown brief as readers see it: rendered the way GitHub renders it (markdown-it-py, a
GitHub-like stylesheet), in headless Chromium, at 390 and 1280 px, light and dark.

Headless Chromium will not make a window narrower than 500 px, so the brief is shown in a frame
of the width under test inside the window; the frame's own viewport is what the media queries
and the checks see. The checks run in the page and post what they found to the window, whose
DOM the test reads (``--dump-dom``).

``BRIEF_SCREENSHOTS=docs/img`` also writes the screenshots that docs/outputs.md shows.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import struct
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.cli.helpers import run_brief
from tests.conftest import SEEDS
from tests.feed.test_browser import _browse, chromium  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

CSS = Path(__file__).parent / "fixtures" / "render" / "github-like.css"
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
SCHEMES = {"light": (), "dark": ("--force-dark-mode",)}

# Runs in the brief's frame: what a reader would hit, posted to the window as JSON.
_CHECKS = """
<script>
addEventListener('load', () => {
  const root = document.documentElement;
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href'));
  const cut = [...document.querySelectorAll('.markdown-body *')].filter(e =>
    e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible');
  const wide = [...document.querySelectorAll('.markdown-body *')].filter(e =>
    e.getBoundingClientRect().right > root.clientWidth + 1);
  const trust = [...document.querySelectorAll('blockquote')].find(q =>
    q.textContent.trim().startsWith('Trust:'));
  parent.postMessage(JSON.stringify({
    width: root.clientWidth,
    scroll_width: root.scrollWidth,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: getComputedStyle(document.body).backgroundColor,
    links: links.length,
    dangling: links.filter(h => !document.getElementById(decodeURIComponent(h.slice(1)))),
    cut: cut.map(e => e.tagName),
    wide: wide.map(e => e.tagName + ':' + e.textContent.slice(0, 40)),
    trust: trust ? trust.textContent.trim() : null,
    trust_first: !!trust && trust.compareDocumentPosition(document.querySelector('h2'))
      === Node.DOCUMENT_POSITION_FOLLOWING,
    flag_lines: document.querySelectorAll('li > a[id^="flag-"]').length,
    sentences: document.querySelectorAll('a[id^="s-"]').length,
  }), '*');
});
</script>
"""


def render_page(markdown: str, checks: bool = True) -> str:
    """The brief as GitHub shows it: CommonMark with tables, its HTML tags kept."""
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>brief</title><style>{CSS.read_text(encoding='utf-8')}</style></head>"
        f'<body><article class="markdown-body">{body}</article>'
        f"{_CHECKS if checks else ''}</body></html>"
    )


def frame_page(folder: Path, name: str, width: int, height: int) -> Path:
    """A window page that shows ``name`` in a frame ``width`` px wide and writes what the
    frame's checks post into ``<pre id="result">``."""
    window = folder / f"window-{width}.html"
    window.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>window</title>'
        "<style>body{margin:0}iframe{border:0;display:block}</style></head><body>"
        f'<iframe src="{name}" width="{width}" height="{height}"></iframe>'
        '<pre id="result"></pre><script>addEventListener("message", e => '
        '{document.getElementById("result").textContent = e.data;});</script></body></html>',
        encoding="utf-8",
    )
    return window


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


def _seen(chromium: str, folder: Path, size: str, scheme: str) -> dict:  # noqa: F811
    width, height = SIZES[size]
    window = frame_page(folder, "brief.html", width, height)
    dom = _browse(
        chromium,
        window.as_uri(),
        folder / f"profile-{size}-{scheme}",
        f"--window-size={max(width, 500)},{height + 40}",
        "--hide-scrollbars",  # as on a phone: scrollbars over the page, not beside it
        *SCHEMES[scheme],
        "--dump-dom",
    )
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), dom[-2000:]
    return json.loads(html.unescape(found.group(1)))


def test_the_checks_see_a_table_cut_off_and_a_dangling_link(
    chromium: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    # Control: the old layout's two-column full text and four-column facts, on a phone.
    cells = " ".join(["mot"] * 60)
    wide = f"| English | Français |\n|---|---|\n| {cells} | {cells} |\n\n[sentence 9](#s-9)\n"
    facts = "| a | b | c | d |\n|---|---|---|---|\n| " + " | ".join(["Mots-composés-longs"] * 4)
    (tmp_path / "brief.html").write_text(render_page(wide + "\n" + facts), encoding="utf-8")
    seen = _seen(chromium, tmp_path, "phone", "light")
    assert "TABLE" in seen["cut"]  # GitHub scrolls the table in its box: cut off on a phone
    assert seen["dangling"] == ["#s-9"] and seen["trust"] is None


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_brief_reads_on_a_phone_and_a_desktop_light_and_dark(
    chromium: str,  # noqa: F811
    seed_brief: tuple[str, dict],
    tmp_path: Path,
    size: str,
    scheme: str,
) -> None:
    markdown, data = seed_brief
    (tmp_path / "brief.html").write_text(render_page(markdown), encoding="utf-8")
    seen = _seen(chromium, tmp_path, size, scheme)
    assert seen["width"] == SIZES[size][0]
    assert seen["dark"] is (scheme == "dark")
    dark_background = seen["background"] != "rgb(255, 255, 255)"
    assert dark_background is (scheme == "dark")
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
    assert seen["flag_lines"] == len(flagged) == trust["flagged"]


def test_screenshots_of_a_brief(
    chromium: str,  # noqa: F811
    seed_brief: tuple[str, dict],
    tmp_path: Path,
) -> None:
    """Screenshots as a reader sees the brief: the PNGs are the size asked for."""
    markdown, _ = seed_brief
    (tmp_path / "brief.html").write_text(render_page(markdown, checks=False), encoding="utf-8")
    keep = os.environ.get("BRIEF_SCREENSHOTS")
    shots = [("phone", "light", ""), ("phone", "dark", ""), ("desktop", "light", "")]
    shots.append(("phone", "light", "flag-2"))  # scrolled to the flags: the frame's anchor
    for size, scheme, anchor in shots:
        width, height = SIZES[size]
        target = f"brief.html#{anchor}" if anchor else "brief.html"
        window = frame_page(tmp_path, target, width, height)
        name = f"brief-{size}-{scheme}" + ("-flags" if anchor else "")
        shot = tmp_path / f"{name}.png"
        _browse(
            chromium,
            window.as_uri(),
            tmp_path / f"profile-{name}",
            f"--window-size={width},{height}",
            "--hide-scrollbars",
            *SCHEMES[scheme],
            f"--screenshot={shot}",
        )
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (width, height)
        if keep:
            shutil.copy(shot, Path(keep) / shot.name)
