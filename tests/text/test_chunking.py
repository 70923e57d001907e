from __future__ import annotations

import pytest

from pipeline.text.chunking import MapReduce, pack, pack_balanced
from pipeline.text.segment import split_english


class WordModel:
    """A stand-in summariser that counts words as tokens (plus two specials, like BART) and
    summarises a text by its first sentence; it records every input it was given."""

    def __init__(self, limit: int = 1024) -> None:
        self.limit = limit
        self.calls: list[list[str]] = []
        self.caps: list[int | None] = []

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 2 for t in texts]

    def summarise(self, texts: list[str], cap: int | None = None) -> list[str]:
        self.calls.append(list(texts))
        self.caps.append(cap)
        firsts = [split_english(t)[0].split() if t.strip() else [] for t in texts]
        return [" ".join(words[:cap]) for words in firsts]

    def map_reduce(self, max_depth: int = 3, floor: int = 1) -> MapReduce:
        return MapReduce(
            self.summarise, self.count_tokens, self.limit, split_english, max_depth, floor
        )

    def joining(self, summary_tokens: int = 120) -> MapReduce:
        """Map-reduce that joins the summaries of up to 3 chunks."""
        return MapReduce(
            self.summarise,
            self.count_tokens,
            self.limit,
            split_english,
            join_chunks=3,
            summary_tokens=summary_tokens,
        )


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


@pytest.mark.parametrize(
    ("counts", "budget", "sizes"),
    [
        ([3] * 10, 20, [5, 5]),  # greedy: 6 then 4
        ([3] * 13, 20, [5, 5, 3]),  # greedy: 6, 6, 1; the largest chunk is what padding costs
        ([3] * 4, 20, [4]),  # fits: one chunk
        ([30, 3, 3], 20, [1, 2]),  # an item over the budget alone: as greedy
    ],
)
def test_balanced_packing_keeps_the_chunk_count_and_evens_them_out(
    counts: list[int], budget: int, sizes: list[int]
) -> None:
    chunks = pack_balanced(counts, budget, overhead=2)
    assert [len(c) for c in chunks] == sizes
    assert len(chunks) == len(pack(counts, budget, 2))
    assert [i for c in chunks for i in c] == list(range(len(counts)))
    if max(counts) + 2 <= budget:
        assert all(sum(counts[i] for i in c) + 2 <= budget for c in chunks)


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
    # 500 sentences of 10 words, five a chunk of 60 tokens; summaries of at least 10 tokens
    # cannot share 54 tokens between 100 chunks: 100 chunks, then 20, then 4, then the final.
    model = WordModel(limit=60)
    (result,) = model.map_reduce(max_depth=5, floor=10).run([article(5000, per_sentence=10)])
    assert result.passes == 4 and not result.truncated
    assert [len(call) for call in model.calls] == [100, 20, 4, 1]
    assert model.caps == [10, 10, 13, None]
    for call in model.calls:
        assert max(model.count_tokens(call)) <= 60


def test_map_rounds_hold_each_chunk_summary_to_its_share_of_the_input() -> None:
    model = WordModel(limit=1024)
    # A summariser that writes as much as it may: without the cap, six chunk summaries of
    # ~900 tokens would need another round.
    mr = MapReduce(
        lambda texts, cap: [" ".join(t.split()[: cap or 100]) for t in texts],
        model.count_tokens,
        1024,
        split_english,
    )
    (result,) = mr.run([article(5000)])
    assert result.chunks == 6 and result.passes == 2
    assert mr.map_cap(6) == (int(1024 * 0.9) - 2) // 6
    assert result.final_tokens <= 1024


def test_the_depth_bound_stops_the_rounds_and_reports_truncation() -> None:
    model = WordModel(limit=60)
    (result,) = model.map_reduce(max_depth=1).run([article(5000)])
    assert result.passes == 2 and result.truncated
    assert result.tokens == 5000 // 20 * 20 + 2


def test_a_summariser_that_does_not_shorten_stops_at_once() -> None:
    model = WordModel(limit=60)
    model.summarise = lambda texts, cap=None: list(texts)  # type: ignore[method-assign]
    mr = MapReduce(model.summarise, model.count_tokens, 60, split_english, max_depth=10)
    (result,) = mr.run([article(500)])
    assert result.passes == 2 and result.truncated


def test_texts_of_every_article_go_to_the_model_together() -> None:
    model = WordModel(limit=1024)
    short, long_a, long_b = article(200, tag="s"), article(3000, tag="a"), article(3000, tag="b")
    results = model.map_reduce().run([short, long_a, [], long_b])
    # Round 1: the short article's final pass, then both long ones' chunks (same cap) in one
    # call; round 2: both long ones' final passes in one call.
    assert model.calls[0] == [" ".join(short)]
    assert len(model.calls[1]) == results[1].chunks + results[3].chunks
    assert len(model.calls[2]) == 2 and len(model.calls) == 3
    assert model.caps == [None, model.map_reduce().map_cap(results[1].chunks), None]
    assert [r.passes for r in results] == [1, 2, 0, 2]
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


def test_a_few_chunks_are_summarised_once_and_joined_in_order() -> None:
    model = WordModel(limit=1024)
    mr = model.joining()
    (result,) = mr.run([article(1500)])  # 1,500 words: two chunks
    assert result.chunks == 2 and result.passes == 1 and result.joined
    assert len(model.calls) == 1 and len(model.calls[0]) == 2
    assert model.caps == [60]  # the summary's 120 tokens shared between the two chunks
    # One summary per chunk, in the article's order: the first sentence of each chunk.
    firsts = [chunk.split()[1] for chunk in model.calls[0]]
    assert firsts[0] == "a0" and firsts[1] != "a0"
    assert [s.split()[1] for s in split_english(result.text)] == firsts
    assert result.final_tokens <= 1024 and not result.truncated


def test_more_chunks_than_join_chunks_are_reduced_as_before() -> None:
    model = WordModel(limit=1024)
    mr = model.joining()
    (result,) = mr.run([article(5000)])
    assert result.chunks == 6 and result.passes == 2 and not result.joined
    assert len(model.calls) == 2


def test_an_article_that_fits_is_not_joined() -> None:
    model = WordModel(limit=1024)
    mr = model.joining(90)
    (result,) = mr.run([article(400)])
    assert result.passes == 1 and result.chunks == 1 and not result.joined
    assert model.caps == [None]


def test_joined_chunk_summaries_are_kept_as_separate_parts() -> None:
    """Held to 10 tokens each, the two chunk summaries stop mid-sentence: joined as one text they
    would read as one sentence; their parts keep them apart."""
    model = WordModel(limit=1024)
    (result,) = model.joining(summary_tokens=20).run([article(1500)])
    assert result.joined and model.caps == [10]
    assert len(result.parts) == 2 and all(len(p.split()) == 10 for p in result.parts)
    assert result.text == " ".join(result.parts)
    assert len(split_english(result.text)) == 1  # what splitting the joined text would give


def test_a_summary_in_one_pass_is_one_part() -> None:
    model = WordModel(limit=1024)
    (result,) = model.joining(90).run([article(400)])
    assert result.parts == [result.text] and result.text
