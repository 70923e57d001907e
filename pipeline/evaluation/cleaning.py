"""How close the cleaning stage comes to the OrangeSum dataset's own extraction of ten pages.

``python -m pipeline.evaluation.cleaning [FOLDER]`` prints, per page, the token F1 of the cleaned
body (title left out: the references have none) against the dataset's text: for trafilatura alone
(``trafilatura.extract`` with its defaults), for the clean stage on the HTML, and for the clean
stage on the page's visible text as a browser would copy it (the plain-text route, with every
menu and widget in it). The folder holds the pages and ``expected.jsonl``
(``pipeline/data/eval/orangesum_html`` by default).

OrangeSum removed each article's lead paragraph from ``text_orangesum`` to use it as a summary
(its ``abstract``). A brief must keep the lead, so the main reference puts it back in front:
``abstract + text_orangesum``; the score against ``text_orangesum`` alone is reported too.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import load_config
from pipeline.document import Article
from pipeline.runtime import Runtime

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "data" / "eval" / "orangesum_html"
_TOKEN = re.compile(r"\w+")
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title", "button",
}  # fmt: skip


@dataclass
class PageScore:
    """Token F1 of one page's cleaned body against the references."""

    page: str
    stage_with_lead: float
    stage_text_only: float
    trafilatura_with_lead: float
    trafilatura_text_only: float
    plain_with_lead: float


def token_f1(candidate: str, reference: str) -> float:
    """F1 of the multisets of lower-cased word tokens (``\\w+``) of two texts.

    Word tokens make the score blind to whitespace and punctuation, so paragraphs glued without
    a space in the reference ("Rosenfeld.Des") still count as two words.
    """
    cand = Counter(_TOKEN.findall(candidate.lower()))
    ref = Counter(_TOKEN.findall(reference.lower()))
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(cand.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def body_text(article: Article) -> str:
    """The cleaned article without its title (the references have none)."""
    paragraphs = article.paragraphs
    if article.title_fr and paragraphs and paragraphs[0].kind == "heading":
        paragraphs = paragraphs[1:]
    return "\n\n".join(" ".join(s.fr for s in article.sentences_of(p)) for p in paragraphs)


def visible_text(html: str) -> str:
    """The page's visible text with a line per block element, as a browser would copy it."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for node in root.xpath("//script|//style|//noscript|//template|//svg|//iframe|//head"):
        node.drop_tree()
    parts: list[str] = []

    def walk(node: object) -> None:
        tag = getattr(node, "tag", "")
        block = isinstance(tag, str) and tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if isinstance(tag, str) and node.text:  # type: ignore[attr-defined]
            parts.append(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def measure(folder: Path = DEFAULT_FOLDER) -> list[PageScore]:
    """Cleans every page of ``folder`` and scores it against ``expected.jsonl``."""
    import trafilatura

    from pipeline.stages.clean import CleanStage

    stage = CleanStage(load_config(), Runtime("cpu", "float32"))
    rows = [json.loads(line) for line in (folder / "expected.jsonl").read_text().splitlines()]
    scores = []
    for row in rows:
        path = folder / row["html_file"]
        html = path.read_text(encoding="utf-8")
        with_lead = f"{row['abstract']}\n{row['text_orangesum']}"
        article = Article.from_path(path)
        stage.clean(article)
        body = body_text(article)
        plain = Article.from_text(visible_text(html), stem=path.stem, path=f"{path.stem}.txt")
        stage.clean(plain)
        baseline = trafilatura.extract(html) or ""
        scores.append(
            PageScore(
                page=path.name,
                stage_with_lead=token_f1(body, with_lead),
                stage_text_only=token_f1(body, row["text_orangesum"]),
                trafilatura_with_lead=token_f1(baseline, with_lead),
                trafilatura_text_only=token_f1(baseline, row["text_orangesum"]),
                plain_with_lead=token_f1(body_text(plain), with_lead),
            )
        )
    return scores


def report(scores: list[PageScore]) -> str:
    """A Markdown table of the scores with their means."""
    fields = (
        "trafilatura_with_lead",
        "stage_with_lead",
        "plain_with_lead",
        "trafilatura_text_only",
        "stage_text_only",
    )
    head = (
        "| page | trafilatura alone | clean stage, HTML | clean stage, plain visible text "
        "| trafilatura alone, vs text only | clean stage, HTML, vs text only |\n"
        "|---|---|---|---|---|---|"
    )
    rows = [
        f"| {s.page} | " + " | ".join(f"{getattr(s, f):.3f}" for f in fields) + " |" for s in scores
    ]
    n = len(scores) or 1
    means = [sum(getattr(s, f) for s in scores) / n for f in fields]
    rows.append("| **mean** | " + " | ".join(f"**{m:.3f}**" for m in means) + " |")
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DEFAULT_FOLDER
    print(report(measure(folder)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
