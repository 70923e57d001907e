"""The Markdown brief, rendered from the JSON brief (:func:`pipeline.brief.to_dict`).

Rendering from the JSON, not the article, keeps the two formats saying the same thing: the
trust line, the sentence numbers and the flags are the JSON's. The layout reads on a phone
(390 px) in the common renderers: no wide tables; key facts as a list; the full text one block
per paragraph, the reader's language first and the other language below it in a quotation.
Every sentence has an anchor (``s-<number>``); every flagged sentence a line under "Flags"
(``flag-<number>``) in plain English; codes (``verify.number_mismatch``) stay in the JSON.
"""

from __future__ import annotations

import html
import re
from typing import Any

from pipeline.explain import explain_parts, value_text
from pipeline.output_policy import MARKDOWN_MARKER

FLAG = "⚠️"

_LABELS = {
    "en": {
        "summary": "Summary",
        "facts": "Key facts",
        "key_sentences": "Key sentences",
        "text": "Full text",
        "flags": "Flags",
        "notes": "Notes",
        "verbatim": "Kept as in the source (code and tables, not translated)",
        "source": "Source",
        "briefed": "briefed",
        "trust": "Trust",
        "untitled": "Untitled",
        "sentence": "sentence",
        "sentences": "sentences",
        "missing": "not in the English",
        "signature": "Signature",
        "none": "No summary.",
        "unsupported": "not in the source",
        "unsourced": "no source sentence found",
        "draws_on": "draws on flagged",
        "headline_from": "the headline comes from flagged",
        "summary_ref": "{lang} summary sentence {n}",
        "lang_en": "English",
        "lang_fr": "French",
        "title_summary": "Title taken from the summary: the article has none.",
        "title_lead": "Title taken from the first sentence: the article has none.",
    },
    "fr": {
        "summary": "Résumé",
        "facts": "Faits clés",
        "key_sentences": "Phrases clés",
        "text": "Texte intégral",
        "flags": "Signalements",
        "notes": "Remarques",
        "verbatim": "Conservé tel quel (code et tableaux, non traduits)",
        "source": "Source",
        "briefed": "rédigé le",
        "trust": "Confiance",
        "untitled": "Sans titre",
        "sentence": "phrase",
        "sentences": "phrases",
        "missing": "absent du français",
        "signature": "Signature",
        "none": "Pas de résumé.",
        "unsupported": "absent de la source",
        "unsourced": "aucune phrase source trouvée",
        "draws_on": "s’appuie sur une phrase signalée :",
        "headline_from": "le titre vient d’une phrase signalée :",
        "summary_ref": "Résumé {lang}, phrase {n},",
        "lang_en": "anglais",
        "lang_fr": "français",
        "title_summary": "Titre tiré du résumé : l’article n’en a pas.",
        "title_lead": "Titre tiré de la première phrase : l’article n’en a pas.",
    },
}
_NAMES = {"en": "English", "fr": "Français"}
# A warning's message starts "sentence N: " when it names one; the link takes its place.
_SENTENCE_PREFIX = re.compile(r"^sentences? \d+: ")
# A summary warning names its sentence ("French summary sentence 2 says …"): the link does.
_SUMMARY_PREFIX = re.compile(r"^\w+ summary sentence \d+ ")


def md_escape(text: str | None) -> str:
    """Article text made inert in Markdown: no HTML, no table breaks, no stray emphasis."""
    if not text:
        return ""
    out = html.escape(" ".join(text.split()), quote=False)
    for ch in "\\`*_[]|#":
        out = out.replace(ch, "\\" + ch)
    return out


def inline(text: str) -> str:
    """:func:`md_escape`, keeping one space at either end (pieces of a sentence joined)."""
    core = md_escape(text)
    if not core:
        return " " if text and text.isspace() else ""
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")


def explanation_md(check: dict[str, Any]) -> str:
    """One check in plain English, what it quotes in bold and French words in italics."""
    out = []
    for piece in explain_parts(check):
        text = inline(piece.text)
        core = text.strip()
        if core and (piece.strong or piece.lang == "fr"):
            mark = "**" if piece.strong else "*"
            text = text.replace(core, f"{mark}{core}{mark}", 1)
        out.append(text)
    return "".join(out).strip()


def _number(sentence: dict[str, Any]) -> int:
    return int(sentence.get("number", sentence["id"] + 1))


def _refs(ids: list[int], numbers: dict[int, int]) -> str:
    return ", ".join(f"[{numbers[i]}](#s-{numbers[i]})" for i in ids if i in numbers)


def _flagged_links(ids: list[int], numbers: dict[int, int], lab: dict[str, str], why: str) -> str:
    """`` ⚠️ draws on flagged sentence 4`` with each sentence linked to its flag line."""
    if not ids:
        return ""
    links = ", ".join(
        f"[{lab['sentence']} {numbers[i]}](#flag-{numbers[i]})" for i in ids if i in numbers
    )
    if not links:
        return ""
    return f" {FLAG} {why} {links}"


