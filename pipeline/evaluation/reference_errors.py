"""The human reference's own errors, listed by hand, so false positives can be counted net of them.

``brief eval verify`` treats the newstest2014 reference as a perfect translation, but it is not:
some flags on it point at a real error (a number the translator changed, a name or a negation
they dropped). Each file ``pipeline/data/eval/reference_errors/*.tsv`` lists such errors, one a
line: ``segment<TAB>kind<TAB>what the reference gets wrong``. ``segment`` is the index the
evaluation gives the segment (its line in the newstest2014 files, from 0); ``kind`` is a flag
kind (``number``, ``date``, ``name``, ``polarity``…). Lines starting with ``#`` and blank lines
are comments.

A flagged sentence is a real error of the reference only when every kind it is flagged for is
listed for its segment: a listed number error does not excuse a name flag on the same sentence,
which still counts as a false positive (of kind ``name``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from importlib.abc import Traversable

from pipeline.errors import ConfigError

FOLDER = ("data", "eval", "reference_errors")
KINDS = ("number", "date", "name", "polarity", "unsourced")


def files() -> list[Traversable]:
    """The shipped lists, sorted by name (so their hash does not depend on the file system)."""
    folder = resources.files("pipeline").joinpath(*FOLDER)
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name)


def parse(text: str, name: str = "<text>") -> dict[int, set[str]]:
    """The listed kinds of each segment in one file's text.

    Raises:
        ConfigError: A line that is not ``segment<TAB>kind<TAB>note``, a segment that is not a
            number, an unknown kind or an empty note; the message names the file and line.
    """
    listed: dict[int, set[str]] = defaultdict(set)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{name}:{number}"
        if len(cells) != 3:
            raise ConfigError(
                f"{where}: expected 'segment<TAB>kind<TAB>what the reference gets wrong', "
                f"got {len(cells)} column(s)"
            )
        segment, kind, note = (c.strip() for c in cells)
        if not segment.isdigit():
            raise ConfigError(f"{where}: segment {segment!r} is not an index (0, 1, 2…)")
        if kind not in KINDS:
            raise ConfigError(f"{where}: unknown kind {kind!r}; one of {', '.join(KINDS)}")
        if not note:
            raise ConfigError(f"{where}: say what the reference gets wrong")
        listed[int(segment)].add(kind)
    return dict(listed)


def load(sources: Iterable[Traversable] | None = None) -> dict[int, set[str]]:
    """Every listed error, merged over the files (default: the shipped ones)."""
    merged: dict[int, set[str]] = defaultdict(set)
    for f in files() if sources is None else sources:
        for segment, kinds in parse(f.read_text(encoding="utf-8"), f.name).items():
            merged[segment] |= kinds
    return dict(merged)


def digest_text() -> str:
    """The shipped lists' names and contents, for the evaluation's code hash."""
    return "".join(f.name + "\n" + f.read_text(encoding="utf-8") for f in files())


def unexplained(kinds: Iterable[str], listed: set[str]) -> set[str]:
    """The kinds a sentence is flagged for that its listed errors do not explain: it is a false
    positive (net) when any is left, and a false positive of each kind left."""
    return set(kinds) - listed
