"""Where ``brief batch`` writes: shards of briefs, Markdown briefs, and a manifest per run.

OUTPUT is a folder that brief owns, marked by a ``.brief-batch`` file::

    OUTPUT/.brief-batch              the mark (an existing folder without it is refused)
    OUTPUT/briefs/part-RUN-00000.jsonl   one row per article (or .parquet)
    OUTPUT/markdown/STEM.md          with --markdown, the Markdown brief of each briefed article
    OUTPUT/runs/RUN.json             each run's manifest ("running" until it ends)
    OUTPUT/manifest.json             the last finished run's manifest

A row is ``status`` (``done``, ``failed``, ``skipped``), ``sha256`` of the article's bytes,
``config_hash``, ``key``, ``path``, ``stem``, ``reason`` (why it failed or was skipped) and
``brief``: the JSON brief (:func:`pipeline.brief.to_dict`), null unless done. In Parquet,
``brief`` is that JSON as a string (its ``facts[].value`` has no single type).

Shards are only ever added: a run writes new ones and never rewrites another's rows. JSON Lines
are flushed after every batch, so a run killed half-way loses only what was in flight (a line
cut short by the kill is removed by the next run); a Parquet shard is written whole when it is
full, so a kill loses the shard being filled. A rerun skips what is ``done`` or ``skipped``
under the same content hash and config hash; a failed article is tried again, and its new row
comes in a later shard (the last row of a key is the one that counts).
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.brief import stamp_briefed, to_dict
from pipeline.brief_md import render
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import BatchBusy, BatchError
from pipeline.io import atomic_write_text, run_lock
from pipeline.output_policy import check_folder

MARK = ".brief-batch"
LOCK = ".brief-batch.lock"
COLUMNS = ("status", "sha256", "config_hash", "key", "path", "stem", "reason", "brief")
FORMATS = ("jsonl", "parquet")
# Rows keep at most this many failures and skips each in the manifest (the rows have them all).
LISTED = 1000
# Rows are written with these fields first, so that a rerun reads what is done without parsing
# every brief (a line that does not match is parsed whole).
_HEAD = re.compile(r'^\{"status": "(\w+)", "sha256": "([0-9a-f]*)", "config_hash": "([0-9a-f]*)"')


def article_row(article: Article, config: BriefConfig, markdown: bool) -> dict[str, Any]:
    """An article's output row; ``brief`` is the JSON brief as text (None unless done), and
    ``markdown`` the Markdown brief when asked for. Both engines make rows with this."""
    status = "failed" if article.error else "skipped" if article.skipped else "done"
    lang = config.run.lang
    if status == "done" and article.briefed_at is None:
        stamp_briefed(article)  # a batch row is the brief: it is briefed now
    data = to_dict(article, lang) if status == "done" else None  # both formats are made from it
    brief = json.dumps(data, ensure_ascii=False) if data is not None else None
    return {
        "status": status,
        "sha256": article.sha256,
        "config_hash": config.digest(),
        "key": article.metadata.get("url") or article.path,
        "path": article.path,
        "stem": article.stem,
        "reason": article.error or article.skipped,
        "brief": brief,
        "markdown": (
            render(data, article.stem, config.stages.write.top_facts)
            if markdown and data is not None
            else None
        ),
    }


def done_key(sha256: str, config_hash: str) -> str:
    """What a rerun looks up to skip an article: its content and the config that briefed it."""
    return f"{sha256}:{config_hash}"


class Output:
    """The OUTPUT folder of one run.

    Args:
        folder: OUTPUT.
        config_hash: The run's config hash (half of what a rerun looks up).
        fmt: ``jsonl`` or ``parquet``.
        shard_rows: Rows per shard.
    """

    def __init__(
        self, folder: Path, config_hash: str, fmt: str = "jsonl", shard_rows: int = 1000
    ) -> None:
        if fmt not in FORMATS:
            raise BatchError(f"--format: jsonl or parquet, not {fmt!r}")
        self.folder = Path(folder)
        self.fmt = fmt
        self.shard_rows = shard_rows
        self.config_hash = config_hash
        self.run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
        self.done: set[str] = set()
        self.shards: list[str] = []
        self.counts = {"done": 0, "failed": 0, "skipped": 0}
        self.failures: list[dict[str, Any]] = []
        self.skips: list[dict[str, Any]] = []
        self._handle: Any = None
        self._rows: list[dict[str, Any]] = []  # Parquet: the shard being filled
        self._in_shard = 0

    # -- claiming the folder ----------------------------------------------------------------

    def claim(self) -> None:
        """Checks that OUTPUT is brief's (or new), repairs what a killed run left, and reads
        what is already done.

        Raises:
            BatchError: OUTPUT is a file, or a folder with files brief did not write.
        """
        self._refuse_foreign()
        mark = self.folder / MARK
        if not mark.is_file():
            atomic_write_text(mark, json.dumps({"written_by": "brief batch"}) + "\n")
        (self.folder / "briefs").mkdir(exist_ok=True)
        for leftover in (self.folder / "briefs").glob(".part-*.tmp"):
            leftover.unlink()  # a Parquet shard a killed run did not finish
        for shard in sorted((self.folder / "briefs").glob("part-*.jsonl")):
            _cut_torn_line(shard)
            self.done.update(_done_in_jsonl(shard))
        for shard in sorted((self.folder / "briefs").glob("part-*.parquet")):
            self.done.update(_done_in_parquet(shard))

    def _refuse_foreign(self) -> None:
        mark = self.folder / MARK
        check_folder(self.folder, option="OUTPUT (-o/--out)")
        theirs = self.folder.is_dir() and not mark.is_file()
        if theirs and any(p.name != LOCK for p in self.folder.iterdir()):
            raise BatchError(
                f"{self.folder}: exists and was not written by `brief batch` (no {MARK} "
                "file); give a new or empty folder"
            )

    def is_done(self, article: Article) -> bool:
        """Whether a finished run already briefed (or deliberately skipped) this content with
        this config."""
        return bool(article.sha256) and done_key(article.sha256, self.config_hash) in self.done

    # -- writing ----------------------------------------------------------------------------

    def write(self, row: dict[str, Any]) -> None:
        """Adds one row (from :func:`article_row`); Markdown goes to its file at once."""
        status = row["status"]
        self.counts[status] += 1
        listed = (
            self.failures if status == "failed" else self.skips if status == "skipped" else None
        )
        if listed is not None and len(listed) < LISTED:
            listed.append({"key": row["key"], "reason": row["reason"]})
        if row.get("markdown"):
            atomic_write_text(self.folder / "markdown" / f"{row['stem']}.md", row["markdown"])
        if self._in_shard >= self.shard_rows:
            self._close_shard()
        self._in_shard += 1
        if self.fmt == "jsonl":
            self._jsonl().write(_jsonl_line(row))
        else:
            self._rows.append({k: row[k] for k in COLUMNS})

    def flush(self) -> None:
        """Puts the rows written so far on disk (JSON Lines; a Parquet shard waits until full)."""
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        """Finishes the shard being filled."""
        self._close_shard()

    def _jsonl(self) -> Any:
        if self._handle is None:
            path = self._next_shard()
            self._handle = path.open("x", encoding="utf-8", newline="\n")  # never overwrites
            self.shards.append(path.name)
        return self._handle

    def _next_shard(self) -> Path:
        return self.folder / "briefs" / f"part-{self.run_id}-{len(self.shards):05d}.{self.fmt}"

    def _close_shard(self) -> None:
        if self._handle is not None:
            self.flush()
            self._handle.close()
            self._handle = None
        if self._rows:
            import pyarrow as pa
            import pyarrow.parquet as pq

            path = self._next_shard()
            tmp = path.with_name(f".{path.name}.tmp")
            pq.write_table(pa.Table.from_pylist(self._rows, schema=_parquet_schema()), tmp)
            if path.exists():
                raise BatchError(f"{path}: exists; brief never overwrites a shard")
            os.replace(tmp, path)
            self.shards.append(path.name)
            self._rows = []
        self._in_shard = 0

    # -- manifest ---------------------------------------------------------------------------

    def manifest(self, final: bool, **fields: Any) -> dict[str, Any]:
        """Writes this run's manifest (``runs/RUN.json``; when final, ``manifest.json`` too)."""
        data = {
            "run": self.run_id,
            "status": fields.pop("status", "finished" if final else "running"),
            "output": str(self.folder),
            "format": self.fmt,
            "counts": dict(self.counts),
            "failures": self.failures,
            "skips": self.skips,
            "shards": self.shards,
            **fields,
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        atomic_write_text(self.folder / "runs" / f"{self.run_id}.json", text)
        if final:
            atomic_write_text(self.folder / "manifest.json", text)
        return data

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Holds OUTPUT's lock for the run (the kernel frees it if the run dies).

        Raises:
            BatchBusy: Another run holds it.
        """
        self._refuse_foreign()  # no lock file dropped into someone else's folder
        busy = BatchBusy(
            f"another `brief batch` run is writing to {self.folder}; try again when it has finished"
        )
        with run_lock(self.folder / LOCK, busy):
            yield


def _jsonl_line(row: dict[str, Any]) -> str:
    head = {k: row[k] for k in COLUMNS if k != "brief"}
    # The brief is already JSON text: spliced in, not parsed and dumped again.
    text = json.dumps(head, ensure_ascii=False)
    return f'{text[:-1]}, "brief": {row["brief"] if row["brief"] is not None else "null"}}}\n'


def _cut_torn_line(shard: Path) -> None:
    """Removes the end of a line that a killed run did not finish writing."""
    with shard.open("rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        chunk = 1 << 16
        end = size
        while end > 0:
            start = max(0, end - chunk)
            handle.seek(start)
            cut = handle.read(end - start).rfind(b"\n")
            if cut >= 0:
                handle.truncate(start + cut + 1)
                return
            end = start
        handle.truncate(0)


def _done_in_jsonl(shard: Path) -> Iterator[str]:
    with shard.open(encoding="utf-8") as handle:
        for line in handle:
            match = _HEAD.match(line)
            if match:
                status, sha, config = match.groups()
            else:
                row = json.loads(line)
                status, sha, config = row["status"], row["sha256"], row["config_hash"]
            if status in ("done", "skipped") and sha:
                yield done_key(sha, config)


def _done_in_parquet(shard: Path) -> Iterator[str]:
    import pyarrow.parquet as pq

    table = pq.read_table(shard, columns=["status", "sha256", "config_hash"])
    for status, sha, config in zip(
        *(table.column(c).to_pylist() for c in table.column_names), strict=True
    ):
        if status in ("done", "skipped") and sha:
            yield done_key(sha, config)


def _parquet_schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in COLUMNS])
