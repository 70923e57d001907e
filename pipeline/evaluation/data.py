"""The evaluation sets shipped in ``pipeline/data/eval`` (sources and terms in SOURCES.md there)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pipeline.errors import ConfigError

NEWSTEST = "newstest2014/newstest2014.fr-en"
ORANGESUM = "orangesum/orangesum_abstract_test_300.jsonl.gz"


@dataclass(frozen=True)
class Segment:
    """One newstest segment: French source, English reference, and where it comes from."""

    docid: str
    origlang: str
    source: str
    reference: str


@dataclass(frozen=True)
class SummaryItem:
    """One OrangeSum item: a French article and its professional abstract."""

    id: str
    text: str
    summary: str
    title: str


def _lines(name: str) -> list[str]:
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
    sources = _lines(f"{NEWSTEST}.src.fr.gz")
    references = _lines(f"{NEWSTEST}.ref.en.gz")
    docids = [line.split("\t") for line in _lines(f"{NEWSTEST}.docids.gz")]
    if not len(sources) == len(references) == len(docids):
        raise RuntimeError("newstest2014 files are not aligned")  # a broken install
    segments = [
        Segment(docid=d[0], origlang=d[1], source=s, reference=r)
        for d, s, r in zip(docids, sources, references, strict=True)
    ]
    return segments if subset == "all" else [s for s in segments if s.origlang == subset]


def orangesum() -> list[SummaryItem]:
    """The 300 OrangeSum abstract test items, in file order."""
    items = []
    for line in _lines(ORANGESUM):
        row = json.loads(line)
        items.append(SummaryItem(row["id"], row["text"], row["summary"], row.get("title", "")))
    return items
