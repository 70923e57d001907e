"""The shipped WMT sets of ``brief eval segment`` as paragraphs, in quote variants.

The method is described in :mod:`pipeline.evaluation.segment`; the data and its terms in
``pipeline/data/eval/SOURCES.md``.
"""

from __future__ import annotations

import random
import re

from pipeline.errors import ConfigError
from pipeline.evaluation.data import MULTIWAY, NEWSDISCUSS, shipped_lines

SETS: dict[str, tuple[str, ...]] = {
    "dev": ("newstest2010", "newsdiscussdev2015"),
    "test": ("newstest2009", "newsdiscusstest2015"),
}
# Under pipeline/data/eval: the comments are the copies `brief eval verify` reads too.
_FILES = {
    "newstest2009": MULTIWAY[2009],
    "newstest2010": MULTIWAY[2010],
    "newsdiscussdev2015": NEWSDISCUSS["dev"],
    "newsdiscusstest2015": NEWSDISCUSS["test"],
}
VARIANTS: dict[str, tuple[str, ...]] = {
    "fr": ("written", "straight", "guillemets", "curly"),
    "en": ("written", "straight", "curly"),
}
LANGS = ("fr", "en")
SIZES = (2, 6)
# A line that ends a sentence: a final mark, then only closing quotes or brackets.
_FINAL = re.compile(r"[.!?…][\"'»”’)\]\s]*$")
_OPEN_BEFORE = " ([{—–-/:"
# A line that plainly holds two sentences (a lower-case word of three letters or more and a full
# stop, or a ! or ?, then a capital): WMT lines are translation units, and a translator now and
# then wrote one as two sentences. Such lines are left out, as headlines are, so that a splitter
# is not counted wrong for finding a real boundary the line hides.
_INNER = re.compile(r"(?:[a-zß-öø-ÿœ]{3}[.…]+|[!?]+)[\"'»”’)\]]*\s*[\"'«“(\[—–-]?\s*[A-ZÀ-ÖØ-ÞŒ]")


def sentences(name: str, lang: str) -> list[str]:
    """The lines of one shipped set (``newstest2010``…) in one language, in file order."""
    if name not in _FILES or lang not in LANGS:
        raise ConfigError(f"unknown segmentation set {name!r}/{lang!r}")
    return shipped_lines(f"{_FILES[name]}.{lang}.gz")


def paragraphs(lines: list[str], seed: int, sizes: tuple[int, int] = SIZES) -> list[list[str]]:
    """Consecutive lines grouped into paragraphs of ``sizes`` sentences (seeded), in order.

    A line without a sentence-final mark, an empty one, or one that plainly holds two sentences,
    ends the paragraph and is dropped; a run of lines between two such is cut into paragraphs,
    the last one possibly shorter.
    """
    rng = random.Random(seed)
    out: list[list[str]] = []
    run: list[str] = []

    def flush() -> None:
        i = 0
        while i < len(run):
            n = rng.randint(*sizes)
            out.append(run[i : i + n])
            i += n
        run.clear()

    for line in lines:
        line = " ".join(line.split())
        if line and _FINAL.search(line) and not _INNER.search(line):
            run.append(line)
        else:
            flush()
    flush()
    return out


def _opens(text: str, i: int) -> bool:
    """Whether the straight quote at ``text[i]`` opens: after a space, bracket or colon and
    before a word; when the two sides disagree, when an even number of them comes before it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left = before.isspace() or before in _OPEN_BEFORE
    right = after.isalnum() or after in "'‘(«“"
    if left == right:
        return left
    return text.count('"', 0, i) % 2 == 0


def quote_variant(sentence: str, variant: str) -> str:
    """``sentence`` with every double quote written one way (``written`` leaves it as it is).

    Args:
        sentence: One sentence.
        variant: ``written``, ``straight`` (``"``), ``guillemets`` (``« »``) or ``curly``
            (``“ ”``).

    Raises:
        ConfigError: An unknown variant.
    """
    if variant == "written":
        return sentence
    marks = {"straight": ('"', '"'), "guillemets": ("« ", " »"), "curly": ("“", "”")}
    if variant not in marks:
        raise ConfigError(f"unknown quote variant {variant!r}")
    opening, closing = marks[variant]
    out: list[str] = []
    skip_space = False
    for i, ch in enumerate(sentence):
        if ch.isspace() and skip_space:
            continue
        skip_space = False
        if ch in "«“" or (ch == '"' and _opens(sentence, i)):
            out.append(opening)
            skip_space = True  # "« x »" in, "“x”" out: inner spaces go with the marks
        elif ch in '»”"':
            while out and out[-1].isspace():
                out.pop()
            out.append(closing)
        else:
            out.append(ch)
    return " ".join("".join(out).split())
