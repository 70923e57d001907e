"""What the digest shows: one :class:`Entry` per brief, read from the brief's JSON and the state.

Entries hold plain, unescaped text; the HTML templates escape every piece of it (Jinja2 with
autoescape) and the Markdown writer makes it inert. Links are kept only when they are plain
``http``/``https`` URLs (:func:`safe_url`), so ``javascript:`` and ``data:`` never become links.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from pipeline.digest.flags import (
    article_notes,
    sentence_explanations,
    summary_notes,
    trust_counts,
    trust_line,
)
from pipeline.explain import Piece, value_text

log = logging.getLogger(__name__)

# Real URLs percent-encode these; one that does not is refused rather than repaired.
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f\"<>\\`]")


class Item(Protocol):
    """What the digest reads of a briefed article in the feed's state (``pipeline.feed.state.Item``
    has it: described here, so that the digest imports nothing from the feed, which calls it)."""

    id: int
    stem: str
    url: str | None
    published: str | None
    outputs: dict[str, str]
    done_at: str | None


def safe_url(value: Any) -> str | None:
    """``value`` when it is an absolute http(s) URL with a host and nothing odd in it, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if _UNSAFE_IN_URL.search(url) or not url.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


@dataclass
class Line:
    """A summary sentence: its text, the numbers of its source sentences, those of them that
    are flagged, and what it says that the source does not (``notes``)."""

    text: str
    sources: list[int] = field(default_factory=list)
    flagged: list[int] = field(default_factory=list)
    notes: list[list[Piece]] = field(default_factory=list)


@dataclass
class Side:
    """An entry in one language."""

    title: str
    summary: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Fact:
    """A key fact; ``value`` is its normalised value in English, ``sentences`` numbers."""

    type: str
    en: str
    fr: str
    value: str = ""
    sentences: list[int] = field(default_factory=list)


@dataclass
class Sentence:
    """A source sentence as readers number it (from 1), with its translation and flags."""

    number: int
    en: str
    fr: str
    flagged: bool = False


@dataclass
class Block:
    """A paragraph (or heading) of the full text, sentence by sentence."""

    kind: str
    sentences: list[Sentence] = field(default_factory=list)

    def text(self, lang: str) -> str:
        return " ".join(getattr(s, lang) for s in self.sentences if getattr(s, lang))


@dataclass
class Flag:
    """What the checks found in one sentence: one explanation per check."""

    number: int
    explanations: list[list[Piece]]


@dataclass
class Entry:
    """One brief as the digest shows it.

    Attributes:
        id: The article's id in the state.
        stem: Its file name stem (also the page name and the anchor).
        sides: ``{"en": Side, "fr": Side}``.
        trust: The trust line, in plain English.
        checked: Sentences checked (as the brief counts them).
        flagged: Sentences flagged.
        flags: One per flagged sentence, in order.
        title_flagged: Numbers of the flagged sentences the headline comes from.
        notes: Warnings about the article as a whole, in words.
        facts: Key facts, ranked.
        url: The source's http(s) URL, or None (no link is made).
        source_label: What to call the source (host name or file name).
        published: Publication date as given by the feed (ISO date when known).
        author: The author, when the feed gives one.
        blocks: The full text, paragraph by paragraph.
        links: Relative links to the brief's own files (``md``, ``json``) under the digest folder.
    """

    id: int
    stem: str
    sides: dict[str, Side]
    trust: str = ""
    checked: int = 0
    flagged: int = 0
    flags: list[Flag] = field(default_factory=list)
    title_flagged: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    url: str | None = None
    source_label: str = ""
    published: str | None = None
    author: str | None = None
    blocks: list[Block] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)

    def titles(self, first: str, second: str) -> tuple[str, str]:
        """The headline (reader's language, else the other) and the title to show below it."""
        main = self.sides[first].title or self.sides[second].title
        other = self.sides[second].title
        return main, "" if other == main else other

    @property
    def day(self) -> str | None:
        """The publication day (``YYYY-MM-DD``), when the feed gave one."""
        date = self.published or ""
        return date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None


# The most characters shown of a title, an author, a source's name: what a feed or a page sends
# must not make a line of the digest as long as it likes.
_TITLE_CHARS = 300
_NAME_CHARS = 200


def _text(value: Any, limit: int | None = None) -> str:
    text = " ".join(str(value).split()) if value else ""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _date(value: Any) -> str | None:
    text = _text(value)
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    return text[:40] or None


def _label(url: str | None, path: str) -> str:
    if url:
        host = urlsplit(url).hostname or url
        return host.removeprefix("www.")
    return Path(path).name or path


