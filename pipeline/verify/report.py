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
from pipeline.output_policy import MARKDOWN_MARKER
from pipeline.verify.align import Alignment
from pipeline.verify.checks import Flag, Verifier, describe

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
    sentences = []
    counts: Counter[str] = Counter()
    for index, (pair, analysis) in enumerate(zip(pairs, analyses, strict=True)):
        flags = verifier.translation(pair.fr, pair.en, analysis) if pair.en is not None else []
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
    """The text with each span in bold (once), for the reviewer's eye."""
    for span in spans:
        if span and span in text:
            text = text.replace(span, f"**{span}**", 1)
    return text


def to_markdown(report: dict[str, Any]) -> str:
    """The report for a human reviewer: each flagged sentence, French and English side by side,
    what does not match in bold."""
    counts = ", ".join(f"{k} {v}" for k, v in report["counts"].items() if v) or "nothing flagged"
    out = [
        "# brief verify",
        "",
        f"{len(report['sentences'])} source sentences, aligned by {report['alignment']}; {counts}.",
        "",
    ]
    shown = [s for s in report["sentences"] if s["flags"]]
    if shown:
        out += ["| # | French | English | flags |", "|---|---|---|---|"]
        for s in shown:
            fr = _mark(s["fr"], [f["fr"] for f in s["flags"]])
            en = _mark(s["en"] or "", [f["en"] for f in s["flags"]])
            what = "; ".join(describe(Flag(f["kind"], f["fr"] or "", f["en"])) for f in s["flags"])
            out.append(f"| {s['index']} | {_cell(fr)} | {_cell(en)} | {_cell(what)} |")
        out.append("")
    if report["unaligned_fr"]:
        out.append(
            f"French sentences with no English: {', '.join(map(str, report['unaligned_fr']))}."
        )
    for text in report["unaligned_en"]:
        out.append(f"English sentence aligned with no French: “{text}”")
    lines = [line for line in report["summary"] if line["flags"]]
    if lines:
        out += ["", "## Summary", "", "| # | summary | sources | flags |", "|---|---|---|---|"]
        for line in lines:
            text = _mark(line["en"], [f["en"] for f in line["flags"]])
            what = "; ".join(f"{f['kind']}: {f['en']}" for f in line["flags"])
            sources = ", ".join(map(str, line["sources"])) or "none"
            out.append(f"| {line['index']} | {_cell(text)} | {sources} | {_cell(what)} |")
    # The marker tells a later run that brief wrote this file (pipeline.output_policy).
    out += ["", f"{MARKDOWN_MARKER} {__version__} verify report -->"]
    return "\n".join(out).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
