"""The evaluation sets shipped in ``pipeline/data/eval`` (sources and terms in SOURCES.md there)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pipeline.errors import ConfigError

NEWSTEST = "newstest2014/newstest2014.fr-en"
ORANGESUM = "orangesum/orangesum_abstract_test_300.jsonl.gz"
# The stems of the shipped parallel sets (``STEM.fr.gz``, ``STEM.en.gz``) under
# pipeline/data/eval; ``brief eval segment`` reads some of them too (segment_data).
MULTIWAY = {
    2009: "segment/newstest2009.fr-en",
    2010: "segment/newstest2010.fr-en",
    2011: "newstest2011/newstest2011.fr-en",
    2012: "newstest2012/newstest2012.fr-en",
    2013: "newstest2013/newstest2013.fr-en",
}
NEWSDISCUSS = {
    part: f"newsdiscuss{part}2015-fren/newsdiscuss{part}2015-fren" for part in ("dev", "test")
}


@dataclass(frozen=True)
class Segment:
    """One newstest segment: French source, English reference, and where it comes from."""

    docid: str
    origlang: str
    source: str
    reference: str
    line: int = -1  # the line of the set's files, from 0


@dataclass(frozen=True)
class SummaryItem:
    """One OrangeSum item: a French article and its professional abstract."""

    id: str
    text: str
    summary: str
    title: str


def shipped_lines(name: str) -> list[str]:
    """The lines of one gzip file shipped under pipeline/data/eval, in file order."""
    path = resources.files("pipeline") / "data" / "eval" / name
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return handle.read().split("\n")[:-1]


def newstest2014(subset: Literal["fr", "all"] = "fr") -> list[Segment]:
    """WMT newstest2014 fr→en segments, in file order.

    Args:
        subset: ``fr`` — the 1,500 segments written in French (the docids file's
            ``origlang``); ``all`` — all 3,003, half of them translated from English.

    Raises:
        ConfigError: An unknown subset.
    """
    if subset not in ("fr", "all"):
        raise ConfigError(f"unknown newstest2014 subset {subset!r}: use 'fr' or 'all'")
    sources = shipped_lines(f"{NEWSTEST}.src.fr.gz")
    references = shipped_lines(f"{NEWSTEST}.ref.en.gz")
    docids = [line.split("\t") for line in shipped_lines(f"{NEWSTEST}.docids.gz")]
    if not len(sources) == len(references) == len(docids):
        raise RuntimeError("newstest2014 files are not aligned")  # a broken install
    segments = [
        Segment(docid=d[0], origlang=d[1], source=s, reference=r, line=i)
        for i, (d, s, r) in enumerate(zip(docids, sources, references, strict=True))
    ]
    return segments if subset == "all" else [s for s in segments if s.origlang == subset]


def orangesum() -> list[SummaryItem]:
    """The 300 OrangeSum abstract test items, in file order."""
    items = []
    for line in shipped_lines(ORANGESUM):
        row = json.loads(line)
        items.append(SummaryItem(row["id"], row["text"], row["summary"], row.get("title", "")))
    return items


# Sets without document ids: this many consecutive lines stand for an article (the files keep
# the order of their documents), for the checks' summary perturbation, which takes a number or
# name from another sentence of the same article.
_BLOCK = 10


def newstest_multiway(year: Literal[2009, 2010, 2011, 2012, 2013]) -> list[Segment]:
    """WMT newstest2009 to 2013 fr→en: multi-way sets, most segments written in a third
    language (``origlang`` "mul"), no document ids. newstest2009 and 2010 are the copies
    shipped for ``brief eval segment`` (``segment/``).

    Raises:
        ConfigError: A year not shipped.
    """
    if year not in MULTIWAY:
        raise ConfigError(f"newstest{year} is not shipped: use 2009, 2010, 2011, 2012 or 2013")
    stem = MULTIWAY[year]
    return _paired(
        f"newstest{year}", shipped_lines(f"{stem}.fr.gz"), shipped_lines(f"{stem}.en.gz"), None
    )


def newsdiscuss(part: Literal["dev", "test"]) -> list[Segment]:
    """The WMT 2015 news discussion set, French→English half: reader comments written in French
    (its labels file), one a line.

    Raises:
        ConfigError: An unknown part.
    """
    if part not in ("dev", "test"):
        raise ConfigError(f"unknown newsdiscuss part {part!r}: use 'dev' or 'test'")
    stem = NEWSDISCUSS[part]
    labels = shipped_lines(f"{stem}.fr.labels.gz")
    return _paired(stem, shipped_lines(f"{stem}.fr.gz"), shipped_lines(f"{stem}.en.gz"), labels)


def _paired(name: str, fr: list[str], en: list[str], labels: list[str] | None) -> list[Segment]:
    if len(fr) != len(en) or (labels is not None and len(labels) != len(fr)):
        raise RuntimeError(f"{name} files are not aligned")  # a broken install
    return [
        Segment(
            docid=f"{name}:{i // _BLOCK}",
            origlang=labels[i].strip() if labels else "mul",
            source=s,
            reference=r,
            line=i,
        )
        for i, (s, r) in enumerate(zip(fr, en, strict=True))
    ]


@dataclass(frozen=True)
class VerifySet:
    """One set of ``brief eval verify``. ``role`` "dev": a development set, whose flags may be
    read to write the rules; "validation": a set whose flags are never read either (only its
    aggregate figures are computed) but whose figures are consulted while rules are chosen, to
    see whether a rule written on DEV carries over; "test": a held-out set, of which only
    aggregate figures are ever computed (no flag text is stored or printed) and which no choice
    of rule looks at."""

    name: str
    role: Literal["dev", "validation", "test"]
    genre: str
    load: Callable[[], list[Segment]]


VERIFY_SETS: tuple[VerifySet, ...] = (
    VerifySet("newstest2014-fr", "dev", "French-original news", lambda: newstest2014("fr")),
    VerifySet(
        "newsdiscussdev2015-fren", "dev", "French reader comments", lambda: newsdiscuss("dev")
    ),
    VerifySet("newstest2012", "dev", "multi-way news", lambda: newstest_multiway(2012)),
    VerifySet("newstest2011", "dev", "multi-way news", lambda: newstest_multiway(2011)),
    VerifySet("newstest2010", "validation", "multi-way news", lambda: newstest_multiway(2010)),
    VerifySet("newstest2009", "validation", "multi-way news", lambda: newstest_multiway(2009)),
    VerifySet(
        "newsdiscusstest2015-fren", "test", "French reader comments", lambda: newsdiscuss("test")
    ),
    VerifySet("newstest2013", "test", "multi-way news", lambda: newstest_multiway(2013)),
)
