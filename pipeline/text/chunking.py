"""Summaries of texts longer than the model's input: chunks on sentence boundaries, map-reduce.

A summariser reads at most so many tokens (1,024 for distilbart); what lies beyond would be cut
off. Here no text is cut: its sentences are packed into chunks that fit, each chunk is
summarised (map), and the chunk summaries, joined, are summarised again (reduce) — or, when they
are still too long, chunked and summarised again, up to a depth bound. A map round holds each
chunk summary to its share of the model's input, so that the joined summaries of up to
``limit / floor_tokens`` chunks fit one final pass. Every round sends the chunks of all
documents to the summariser together (one call per output cap), so batching works across
articles.

A document of only a few chunks (``join_chunks``) skips the reduce pass: each chunk is summarised
to its share of the summary's length and the chunk summaries, in order, are the summary. Passes
run one after the other, so this halves or thirds the time of an article just over the limit,
and it covers every part of the article where a reduce pass tends to keep the first.

The summariser and its token counter are plain callables, so this runs the same with a real
model, a CTranslate2 one or a stand-in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Texts and an output cap in tokens (None: the summariser's own settings) -> one summary each.
Summarise = Callable[[list[str], int | None], list[str]]
CountTokens = Callable[[list[str]], list[int]]
Split = Callable[[str], list[str]]


@dataclass
class Condensed:
    """The summary of one document and how it was reached.

    Attributes:
        chunks: Chunks of the first map round (1 when the document fitted the model).
        passes: Summariser passes the document went through (map rounds + the final one).
        truncated: The depth bound was reached with a text still over the model's limit, so
            the final pass saw only its beginning.
        tokens: Tokens of the document as first counted (None without a counter).
        final_tokens: Tokens of the text the final pass read (None without a counter; the
            longest chunk when joined).
        joined: The summary is the chunk summaries joined (no reduce pass).
        parts: The texts the summariser wrote separately, in order (the chunk summaries when
            joined, else the one summary): each ends where its own generation ended, so a
            sentence never runs from one into the next.
    """

    chunks: int = 0
    passes: int = 0
    truncated: bool = False
    tokens: int | None = None
    final_tokens: int | None = None
    joined: bool = False
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The summary as one text: its parts joined ("" when the document was empty)."""
        return " ".join(self.parts)


def pack(counts: list[int], budget: int, overhead: int = 0) -> list[list[int]]:
    """Groups consecutive items into chunks whose token total stays within ``budget``.

    Args:
        counts: Tokens of each item on its own (without the model's special tokens).
        budget: Tokens a chunk may hold, special tokens included.
        overhead: Special tokens the model adds once per input.

    Returns:
        Lists of item indices, in order, covering every item once. An item larger than the
        budget gets a chunk of its own (split it beforehand to avoid that).
    """
    chunks: list[list[int]] = []
    current: list[int] = []
    used = overhead
    for i, n in enumerate(counts):
        if current and used + n > budget:
            chunks.append(current)
            current, used = [], overhead
        current.append(i)
        used += n
    if current:
        chunks.append(current)
    return chunks


