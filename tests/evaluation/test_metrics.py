from __future__ import annotations

import pytest
from rouge_score.tokenizers import DefaultTokenizer

from pipeline.evaluation.metrics import FrenchTokenizer, bleu_chrf, rouge


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("L'été à Noël", ["l", "été", "à", "noël"]),
        ("Ça coûte 7,7 milliards d’euros.", ["ça", "coûte", "7", "7", "milliards", "d", "euros"]),
        ("ÉLÈVE élève", ["élève", "élève"]),
        ("porte-parole", ["porte", "parole"]),
        ("e\u0301te\u0301", ["été"]),  # decomposed accents are composed first
        ("", []),
    ],
)
def test_french_tokenizer_keeps_accented_letters(text: str, tokens: list[str]) -> None:
    assert FrenchTokenizer().tokenize(text) == tokens


def test_rouge_scores_default_tokenizer_would_mangle_french() -> None:
    # Why FrenchTokenizer exists: the default one keeps [a-z0-9] only.
    assert DefaultTokenizer().tokenize("L'été à Noël") == ["l", "t", "no", "l"]


@pytest.mark.parametrize(
    ("hypothesis", "reference", "rouge1"),
    [
        ("Le président a démissionné.", "Le président a démissionné.", 100.0),
        ("Un chat dort.", "Le président a démissionné.", 0.0),
        ("été", "ete", 0.0),  # an accent is a different word, as it is for a French reader
        ("le président", "le président a démissionné", 66.67),
    ],
)
def test_rouge_is_mean_f1_on_french_tokens(hypothesis: str, reference: str, rouge1: float) -> None:
    assert rouge([hypothesis], [reference])["rouge1"] == pytest.approx(rouge1, abs=0.01)


def test_rouge_averages_over_items() -> None:
    scores = rouge(["a b", "x y"], ["a b", "a b"])
    assert scores == {"rouge1": 50.0, "rouge2": 50.0, "rougeL": 50.0}


def test_bleu_and_chrf_use_sacrebleu_defaults() -> None:
    refs = ["The cat sat on the mat.", "It rained all day in Paris."]
    perfect = bleu_chrf(refs, refs)
    assert perfect["bleu"] == 100.0 and perfect["chrf"] == 100.0
    assert "tok:13a" in perfect["bleu_signature"] and "nc:6" in perfect["chrf_signature"]
    worse = bleu_chrf(["The dog sat on a mat.", "Rain in Paris."], refs)
    assert 0 < worse["bleu"] < 100 and 0 < worse["chrf"] < 100
