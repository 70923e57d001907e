"""The README stays a front page, and the documentation's links lead somewhere.

The README's first screen must show what a newcomer needs (the two set-up commands, an
illustration of a brief, links to the docs); the rest lives in ``docs/``. Every relative link in
the README and in ``docs/`` must name a file that exists and, with a ``#fragment``, a heading of
that file.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FIRST_SCREEN = 59  # lines
MAX_README_LINES = 260

MAIN_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -q torch==2.13.0 -e . && "
    ".venv/bin/brief seeds/*.txt --lang en"
)
TEST_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -q torch==2.13.0 -e '.[dev]' && "
    ".venv/bin/python -m pytest"
)

# Work history belongs in CHANGELOG.md, not next to a measured figure.
HISTORY_PHRASES = (
    "this session",
    "last session",
    "previous session",
    "earlier code",
    "the issue's",
)

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def doc_files() -> list[Path]:
    """The README and every Markdown page under docs/."""
    return [README, *sorted((ROOT / "docs").glob("*.md"))]


def prose(text: str) -> str:
    """The text without fenced code blocks and code spans, where links are only shown."""
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text only
    text = text.replace("`", "").strip().lower()
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The heading anchors of a Markdown file (a repeated heading gets ``-1``, ``-2``…)."""
    seen: dict[str, int] = {}
    out = set()
    for heading in _HEADING.findall(_FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.add(base if count == 0 else f"{base}-{count}")
    return out


def broken_links(path: Path) -> list[str]:
    """Relative links of ``path`` whose file, or whose heading, does not exist."""
    problems = []
    for target in _LINK.findall(prose(path.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            continue  # https:, mailto: — not ours to check offline
        file_part, _, fragment = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        if not dest.exists():
            problems.append(f"{target} (no such file)")
        elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
            problems.append(f"{target} (no heading #{fragment} in {dest.name})")
    return problems


def test_slug_follows_github() -> None:
    assert slug("Speed (`brief bench`)") == "speed-brief-bench"
    assert slug("Settings (`[feed]`)") == "settings-feed"
    assert slug("What a brief looks like") == "what-a-brief-looks-like"
    assert slug("Modèles et État") == "modèles-et-état"


def test_broken_links_are_found(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    (tmp_path / "other.md").write_text("# Other\n\n## Real heading\n", encoding="utf-8")
    page.write_text(
        "[ok](other.md) [ok too](other.md#real-heading) [gone](missing.md) "
        "[bad anchor](other.md#nope) [web](https://example.org/x.md)\n"
        "`[in code](missing-too.md)`\n```\n[in a block](missing-three.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "missing.md (no such file)",
        "other.md#nope (no heading #nope in other.md)",
    ]


def test_readme_fits_in_a_few_screens() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines"


def test_first_screen_shows_the_commands_an_example_and_the_docs() -> None:
    screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:FIRST_SCREEN])
    assert MAIN_COMMAND in screen
    assert TEST_COMMAND in screen
    assert "illustration" in screen.lower()
    assert "```markdown" in screen, "the brief excerpt is shown as Markdown"
    assert "(docs/" in screen, "the first screen links to the docs"


def test_ci_runs_the_readme_test_command() -> None:
    ci = ROOT / ".ci" / "run"
    if not ci.exists():
        pytest.skip("no .ci/run in this checkout")
    assert TEST_COMMAND in ci.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path: Path) -> None:
    assert broken_links(path) == []


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_docs_tell_no_work_history(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    assert [p for p in HISTORY_PHRASES if p in text] == []
