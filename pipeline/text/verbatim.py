"""Code blocks and tables of a Markdown article: kept out of the translation, shown as they are.

A fenced code block or a table is not prose: translated, its code or its cells would be garbled,
and its words would count as the article's sentences. The block structure is read by
markdown-it-py (CommonMark with GFM tables), block rules only: no inline parsing, no indented
code blocks (a plain-text article may indent its paragraphs). Only blocks at the top level are
taken out; a fence inside a list or a quote stays where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Files read as Markdown.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_MARKERS = ("```", "~~~", "|")


@dataclass(frozen=True)
class Verbatim:
    """A block shown as it is in the source.

    Attributes:
        kind: ``"code"`` or ``"table"``.
        text: Its lines, as in the source.
    """

    kind: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").disable("code")
    md.core.ruler.disable(["inline", "text_join"])  # the blocks are enough
    return md


def split_verbatim(text: str) -> tuple[str, list[Verbatim]]:
    """The text without its top-level code blocks and tables, and those blocks in order.

    Each block taken out leaves a blank line, so the paragraphs around it stay apart.
    """
    if not any(marker in text for marker in _MARKERS):
        return text, []
    spans = [
        (token.map[0], token.map[1], "code" if token.type == "fence" else "table")
        for token in _parser().parse(text)
        if token.level == 0 and token.map and token.type in ("fence", "table_open")
    ]
    if not spans:
        return text, []
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    found: list[Verbatim] = []
    position = 0
    for start, end, kind in spans:
        kept += [*lines[position:start], "\n"]
        found.append(Verbatim(kind, "".join(lines[start:end]).rstrip("\n")))
        position = end
    kept += lines[position:]
    return "".join(kept), found
