"""Benchmark articles made from real French news text (the seeds and 50 Wikinews articles)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pipeline.document import Article


def _paragraphs() -> list[str]:
    data = resources.files("pipeline.data").joinpath("bench", "wikinews_fr_50.jsonl")
    paragraphs: list[str] = []
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            paragraphs += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 8]
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        paragraphs += [
            p.strip() for p in path.read_text("utf-8").split("\n\n") if len(p.split()) >= 8
        ]
    return paragraphs


def bench_articles(count: int, words: int = 600) -> list[Article]:
    """``count`` articles of about ``words`` words each, built from real paragraphs in turn.

    Consecutive articles start at different paragraphs, so a run over many articles is not the
    same text over and over (which a cache or a length-sorted batch would make unrealistically
    cheap).
    """
    paragraphs = _paragraphs()
    out = []
    cursor = 0
    for index in range(count):
        body: list[str] = []
        total = 0
        while total < words:
            paragraph = paragraphs[cursor % len(paragraphs)]
            cursor += 1
            body.append(paragraph)
            total += len(paragraph.split())
        title = f"Dépêche {index + 1} : " + " ".join(body[0].split()[:8]).rstrip(",;:.")
        text = title + "\n\n" + "\n\n".join(body) + "\n"
        out.append(Article.from_text(text, stem=f"bench-{index:05d}", path=f"<bench {index}>"))
        cursor += 7  # start the next article elsewhere
    return out
