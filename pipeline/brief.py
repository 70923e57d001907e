"""The brief's two formats: a JSON document (schema in ``pipeline/schema``) and Markdown.

Both are pure functions of the Article, so the digest and the tests can render without writing.
"""

from __future__ import annotations

import html
import re
from typing import Any

from pipeline import trust
from pipeline.document import Article, SummarySentence
from pipeline.explain import summary_check
from pipeline.output_policy import (  # the marks that tell brief's files from others
    MARKDOWN_MARKER,
    RUN_FILE_HEADER,
)

SCHEMA_VERSION = "1.1"

_LABELS = {
    "en": {
        "summary": "Summary",
        "facts": "Key facts",
        "key_sentences": "Key sentences",
        "text": "Full text",
        "warnings": "Warnings",
        "verbatim": "Kept as in the source (code and tables, not translated)",
        "source": "Source",
        "untitled": "Untitled",
        "type": "Type",
        "sentences": "Sentences",
        "signature": "Signature",
        "none": "No summary.",
        "unsupported": "not in the source",
        "unsourced": "no source sentence found",
        "title_summary": "Title taken from the summary: the article has none.",
        "title_lead": "Title taken from the first sentence: the article has none.",
    },
    "fr": {
        "summary": "Résumé",
        "facts": "Faits clés",
        "key_sentences": "Phrases clés",
        "text": "Texte intégral",
        "warnings": "Avertissements",
        "verbatim": "Conservé tel quel (code et tableaux, non traduits)",
        "source": "Source",
        "untitled": "Sans titre",
        "type": "Type",
        "sentences": "Phrases",
        "signature": "Signature",
        "none": "Pas de résumé.",
        "unsupported": "absent de la source",
        "unsourced": "aucune phrase source trouvée",
        "title_summary": "Titre tiré du résumé : l’article n’en a pas.",
        "title_lead": "Titre tiré de la première phrase : l’article n’en a pas.",
    },
}
_NAMES = {"en": "English", "fr": "Français"}


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


def md_escape(text: str | None) -> str:
    """Article text made inert in Markdown: no HTML, no table breaks, no stray emphasis."""
    if not text:
        return ""
    out = html.escape(" ".join(text.split()), quote=False)
    for ch in "\\`*_[]|#":
        out = out.replace(ch, "\\" + ch)
    return out


def _summary_md(items: list[SummarySentence], lab: dict[str, str]) -> str:
    parts = []
    for s in items:
        links = "".join(f" [[{i}]](#s-{i})" for i in s.sources)
        notes = []
        if "unsourced" in s.flags:
            notes.append(lab["unsourced"])
        if s.unsupported:
            listed = "; ".join(md_escape(u.text) for u in s.unsupported)
            notes.append(f"{lab['unsupported']}: {listed}")
        others = [f for f in s.flags if f != "unsourced" and not f.startswith("unsupported_")]
        notes += others
        flag = f" **⚠️ {' · '.join(notes)}**" if notes else ""
        parts.append(f"{md_escape(s.text)}{links}{flag}")
    return " ".join(parts)


def _key_sentences_md(article: Article, lang: str) -> list[str]:
    """The source sentences that carry the most facts: reader's language, the other below."""
    sentences = [article.sentences[i] for i in article.key_sentences if i < len(article.sentences)]
    if not sentences:
        return []
    other = "fr" if lang == "en" else "en"
    lines = [f"## {_LABELS[lang]['key_sentences']}", ""]
    for s in sentences:
        texts = {"en": s.en or "", "fr": s.fr}
        first = md_escape(texts[lang]) or md_escape(texts[other])
        if texts[lang] and texts[other]:
            # A trailing backslash is CommonMark's hard line break: the other language below.
            lines += [f"- [[{s.id}]](#s-{s.id}) {first}\\", f"  *{md_escape(texts[other])}*"]
        else:
            lines.append(f"- [[{s.id}]](#s-{s.id}) {first}")
    return [*lines, ""]


