"""The digest's HTML (Jinja2, every value escaped) and Markdown (every value made inert)."""

from __future__ import annotations

from functools import cache
from typing import Any

from pipeline import __version__
from pipeline.brief import md_escape
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
    },
}


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


def render_index(entries: list[Entry], lang: str, updated: str, top_facts: int = 5) -> str:
    """``index.html``: every brief, newest first, reader's language first."""
    template = _environment().get_template("index.html.j2")
    return template.render(entries=entries, top_facts=top_facts, **_context(lang, updated))


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


def render_markdown(entries: list[Entry], lang: str, updated: str, top_facts: int = 5) -> str:
    """``index.md``: the same digest in Markdown, every piece of text escaped."""
    ctx = _context(lang, updated)
    t, first, second = ctx["t"], ctx["first"], ctx["second"]
    lines = [f"# {t['digest']} · {ctx['day']}", "", t["count"].format(n=len(entries)), ""]
    if not entries:
        lines += [t["empty"], ""]
    for e in entries:
        title, other = e.titles(first, second)
        lines += [f"## {md_escape(title or t['untitled'])}", ""]
        if other:
            lines += [f"*{md_escape(other)}*", ""]
        meta = [f"{t['source']}: {_md_link(e.url, e.source_label)}"]
        if e.published:
            meta.append(md_escape(e.published))
        if e.author:
            meta.append(md_escape(e.author))
        lines += [" · ".join(meta), ""]
        for code in (first, second):
            summary = e.sides[code].summary
            fallback = t["no_summary"] if code == first else t["no_summary_other"]
            lines += [f"**{t['names'][code]}:** {md_escape(summary) or fallback}", ""]
        if e.facts:
            facts = [
                f"{md_escape(getattr(f, first) or f.fr)} ({md_escape(f.type)})"
                for f in e.facts[:top_facts]
            ]
            lines += [f"{t['facts']}: " + " · ".join(facts), ""]
        for code, message in e.warnings:
            lines += [f"> ⚠️ {md_escape(message)} (`{md_escape(code)}`)", ""]
        if "md" in e.links:
            lines += [f"[{t['text']}]({e.links['md']})", ""]
    lines += ["---", "", f"{t['footer']} · brief {__version__} · {t['updated']} {updated}"]
    # The marker tells a later run that brief wrote this file (pipeline.output_policy).
    lines += ["", f"{MARKDOWN_MARKER} {__version__} digest -->"]
    return "\n".join(lines) + "\n"
