"""Plain text to blocks: paragraphs, headings and list items.

Blank lines separate blocks. Inside a block, Markdown-like structure is read (``#`` headings,
underlined headings, ``-``/``*``/``•``/``1.`` list items, ``>`` quotes, AFP-style intertitles
``- Titre -``), and the remaining lines are either hard-wrapped lines of one paragraph (joined,
with words hyphenated across the break rejoined) or one paragraph per line (text exported with
a line per paragraph), told apart by their lengths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest line still taken for a hard-wrapped one (mail and terminals wrap at 60–80; some at 100).
WRAP_WIDTH = 110

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:={2,}|-{2,})\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|[=~#]{3,})$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+•▪◦‣●■►▸]|\d{1,3}[.)])\s+(?=\S)")
_INTERTITLE = re.compile(r"^\s*[-–—]\s+(.{2,150}?)\s+[-–—]\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ALNUM = re.compile(r"[^\W_]")
_TERMINAL = re.compile(r"[.!?…:;][\"»')\]]*$")
# Starts only where a word starts: searched from inside every word of a long line, it would
# take time quadratic in the line's length.
_ENDS_WITH_HYPHEN = re.compile(r"(?<!\w)(\w+)-$")
_STARTS_WITH_WORD = re.compile(r"^(\w+)")
_STARTS_SENTENCE = re.compile(r"^[\"«(\[—–-]?\s*[A-ZÀ-ÖØ-ÞŒ0-9]")

# After these, a hyphen at a line end belongs to the word: "porte-parole", "a-t-il", "celui-ci".
# fmt: off
_HYPHEN_PREFIXES = {
    "après", "arrière", "au", "avant", "c'est", "chef", "contre", "demi", "est", "ex", "extra",
    "franco", "grand", "grande", "haut", "mi", "non", "nord", "ouest", "porte", "semi", "sino",
    "sous", "sud", "vice", "euro", "garde", "belle", "beau", "petit", "petite", "social", "centre",
}
_HYPHEN_SUFFIXES = {
    "t", "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "ce", "ci", "là", "le",
    "la", "les", "lui", "leur", "moi", "toi", "y", "en", "même", "mêmes", "clé", "clés",
}
# fmt: on


@dataclass
class Block:
    """A unit of the article.

    Attributes:
        kind: ``"text"``, ``"heading"`` or ``"list_item"``.
        text: Its text on one line.
        lines: How many source lines it was joined from.
        hint: What the source said it was, when it said (e.g. ``"date"`` from the HTML).
    """

    kind: str
    text: str
    lines: int = 1
    hint: str | None = None


def parse_blocks(text: str, one_per_line: bool = False) -> list[Block]:
    """Splits normalised text into blocks.

    Args:
        text: Normalised text (``\\n`` line ends).
        one_per_line: Every non-blank line is its own paragraph (except a line that continues a
            sentence cut in two), as in text extracted from HTML; otherwise decided by line
            lengths.

    Returns:
        The blocks, in order, with inline Markdown (links, images, bold) reduced to its text.
    """
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text):
        out.extend(_chunk_blocks([line.strip() for line in chunk.split("\n")], one_per_line))
    for block in out:
        block.text = _inline(block.text)
    return [b for b in out if _ALNUM.search(b.text)]


def _chunk_blocks(lines: list[str], one_per_line: bool) -> list[Block]:
    """Blocks of one blank-line-separated chunk."""
    out: list[Block] = []
    prose: list[str] = []
    item: list[str] = []

    def flush() -> None:
        if item:
            out.append(Block("list_item", join_lines(item), len(item)))
            item.clear()
        if prose:
            out.extend(_paragraphs(prose, one_per_line))
            prose.clear()

    for line in lines:
        if not line:
            continue
        if _SETEXT.match(line) and len(prose) == 1 and not item:
            out.append(Block("heading", prose.pop()))
            continue
        if _RULE.match(line):
            flush()
            continue
        heading = _MD_HEADING.match(line) or _INTERTITLE.match(line)
        if heading:
            flush()
            out.append(Block("heading", heading.group(heading.lastindex or 1)))
            continue
        marker = _LIST_ITEM.match(line)
        if marker:
            flush()
            item.append(line[marker.end() :])
            continue
        line = _QUOTE.sub("", line)
        if item and not one_per_line and not _STARTS_SENTENCE.match(line):
            item.append(line)  # a wrapped list item
            continue
        if item:
            flush()
        prose.append(line)
    flush()
    return out


def _paragraphs(lines: list[str], one_per_line: bool) -> list[Block]:
    """Joins hard-wrapped lines into paragraphs, or keeps a paragraph per line.

    A line break is a soft wrap when the next line's first word would not have fitted on the
    line (what a wrapping program does), in text no wider than :data:`WRAP_WIDTH`; wherever a
    sentence is cut in two (no final punctuation, the next line in lower case); and after a word
    hyphenated across the break ("Jean-" / "Michel"). Any other break
    ends a paragraph: a title over its text, a list of headlines, a paragraph per line.
    """
    width = max(len(line) for line in lines)
    # Wrapped text fills most of its lines; a list of headlines or short paragraphs does not.
    full_lines = sum(len(line) >= 0.85 * width for line in lines[:-1])
    wrapped = not one_per_line and width <= WRAP_WIDTH and full_lines * 2 > len(lines) - 1
    groups: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:], strict=False):
        next_word = len(line.split(" ", 1)[0])
        full = wrapped and len(prev) + 1 + next_word > 0.85 * width
        cut = not _TERMINAL.search(prev) and line[:1].islower()
        hyphenated = bool(_ENDS_WITH_HYPHEN.search(prev)) and line[:1].isalnum()
        if full or cut or hyphenated:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [Block("text", join_lines(group), len(group)) for group in groups]


def join_lines(lines: list[str]) -> str:
    """Joins lines with spaces, rejoining a word hyphenated across a line break."""
    text = lines[0]
    for line in lines[1:]:
        head = _ENDS_WITH_HYPHEN.search(text)
        tail = _STARTS_WITH_WORD.match(line)
        if head and tail:
            glue = "-" if _keeps_hyphen(head.group(1), tail.group(1)) else ""
            text = text[:-1] + glue + line
        else:
            text = f"{text} {line}"
    return text


def _keeps_hyphen(before: str, after: str) -> bool:
    """Whether ``before-`` + ``after`` is a hyphenated compound rather than a word cut in two."""
    if after[:1].isupper() or after[:1].isdigit() or before[:1].isdigit():
        return True  # "Jean-Michel", "Covid-19", "2019-2020"
    return before.lower() in _HYPHEN_PREFIXES or after.lower() in _HYPHEN_SUFFIXES


def _inline(text: str) -> str:
    """Inline Markdown reduced to its text; spaces collapsed."""
    if "](" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub(r"\2", text)
    return " ".join(text.split())
