"""The brief's two formats: a JSON document (schema in ``pipeline/schema``) and Markdown.

Both are pure functions of the Article, so the digest and the tests can render without writing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pipeline import trust
from pipeline.brief_md import md_escape, render  # noqa: F401 (md_escape: importable from here)
from pipeline.document import Article, SummarySentence
from pipeline.explain import summary_check
from pipeline.output_policy import (  # the marks that tell brief's files from others
    RUN_FILE_HEADER,
)

SCHEMA_VERSION = "1.1"


def _sentences(article: Article, items: list[SummarySentence], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "number": number,
            "text": s.text,
            "sources": s.sources,
            "flags": s.flags,
            "source_flags": trust.flagged_sources(article, s.sources),
            "unsupported": [{"kind": u.kind, "text": u.text} for u in s.unsupported],
            "checks": [summary_check(u.kind, u.text, lang) for u in s.unsupported],
        }
        for number, s in enumerate(items, start=1)
    ]


def stamp_briefed(article: Article) -> None:
    """Sets when the article was briefed (ISO 8601, UTC, to the second): by the write stage, or
    by the batch row when the batch writes no files."""
    article.briefed_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_id(article: Article) -> str:
    """A stable id for the article: the same content gives the same id, run after run."""
    return "fr-" + (article.sha256[:16] or "0" * 16)


def _title_origin(article: Article) -> str | None:
    if article.title_origin:
        return article.title_origin
    return "article" if article.title_fr else None


def to_dict(article: Article, lang: str) -> dict[str, Any]:
    """The JSON brief (see ``pipeline/schema/brief.schema.json``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id(article),
        "briefed_at": article.briefed_at,
        "source": {"path": article.path, "sha256": article.sha256, "lang": article.lang},
        "lang": lang,
        "title": {
            "fr": article.title("fr"),
            "en": article.title("en"),
            "origin": _title_origin(article),
            "sources": trust.headline_sources(article),
            "flags": trust.headline_flags(article),
        },
        "trust": trust.compute(article, lang),
        "summary": {
            "en": " ".join(s.text for s in article.summary_en),
            "fr": " ".join(s.text for s in article.summary_fr),
            "sentences": {
                "en": _sentences(article, article.summary_en, "en"),
                "fr": _sentences(article, article.summary_fr, "fr"),
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
            {
                "id": s.id,
                "number": s.id + 1,
                "paragraph": s.paragraph,
                "fr": s.fr,
                "en": s.en,
                "flags": s.flags,
                "checks": s.checks,
            }
            for s in article.sentences
        ],
        "warnings": [w.to_dict() for w in article.warnings],
        "metadata": article.metadata,
        "signature": article.signature,
    }


def to_markdown(article: Article, lang: str, top_facts: int = 10) -> str:
    """The Markdown brief: reader's language first, the other below it (see
    :mod:`pipeline.brief_md`, which renders it from :func:`to_dict`)."""
    return render(to_dict(article, lang), article.stem, top_facts)


def run_file_text(config_toml: str, version: str) -> str:
    """``brief-run.toml``: the filled config under a header comment that says who wrote it."""
    return (
        f"{RUN_FILE_HEADER} {version}: the filled configuration of the run that wrote the "
        f"briefs in this folder\n{config_toml}"
    )