def _ids(value: Any) -> list[int]:
    return [i for i in value or [] if isinstance(i, int) and not isinstance(i, bool)]


def _blocks(data: dict[str, Any], sentences: dict[int, Sentence]) -> list[Block]:
    return [
        Block(
            kind=_text(para.get("kind")) or "text",
            sentences=[sentences[i] for i in _ids(para.get("sentences")) if i in sentences],
        )
        for para in data.get("paragraphs", [])
    ]


def _lines(items: list[dict[str, Any]], flagged: set[int]) -> list[Line]:
    out = []
    for item in items:
        sources = _ids(item.get("sources"))
        marked = set(_ids(item.get("source_flags"))) | (flagged & set(sources))
        out.append(
            Line(
                text=_text(item.get("text")),
                sources=[i + 1 for i in sources],
                flagged=sorted(i + 1 for i in marked if i in flagged),
                notes=summary_notes(item),
            )
        )
    return out


def entry_from_brief(
    data: dict[str, Any],
    item_id: int,
    stem: str,
    links: dict[str, str] | None = None,
    source_url: str | None = None,
) -> Entry:
    """An entry from a JSON brief (see ``pipeline/schema/brief.schema.json``).

    Sentence ids (from 0) become the numbers readers see (from 1) here, once.

    Args:
        data: The brief.
        item_id: The article's id in the state.
        stem: Its file name stem.
        links: Relative links to the brief's own files.
        source_url: The link the feed gave, which is what the entry links to (never a URL a
            page gives for itself); without one, the brief's URL or source path.
    """
    meta = data.get("metadata") or {}
    title = data.get("title") or {}
    summary = data.get("summary") or {}
    source = data.get("source") or {}
    warnings = [w for w in data.get("warnings") or [] if isinstance(w, dict)]
    url = safe_url(source_url) or safe_url(meta.get("url")) or safe_url(source.get("path"))
    feed_title = _text(meta.get("title"), _TITLE_CHARS)
    raw = [s for s in data.get("sentences") or [] if isinstance(s.get("id"), int)]
    flags = []
    for s in raw:
        explanations = sentence_explanations(s, warnings)
        if explanations:
            flags.append(Flag(s["id"] + 1, explanations))
    flagged = {f.number - 1 for f in flags}
    sentences = {
        s["id"]: Sentence(s["id"] + 1, _text(s.get("en")), _text(s.get("fr")), s["id"] in flagged)
        for s in raw
    }
    lines = summary.get("sentences") or {}
    sides = {
        "en": Side(
            _text(title.get("en"), _TITLE_CHARS),
            _text(summary.get("en")),
            _lines(lines.get("en") or [], flagged),
        ),
        "fr": Side(
            _text(title.get("fr"), _TITLE_CHARS) or feed_title,
            _text(summary.get("fr")),
            _lines(lines.get("fr") or [], flagged),
        ),
    }
    title_sources = set(_ids(title.get("sources")))
    checked, flagged_count = trust_counts(data)
    return Entry(
        id=item_id,
        stem=stem,
        sides=sides,
        trust=trust_line(data),
        checked=checked,
        flagged=flagged_count,
        flags=flags,
        title_flagged=sorted(i + 1 for i in title_sources & flagged),
        notes=article_notes(warnings),
        facts=[
            Fact(
                _text(f.get("type")),
                _text(f.get("en")),
                _text(f.get("fr")),
                value_text(_text(f.get("type")), f.get("value")),
                [i + 1 for i in _ids(f.get("sentences")) if i in sentences],
            )
            for f in data.get("facts", [])
        ],
        url=url,
        source_label=_text(_label(url, _text(source.get("path"))), _NAME_CHARS),
        published=_date(meta.get("date")),
        author=_text(meta.get("author"), _NAME_CHARS) or None,
        blocks=_blocks(data, sentences),
        links=links or {},
    )


def _relative(path: str, digest_dir: Path) -> str | None:
    rel = os.path.relpath(Path(path).resolve(), digest_dir.resolve())
    return None if rel.startswith("..") else Path(rel).as_posix()


def load_entries(items: list[Item], digest_dir: Path) -> list[Entry]:
    """Entries for briefed items, in the order given; items whose JSON is gone are left out."""
    out = []
    for item in items:
        path = item.outputs.get("json")
        if not path:
            continue
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("digest: brief %s cannot be read (%s); left out", path, exc)
            continue
        links = {}
        for fmt, file in item.outputs.items():
            rel = _relative(file, digest_dir)
            if rel:
                links[fmt] = rel
        out.append(entry_from_brief(data, item.id, item.stem, links, item.url))
    return out