def pack_balanced(counts: list[int], budget: int, overhead: int = 0) -> list[list[int]]:
    """Like :func:`pack`, as few chunks, but as even as they can be.

    Greedy packing fills each chunk to the budget and leaves the rest to the last, so an
    article just over the limit becomes a full chunk and a small one; batched together the
    small one is padded to the full one's length, which doubles the encoder's work. Here the
    budget is lowered as far as it goes without adding a chunk (a binary search: greedy
    packing gives the fewest chunks for a budget).
    """
    chunks = pack(counts, budget, overhead)
    if len(chunks) < 2:
        return chunks
    low = max(overhead + max(counts), (sum(counts) + overhead * len(chunks)) // len(chunks))
    high = budget
    while low < high:
        middle = (low + high) // 2
        if len(pack(counts, middle, overhead)) <= len(chunks):
            high = middle
        else:
            low = middle + 1
    return pack(counts, high, overhead)


class MapReduce:
    """Summarises documents of any length with a model of limited input.

    Args:
        summarise: Texts in, one summary per text out.
        count_tokens: Tokens per text as the model counts them (special tokens included); None
            when the summariser has no limit (stand-ins), then nothing is chunked.
        limit: Most tokens the model reads; None: no limit.
        split: Splits a summary into sentences (the units chunks are made of).
        max_depth: Most map rounds before the final pass (0: never chunk).
        floor_tokens: The least a chunk summary may be held to (the summary's minimum length).
        join_chunks: A document of at most this many chunks gets its chunk summaries joined,
            each held to ``summary_tokens / chunks``, instead of a reduce pass (0: never).
        summary_tokens: The summary's longest length, shared out among joined chunks.
    """

    # Share of the limit the joined chunk summaries aim at: re-tokenising decoded text and
    # joining sentences add a few tokens.
    FILL = 0.9

    def __init__(
        self,
        summarise: Summarise,
        count_tokens: CountTokens | None,
        limit: int | None,
        split: Split,
        max_depth: int = 3,
        floor_tokens: int = 1,
        join_chunks: int = 0,
        summary_tokens: int | None = None,
    ) -> None:
        self.summarise = summarise
        self.count = count_tokens if limit is not None else None
        self.limit = limit or 0
        self.split = split
        self.max_depth = max_depth
        self.floor_tokens = max(1, floor_tokens)
        self.join_chunks = join_chunks if summary_tokens else 0
        self.summary_tokens = summary_tokens or 0
        self._overhead: int | None = None

    @property
    def overhead(self) -> int:
        """Special tokens the model adds to every input (counted once, on an empty text)."""
        if self._overhead is None:
            self._overhead = self.count([""])[0] if self.count else 0
        return self._overhead

    def run(self, documents: list[list[str]]) -> list[Condensed]:
        """Summarises each document, given as its sentences in order.

        Returns:
            One :class:`Condensed` per document, in order.
        """
        results = [Condensed() for _ in documents]
        units = [[u for u in doc if u.strip()] for doc in documents]
        pending = [i for i, doc in enumerate(units) if doc]
        depth = 0
        previous: dict[int, int] = {}
        while pending:
            wholes = [" ".join(units[i]) for i in pending]
            sizes = self.count(wholes) if self.count else [0] * len(pending)
            requests: list[tuple[int, str, int | None]] = []  # (document, text, output cap)
            finals: set[int] = set()
            joined: set[int] = set()
            for i, whole, size in zip(pending, wholes, sizes, strict=True):
                if results[i].tokens is None and self.count:
                    results[i].tokens = size
                # Stop mapping at the depth bound, and when a round did not shorten the text
                # (a summariser that writes more than it reads would never converge).
                stuck = size >= previous.get(i, size + 1)
                previous[i] = size
                if not self.count or size <= self.limit or depth >= self.max_depth or stuck:
                    results[i].truncated = bool(self.count) and size > self.limit
                    results[i].final_tokens = size if self.count else None
                    finals.add(i)
                    requests.append((i, whole, None))
                    continue
                chunks = self.chunk(units[i])
                if depth == 0:
                    results[i].chunks = len(chunks)
                if len(chunks) <= self.join_chunks:
                    joined.add(i)
                    results[i].joined = True
                    results[i].final_tokens = max(self.count(chunks))
                    cap = max(1, self.summary_tokens // len(chunks))
                    requests += [(i, text, cap) for text in chunks]
                    continue
                cap = self.map_cap(len(chunks))
                requests += [(i, text, cap) for text in chunks]
            outputs = self._summarise_grouped(requests)
            mapped: dict[int, list[str]] = {}
            parts: dict[int, list[str]] = {}
            for (i, _, _), out in zip(requests, outputs, strict=True):
                if i in finals:
                    text = out.strip()
                    results[i].parts = [text] if text else []
                elif i in joined:
                    parts.setdefault(i, []).append(out.strip())
                else:
                    mapped.setdefault(i, []).extend(self.split(out))
            for i in joined:
                results[i].parts = [p for p in parts[i] if p]
            for i in pending:
                results[i].passes += 1
                results[i].chunks = results[i].chunks or 1
            pending = [i for i in pending if i not in finals and i not in joined]
            for i in pending:
                units[i] = [u for u in mapped.get(i, []) if u.strip()]
                if not units[i]:
                    log.info("document %d: the chunk summaries came back empty", i)
            pending = [i for i in pending if units[i]]
            depth += 1
        return results

    def map_cap(self, chunks: int) -> int:
        """Output tokens for each of ``chunks`` chunk summaries so that, joined, they fit one
        pass (never below ``floor_tokens``: then another round follows)."""
        share = int((self.limit * self.FILL - self.overhead) // max(chunks, 1))
        return max(self.floor_tokens, share)

    def _summarise_grouped(self, requests: list[tuple[int, str, int | None]]) -> list[str]:
        """One summariser call per output cap, results back in request order."""
        out: list[str] = [""] * len(requests)
        caps = sorted({cap for _, _, cap in requests}, key=lambda c: (c is not None, c or 0))
        for cap in caps:
            idx = [k for k, (_, _, c) in enumerate(requests) if c == cap]
            for k, text in zip(
                idx, self.summarise([requests[k][1] for k in idx], cap), strict=True
            ):
                out[k] = text
        return out

    def chunk(self, sentences: list[str]) -> list[str]:
        """Packs sentences into texts that each fit the model's input.

        Sentences are never cut unless one alone is over the limit; then it is cut between
        words (the only way not to lose its end).
        """
        pieces: list[str] = []
        counts: list[int] = []
        for sentence, n in zip(sentences, self.count(sentences), strict=True):
            if n <= self.limit:
                pieces.append(sentence)
                # +1: a sentence inside a chunk follows a space, which BPE vocabularies count.
                counts.append(n - self.overhead + 1)
            else:
                for part in self._cut(sentence):
                    pieces.append(part)
                    counts.append(self.count([part])[0] - self.overhead + 1)
        chunks = pack_balanced(counts, self.limit, self.overhead)
        texts = [" ".join(pieces[i] for i in c) for c in chunks]
        return self._verified(texts)

    def _verified(self, texts: list[str]) -> list[str]:
        """The texts, with any that the estimate let grow over the limit split in two."""
        out: list[str] = []
        for text, n in zip(texts, self.count(texts), strict=True):
            if n <= self.limit:
                out.append(text)
                continue
            words = text.split()
            if len(words) < 2:
                out.append(text)  # one word over the limit: nothing left to split
                continue
            half = len(words) // 2
            out += self._verified([" ".join(words[:half]), " ".join(words[half:])])
        return out

    def _cut(self, sentence: str) -> list[str]:
        """An over-long sentence cut between words into pieces that fit."""
        words = sentence.split()
        if len(words) < 2:
            return [sentence]
        half = len(words) // 2
        out = []
        for part in (" ".join(words[:half]), " ".join(words[half:])):
            out += [part] if self.count([part])[0] <= self.limit else self._cut(part)
        return out
