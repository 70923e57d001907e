"""``brief verify``'s work as a plain function: align, check, and report in JSON or Markdown.

The JSON follows ``pipeline/schema/verify.schema.json`` (``schema_version`` 1). Flag kinds:
``number`` (amounts, percentages, counts, clock times, scale words), ``date`` (days, months,
weekdays, years with a date), ``name`` (people, organisations, places, acronyms) and
``polarity`` (a negation on one side only).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from pipeline import __version__
from pipeline.explain import check
from pipeline.output_policy import MARKDOWN_MARKER
from pipeline.verify.align import Alignment
from pipeline.verify.checks import Flag, Verifier

SCHEMA_VERSION = 1
KINDS = ("number", "date", "name", "polarity")


@dataclass
class SummaryLine:
    """One sentence of a summary, the source sentences it draws on, and its flags."""

    en: str
    sources: list[int]
    flags: list[Flag]


def _flag_dict(flag: Flag) -> dict[str, Any]:
    return {"kind": flag.kind, "fr": flag.fr or None, "en": flag.en}


def check_alignment(
    alignment: Alignment, summary: list[str] | None = None, verifier: Verifier | None = None
) -> dict[str, Any]:
    """Checks every aligned pair (and every summary sentence against its sources).

    Args:
        alignment: The sentence pairs.
        summary: English summary sentences, or None.
        verifier: The checks (a new one by default).

    Returns:
        The report, as :mod:`pipeline.verify.report` documents it.

    Raises:
        ModelUnavailable: The spaCy model is not installed.
    """
    verifier = verifier or Verifier()
    pairs = alignment.pairs
    analyses = verifier.analyse([p.fr for p in pairs])
    context = verifier.article([p.fr for p in pairs])  # the source file is one article
    sentences = []
    counts: Counter[str] = Counter()
    for index, (pair, analysis) in enumerate(zip(pairs, analyses, strict=True)):
        flags = (
            verifier.translation(pair.fr, pair.en, analysis, context) if pair.en is not None else []
        )
        counts.update(f.kind for f in flags)
        sentences.append(
            {
                "index": index,
                "fr": pair.fr,
                "en": pair.en,
                "alignment": pair.shape,
                "flags": [_flag_dict(f) for f in flags],
            }
        )
    lines = summary_lines(
        summary or [], [p.fr for p in pairs], [p.en or "" for p in pairs], verifier
    )
    for line in lines:
        counts.update(f.kind for f in line.flags)
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": f"brief:{__version__}|verify|spacy:{verifier.model}|align:{alignment.mode}",
        "alignment": alignment.mode,
        "sentences": sentences,
        "unaligned_en": alignment.unaligned_en,
        "unaligned_fr": [s["index"] for s in sentences if s["en"] is None],
        "summary": [
            {
                "index": i,
                "en": line.en,
                "sources": line.sources,
                "flags": [_flag_dict(f) for f in line.flags],
            }
            for i, line in enumerate(lines)
        ],
        "counts": {kind: counts.get(kind, 0) for kind in sorted({*KINDS, *counts})},
    }


def summary_lines(
    summary: list[str], french: list[str], english: list[str], verifier: Verifier
) -> list[SummaryLine]:
    """Each summary sentence, traced to its source sentences and checked against them only."""
    from pipeline.text.overlap import pick_sources, source_keys

    keyed = [
        (i, source_keys(en, "en", fr, "fr"))
        for i, (fr, en) in enumerate(zip(french, english, strict=True))
    ]
    out = []
    for text in summary:
        sources = sorted(pick_sources(text, "en", keyed))
        flags = verifier.summary(text, [french[i] for i in sources], [english[i] for i in sources])
        if not sources:
            flags = [Flag("unsourced", "", text), *flags]
        out.append(SummaryLine(text, sources, flags))
    return out


def flagged(report: dict[str, Any]) -> bool:
    """Whether the report has any flag."""
    return any(report["counts"].values())


def _mark(text: str, spans: list[str | None]) -> str:
    """The text made inert in Markdown, each span in bold (once), for the reviewer's eye."""
    from pipeline.brief_md import md_escape

    out = md_escape(text)
    for span in spans:
        escaped = md_escape(span)
        if escaped and escaped in out:
            out = out.replace(escaped, f"**{escaped}**", 1)
    return out


