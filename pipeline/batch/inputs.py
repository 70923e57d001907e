"""What ``brief batch`` reads: a folder of pages, or dataset files, turned into articles.

INPUT is one of:

- a folder of ``.txt``/``.html``/``.htm`` files, or one such file (listed as ``brief feed`` lists
  a folder: :func:`pipeline.feed.sources.discover`);
- a ``.jsonl``/``.json``/``.parquet``/``.csv`` file, or a folder of them, or an ``s3://`` /
  ``gs://`` URI of one (read through pyarrow's file systems). The columns are those ``brief
  feed`` reads (:func:`pipeline.feed.sources.row_candidate`): ``text`` (or ``article``,
  ``content``, ``body``), and ``url``, ``id``, ``title``, ``date``, ``author`` when there.

Both engines read rows with pyarrow (the local engine through :mod:`pyarrow.dataset`, Ray
through ``ray.data.read_*``, which uses the same readers) and turn each into an
:class:`~pipeline.document.Article` with the same functions here, so that both brief the same
bytes. An input that cannot be read becomes an article that carries the error: it is a row of
the output, not a stop.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import BriefConfig, FeedConfig
from pipeline.document import Article
from pipeline.errors import BatchError, InputError
from pipeline.feed.sources import (
    DATASET_SUFFIXES,
    PAGE_SUFFIXES,
    Candidate,
    discover,
    load,
    row_candidate,
    text_column,
)
from pipeline.feed.state import slugify
from pipeline.text.decode import read_bytes

# pyarrow's names of the dataset formats, by suffix: those of `brief feed` (``.json`` must hold
# JSON Lines here, as pyarrow and Ray read it).
FORMATS = dict(DATASET_SUFFIXES)


@dataclass
class Source:
    """A resolved INPUT.

    Attributes:
        kind: ``pages`` (files of articles) or ``dataset`` (rows of articles).
        given: INPUT as the user gave it.
        files: The files, in order (absolute paths, or URIs on object storage).
        format: The pyarrow format of dataset files (``json``, ``parquet``, ``csv``).
    """

    kind: str
    given: str
    files: list[str]
    format: str = ""


def resolve(given: str) -> Source:
    """Tells what INPUT is and lists its files, sorted by name.

    Raises:
        BatchError: Missing, empty, of no known kind, or a folder mixing pages and datasets.
    """
    if "://" in given:
        return _remote(given)
    path = Path(given)
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in FORMATS:
            return _checked(Source("dataset", given, [str(path.resolve())], FORMATS[suffix]))
        if suffix in PAGE_SUFFIXES:
            return Source("pages", given, [str(path.resolve())])
        raise BatchError(
            f"{given}: not an article ({', '.join(PAGE_SUFFIXES)}) nor a dataset "
            f"({', '.join(FORMATS)})"
        )
    if not path.is_dir():
        raise BatchError(f"{given}: no such file or folder")
    # The folder's pages as `brief feed` lists them: not recursive, no hidden files.
    pages = [c.path for c in discover(given, None, FeedConfig()).candidates]  # type: ignore[arg-type]
    data = sorted(
        p
        for p in path.iterdir()
        if p.is_file() and p.suffix.lower() in FORMATS and not p.name.startswith(".")
    )
    if pages and data:
        raise BatchError(f"{given}: holds both article files and dataset files; give one kind")
    if pages:
        return Source("pages", given, [str(p) for p in pages])
    if not data:
        raise BatchError(f"{given}: no {', '.join(PAGE_SUFFIXES + tuple(FORMATS))} file in it")
    formats = {FORMATS[p.suffix.lower()] for p in data}
    if len(formats) > 1:
        raise BatchError(f"{given}: dataset files of several formats ({', '.join(formats)})")
    return _checked(Source("dataset", given, [str(p.resolve()) for p in data], formats.pop()))


def _checked(source: Source) -> Source:
    """The dataset, once each file is known to have a text column (read from its schema: a
    Parquet footer, the first block of JSON Lines or CSV), so that neither engine stops half-way.

    Raises:
        BatchError: A file cannot be read, or has no text column.
    """
    import pyarrow.dataset as pads

    for file in source.files:
        try:
            names = pads.dataset(file, format=source.format).schema.names
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            raise BatchError(f"{file}: cannot be read as {source.format}: {exc}") from None
        try:
            text_column(names)
        except ValueError as exc:
            raise BatchError(f"{file}: {exc}") from None
    return source


def _remote(uri: str) -> Source:
    """A dataset on object storage: one file, or every dataset file under a prefix."""
    from pyarrow import fs

    filesystem, root = fs.FileSystem.from_uri(uri)
    scheme = uri.split("://", 1)[0]
    info = filesystem.get_file_info(root)
    if info.type == fs.FileType.File:
        paths = [root]
    else:
        listed = filesystem.get_file_info(fs.FileSelector(root, recursive=False))
        paths = sorted(i.path for i in listed if i.type == fs.FileType.File)
    paths = [p for p in paths if Path(p).suffix.lower() in FORMATS]
    if not paths:
        raise BatchError(f"{uri}: no dataset file ({', '.join(FORMATS)}) there")
    formats = {FORMATS[Path(p).suffix.lower()] for p in paths}
    if len(formats) > 1:
        raise BatchError(f"{uri}: dataset files of several formats ({', '.join(formats)})")
    return _checked(Source("dataset", uri, [f"{scheme}://{p}" for p in paths], formats.pop()))


# -- files and rows to articles (both engines) ----------------------------------------------


def article_from_file(path: str, config: BriefConfig) -> Article:
    """An article read from a page file, its bytes read now (the resume key needs their hash).

    A file that cannot be read (too large, a FIFO, gone) gives an article carrying the error.
    """
    stem = f"{Path(path).stem}-{_short(Path(path).as_uri())}"
    article = Article(path=path, stem=stem)
    try:
        article.raw = read_bytes(path, config.stages.clean.max_bytes)
    except InputError as exc:
        article.error = str(exc)
        return article
    article.sha256 = hashlib.sha256(article.raw).hexdigest()
    return article


def rows_to_articles(
    rows: list[dict[str, Any]], columns: list[str], file: str, config: BriefConfig
) -> list[Article]:
    """Dataset rows of one file as articles, laid out as ``brief feed`` lays them out.

    Raises:
        BatchError: The file has no text column.
    """
    try:
        text_col = text_column(columns)
    except ValueError as exc:
        raise BatchError(f"{file}: {exc}") from None
    file_uri = file if "://" in file else Path(file).as_uri()
    out = []
    for row in rows:
        candidate = row_candidate(row, source=file, file_uri=file_uri, text_col=text_col)
        out.append(_row_article(candidate, config))
    return out


def _row_article(candidate: Candidate, config: BriefConfig) -> Article:
    loaded = load(candidate, None, FeedConfig(max_bytes=config.stages.clean.max_bytes))  # type: ignore[arg-type]
    metadata = {
        "url": candidate.metadata.get("url"),
        "title": candidate.title,
        "date": candidate.published,
        "author": candidate.author,
        "content_type": loaded.content_type or None,
        "source": candidate.source,
        **candidate.metadata,
    }
    name = slugify(candidate.title or candidate.key.rsplit("#", 1)[-1])
    article = Article(
        path=candidate.metadata.get("url") or candidate.key,
        stem=f"{name}-{_short(candidate.key)}",
        raw=loaded.body,
        sha256=hashlib.sha256(loaded.body).hexdigest(),
        metadata={k: v for k, v in metadata.items() if v not in (None, "")},
    )
    if not (candidate.text or "").strip():
        # Said here, as for a file that cannot be read: a row without text is not an article.
        article.error = f"{candidate.key}: empty text (the row's text column is empty)"
    return article


def _short(key: str) -> str:
    """A short stable hash that keeps output names apart (two ``a.txt`` in two datasets)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


# -- the local engine's reader --------------------------------------------------------------


def iter_articles(
    source: Source, config: BriefConfig, rows_per_read: int = 256
) -> Iterator[Article]:
    """Every article of INPUT, read as they are asked for (never the whole input at once)."""
    if source.kind == "pages":
        for path in source.files:
            yield article_from_file(path, config)
        return
    import pyarrow.dataset as pads

    for file in source.files:
        try:
            data = pads.dataset(file, format=source.format)
            columns = list(data.schema.names)
            batches = data.to_batches(batch_size=rows_per_read)
            while True:
                # Read a batch at a time: pyarrow parses lazily, so errors come from next().
                batch = next(batches, None)
                if batch is None:
                    break
                yield from rows_to_articles(batch.to_pylist(), columns, file, config)
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            raise BatchError(f"{file}: cannot be read as {source.format}: {exc}") from None
