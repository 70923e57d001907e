"""The digest's HTML (Jinja2, every value escaped) and Markdown (every value made inert)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline import __version__
from pipeline.brief_md import md_escape
from pipeline.digest.entries import Entry, safe_url
from pipeline.output_policy import MARKDOWN_MARKER

LABELS: dict[str, dict[str, Any]] = {
    "en": {
        "digest": "French news in English",
        "count": "{n} briefs, translated and summarised from French. Tap a title for the full "
        "brief; the French original is one tap away.",
        "empty": "No new briefs.",
        "source": "Source",
        "summary": "Summary",
        "facts": "Key facts",
        "text": "Full text",
        "text_other": "Texte original (français)",
        "other": "Français",
        "back": "All briefs",
        "type": "Type",
        "files": "Brief files",
        "untitled": "Untitled",
        "no_summary": "No summary.",
        "no_summary_other": "Pas de résumé.",
        "names": {"en": "English", "fr": "Français"},
        "footer": "Machine-translated and machine-summarised; check the source before quoting",
        "updated": "Updated",
        "contents": "Contents",
        "unknown_day": "Date unknown",
        "stories": "{n} stories",
        "read": "Full brief",
        "trust": "Checks",
        "check": "What to check",
        "sentence": "Sentence {n}",
        "sentences": "Sentences",
        "from": "From sentence",
        "flagged": "flagged: see what to check",
        "headline": "The headline comes from a flagged sentence",
        "notes": "About the article",
        "top": "Top",
    },
    "fr": {
        "digest": "L'actualité en français et en anglais",
        "count": "{n} fiches. Touchez un titre pour la fiche complète ; l'anglais est à un clic.",
        "empty": "Aucune nouvelle fiche.",
        "source": "Source",
        "summary": "Résumé",
        "facts": "Faits clés",
        "text": "Texte intégral",
        "text_other": "Translation (English)",
        "other": "English",
        "back": "Toutes les fiches",
        "type": "Type",
        "files": "Fichiers",
        "untitled": "Sans titre",
        "no_summary": "Pas de résumé.",
        "no_summary_other": "No summary.",
        "names": {"en": "English", "fr": "Français"},
        "footer": "Traduction et résumé automatiques ; vérifiez la source avant de citer",
        "updated": "Mis à jour",
        "contents": "Sommaire",
        "unknown_day": "Date inconnue",
        "stories": "{n} fiches",
        "read": "Fiche complète",
        "trust": "Vérifications",
        "check": "À vérifier",
        "sentence": "Phrase {n}",
        "sentences": "Phrases",
        "from": "Phrase source",
        "flagged": "signalée : voir « À vérifier »",
        "headline": "Le titre vient d'une phrase signalée",
        "notes": "À propos de l'article",
        "top": "Haut",
    },
}

# The most characters of a summary on the index: the full one is a tap away, and 200 stories
# must stay a page a phone loads quickly.
INDEX_SUMMARY_CHARS = 200


@dataclass
class Group:
    """The stories of one source on one day."""

    label: str
    anchor: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Section:
    """One day of the digest, its stories grouped by source (sources in alphabetical order)."""

    day: str | None
    anchor: str
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


def sections(entries: list[Entry]) -> list[Section]:
    """Entries (newest first) by day, in the order the days first come, then by source; the
    stories of a source keep their order. Anchors are ``d-<day>`` and ``d-<day>-<source>``."""
    days: dict[str | None, dict[str, list[Entry]]] = {}
    for e in entries:
        days.setdefault(e.day, {}).setdefault(e.source_label, []).append(e)
    out = []
    for day, by_source in days.items():
        anchor = f"d-{day or 'unknown'}"
        section = Section(day, anchor)
        taken: set[str] = set()
        for label in sorted(by_source, key=str.lower):
            slug = base = f"{anchor}-{_slug(label)}"
            n = 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            section.groups.append(Group(label, slug, by_source[label]))
        out.append(section)
    return out


def clip(text: str, limit: int = INDEX_SUMMARY_CHARS) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


@cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    # autoescape=True for every template: all article text is escaped, whatever it holds.
    return Environment(
        loader=PackageLoader("pipeline.digest", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _context(lang: str, updated: str) -> dict[str, Any]:
    return {
        "lang": lang,
        "first": lang,
        "second": "fr" if lang == "en" else "en",
        "t": LABELS[lang],
        "version": __version__,
        "updated": updated,
        "day": updated[:10],
    }


def render_index(entries: list[Entry], lang: str, updated: str) -> str:
    """``index.html``: a contents list, then the briefs by day and source, each with its trust
    line, its summary (clipped) and a link to its page; never the warnings (the page has them)."""
    template = _environment().get_template("index.html.j2")
    return template.render(
        entries=entries, sections=sections(entries), clip=clip, **_context(lang, updated)
    )


def render_page(entry: Entry, lang: str, updated: str) -> str:
    """``pages/<stem>.html``: one brief in full."""
    template = _environment().get_template("page.html.j2")
    return template.render(e=entry, **_context(lang, updated))


def _md_link(url: str | None, label: str) -> str:
    safe = safe_url(url)
    if not safe:
        return md_escape(label)
    # Characters that could end the link early are percent-encoded; the label is escaped.
    target = safe.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md_escape(label)}]({target})"


def render_markdown(entries: list[Entry], lang: str, updated: str) -> str:
    """``index.md``: the same digest in Markdown (contents, days, sources, trust lines), every
    piece of text escaped."""
    ctx = _context(lang, updated)
    t, first, second = ctx["t"], ctx["first"], ctx["second"]
    lines = [f"# {t['digest']} · {ctx['day']}", "", t["count"].format(n=len(entries)), ""]
    if not entries:
        lines += [t["empty"], ""]
    parts = sections(entries)
    if parts:
        lines += [f"**{t['contents']}**", ""]
        for sec in parts:
            day, count = md_escape(sec.day or t["unknown_day"]), t["stories"].format(n=sec.count)
            lines.append(f"- [{day}](#{sec.anchor}) ({count})")
            for g in sec.groups:
                lines.append(f"  - [{md_escape(g.label)}](#{g.anchor}) ({len(g.entries)})")
        lines.append("")
    for sec in parts:
        day = md_escape(sec.day or t["unknown_day"])
        lines += [f'<a id="{sec.anchor}"></a>', "", f"## {day}", ""]
        for g in sec.groups:
            lines += [f'<a id="{g.anchor}"></a>', "", f"### {md_escape(g.label)}", ""]
            for e in g.entries:
                lines += _markdown_entry(e, t, first, second)
    lines += ["---", "", f"{t['footer']} · brief {__version__} · {t['updated']} {updated}"]
    # The marker tells a later run that brief wrote this file (pipeline.output_policy).
    lines += ["", f"{MARKDOWN_MARKER} {__version__} digest -->"]
    return "\n".join(lines) + "\n"


def _markdown_entry(e: Entry, t: dict[str, Any], first: str, second: str) -> list[str]:
    title, other = e.titles(first, second)
    heading = md_escape(title or t["untitled"])
    if "md" in e.links:
        heading = f"[{heading}]({e.links['md']})"
    lines = [f"#### {heading}", ""]
    if other:
        lines += [f"*{md_escape(other)}*", ""]
    meta = [f"{t['source']}: {_md_link(e.url, e.source_label)}"]
    if e.published:
        meta.append(md_escape(e.published))
    if e.author:
        meta.append(md_escape(e.author))
    lines += [" · ".join(meta), ""]
    mark = "⚠️" if e.flagged else "✓"
    lines += [f"{mark} {md_escape(e.trust)}", ""]
    summary = e.sides[first].summary or e.sides[second].summary
    lines += [md_escape(clip(summary)) or t["no_summary"], ""]
    return lines
