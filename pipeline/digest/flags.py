"""What the digest tells a reader about a brief's checks, in plain English, without codes.

The JSON brief carries the checks of each sentence (``sentences[].checks``, each with its
``explanation``) and one trust line (``trust.line``); this module turns them into the pieces of
:func:`pipeline.explain.explain_parts` (text, emphasised or not, French or not), which the
templates escape and emphasise.
Briefs written before those fields existed (schema 1.0) still render: their warnings' messages
stand in for the explanations, and the trust line is counted from the sentences' flags.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.explain import Piece, explain_parts

# Warnings the reader gains nothing from: every feed page is HTML that was extracted.
NOISE = frozenset({"clean.html_extracted"})

# "sentence 3: ..." at the start of a warning message (schema 1.0 counted from 0).
_SENTENCE_PREFIX = re.compile(r"^sentence \d+:\s*")


def _pieces(check: dict[str, Any]) -> list[Piece]:
    """The explanation of one check, in pieces; its ``explanation`` text when it has no parts."""
    try:
        parts = [p for p in explain_parts(check) if p.text]
    except (KeyError, TypeError, ValueError):
        parts = []
    if parts:
        return parts
    text = " ".join(str(check.get("explanation") or "").split())
    return [Piece(text)] if text else []


def sentence_explanations(
    sentence: dict[str, Any], warnings: list[dict[str, Any]]
) -> list[list[Piece]]:
    """One explanation per check of a flagged sentence; for a brief without checks, the
    messages of the warnings about it; a flag with neither gets a plain sentence."""
    out = [p for p in (_pieces(c) for c in sentence.get("checks") or []) if p]
    if out or not sentence.get("flags"):
        return out
    for w in warnings:
        if w.get("sentence") == sentence.get("id") and w.get("code") not in NOISE:
            message = _SENTENCE_PREFIX.sub("", " ".join(str(w.get("message") or "").split()))
            if message:
                out.append([Piece(message)])
    return out or [[Piece("The checks flagged the translation of this sentence.")]]


def article_notes(warnings: list[dict[str, Any]]) -> list[str]:
    """Warnings about the whole article (no sentence, no summary sentence), noise left out."""
    return [
        " ".join(str(w.get("message") or "").split())
        for w in warnings
        if w.get("sentence") is None
        and not w.get("summary")
        and w.get("code") not in NOISE
        and w.get("message")
    ]


def summary_notes(item: dict[str, Any]) -> list[list[Piece]]:
    """What a summary sentence says that its source sentences do not, explained."""
    notes = []
    if "unsourced" in (item.get("flags") or []):
        notes.append([Piece("No source sentence found for this summary sentence.")])
    explained = [p for p in (_pieces(c) for c in item.get("checks") or []) if p]
    if not explained:  # a brief from before the checks: the items, listed
        said = [str(u.get("text") or "") for u in item.get("unsupported") or []]
        said = [s for s in said if s]
        if said:
            explained = [[Piece("Not in the source: "), Piece("; ".join(said), True)]]
    return notes + explained


def trust_line(data: dict[str, Any]) -> str:
    """The brief's trust line; for a brief from before trust lines, one counted from its flags."""
    trust = data.get("trust")
    if isinstance(trust, dict) and trust.get("line"):
        return " ".join(str(trust["line"]).split())
    checked, flagged = trust_counts(data)
    return (
        f"{checked - flagged} of {checked} sentences checked with no problem found; "
        f"{flagged} flagged. (Summary and headline not traced: an older brief.)"
    )


def trust_counts(data: dict[str, Any]) -> tuple[int, int]:
    """(checked, flagged) as the brief states them, for the tests and the templates."""
    trust = data.get("trust") or {}
    if "checked" in trust:
        return int(trust["checked"]), int(trust.get("flagged", 0))
    sentences = data.get("sentences") or []
    return (
        sum(1 for s in sentences if s.get("en")),
        sum(1 for s in sentences if s.get("flags")),
    )