def _summary_md(
    items: list[dict[str, Any]], code: str, lab: dict[str, str], numbers: dict[int, int]
) -> str:
    parts = []
    for s in items:
        anchor = f'<a id="summary-{code}-{s.get("number", len(parts) + 1)}"></a>'
        links = "".join(f" [[{numbers[i]}]](#s-{numbers[i]})" for i in s["sources"] if i in numbers)
        notes = []
        if "unsourced" in s["flags"]:
            notes.append(lab["unsourced"])
        if s["unsupported"]:
            listed = "; ".join(md_escape(u["text"]) for u in s["unsupported"])
            notes.append(f"{lab['unsupported']}: {listed}")
        own = f" **{FLAG} {' · '.join(notes)}**" if notes else ""
        drawn = _flagged_links(s.get("source_flags", []), numbers, lab, lab["draws_on"])
        parts.append(f"{anchor}{md_escape(s['text'])}{links}{own}{drawn}")
    return " ".join(parts)


def _facts_md(data: dict[str, Any], lang: str, other: str, top: int) -> list[str]:
    """A list, not a table: a four-column table is cut off on a phone."""
    facts = data["facts"][:top]
    if not facts:
        return []
    lab = _LABELS[lang]
    numbers = {s["id"]: _number(s) for s in data["sentences"]}
    lines = [f"## {lab['facts']}", ""]
    for fact in facts:
        surface = {"fr": fact["fr"], "en": fact["en"] or ""}
        first = md_escape(surface[lang]) or md_escape(surface[other])
        second = md_escape(surface[other])
        also = f" · *{second}*" if second and second != first else ""
        kind = fact["type"]
        if not surface[lang]:  # the English lacks it: the French, and what it says in English
            value = value_text(fact["type"], fact["value"])
            kind += f", {lab['missing']}" + (f": {md_escape(value)}" if value else "")
        refs = _refs(fact["sentences"], numbers)
        where = f" · {lab['sentences'] if len(fact['sentences']) > 1 else lab['sentence']} {refs}"
        lines.append(f"- **{first}** ({kind}){also}{where if refs else ''}")
    return [*lines, ""]


def _key_sentences_md(data: dict[str, Any], lang: str, other: str) -> list[str]:
    """The source sentences that carry the most facts: reader's language, the other below."""
    by_id = {s["id"]: s for s in data["sentences"]}
    sentences = [by_id[i] for i in data["key_sentences"] if i in by_id]
    if not sentences:
        return []
    lines = [f"## {_LABELS[lang]['key_sentences']}", ""]
    for s in sentences:
        n = _number(s)
        texts = {"en": s["en"] or "", "fr": s["fr"]}
        first = md_escape(texts[lang]) or md_escape(texts[other])
        if texts[lang] and texts[other]:
            # A trailing backslash is CommonMark's hard line break: the other language below.
            lines += [f"- [[{n}]](#s-{n}) {first}\\", f"  *{md_escape(texts[other])}*"]
        else:
            lines.append(f"- [[{n}]](#s-{n}) {first}")
    return [*lines, ""]


def _flags_md(data: dict[str, Any], lab: dict[str, str]) -> list[str]:
    """One line per flagged sentence, in plain English, linked to the sentence; then the
    article's other warnings as notes (their messages, never their codes)."""
    by_sentence: dict[int, list[str]] = {}
    notes = []
    for w in data["warnings"]:
        if w.get("sentence") is not None:
            if not w["code"].startswith("verify."):  # the checks below explain those
                text = _SENTENCE_PREFIX.sub("", w["message"])
                by_sentence.setdefault(w["sentence"], []).append(md_escape(text) + ".")
        elif w.get("summary"):
            where = w["summary"]
            target = f"summary-{where['lang']}-{where['number']}"
            language = lab["lang_" + where["lang"]]
            label = lab["summary_ref"].format(lang=language, n=where["number"])
            text = md_escape(_SUMMARY_PREFIX.sub("", w["message"]))
            notes.append(f"- [{label}](#{target}) {text}")
        else:
            notes.append(f"- {md_escape(w['message'])}")
    lines = []
    flagged = [s for s in data["sentences"] if s["flags"] or s.get("checks")]
    if flagged:
        lines += [f"## {lab['flags']}", ""]
        for s in flagged:
            n = _number(s)
            said = [explanation_md(c) for c in s.get("checks", [])]
            said += by_sentence.get(s["id"], [])
            if not said:  # a flag with neither a check nor a message: say which
                said = [md_escape(", ".join(f.replace("_", " ") for f in s["flags"])) + "."]
            link = f"[{lab['sentence'].capitalize()} {n}](#s-{n})"
            lines.append(f'- <a id="flag-{n}"></a>{link}: {" ".join(said)}')
        lines.append("")
    if notes:
        lines += [f"## {lab['notes']}", "", *notes, ""]
    return lines


