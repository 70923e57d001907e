"""Where articles come from: feeds (URL or file), folders of pages, and datasets of articles.

A SOURCE given to ``brief feed`` is one of:

- an ``http(s)://`` URL of an RSS or Atom feed, fetched with :class:`~pipeline.feed.fetch.Fetcher`;
- a feed file on disk (any other file feedparser reads as RSS/Atom);
- a folder: every ``.txt``, ``.html`` and ``.htm`` file in it (not recursive), sorted by name;
- a single ``.txt``/``.html`` file;
- a ``.jsonl``/``.json``/``.parquet``/``.csv`` file of articles, read with ``datasets`` (a
  ``text`` column, or ``article``/``content``/``body``; ``url``, ``id``, ``title``, ``date``,
  ``author`` if there).

Each yields :class:`Candidate` articles with a key that identifies them across runs: the
normalised URL of a feed entry's page, the absolute path of a file, ``FILE#id`` for a dataset
row. Feed entries link to pages that are fetched later (only http and https links).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pipeline.config import FeedConfig
from pipeline.feed.fetch import ARTICLE_TYPES, Fetcher, FetchError

log = logging.getLogger(__name__)

PAGE_SUFFIXES = (".txt", ".html", ".htm")
DATASET_SUFFIXES = {".jsonl": "json", ".json": "json", ".parquet": "parquet", ".csv": "csv"}
TEXT_COLUMNS = ("text", "article", "content", "body")
_RUN_CHARS = 1000
_ADDRESS_RUN = re.compile(rb"[A-Za-z0-9_.+\-]{%d,}" % (_RUN_CHARS + 1))


@dataclass
class Candidate:
    """An article found in a source, not yet read.

    Attributes:
        key: Identifies the article across runs (normalised URL, absolute path, ``FILE#id``).
        source: The SOURCE it came from, as given.
        url: The page to fetch (feed entries), if any.
        path: The local file to read, if any.
        text: The content itself, when the source carries it (dataset rows, full-text feeds).
        title: Title from the feed or dataset (not the page).
        published: Publication date, ISO 8601 when it could be parsed.
        author: Author from the feed or dataset.
        metadata: Anything else worth keeping in the brief's metadata.
    """

    key: str
    source: str
    url: str | None = None
    path: str | None = None
    text: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class SourceResult:
    """What a source gave: its candidates, or the error that stopped it."""

    source: str
    kind: str
    candidates: list[Candidate] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Loaded:
    """A candidate's bytes, as fetched or read."""

    body: bytes
    content_type: str = ""
    final_url: str | None = None


def normalise_url(url: str) -> str:
    """The form of a URL used to tell duplicates: lower-case scheme and host, no default port,
    no fragment, no ``utm_*`` tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(k, v) for k, v in query if not k.lower().startswith("utm_")]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def kind_of(source: str) -> str:
    """``feed-url``, ``directory``, ``dataset``, ``page`` or ``feed-file``."""
    if source.lower().startswith(("http://", "https://")):
        return "feed-url"
    path = Path(source)
    if path.is_dir():
        return "directory"
    suffix = path.suffix.lower()
    if suffix in DATASET_SUFFIXES:
        return "dataset"
    if suffix in PAGE_SUFFIXES:
        return "page"
    return "feed-file"


def discover(source: str, fetcher: Fetcher, config: FeedConfig) -> SourceResult:
    """The candidates of one source; a source that cannot be read gives an error, not a raise."""
    kind = kind_of(source)
    result = SourceResult(source=source, kind=kind)
    try:
        if kind == "feed-url":
            fetched = fetcher.fetch(source)
            _from_feed(result, fetched.body, fetched.final_url, fetched.content_type)
        elif kind == "directory":
            files = sorted(
                p
                for p in Path(source).iterdir()
                if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES and not p.name.startswith(".")
            )
            result.candidates = [_file_candidate(p, source) for p in files]
        elif kind == "page":
            if not Path(source).is_file():
                raise FileNotFoundError(source)
            result.candidates = [_file_candidate(Path(source), source)]
        elif kind == "dataset":
            result.candidates = _from_dataset(source)
        else:
            _from_feed(result, _read_capped(Path(source), config.max_bytes), None, "")
    except FetchError as exc:
        result.error = exc.reason
    except FileNotFoundError:
        result.error = "no such file or folder"
    except (OSError, ValueError) as exc:
        result.error = str(exc)
    if config.max_items_per_source and len(result.candidates) > config.max_items_per_source:
        result.candidates = result.candidates[: config.max_items_per_source]
    return result


def load(candidate: Candidate, fetcher: Fetcher, config: FeedConfig) -> Loaded:
    """A candidate's bytes: fetched (its page), read (its file) or encoded (its text).

    Raises:
        FetchError: The page or file could not be had (the message says why).
    """
    if candidate.text is not None:
        text = candidate.text
        title = " ".join((candidate.title or "").split())
        if title and not text.lstrip().startswith(title):
            # Laid out like a .txt article, title line first, so that cleaning tells it apart.
            text = f"{title}\n\n{text}"
        # Undeclared: a feed's full text is usually HTML, a dataset's either.
        return Loaded(body=text.encode("utf-8"))
    if candidate.path is not None:
        try:
            body = _read_capped(Path(candidate.path), config.max_bytes)
        except (OSError, ValueError) as exc:
            raise FetchError(candidate.path, str(exc)) from None
        return Loaded(body=body)
    assert candidate.url is not None
    fetched = fetcher.fetch(candidate.url, accept=ARTICLE_TYPES)
    return Loaded(fetched.body, fetched.content_type, fetched.final_url)


def _read_capped(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"over the limit of {limit:,} bytes (feed.max_bytes)")
    return data


def _file_candidate(path: Path, source: str) -> Candidate:
    absolute = path.resolve()
    return Candidate(key=absolute.as_uri(), source=source, path=str(absolute))


def iso_date(value: Any) -> str | None:
    """``value`` as an ISO 8601 date-time in UTC, or None when it cannot be read as a date
    (ISO 8601, or RFC 2822 as in RSS); a date without a zone is taken as UTC."""
    text = " ".join(str(value).split()) if value not in (None, "") else ""
    if not text or len(text) > 64:
        return None
    when: datetime | None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat()


def cap(value: Any, limit: int = 300) -> str | None:
    """A metadata field as one line of at most ``limit`` characters (None when empty): a feed
    or a page decides what it sends, not how long a line of the digest gets."""
    text = " ".join(str(value).split()) if value not in (None, "") else ""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or None


def _iso(entry: Any, *names: str) -> str | None:
    """The entry's date in UTC; None when it has none or one that cannot be read (such an
    entry is of unknown date, and sorts last, rather than first)."""
    for name in names:
        parsed = entry.get(f"{name}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    for name in names:
        if entry.get(name):
            return iso_date(entry.get(name))
    return None


def _from_feed(result: SourceResult, data: bytes, base: str | None, ctype: str) -> None:
    import feedparser

    # Relative links resolve against where the feed was found; the media type is what the
    # server said, or plain XML for a file.
    headers = {"content-type": ctype or "application/xml"}
    if base:
        headers["content-location"] = base
    if not data.strip():
        raise ValueError("empty feed (0 bytes)" if not data else "empty feed (only whitespace)")
    # feedparser looks for an e-mail address in each author with a regular expression that
    # takes time quadratic in the length of a run of address characters (a 200 kB author: 7
    # minutes). No real feed has such a run of 1,000; cutting them keeps parsing linear.
    data = _ADDRESS_RUN.sub(lambda m: m.group(0)[:_RUN_CHARS], data)
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        raise ValueError(f"not an RSS or Atom feed ({problem or 'no feed elements'})")
    feed_title = cap((parsed.get("feed") or {}).get("title"))
    for entry in entries:
        meta = {
            "feed": result.source,
            "feed_title": feed_title,
            "entry_id": cap(entry.get("id"), 1000),
        }
        published = _iso(entry, "published", "updated")
        if published is None and (entry.get("published") or entry.get("updated")):
            meta["date_text"] = cap(entry.get("published") or entry.get("updated"), 100)
        common = dict(
            source=result.source,
            title=cap(entry.get("title")),
            published=published,
            author=cap(entry.get("author"), 200),
            metadata={k: v for k, v in meta.items() if v},
        )
        link = (entry.get("link") or "").strip()
        if link:
            key = normalise_url(link) if urlsplit(link).scheme in ("http", "https") else link
            result.candidates.append(Candidate(key=key, url=link, **common))
            continue
        content = entry.get("content") or []
        text = content[0].get("value") if content else entry.get("summary")
        ident = cap(entry.get("id"), 1000) or cap(entry.get("title"))
        if text and ident:
            result.candidates.append(Candidate(key=f"{result.source}#{ident}", text=text, **common))
        else:
            result.warnings.append(f"entry without link or content skipped: {ident!r}")
    if problem is not None:
        # feedparser reads what it can of a broken feed; with nothing usable it is an error.
        if not result.candidates:
            raise ValueError(f"malformed feed, no article could be read ({problem})")
        result.warnings.append(f"malformed feed, read what could be read ({problem})")


def _from_dataset(source: str) -> list[Candidate]:
    from datasets import load_dataset
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()  # a nightly job's log is no place for progress bars

    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(source)
    builder = DATASET_SUFFIXES[path.suffix.lower()]
    # A throw-away cache: the rows are read once, nothing is left in ~/.cache.
    with tempfile.TemporaryDirectory(prefix="brief-feed-") as cache:
        try:
            data = load_dataset(
                builder, data_files=str(path), split="train", cache_dir=cache, keep_in_memory=True
            )
        except Exception as exc:  # datasets raises many kinds for unreadable files
            raise ValueError(f"cannot be read as {builder}: {exc}") from None
        text_col = text_column(data.column_names)
        absolute = path.resolve().as_uri()
        return [
            row_candidate(row, source=source, file_uri=absolute, text_col=text_col, index=i)
            for i, row in enumerate(data)
        ]


def text_column(columns: Iterable[str]) -> str:
    """The column of a dataset that holds the articles' text (the first of TEXT_COLUMNS found).

    Raises:
        ValueError: None of them is there (the message lists what is).
    """
    found = set(columns)
    text_col = next((c for c in TEXT_COLUMNS if c in found), None)
    if text_col is None:
        raise ValueError(
            f"no text column (looked for {', '.join(TEXT_COLUMNS)}; "
            f"found {', '.join(sorted(found))})"
        )
    return text_col


def row_candidate(
    row: dict[str, Any], *, source: str, file_uri: str, text_col: str, index: int | None = None
) -> Candidate:
    """One dataset row as a candidate: its text, title, date, author and URL, and its key.

    The key is the row's normalised ``url``, else ``FILE#id``, else ``FILE#ROW`` (its position,
    ``index``). A reader that cannot tell positions (``brief batch`` on Ray reads files in
    parallel) passes None: the key is then ``FILE#sha256=…`` of the text, and the metadata has no
    ``row``.
    """
    text = row.get(text_col)
    text = str(text) if text is not None else ""
    if row.get("id") not in (None, ""):
        ident = row.get("id")
    elif index is not None:
        ident = index
    else:
        ident = "sha256=" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    url = row.get("url") or None
    key = normalise_url(url) if url else f"{file_uri}#{ident}"
    where = {"row": index} if index is not None else {}
    return Candidate(
        key=key,
        source=source,
        text=text,
        title=cap(row.get("title")),
        published=iso_date(row.get("date") or row.get("published")),
        author=cap(row.get("author"), 200),
        metadata={"dataset": source, **where, **({"url": url} if url else {})},
    )
