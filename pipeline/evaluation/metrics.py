"""Scores: sacreBLEU's BLEU and chrF, and ROUGE with a tokenizer that keeps French letters.

``rouge-score``'s default tokenizer keeps only ``[a-z0-9]``: "été" becomes "t" and "Noël" becomes
"no l", so French summaries would be scored on fragments. :class:`FrenchTokenizer` keeps every
Unicode letter, lower-cases, splits on apostrophes and hyphens, and does not stem (the Porter
stemmer is for English).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
_WORD = re.compile(r"[^\W_]+")


class FrenchTokenizer:
    """Words of letters and digits, accents kept, lower-cased: ``L'été`` → ``l``, ``été``.

    It has the one method rouge-score's scorer calls, so rouge-score is imported only when a
    score is computed (``brief`` itself runs without it).
    """

    def tokenize(self, text: str) -> list[str]:
        return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def bleu_chrf(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """Corpus BLEU and chrF (sacreBLEU defaults: 13a tokenisation, chrF β=2), on 0–100.

    Returns:
        ``{"bleu": float, "chrf": float, "bleu_signature": str, "chrf_signature": str}``.
    """
    from sacrebleu.metrics import BLEU, CHRF

    bleu, chrf = BLEU(), CHRF()
    bleu_score = bleu.corpus_score(hypotheses, [references])
    chrf_score = chrf.corpus_score(hypotheses, [references])
    return {
        "bleu": round(bleu_score.score, 2),
        "chrf": round(chrf_score.score, 2),
        "bleu_signature": str(bleu.get_signature()),
        "chrf_signature": str(chrf.get_signature()),
    }


def rouge(hypotheses: list[str], references: list[str]) -> dict[str, float]:
    """Mean ROUGE-1, ROUGE-2 and ROUGE-L F1 over the pairs, on 0–100, French-aware tokens."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(list(ROUGE_TYPES), use_stemmer=False, tokenizer=FrenchTokenizer())
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    for hypothesis, reference in zip(hypotheses, references, strict=True):
        scores = scorer.score(reference, hypothesis)
        for key in ROUGE_TYPES:
            totals[key] += scores[key].fmeasure
    n = max(len(hypotheses), 1)
    return {key: round(100 * value / n, 2) for key, value in totals.items()}
