"""The brief's two formats: a JSON document (schema in ``pipeline/schema``) and Markdown.

Both are pure functions of the Article, so the digest and the tests can render without writing.
"""

from __future__ import annotations

import html
from typing import Any

from pipeline.document import Article, SummarySentence

SCHEMA_VERSION = "1.0"

_LABELS = {
    "en": {
        "summary": "Summary",
        "facts": "Key facts",
        "key_sentences": "Key sentences",
        "text": "Full text",
        "warnings": "Warnings",
        "source": "Source",
        "untitled": "Untitled",
        "type": "Type",
        "sentences": "Sentences",
        "signature": "Signature",
        "none": "No summary.",
    },
    "fr": {
        "summary": "Résumé",
        "facts": "Faits clés",
        "key_sentences": "Phrases clés",
        "text": "Texte intégral",
        "warnings": "Avertissements",
        "source": "Source",
        "untitled": "Sans titre",
        "type": "Type",
        "sentences": "Phrases",
        "signature": "Signature",
        "none": "Pas de résumé.",
    },
}
_NAMES = {"en": "English", "fr": "Français"}


def _sentences(items: list[SummarySentence]) -> list[dict[str, Any]]:
    return [{"text": s.text, "sources": s.sources, "flags": s.flags} for s in items]


def to_dict(article: Article, lang: str) -> dict[str, Any]:
    """The JSON brief (see ``pipeline/schema/brief.schema.json``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": article.path, "sha256": article.sha256, "lang": article.lang},
        "lang": lang,
        "title": {"fr": article.title_fr, "en": article.title_en},
        "summary": {
            "en": " ".join(s.text for s in article.summary_en),
            "fr": " ".join(s.text for s in article.summary_fr),
            "sentences": {
                "en": _sentences(article.summary_en),
                "fr": _sentences(article.summary_fr),
            },
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


def _summary_md(items: list[SummarySentence]) -> str:
    parts = []
    for s in items:
        links = "".join(f" [[{i}]](#s-{i})" for i in s.sources)
        flag = " ⚠️ *" + ", ".join(s.flags) + "*" if s.flags else ""
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


def to_markdown(article: Article, lang: str, top_facts: int = 10) -> str:
    """The Markdown brief: reader's language first, the other alongside."""
    other = "fr" if lang == "en" else "en"
    lab = _LABELS[lang]
    titles = {"en": article.title_en, "fr": article.title_fr}
    summaries = {"en": article.summary_en, "fr": article.summary_fr}
    lines = [f"# {md_escape(titles[lang]) or lab['untitled'] + ': ' + md_escape(article.stem)}"]
    if titles[other]:
        lines.append(f"*{md_escape(titles[other])}*")
    lines += ["", f"{lab['source']}: {md_escape(article.path)} · sha256 `{article.sha256[:12]}`"]
    lines += ["", f"## {lab['summary']}", ""]
    for code in (lang, other):
        text = _summary_md(summaries[code]) or lab["none"]
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
    lines += [f"## {lab['text']}", "", f"| # | {_NAMES[lang]} | {_NAMES[other]} |", "|---|---|---|"]
    for s in article.sentences:
        texts = {"en": s.en or "", "fr": s.fr}
        flag = " ⚠️ " + ", ".join(s.flags) if s.flags else ""
        lines.append(
            f'| <a id="s-{s.id}"></a>{s.id} | {md_escape(texts[lang])}{flag} | '
            f"{md_escape(texts[other])} |"
        )
    sig = article.signature
    lines += [
        "",
        "---",
        "",
        f"{lab['signature']}: brief {sig.get('version', '?')} · config "
        f"`{sig.get('config_hash', '?')}` · device {sig.get('device', '?')}",
    ]
    for role, model in sig.get("models", {}).items():
        lines.append(f"- {role}: `{model.get('id')}` @ `{model.get('revision')}`")
    return "\n".join(lines) + "\n"
