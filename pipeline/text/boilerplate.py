"""What is on a news page but not in the article, removed by rules, every removal recorded.

The rules for single units are in :mod:`pipeline.text.furniture`; they run on each line before
paragraphs are joined, then on each block. This module adds what looks across units: menus (runs
of section names), the links under a bare "A lire aussi", captions above a photo credit, lists
of other headlines (runs of short title-like blocks, sparing the title above the byline) and
repeated blocks. Checked against the visible text of the ten OrangeSum pages (README,
"Cleaning").

Nothing is dropped silently: :class:`Boilerplate` keeps a list of what it removed and why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.text.blocks import Block
from pipeline.text.byline import Byline, parse_byline
from pipeline.text.furniture import (
    LABELS,
    RELATED_HEADER,
    SECTIONS,
    WORD,
    key,
    rule_for,
    title_like,
    title_like_text,
)

__all__ = ["LABELS", "Boilerplate", "Removal"]

_MARKERS = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•▪◦‣●■►▸]\s+|>\s?)")


@dataclass
class Removal:
    """One unit removed, with the rule that removed it."""

    rule: str
    text: str


@dataclass
class Boilerplate:
    """Removes boilerplate from an article's lines and blocks, remembering what went.

    Attributes:
        removed: Every unit removed, in order.
        bylines: The bylines and datelines found (for the metadata).
    """

    removed: list[Removal] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        """How many units each rule removed."""
        return Counter(r.rule for r in self.removed)

    def filter_lines(self, text: str) -> str:
        """Removes whole lines that are furniture, before lines are joined into paragraphs.

        A removed line goes without a trace, so that the lines of a wrapped paragraph around it
        are still joined. Bylines stay, between blank lines, for :meth:`filter_blocks`: where
        the byline is tells where the title is.
        """
        lines = text.split("\n")
        units = [_MARKERS.sub("", line).strip() for line in lines]
        bylines = [bool(u) and parse_byline(u) is not None for u in units]
        keep = self._units(
            units, [None] * len(units), [title_like_text(u) for u in units], skip=bylines
        )
        out: list[str] = []
        for line, kept, byline in zip(lines, keep, bylines, strict=True):
            if byline:
                out += ["", line, ""]
            elif kept:
                out.append(line)
        return "\n".join(out)

    def filter_blocks(self, blocks: list[Block]) -> list[Block]:
        """Removes blocks that are furniture, headline lists and repeated blocks."""
        titles = [title_like(b) for b in blocks]
        keep = self._units([b.text for b in blocks], [b.hint for b in blocks], titles)
        self._headline_runs(blocks, keep, self._title_above_byline(blocks, keep, titles))
        self._repeats(blocks, keep)
        return [b for b, k in zip(blocks, keep, strict=True) if k]

    def _units(
        self,
        units: list[str],
        hints: list[str | None],
        titles: list[bool],
        skip: list[bool] | None = None,
    ) -> list[bool]:
        """Which units to keep: furniture by itself, menus, and the links under "Lire aussi"."""
        keep = [True] * len(units)
        rules: dict[int, str] = {}
        sweep = 0
        for i, unit in enumerate(units):
            if not unit or (skip and skip[i]):
                continue
            rule = self._single(unit, hints[i])
            if rule is not None:
                keep[i] = False
                rules[i] = rule
                if rule == "credit":
                    self._caption_above(units, rules, titles, i)
                # A bare "A lire aussi" heads a list of links: the title-like lines under it go.
                if rule == "related" and RELATED_HEADER.match(unit):
                    sweep = 10
                elif rule == "byline":
                    sweep = 0
            elif sweep and titles[i]:
                keep[i] = False
                self._drop("related", unit)
                sweep -= 1
            else:
                sweep = 0
        for i in rules:
            keep[i] = False
        self._menu_runs(units, keep, [i for i, u in enumerate(units) if u and keep[i]])
        return keep

    def _caption_above(
        self, units: list[str], rules: dict[int, str], titles: list[bool], credit: int
    ) -> None:
        """A short title-like unit right above a photo credit is the photo's caption."""
        above = credit - 1
        # Step over blank units and a slideshow's "1/3", nothing else.
        while above >= 0 and (not units[above] or rules.get(above) == "timestamps"):
            above -= 1
        if above >= 0 and above not in rules and titles[above]:
            rules[above] = "credit"
            self._drop("credit", units[above])

    def _title_above_byline(
        self, blocks: list[Block], keep: list[bool], titles: list[bool]
    ) -> int | None:
        """The article's own title: the last title-like block kept above the first byline.

        Bare dates do not count: a page's sidebar has them too. Without a byline, the first
        block kept (a title, a subtitle and an intertitle in a row are not a headline list).
        """
        first = next((i for i, b in enumerate(blocks) if not keep[i] and _signed(b.text)), None)
        if first is None:
            return next((i for i, k in enumerate(keep) if k), None)
        above = [i for i in range(first) if keep[i] and titles[i]]
        return above[-1] if above else None

    def _drop(self, rule: str, text: str) -> None:
        self.removed.append(Removal(rule, text))

    def _single(self, unit: str, hint: str | None = None) -> str | None:
        """The rule by which one unit is furniture by itself (recorded), or None."""
        if len(unit) > 600:
            return None
        byline = parse_byline(unit)
        if byline is not None and (hint == "date" or byline.author or byline.date):
            self.bylines.append(byline)
            self._drop("byline", unit)
            return "byline"
        rule = rule_for(unit)
        if rule is not None:
            self._drop(rule, unit)
        return rule

    def _menu_runs(self, units: list[str], keep: list[bool], live: list[int]) -> None:
        """Three or more consecutive units that are each a section name make a menu."""
        run: list[int] = []
        for i in [*live, -1]:
            if i >= 0 and key(units[i]) in SECTIONS:
                run.append(i)
                continue
            if len(run) >= 3:
                for j in run:
                    keep[j] = False
                    self._drop("navigation", units[j])
            run = []

    def _headline_runs(self, blocks: list[Block], keep: list[bool], title: int | None) -> None:
        """Three or more consecutive short title-like blocks: a list of other articles.

        Not after a block that ends with a colon (it introduces a list), never list items or
        headings the source marked as such, and never ``title`` (the article's own).
        """
        run: list[int] = []
        listing = False  # after "Les lauréats :" come names, not headlines
        for i in [*[i for i, k in enumerate(keep) if k], -1]:
            if i >= 0 and i != title and title_like(blocks[i]):
                if not listing:
                    run.append(i)
                continue
            if len(run) >= 3:
                for j in run:
                    keep[j] = False
                    self._drop("headlines", blocks[j].text)
            run = []
            listing = i >= 0 and blocks[i].text.endswith(":")

    def _repeats(self, blocks: list[Block], keep: list[bool]) -> None:
        """A long text block seen before is a copy; a short one seen thrice is furniture."""
        keys = [key(b.text) for b in blocks]
        counts = Counter(k for k, kept in zip(keys, keep, strict=True) if kept)
        seen: set[str] = set()
        for i, block in enumerate(blocks):
            if not keep[i] or not keys[i]:
                continue
            # List items and headings repeat legitimately (the same item under two sections).
            if block.kind != "text":
                continue
            long = len(WORD.findall(block.text)) >= 8
            if (long and keys[i] in seen) or (not long and counts[keys[i]] >= 3):
                keep[i] = False
                self._drop("repeated", block.text)
            seen.add(keys[i])


def _signed(text: str) -> bool:
    """Whether text is a byline proper (an author or "publié le"), not a bare date."""
    byline = parse_byline(text)
    return byline is not None and not byline.bare
