"""Which English sentences translate which French ones: line by line, or aligned automatically.

Automatic alignment works paragraph by paragraph (blank lines) when both texts have as many
paragraphs, else over the whole text. Within that, a dynamic programme (Gale & Church's, with
anchors) pairs one French sentence with one or two English ones or two French with one English,
or leaves a sentence unaligned. The cost of a pair is how far its length ratio is from the usual
English/French ratio, less what the two share in anchors: numbers and capitalised words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pipeline.lang.lexicon import fold

_RATIO = 0.92  # English characters per French character in newstest2014's references
_SKIP = 2.0  # the cost of leaving a sentence unaligned
_MERGE = 1.5  # the extra cost of a 1–2 or 2–1 pair over a 1–1 one
_ANCHOR = re.compile(r"\d+|[A-ZÀ-Ý][\w-]{3,}")


@dataclass
class Pair:
    """French sentences and the English that translates them.

    Attributes:
        fr: The French sentence(s), joined with a space.
        en: The English sentence(s), or None when nothing in the English aligns.
        shape: ``"1-1"``, ``"1-2"``, ``"2-1"``, ``"1-0"`` or ``"line"``.
    """

    fr: str
    en: str | None
    shape: str


@dataclass
class Alignment:
    """The pairs, in source order, and English sentences that translate nothing in the source."""

    pairs: list[Pair] = field(default_factory=list)
    unaligned_en: list[str] = field(default_factory=list)
    mode: str = "lines"


def by_lines(french: str, english: str) -> Alignment:
    """Line *i* of the English translates line *i* of the French (blank lines skipped)."""
    fr_lines, en_lines = french.splitlines(), english.splitlines()
    pairs = [
        Pair(f.strip(), e.strip(), "line")
        for f, e in zip(fr_lines, en_lines, strict=True)
        if f.strip() or e.strip()
    ]
    return Alignment(pairs, [], "lines")


def _anchors(text: str) -> set[str]:
    return {fold(a) for a in _ANCHOR.findall(text)}


def _cost(fr: list[str], en: list[str]) -> float:
    a, b = " ".join(fr), " ".join(en)
    length = abs(math.log((len(b) + 10) / (_RATIO * (len(a) + 10))))
    ours, theirs = _anchors(a), _anchors(b)
    shared = len(ours & theirs)
    missing = len(ours ^ theirs)
    return 3.0 * length + 0.3 * missing - 0.6 * shared + (_MERGE if len(fr) + len(en) > 2 else 0)


def align_sentences(fr: list[str], en: list[str]) -> tuple[list[Pair], list[str]]:
    """The best pairing of two sentence lists (see the module docstring)."""
    n, m = len(fr), len(en)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    moves = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for di, dj in moves:
                k, h = i + di, j + dj
                if k > n or h > m:
                    continue
                step = _cost(fr[i:k], en[j:h]) if di and dj else _SKIP
                if best[i][j] + step < best[k][h]:
                    best[k][h] = best[i][j] + step
                    back[k][h] = (di, dj)
    pairs: list[Pair] = []
    extra: list[str] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None  # every cell reached has a way back
        di, dj = move
        if dj == 0:
            pairs.append(Pair(" ".join(fr[i - di : i]), None, "1-0"))
        elif di == 0:
            extra.append(en[j - 1])
        else:
            pairs.append(Pair(" ".join(fr[i - di : i]), " ".join(en[j - dj : j]), f"{di}-{dj}"))
        i, j = i - di, j - dj
    return pairs[::-1], extra[::-1]


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def automatic(french: str, english: str) -> Alignment:
    """Splits both texts into sentences and aligns them, paragraph by paragraph when possible."""
    from pipeline.text.segment import split_english, split_french

    fr_paras, en_paras = _paragraphs(french), _paragraphs(english)
    if len(fr_paras) != len(en_paras):
        fr_paras, en_paras = [french], [english]
    out = Alignment(mode="automatic")
    for fr_para, en_para in zip(fr_paras, en_paras, strict=True):
        fr_sentences = [s for line in fr_para.splitlines() for s in split_french(line) if s]
        en_sentences = [s for line in en_para.splitlines() for s in split_english(line) if s]
        pairs, extra = align_sentences(fr_sentences, en_sentences)
        out.pairs += pairs
        out.unaligned_en += extra
    return out
