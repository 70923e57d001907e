from __future__ import annotations

import pytest

from pipeline.backends.identity import word_counter
from pipeline.text.longinput import split_long

LONG = (
    "Le premier point, qui est long, concerne le budget ; le second : les impôts "
    "— et enfin, la dette, qui pèse."
)


def _fits(pieces: list[str], limit: int) -> bool:
    return all(n <= limit for n in word_counter(pieces))


@pytest.mark.parametrize("limit", [4, 6, 9, 30])
def test_pieces_fit_and_give_the_sentence_back(limit: int) -> None:
    pieces = split_long(LONG, word_counter, limit)
    assert _fits(pieces, limit)
    assert " ".join(pieces) == LONG


def test_short_sentence_is_one_piece() -> None:
    assert split_long("Il pleut.", word_counter, 10) == ["Il pleut."]


def test_clause_boundaries_come_before_commas() -> None:
    # The first clause has commas but fits: it is not cut at them.
    assert split_long(LONG, word_counter, 13) == [
        "Le premier point, qui est long, concerne le budget ;",
        "le second : les impôts — et enfin, la dette, qui pèse.",
    ]


def test_without_punctuation_it_cuts_word_windows() -> None:
    text = " ".join(f"mot{i}" for i in range(100))
    pieces = split_long(text, word_counter, 11)
    assert _fits(pieces, 11) and len(pieces) == 10
    assert " ".join(pieces) == text


def test_a_word_longer_than_the_limit_is_cut_inside() -> None:
    by_chars = lambda texts: [len(t) // 10 + 1 for t in texts]  # noqa: E731
    pieces = split_long("x" * 100, by_chars, 4)
    assert all(n <= 4 for n in by_chars(pieces))
    assert "".join(pieces) == "x" * 100


def test_a_limit_without_room_is_an_error() -> None:
    with pytest.raises(ValueError, match="no room"):
        split_long(LONG, word_counter, 1)
