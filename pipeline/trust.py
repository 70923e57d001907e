"""The trust line: how much of a brief the checks vouch for, in counts and in one line.

Computed from the article once, when the brief is written, and kept in the JSON brief
(``trust``), so that the Markdown brief, the digest and any other reader show the same counts:

- ``checked`` / ``flagged``: translated sentences the checks ran on, and those they flagged;
- ``summary``: summary sentences (reader's language), those ``traced`` (source sentences found,
  no flag of their own) and those ``flagged`` (a flag of their own, or a flagged source);
- ``headline``: whether the title is ``traced`` to source sentences and whether one of them, or
  the summary sentence it is taken from, is ``flagged``.
"""

from __future__ import annotations

from typing import Any

from pipeline.codes import is_problem
from pipeline.document import Article, SummarySentence


def headline_sources(article: Article) -> list[int]:
    """The ids of the sentences the title comes from (empty for an untitled article)."""
    if article.title_origin == "summary":
        first = next((s for s in article.summary_en if not s.flags), None)
        return list(first.sources) if first else []
    if article.title_origin == "lead":
        body = article.body()
        return [body[0].id] if body else []
    if article.title_fr and article.paragraphs and article.paragraphs[0].kind == "heading":
        return list(article.paragraphs[0].sentence_ids)
    return []


def flagged_sources(article: Article, sources: list[int]) -> list[int]:
    """The sentences among ``sources`` that carry a flag, in id order."""
    by_id = {s.id: s for s in article.sentences}
    return sorted(i for i in set(sources) if i in by_id and _flagged(by_id[i].flags))


def _flagged(flags: list[str]) -> bool:
    return any(is_problem(f) for f in flags)


def headline_flags(article: Article) -> list[str]:
    """The flag codes the title carries from the sentences it comes from."""
    by_id = {s.id: s for s in article.sentences}
    codes: dict[str, None] = {}
    for i in headline_sources(article):
        for flag in by_id[i].flags if i in by_id else []:
            if is_problem(flag):
                codes[flag] = None
    return list(codes)


def compute(article: Article, lang: str) -> dict[str, Any]:
    """The ``trust`` object of the JSON brief (see the module docstring)."""
    checked = [s for s in article.sentences if s.en is not None and s.lang != "en"]
    if article.lang == "en":
        checked = []
    summary: list[SummarySentence] = article.summary_en if lang == "en" else article.summary_fr
    traced = [s for s in summary if s.sources and not s.flags]
    flagged = [s for s in summary if s.flags or flagged_sources(article, s.sources)]
    sources = headline_sources(article)
    trust: dict[str, Any] = {
        "checked": len(checked),
        "flagged": sum(_flagged(s.flags) for s in checked),
        "summary": {"sentences": len(summary), "traced": len(traced), "flagged": len(flagged)},
        "headline": {
            "traced": bool(sources),
            "flagged": bool(flagged_sources(article, sources)),
        },
    }
    trust["line"] = trust_line(trust)
    return trust


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def trust_line(trust: dict[str, Any]) -> str:
    """The counts in one plain-English line, e.g. "12 of 14 sentences checked with no problem
    found; 2 flagged. Summary: 3 sentences, all traced to the source; 1 draws on a flagged
    sentence. Headline: traced, not flagged." """
    checked, flagged = int(trust["checked"]), int(trust["flagged"])
    if checked == 0:
        parts = ["No sentence was checked against French."]
    elif flagged == 0:
        parts = [f"All {_plural(checked, 'sentence')} checked: no problem found."]
    else:
        parts = [
            f"{checked - flagged} of {_plural(checked, 'sentence')} checked with no problem "
            f"found; {flagged} flagged."
        ]
    summary = trust["summary"]
    n, traced, bad = int(summary["sentences"]), int(summary["traced"]), int(summary["flagged"])
    if n == 0:
        parts.append("No summary.")
    else:
        trace = "all traced to the source" if traced == n else f"{traced} traced to the source"
        text = f"Summary: {_plural(n, 'sentence')}, {trace}"
        text += f"; {bad} flagged or drawn from a flagged sentence." if bad else "; none flagged."
        parts.append(text)
    head = trust["headline"]
    if head["traced"]:
        parts.append("Headline: flagged." if head["flagged"] else "Headline: traced, not flagged.")
    else:
        parts.append("Headline: not traced to a source sentence.")
    return " ".join(parts)