def _full_text_md(data: dict[str, Any], lang: str, other: str) -> list[str]:
    """The article paragraph by paragraph: the reader's language, then the other language in
    a quotation below; every sentence numbered and anchored (``#s-N``) so that the summary's,
    the facts' and the flags' links land on it, and each flagged one linked to its flag line."""
    by_id = {s["id"]: s for s in data["sentences"]}
    lines: list[str] = []
    for para in data["paragraphs"]:
        sentences = [by_id[i] for i in para["sentences"] if i in by_id]
        if not sentences:
            continue
        blocks = {}
        for code in (lang, other):
            parts = []
            for s in sentences:
                n = _number(s)
                text = md_escape(s["en"] if code == "en" else s["fr"])
                if code == lang:
                    flag = f" [{FLAG}](#flag-{n})" if s["flags"] or s.get("checks") else ""
                    parts.append(f'<a id="s-{n}"></a><sup>{n}</sup> {text}{flag}')
                else:
                    parts.append(f"<sup>{n}</sup> {text}")
            blocks[code] = " ".join(parts)
        if para["kind"] == "heading":
            lines += [f"**{blocks[lang]}**", "", f"> **{blocks[other]}**", ""]
        else:
            lines += [blocks[lang], "", f"> *{blocks[other]}*", ""]
    return lines


def _verbatim_md(data: dict[str, Any], heading: str) -> list[str]:
    """The code blocks and tables cleaning set aside, each inside a fence longer than any run
    of backticks it holds, so that nothing in it can end the fence early or render as markup."""
    blocks = data["metadata"].get("verbatim") or []
    if not blocks:
        return []
    lines = [f"## {heading}", ""]
    for block in blocks:
        text = str(block.get("text", ""))
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        lines += [f"{fence}markdown", text, fence, ""]
    return lines


def _title_md(data: dict[str, Any], stem: str, lang: str, other: str) -> list[str]:
    lab = _LABELS[lang]
    titles = data["title"]
    first = titles[lang] or titles[other]
    lines = [f"# {md_escape(first) or lab['untitled'] + ': ' + md_escape(stem)}"]
    if titles[other] and titles[lang]:
        lines.append(f"*{md_escape(titles[other])}*")
    by_id = {s["id"]: s for s in data["sentences"]}
    numbers = {i: _number(s) for i, s in by_id.items()}
    sources = [i for i in titles.get("sources", []) if i in by_id]
    flagged = [i for i in sources if by_id[i]["flags"] or by_id[i].get("checks")]
    mark = _flagged_links(flagged, numbers, lab, lab["headline_from"]).strip()
    if mark:
        lines += ["", mark]
    if titles["origin"] in ("summary", "lead"):
        lines += ["", f"*{lab['title_' + titles['origin']]}*"]
    return lines


def render(data: dict[str, Any], stem: str, top_facts: int = 10) -> str:
    """The Markdown brief of a JSON brief (:func:`pipeline.brief.to_dict`): reader's language
    first, the other below it; ``stem`` names an untitled article."""
    lang = data["lang"]
    other = "fr" if lang == "en" else "en"
    lab = _LABELS[lang]
    numbers = {s["id"]: _number(s) for s in data["sentences"]}
    lines = _title_md(data, stem, lang, other)
    path, sha = md_escape(data["source"]["path"]), data["source"]["sha256"][:12]
    source = f"{lab['source']}: {path} · sha256 `{sha}`"
    if data.get("briefed_at"):
        source += f" · {lab['briefed']} {_when(data['briefed_at'])}"
    lines += ["", source]
    trust = data.get("trust") or {}
    if trust.get("line"):
        lines += ["", f"> **{lab['trust']}:** {md_escape(trust['line'])}"]
    lines += ["", f"## {lab['summary']}", ""]
    for code in (lang, other):
        items = data["summary"]["sentences"][code]
        text = _summary_md(items, code, lab, numbers) or lab["none"]
        lines += [f"**{_NAMES[code]}:** {text}", ""]
    lines += _facts_md(data, lang, other, top_facts)
    lines += _key_sentences_md(data, lang, other)
    lines += _flags_md(data, lab)
    lines += [f"## {lab['text']}", "", *_full_text_md(data, lang, other)]
    lines += _verbatim_md(data, lab["verbatim"])
    lines += _signature_md(data["signature"], lab)
    version = data["signature"].get("version", "?")
    lines += ["", f"{MARKDOWN_MARKER} {version} schema {data['schema_version']} -->"]
    return "\n".join(lines).rstrip("\n") + "\n"


def _when(iso: str) -> str:
    """``2026-12-06T22:40:00Z`` as a reader writes it: ``2026-12-06 22:40 UTC``."""
    found = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z", iso)
    return f"{found.group(1)} {found.group(2)} UTC" if found else md_escape(iso)


def _signature_md(sig: dict[str, Any], lab: dict[str, str]) -> list[str]:
    lines = [
        "---",
        "",
        f"{lab['signature']}: brief {sig.get('version', '?')} · config "
        f"`{sig.get('config_hash', '?')}` · device {sig.get('device', '?')}",
    ]
    if sig.get("text"):
        lines += ["", f"`{sig['text']}`", ""]
    for role, model in sig.get("models", {}).items():
        lines.append(f"- {role}: `{model.get('id')}` @ `{model.get('revision')}`")
    return lines