def _full_text_md(article: Article, lang: str, other: str) -> list[str]:
    """The article paragraph by paragraph, the reader's language beside the other; every
    sentence numbered and anchored (``#s-ID``) so that summary and fact links land on it."""
    lines = [f"| {_NAMES[lang]} | {_NAMES[other]} |", "|---|---|"]
    for para in article.paragraphs:
        cells = {}
        for code in (lang, other):
            parts = []
            for s in article.sentences_of(para):
                text = md_escape(s.en if code == "en" else s.fr)
                anchor = f'<a id="s-{s.id}"></a>' if code == lang else ""
                flag = " ⚠️ " + ", ".join(s.flags) if s.flags and code == lang else ""
                parts.append(f"{anchor}<sup>{s.id}</sup> {text}{flag}")
            cell = " ".join(parts)
            cells[code] = f"**{cell}**" if para.kind == "heading" and cell else cell
        lines.append(f"| {cells[lang]} | {cells[other]} |")
    return lines


def _verbatim_md(article: Article, heading: str) -> list[str]:
    """The code blocks and tables cleaning set aside, each inside a fence longer than any run
    of backticks it holds, so that nothing in it can end the fence early or render as markup."""
    blocks = article.metadata.get("verbatim") or []
    if not blocks:
        return []
    lines = ["", f"## {heading}", ""]
    for block in blocks:
        text = str(block.get("text", ""))
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        lines += [f"{fence}markdown", text, fence, ""]
    return lines


def to_markdown(article: Article, lang: str, top_facts: int = 10) -> str:
    """The Markdown brief: reader's language first, the other alongside."""
    other = "fr" if lang == "en" else "en"
    lab = _LABELS[lang]
    titles = {"en": article.title("en"), "fr": article.title("fr")}
    summaries = {"en": article.summary_en, "fr": article.summary_fr}
    first = titles[lang] or titles[other]
    lines = [f"# {md_escape(first) or lab['untitled'] + ': ' + md_escape(article.stem)}"]
    if titles[other] and titles[lang]:
        lines.append(f"*{md_escape(titles[other])}*")
    if article.title_origin in ("summary", "lead"):
        lines += ["", f"*{lab['title_' + article.title_origin]}*"]
    lines += ["", f"{lab['source']}: {md_escape(article.path)} · sha256 `{article.sha256[:12]}`"]
    lines += ["", f"## {lab['summary']}", ""]
    for code in (lang, other):
        text = _summary_md(summaries[code], lab) or lab["none"]
        lines += [f"**{_NAMES[code]}:** {text}", ""]
    if article.facts:
        lines += [
            f"## {lab['facts']}",
            "",
            f"| {lab['type']} | {_NAMES[lang]} | {_NAMES[other]} | {lab['sentences']} |",
            "|---|---|---|---|",
        ]
        for fact in article.facts[:top_facts]:
            surface = {"fr": fact.fr, "en": fact.en or ""}
            refs = ", ".join(f"[{i}](#s-{i})" for i in fact.sentences)
            lines.append(
                f"| {fact.type} | {md_escape(surface[lang]) or '–'} | "
                f"{md_escape(surface[other]) or '–'} | {refs} |"
            )
        lines.append("")
    lines += _key_sentences_md(article, lang)
    if article.warnings:
        lines += [f"## {lab['warnings']}", ""]
        lines += [f"- `{w.code}`: {md_escape(w.message)}" for w in article.warnings]
        lines.append("")
    lines += [f"## {lab['text']}", "", *_full_text_md(article, lang, other)]
    lines += _verbatim_md(article, lab["verbatim"])
    sig = article.signature
    lines += [
        "",
        "---",
        "",
        f"{lab['signature']}: brief {sig.get('version', '?')} · config "
        f"`{sig.get('config_hash', '?')}` · device {sig.get('device', '?')}",
    ]
    if sig.get("text"):
        lines += ["", f"`{sig['text']}`", ""]
    for role, model in sig.get("models", {}).items():
        lines.append(f"- {role}: `{model.get('id')}` @ `{model.get('revision')}`")
    lines += ["", f"{MARKDOWN_MARKER} {sig.get('version', '?')} schema {SCHEMA_VERSION} -->"]
    return "\n".join(lines) + "\n"


def run_file_text(config_toml: str, version: str) -> str:
    """``brief-run.toml``: the filled config under a header comment that says who wrote it."""
    return (
        f"{RUN_FILE_HEADER} {version}: the filled configuration of the run that wrote the "
        f"briefs in this folder\n{config_toml}"
    )
