"""What the verify checks cost beyond spaCy's parse: ``brief bench --verify-cost``.

The French of the shipped newstest2014 ``origlang=fr`` pairs is parsed once (not timed); then each
pair is checked as a translation and its reference as a summary sentence of its source, as the
verify stage checks a brief, timed with ``time.process_time`` over several runs in one process (the
first run also loads the checks' tables, once per process). The figure is given a sentence and a
30-sentence article.
"""

from __future__ import annotations

import time
from typing import Any

ARTICLE = 30  # sentences in the article the figure is given for


def check_pair(verifier: Any, pair: Any, analysis: Any) -> None:
    """What the figure times for one pair: the reference checked as a translation of its source,
    then as a summary sentence of it (also run by ``.ci/verify_instructions.py``)."""
    verifier.translation(pair.source, pair.reference, analysis)
    verifier.summary(pair.reference, [pair.source], [pair.reference])


def measure_verify_cost(runs: int = 3, limit: int | None = None) -> dict[str, Any]:
    """CPU milliseconds the checks take a sentence and a 30-sentence article, run by run.

    Args:
        runs: Timed passes over the pairs (the first includes loading the tables).
        limit: Only the first N pairs.

    Raises:
        ModelUnavailable: The spaCy model is not installed.
    """
    from pipeline.evaluation.data import newstest2014
    from pipeline.verify.checks import Verifier

    pairs = newstest2014("fr")[:limit] if limit else newstest2014("fr")
    verifier = Verifier()
    analyses = verifier.analyse([p.source for p in pairs])
    per_sentence = []
    for _ in range(runs):
        began = time.process_time()
        for pair, analysis in zip(pairs, analyses, strict=True):
            check_pair(verifier, pair, analysis)
        per_sentence.append(1000 * (time.process_time() - began) / max(len(pairs), 1))
    return {
        "pairs": len(pairs),
        "ms_per_sentence": [round(x, 3) for x in per_sentence],
        "ms_per_article": [round(ARTICLE * x, 1) for x in per_sentence],
    }


def format_verify_cost(report: dict[str, Any]) -> str:
    """The measurement as lines of text."""
    rows = [
        f"verify checks beyond spaCy's parse, {report['pairs']} newstest2014-fr pairs (CPU time)"
    ]
    for i, (s, a) in enumerate(
        zip(report["ms_per_sentence"], report["ms_per_article"], strict=True), start=1
    ):
        note = " (loads the tables)" if i == 1 else ""
        rows.append(
            f"  run {i}: {s:.3f} ms a sentence, {a:.1f} ms a {ARTICLE}-sentence article{note}"
        )
    return "\n".join(rows)
