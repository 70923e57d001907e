from __future__ import annotations

import pytest

from pipeline.text.chunking import MapReduce, pack
from pipeline.text.segment import split_english


class WordModel:
    """A stand-in summariser that counts words as tokens (plus two specials, like BART) and
    summarises a text by its first sentence; it records every input it was given."""

    def __init__(self, limit: int = 1024) -> None:
        self.limit = limit
        self.calls: list[list[str]] = []

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 2 for t in texts]

    def summarise(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [split_english(t)[0] if t.strip() else "" for t in texts]

    def map_reduce(self, max_depth: int = 3) -> MapReduce:
        return MapReduce(self.summarise, self.count_tokens, self.limit, split_english, max_depth)


def article(words: int, per_sentence: int = 20, tag: str = "a") -> list[str]:
    """Sentences of ``per_sentence`` words, numbered so that each one can be found again."""
    count = words // per_sentence
    filler = " ".join(["word"] * (per_sentence - 3))
    return [f"Sentence {tag}{i} {filler} end." for i in range(count)]


@pytest.mark.parametrize(
    ("counts", "budget", "overhead", "chunks"),
    [
        ([3, 3, 3], 10, 2, [[0, 1], [2]]),
        ([3, 3, 3], 11, 2, [[0, 1, 2]]),
        ([12, 1, 1], 10, 2, [[0], [1, 2]]),
        ([], 10, 2, []),
    ],
)
def test_pack_keeps_order_and_budget(
    counts: list[int], budget: int, overhead: int, chunks: list[list[int]]
) -> None:
    assert pack(counts, budget, overhead) == chunks


def test_a_5000_word_article_is_chunked_on_sentence_boundaries_without_loss() -> None:
    model = WordModel(limit=1024)
    sentences = article(5000)
    (result,) = model.map_reduce().run([sentences])
    first_round = model.calls[0]
    assert len(first_round) == result.chunks > 1
    # Every chunk fits, and the chunks are the sentences, in order, each whole, none lost.
    assert max(model.count_tokens(first_round)) <= 1024
    assert " ".join(first_round) == " ".join(sentences)
    assert all(chunk.endswith("end.") for chunk in first_round)
    assert result.passes == 2 and not result.truncated
    assert result.text == "Sentence a0 " + " ".join(["word"] * 17) + " end."


def test_chunk_summaries_too_long_for_one_pass_are_reduced_again() -> None:
    model = WordModel(limit=60)  # 500 sentences of 10 words, five a chunk: 100, 20, 4, 1
    (result,) = model.map_reduce(max_depth=5).run([article(5000, per_sentence=10)])
    assert result.passes == 4 and not result.truncated
    assert [len(call) for call in model.calls] == [100, 20, 4, 1]
    assert len(model.calls) == result.passes
    for call in model.calls:
        assert max(model.count_tokens(call)) <= 60
    assert len(model.calls[-1]) == 1  # the final pass reads one text


def test_the_depth_bound_stops_the_rounds_and_reports_truncation() -> None:
    model = WordModel(limit=60)
    (result,) = model.map_reduce(max_depth=1).run([article(5000)])
    assert result.passes == 2 and result.truncated
    assert result.tokens == 5000 // 20 * 20 + 2


def test_a_summariser_that_does_not_shorten_stops_at_once() -> None:
    model = WordModel(limit=60)
    model.summarise = lambda texts: list(texts)  # type: ignore[method-assign]
    mr = MapReduce(model.summarise, model.count_tokens, 60, split_english, max_depth=10)
    (result,) = mr.run([article(500)])
    assert result.passes == 2 and result.truncated


def test_chunks_of_every_article_go_to_the_model_in_one_call_per_round() -> None:
    model = WordModel(limit=1024)
    short, long_ = article(200, tag="s"), article(3000, tag="l")
    results = model.map_reduce().run([short, long_, []])
    # Round 1: the short article's final pass and the long one's chunks together.
    assert model.calls[0][0] == " ".join(short)
    assert len(model.calls[0]) == 1 + results[1].chunks
    assert len(model.calls) == 2
    assert (results[0].passes, results[1].passes, results[2].passes) == (1, 2, 0)
    assert results[2].text == ""


def test_a_sentence_longer_than_the_limit_is_cut_between_words() -> None:
    model = WordModel(limit=50)
    giant = " ".join(f"w{i}" for i in range(130)) + "."
    chunks = model.map_reduce().chunk(["Short one.", giant, "Another."])
    assert max(model.count_tokens(chunks)) <= 50
    assert " ".join(chunks).split() == ["Short", "one.", *giant.split(), "Another."]


def test_without_a_token_counter_nothing_is_chunked() -> None:
    model = WordModel()
    mr = MapReduce(model.summarise, None, None, split_english)
    (result,) = mr.run([article(5000)])
    assert len(model.calls) == 1 and result.passes == 1 and result.tokens is None
