"""A digest of any size from a few real briefs, for tests, screenshots and size checks.

:func:`brief_dicts` briefs articles through the real pipeline (with the model-free stand-in
backends by default); :func:`digest_entries` spreads copies of those briefs over several days
and sources, the way a night's feed would fill the digest.

Usage (writes ``OUTDIR/index.html`` and ``OUTDIR/pages/``, to open in a browser)::

    python -m pipeline.testing.digest OUTDIR [--stories 200]
"""

from __future__ import annotations

import argparse
import copy
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# The same model-free backends as the tests': upper-cased "translations", lead summaries.
STAND_IN = [
    "stages.translate.backend.kind=upper",
    "stages.summarise.backend.kind=lead",
    "stages.summarise.french.backend.kind=identity",
    "run.device=cpu",
]


@dataclass
class Story:
    """One story of a made-up digest: its brief, stem and source URL."""

    data: dict
    stem: str
    url: str


SOURCES = ("lemonde.fr", "liberation.fr", "ouest-france.fr", "francetvinfo.fr", "lefigaro.fr")


def brief_dicts(paths: Iterable[str | Path], overrides: list[str] | None = None) -> list[dict]:
    """The JSON briefs of ``paths``, as the write stage makes them; its files go to a temporary
    folder, removed after (never to the default ``briefs/`` of the folder it runs in)."""
    import tempfile

    from pipeline.brief import to_dict
    from pipeline.config import load_config
    from pipeline.runner import Pipeline, articles_from_paths

    with tempfile.TemporaryDirectory(prefix="brief-digest-") as out:
        config = load_config(None, [*STAND_IN, *(overrides or []), f'run.out="{out}"'])
        with Pipeline(config) as pipeline:
            articles = pipeline.run(articles_from_paths(paths))
    return [to_dict(a, config.run.lang) for a in articles if not (a.error or a.skipped)]


def spread(briefs: list[dict], stories: int, first_day: date | None = None) -> list[Story]:
    """``stories`` copies of ``briefs`` by turns, newest first, over three days and five
    sources, each with its own stem and URL (so sizes are those of real ones)."""
    from pipeline.feed.state import slugify

    day = first_day or date(2026, 12, 6)
    out = []
    for n in range(stories):
        data = copy.deepcopy(briefs[n % len(briefs)])
        source = SOURCES[n % len(SOURCES)]
        when = day - timedelta(days=n * 3 // max(stories, 1))
        title = data.get("title") or {}
        data.setdefault("metadata", {})["date"] = when.isoformat()
        # Stems as the feed's state makes them: the id, then the title's slug (48 characters).
        stem = f"{n + 1:05d}-{slugify(title.get('fr') or title.get('en') or str(n))}"
        url = f"https://www.{source}/actualite/{when:%Y/%m/%d}/{stem}.html"
        out.append(Story(data, stem, url))
    return out


def digest_entries(briefs: list[dict], stories: int, first_day: date | None = None) -> list[Any]:
    """The digest entries of :func:`spread`'s stories."""
    from pipeline.digest.entries import entry_from_brief

    return [
        entry_from_brief(s.data, n + 1, s.stem, None, s.url)
        for n, s in enumerate(spread(briefs, stories, first_day))
    ]


def write_digest_files(entries: list[Any], folder: Path, lang: str = "en") -> Path:
    """``index.html`` and one page per entry under ``folder``; returns the index's path."""
    from pipeline.digest.render import render_index, render_page

    updated = "2026-12-06 23:00 UTC"
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    for entry in entries:
        page = folder / "pages" / f"{entry.stem}.html"
        page.write_text(render_page(entry, lang, updated), encoding="utf-8")
    index = folder / "index.html"
    index.write_text(render_index(entries, lang, updated), encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=12)
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    args = parser.parse_args(argv)
    briefs = brief_dicts(sorted(args.seeds.glob("*.txt")))
    index = write_digest_files(digest_entries(briefs, args.stories), args.out)
    print(f"{index} ({index.stat().st_size:,} bytes, {args.stories} stories)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
