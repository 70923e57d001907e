"""The brief's two formats: a JSON document (schema in ``pipeline/schema``) and Markdown.

Both are pure functions of the Article, so the digest and the tests can render without writing.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from pipeline.document import Article, SummarySentence

SCHEMA_VERSION = "1.0"
# The Markdown brief's last line: invisible when rendered, it tells a brief from a person's
# notes, so that a run never overwrites a file brief did not write.
MARKDOWN_MARKER = "<!-- brief:"
RUN_FILE = "brief-run.toml"
RUN_FILE_HEADER = "# brief-run.toml: written by brief"


def _sentences(items: list[SummarySentence]) -> list[dict[str, Any]]:
    return [
        {
            "text": s.text,
            "sources": s.sources,
            "flags": s.flags,
            "unsupported": [{"kind": u.kind, "text": u.text} for u in s.unsupported],
        }
        for s in items
    ]


def _title_origin(article: Article) -> str | None:
    if article.title_origin:
        return article.title_origin
    return "article" if article.title_fr else None


def to_dict(article: Article, lang: str) -> dict[str, Any]:
    """The JSON brief (see ``pipeline/schema/brief.schema.json``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": article.path, "sha256": article.sha256, "lang": article.lang},
        "lang": lang,
        "title": {
            "fr": article.title("fr"),
            "en": article.title("en"),
            "origin": _title_origin(article),
        },
        "summary": {
            "en": " ".join(s.text for s in article.summary_en),
            "fr": " ".join(s.text for s in article.summary_fr),
            "sentences": {
                "en": _sentences(article.summary_en),
                "fr": _sentences(article.summary_fr),
            },
            **article.summary_info,
        },
        "facts": [
            {
                "type": f.type,
                "fr": f.fr,
                "en": f.en,
                "sentences": f.sentences,
                "value": f.value,
                "score": f.score,
                "aliases": f.aliases,
            }
            for f in article.facts
        ],
        "key_sentences": article.key_sentences,
        "paragraphs": [
            {"index": p.index, "kind": p.kind, "sentences": p.sentence_ids}
            for p in article.paragraphs
        ],
        "sentences": [
            {"id": s.id, "paragraph": s.paragraph, "fr": s.fr, "en": s.en, "flags": s.flags}
            for s in article.sentences
        ],
        "warnings": [w.to_dict() for w in article.warnings],
        "metadata": article.metadata,
        "signature": article.signature,
    }


def md_escape(text: str | None) -> str:
    """Article text made inert in Markdown: no HTML, no table breaks, no stray emphasis."""
    if not text:
        return ""
    out = html.escape(" ".join(text.split()), quote=False)
    for ch in "\\`*_[]|#":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(article: Article, lang: str, top_facts: int = 10) -> str:
    """The Markdown brief: reader's language first, the other below it (see
    :mod:`pipeline.brief_md`, which renders it from :func:`to_dict`)."""
    from pipeline.brief_md import render

    return render(article, lang, top_facts)


def run_file_text(config_toml: str, version: str) -> str:
    """``brief-run.toml``: the filled config under a header comment that says who wrote it."""
    return (
        f"{RUN_FILE_HEADER} {version}: the filled configuration of the run that wrote the "
        f"briefs in this folder\n{config_toml}"
    )


def written_by_brief(path: Path) -> bool:
    """Whether an existing file is one brief wrote: a brief, a ``brief-run.toml``, a report of
    ``brief verify``, ``brief eval``, ``brief bench`` or ``brief feed``, or a digest page.

    A JSON file names brief in its signature (``{"package": "brief"}`` or ``"brief:…"``), its
    ``written_by`` or its ``brief_version``; a Markdown file ends with :data:`MARKDOWN_MARKER`
    (or, written before the marker existed, has a brief signature line); an HTML page has
    brief's ``generator`` meta tag; ``brief-run.toml`` starts with :data:`RUN_FILE_HEADER` (or
    is a config with ``[run]`` and ``[pipeline]`` tables). Anything else, or a file that cannot
    be read, is not brief's.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
            size = handle.seek(0, 2)
            handle.seek(max(0, size - 4096))
            tail = handle.read()
    except OSError:
        return False
    try:
        if path.suffix == ".json":
            data = json.loads(path.read_bytes())
            return isinstance(data, dict) and _signed_by_brief(data)
        if path.suffix == ".md":
            text = tail.decode("utf-8", errors="replace")
            lines = text.rstrip("\n").splitlines()
            return bool(lines) and (
                lines[-1].startswith(MARKDOWN_MARKER)
                or any(line.startswith("Signature: brief ") for line in lines)
            )
        if path.suffix == ".html":
            return b'<meta name="generator" content="brief' in head
        if path.name == RUN_FILE:
            if head.startswith(RUN_FILE_HEADER.encode()):
                return True
            import tomllib

            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return isinstance(data.get("run"), dict) and isinstance(data.get("pipeline"), dict)
    except (OSError, ValueError):
        return False
    return False


def _signed_by_brief(data: dict[str, Any]) -> bool:
    signature = data.get("signature")
    if isinstance(signature, dict):
        return signature.get("package") == "brief"
    if isinstance(signature, str) and signature.startswith("brief"):
        return True
    written_by = data.get("written_by")
    return (isinstance(written_by, str) and written_by.startswith("brief")) or (
        "brief_version" in data
    )