def _explained(flag: dict[str, Any], fr: str, en: str) -> str:
    """A flag in plain English (the brief's words: :mod:`pipeline.verify.explain`)."""
    from pipeline.brief_md import explanation_md

    return explanation_md(check_of(flag, fr, en))


def check_of(flag: dict[str, Any], fr: str, en: str) -> dict[str, Any]:
    """A flag of the report as the brief's ``checks`` carry it (gloss and conflict found)."""
    return check(Flag(flag["kind"], flag["fr"] or "", flag["en"]), fr, en)


def _summary_note(flag: dict[str, Any]) -> str:
    from pipeline.brief_md import explanation_md, md_escape
    from pipeline.explain import summary_check

    if flag["kind"] == "unsourced":
        return "It shares nothing with any source sentence."
    if flag["kind"] == "polarity" and flag["en"]:
        return f"The summary has a negation (**{md_escape(flag['en'])}**) that its sources lack."
    if flag["kind"] == "polarity":
        return f"Its sources have a negation (*{md_escape(flag['fr'])}*) that the summary lacks."
    return explanation_md(summary_check(flag["kind"], flag["en"] or "", "en"))


def to_markdown(report: dict[str, Any]) -> str:
    """The report for a human reviewer: each flagged sentence (numbered from 1) with what is
    wrong in plain English, then the French and the English below, what does not match in
    bold. No tables: the report reads on a phone."""
    counts = ", ".join(f"{k} {v}" for k, v in report["counts"].items() if v) or "nothing flagged"
    shown = [s for s in report["sentences"] if s["flags"]]
    out = [
        "# brief verify",
        "",
        f"{len(report['sentences'])} source sentences, aligned by {report['alignment']}; "
        f"{len(shown)} flagged; {counts}.",
        "",
    ]
    for s in shown:
        out += [f"## Sentence {s['index'] + 1}", ""]
        out += [f"- {_explained(f, s['fr'], s['en'] or '')}" for f in s["flags"]]
        fr = _mark(s["fr"], [f["fr"] for f in s["flags"]])
        en = _mark(s["en"] or "", [f["en"] for f in s["flags"]] + _conflicts(s))
        out += ["", f"> *{fr}*", ">", f"> {en}", ""]
    if report["unaligned_fr"]:
        listed = ", ".join(str(i + 1) for i in report["unaligned_fr"])
        out += [f"French sentences with no English: {listed}.", ""]
    for text in report["unaligned_en"]:
        out += [f"English sentence aligned with no French: “{_mark(text, [])}”", ""]
    lines = [line for line in report["summary"] if line["flags"]]
    if lines:
        out += ["## Summary", ""]
        for line in lines:
            sources = ", ".join(str(i + 1) for i in line["sources"]) or "none"
            text = _mark(line["en"], [f["en"] for f in line["flags"] if f["kind"] != "unsourced"])
            notes = " ".join(_summary_note(f) for f in line["flags"])
            out += [f"- Summary sentence {line['index'] + 1} (sources: {sources}): {text}"]
            out += [f"  {notes}", ""]
    # The marker tells a later run that brief wrote this file (pipeline.output_policy).
    out += ["", f"{MARKDOWN_MARKER} {__version__} verify report -->"]
    return "\n".join(out).rstrip() + "\n"


def _conflicts(sentence: dict[str, Any]) -> list[str | None]:
    """The English words that contradict each flag of a sentence, to show them in bold."""
    return [
        check_of(f, sentence["fr"], sentence["en"] or "").get("conflict") for f in sentence["flags"]
    ]
