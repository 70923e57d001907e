from __future__ import annotations

import pytest

from pipeline.text.overlap import pick_sources, similarity, source_keys


def best_sources(text: str, candidates: list[tuple], lang: str = "en") -> list[int]:
    """pick_sources over candidates keyed the way the summarise stage keys its sources."""
    other = "fr" if lang == "en" else "en"
    keyed = [
        (c[0], source_keys(c[1], lang, c[2] if len(c) > 2 else None, other)) for c in candidates
    ]
    return pick_sources(text, lang, keyed)


SOURCES = [
    (0, "Xiaomi was put on the US blacklist in January.", "Xiaomi a été mis sur liste noire."),
    (1, "In 2019 its founder received an award.", "En 2019, il a reçu un prix."),
    (2, "The firm then raised money.", "La firme a levé 7,7 milliards de dollars."),
    (3, "Analysts expect the firm to grow.", "Les analystes attendent une croissance."),
]


@pytest.mark.parametrize(
    ("summary", "lang", "first"),
    [
        ("The founder got an award in 2019.", "en", 1),
        # The number is only in the French side of sentence 2 (the translation lost it).
        ("The firm raised $7.7 billion.", "en", 2),
        ("Xiaomi is on a US blacklist.", "en", 0),
        ("La firme a levé 7,7 milliards de dollars.", "fr", 2),
    ],
)
def test_best_sources_finds_the_sentence_a_summary_line_draws_on(
    summary: str, lang: str, first: int
) -> None:
    candidates = SOURCES if lang == "en" else [(i, fr, en) for i, en, fr in SOURCES]
    assert best_sources(summary, candidates, lang=lang)[0] == first


def test_numbers_outweigh_common_words() -> None:
    candidates = [(0, "The firm said it would grow the firm."), (1, "Sales reached 7.7 billion.")]
    assert best_sources("The firm reached $7.7 billion.", candidates) == [1]


def test_best_sources_is_empty_when_nothing_is_shared() -> None:
    assert best_sources("Zebras gallop.", SOURCES) == []


@pytest.mark.parametrize(
    ("a", "b", "duplicate"),
    [
        ("Xiaomi was blacklisted.", "xiaomi was blacklisted", True),
        ("Xiaomi was blacklisted by the US.", "Xiaomi was blacklisted by the US in January.", True),
        ("Xiaomi was blacklisted by the US.", "Huawei sold phones in Europe last year.", False),
        ("It fell.", "It rose.", False),
        ("The firm raised $9 billion.", "The firm raised $7.7 billion.", False),
        ("The firm raised $7.7 billion.", "The firm raised 7.7 billion dollars!", True),
    ],
)
def test_similarity_spots_near_duplicates(a: str, b: str, duplicate: bool) -> None:
    assert (similarity(a, b) >= 0.8) is duplicate


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Trois millions de personnes et 7,7 milliards de dollars, la moitié en 2019.", "fr"),
        ("Les 1 500 salariés, vingt-cinq sites, 3 % de hausse à 15 heures.", "fr"),
        ("Three million people and $7.7 billion, half of it in 2019.", "en"),
        ("A dozen firms, twenty-five sites, 1,500 staff and a 3% rise.", "en"),
    ],
)
def test_the_numbers_of_a_text_are_read_in_one_scan(
    text: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.text import numbers, overlap

    expected = (
        numbers.quantities_fr(text) + numbers.number_words_fr(text)
        if lang == "fr"
        else numbers.quantities_en(text) + numbers.number_words_en(text)
    )
    scans = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text: str):
            scans.append(text)
            return self.pattern.finditer(text)

    prefix = "_FR" if lang == "fr" else "_EN"
    for name in (f"{prefix}_QUANTITY", f"{prefix}_QUANTITY_WORDS"):
        monkeypatch.setattr(numbers, name, Counting(getattr(numbers, name)))
    overlap.quantities.cache_clear()
    assert list(overlap.quantities(text, lang)) == expected
    assert len(scans) == 1
