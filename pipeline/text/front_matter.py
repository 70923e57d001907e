"""Front matter at the top of a Markdown article (``---`` … ``---``): read, never briefed.

Static-site generators (Jekyll, Hugo, Zola…) put an article's metadata in a YAML block before
its text. The block is taken out of the text; its title, date and author are read, the rest is
dropped (the keys are kept in the metadata). Only the YAML that such blocks hold is read — one
``key: value`` a line, quoted or not, lists and nested maps skipped — with no YAML library and
nothing executed. A ``---`` line that does not open such a block (a rule under a heading, a
dialogue dash) leaves the text as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_OPEN = re.compile(r"\A\ufeff?[ \t]*\n*---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_CONTINUATION = re.compile(r"^(?:[ \t]+\S|-[ \t]|#)")
# The most lines a front matter block may take before its closing line.
MAX_LINES = 200
# Keys read into the article's metadata, and the names they go by.
_FIELDS = {
    "title": ("title", "titre"),
    "date": ("date", "published", "pubdate", "publishdate", "publié"),
    "author": ("author", "auteur", "authors", "by"),
}


@dataclass(frozen=True)
class FrontMatter:
    """What a front matter block said.

    Attributes:
        fields: ``title``, ``date`` and ``author`` where the block gives them as plain values.
        keys: Every top-level key of the block, in order.
    """

    fields: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)


def _scalar(value: str | None) -> str | None:
    """A plain YAML value as text; None for an empty value, a list, a map or a block."""
    if not value or value[0] in "[{|>&*!":
        return None
    if value[0] in "\"'" and len(value) > 1 and value[-1] == value[0]:
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    value = re.sub(r"\s+#.*$", "", value).strip()
    return value or None


def split_front_matter(text: str) -> tuple[str, FrontMatter | None]:
    """The text without its front matter, and what the front matter said.

    Args:
        text: The decoded article.

    Returns:
        ``(text, None)`` when the text does not open with a front matter block.
    """
    opening = _OPEN.match(text)
    if not opening:
        return text, None
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return text, None
    body = text[opening.end() : closing.start()]
    lines = body.splitlines()
    if len(lines) > MAX_LINES:
        return text, None
    fields: dict[str, str] = {}
    keys: list[str] = []
    for line in lines:
        if not line.strip() or _CONTINUATION.match(line):
            continue
        match = _KEY.match(line)
        if not match:
            return text, None  # prose between two rules, not metadata
        key = match["key"]
        keys.append(key)
        value = _scalar(match["value"])
        for name, aliases in _FIELDS.items():
            if key.lower() in aliases and value and name not in fields:
                fields[name] = value
    if not keys:
        return text, None
    return text[closing.end() :].lstrip("\n"), FrontMatter(fields, keys)
