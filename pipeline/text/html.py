"""HTML in, the article's blocks and metadata out, with trafilatura.

A web page is mostly not the article: menus, scripts, ad slots, recommendation widgets. The main
text is found by trafilatura (with jusText as its fallback); its XML output keeps the structure
(``head``, ``list/item``, ``table/row``, ``p`` with ``lb`` line breaks), which becomes the same
:class:`~pipeline.text.blocks.Block` list as plain text: headings, list items, and a paragraph
per line (read by :func:`~pipeline.text.blocks.parse_blocks`, so that "- item" and AFP's
"- Intertitre -" lines inside a paragraph are structure too).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.text.blocks import Block, parse_blocks
from pipeline.text.normalise import normalise

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
_DOCUMENT = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|b|i|em|strong|script|style|body|head|html|title|meta|link|img|"
    r"iframe|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav|aside|main|form|"
    r"input|button|noscript|figure|figcaption|blockquote)\b[^>]{0,2000}>",
    re.I,
)
_METADATA_KEYS = ("title", "author", "date", "url", "sitename")


@dataclass
class HtmlArticle:
    """What trafilatura found in a page."""

    blocks: list[Block]
    metadata: dict[str, Any] = field(default_factory=dict)
    page_chars: int = 0


def looks_like_html(text: str, suffix: str = "") -> bool:
    """Whether text is HTML: by its suffix, its start, or several HTML tags in it.

    One ``<div>`` quoted in an article's prose does not make it HTML; two tags do (a fragment
    such as ``<script>…</script><p>…</p>`` saved as ``.txt`` is HTML).
    """
    if suffix.lower() in HTML_SUFFIXES and "<" in text:
        return True
    if _DOCUMENT.match(text[:4096]):
        return True
    tags = _TAG.finditer(text)
    return next(tags, None) is not None and next(tags, None) is not None


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """The main text of a page as blocks, with its title, date, author and URL.

    Args:
        html: The page, decoded.
        url: Where it came from, when known (helps trafilatura with relative metadata).

    Returns:
        The blocks (empty when no main text was found) and the metadata found.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    page_chars = len(html)
    if doc is None or doc.body is None:
        return HtmlArticle([], {}, page_chars)
    metadata = {}
    for key in _METADATA_KEYS:
        value = getattr(doc, key, None)
        if isinstance(value, str) and value.strip():
            metadata[key] = normalise(" ".join(value.split()))
    return HtmlArticle(_body_blocks(doc.body), metadata, page_chars)


def _body_blocks(body: Any) -> list[Block]:
    """The XML body as blocks: heads are headings, list items list items, each line a paragraph."""
    blocks: list[Block] = []
    if body.text and body.text.strip():
        blocks.extend(parse_blocks(normalise(body.text), one_per_line=True))
    for element in body:
        blocks.extend(_element_blocks(element))
        # trafilatura sometimes leaves a paragraph as the tail of the one before it.
        if element.tail and element.tail.strip():
            blocks.extend(parse_blocks(normalise(element.tail), one_per_line=True))
    return [b for b in blocks if b.text]


def _element_blocks(element: Any) -> list[Block]:
    """Blocks of one top-level element of trafilatura's XML."""
    if element.tag == "head":
        return [Block("heading", _text(element))]
    if element.tag == "list":
        return [Block("list_item", _text(item)) for item in element.iter("item")]
    if element.tag == "table":
        rows = ([_text(cell) for cell in row.iter("cell")] for row in element.iter("row"))
        return [Block("text", " | ".join(c for c in cells if c)) for cells in rows]
    blocks = parse_blocks(_text(element, keep_breaks=True), one_per_line=True)
    for block in blocks:
        block.hint = element.get("class") or None
    return blocks


def _text(element: Any, keep_breaks: bool = False) -> str:
    """An element's text; ``lb`` line breaks as newlines when ``keep_breaks``."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag == "lb":
            parts.append("\n" if keep_breaks else " ")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    text = normalise("".join(parts))
    return text if keep_breaks else " ".join(text.split())
