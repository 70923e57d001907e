"""The feed job's memory: one SQLite row per article seen, and a lock so runs never overlap.

An article is ``new`` when first seen, then ``done`` (briefed), ``failed`` (retried on later runs
until ``feed.retries`` attempts, then given up) or ``skipped`` (deliberately not briefed: a
duplicate, not an article, not French…). ``attempts`` is raised with each outcome recorded, for
that article alone: a run that dies (killed, out of memory) charges nothing to the articles it was
working on, which are simply done again by the next run.

Every change is its own committed transaction (WAL journal, synchronous writes): the job commits
an article's state only after its files are in place, so after ``kill -9`` the state never claims
a brief that is not on disk. A second ``brief feed`` on the same state waits for nothing: it
finds the run lock taken and stops with exit status 75. Readers (``brief feed status``) never
need the lock.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.errors import StateBusy, StateError
from pipeline.io import run_lock as hold_lock

STATUSES = ("new", "done", "failed", "skipped")
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    stem TEXT NOT NULL,
    title TEXT,
    published TEXT,
    author TEXT,
    content_hash TEXT,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done', 'failed', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    duplicate_of INTEGER REFERENCES items(id),
    outputs TEXT NOT NULL DEFAULT '{}',
    first_seen TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX IF NOT EXISTS items_hash ON items (content_hash);
CREATE INDEX IF NOT EXISTS items_status ON items (status, done_at);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    exit_code INTEGER NOT NULL,
    report TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def now_iso() -> str:
    """The current UTC time as ISO 8601 (what every timestamp in the state is)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def slugify(text: str, limit: int = 48) -> str:
    """An ASCII file-name fragment: ``"Pékin : l'été"`` → ``"pekin-l-ete"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "article"


@dataclass
class Item:
    """One article as the state knows it (a row of ``items``)."""

    id: int
    key: str
    source: str
    url: str | None
    stem: str
    status: str = "new"
    title: str | None = None
    published: str | None = None
    author: str | None = None
    content_hash: str | None = None
    attempts: int = 0
    last_error: str | None = None
    duplicate_of: int | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    first_seen: str = ""
    updated_at: str = ""
    done_at: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Item:
        data = dict(row)
        data["outputs"] = json.loads(data["outputs"] or "{}")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def run_lock(state_path: str | Path) -> AbstractContextManager[Path]:
    """Holds ``<state>.lock`` for the length of a run (:func:`pipeline.io.run_lock`).

    Raises:
        StateBusy: When another run holds it.
    """
    lock_path = Path(f"{state_path}.lock")
    busy = StateBusy(
        f"another `brief feed` run is using {state_path} (lock {lock_path}); "
        "try again when it has finished"
    )
    return hold_lock(lock_path, busy)


def _check_ours(path: Path) -> None:
    """Refuses a state path that is not brief's state file (:mod:`pipeline.output_policy`)."""
    from pipeline.output_policy import foreign_database

    if (why := foreign_database(path, {"items", "meta"})) is not None:
        raise StateError(f"{why}: give another state file (--state, feed.state)")


class State:
    """The SQLite state file.

    Args:
        path: The file (created with its folder when missing).
        timeout: Seconds to wait for a write lock held by a reader or writer elsewhere.

    Raises:
        StateError: When the file is not a SQLite database or is from a newer version.
    """

    def __init__(self, path: str | Path, timeout: float = 30.0) -> None:
        self.path = Path(path)
        _check_ours(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StateError(
                    f"{self.path}: state written by a newer brief (schema {version}); upgrade"
                )
            with self._tx() as db:
                # Statement by statement: executescript() would commit half-way.
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{self.path}: not a usable state file ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # (A signature alike others, feed/network.py's, only in shape.)
    def see(
        self,
        key: str,
        source: str,
        url: str | None = None,
        title: str | None = None,
        published: str | None = None,
        author: str | None = None,
    ) -> Item:
        """The item for ``key``, created as ``new`` on first sight (with a unique, stable stem)."""
        stamp = now_iso()
        with self._tx() as db:
            row = db.execute("SELECT * FROM items WHERE key = ?", (key,)).fetchone()
            if row is None:
                cur = db.execute(
                    "INSERT INTO items (key, source, url, stem, title, published, author, "
                    "first_seen, updated_at) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)",
                    (key, source, url, title, published, author, stamp, stamp),
                )
                item_id = cur.lastrowid
                # The id makes the stem unique and keeps it the same on every later run.
                stem = f"{item_id:05d}-{slugify(title or url or key)}"
                db.execute("UPDATE items SET stem = ? WHERE id = ?", (stem, item_id))
            else:
                item_id = row["id"]
                db.execute(
                    "UPDATE items SET title = coalesce(title, ?), published = coalesce("
                    "published, ?), author = coalesce(author, ?) WHERE id = ?",
                    (title, published, author, item_id),
                )
            return self._get(db, item_id)

    def get(self, item_id: int) -> Item:
        """The item with this id."""
        return self._get(self.db, item_id)

    @staticmethod
    def _get(db: sqlite3.Connection, item_id: int) -> Item:
        row = db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise KeyError(item_id)
        return Item.from_row(row)

    def set_hash(self, item_id: int, content_hash: str) -> None:
        """Records the hash of an item's content (once fetched)."""
        with self._tx() as db:
            db.execute("UPDATE items SET content_hash = ? WHERE id = ?", (content_hash, item_id))

    def record(
        self,
        item_id: int,
        status: str,
        *,
        error: str | None = None,
        outputs: dict[str, str] | None = None,
        duplicate_of: int | None = None,
    ) -> None:
        """Records the outcome of an attempt, and counts the attempt (call after the files are
        written)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        stamp = now_iso()
        with self._tx() as db:
            db.execute(
                "UPDATE items SET status = ?, last_error = ?, outputs = ?, duplicate_of = ?, "
                "attempts = attempts + 1, updated_at = ?, "
                "done_at = CASE WHEN ? = 'done' THEN ? ELSE done_at END WHERE id = ?",
                (
                    status,
                    error,
                    json.dumps(outputs or {}, sort_keys=True),
                    duplicate_of,
                    stamp,
                    status,
                    stamp,
                    item_id,
                ),
            )

    def done_with_hash(self, content_hash: str, not_id: int) -> Item | None:
        """Another item already briefed from the same content, if any."""
        row = self.db.execute(
            "SELECT * FROM items WHERE content_hash = ? AND status = 'done' AND id != ? "
            "ORDER BY id LIMIT 1",
            (content_hash, not_id),
        ).fetchone()
        return Item.from_row(row) if row else None

    def counts(self) -> dict[str, int]:
        """Number of items by status (every status present, zero or not)."""
        out = dict.fromkeys(STATUSES, 0)
        for row in self.db.execute("SELECT status, count(*) AS n FROM items GROUP BY status"):
            out[row["status"]] = row["n"]
        return out

    def given_up(self, retries: int) -> list[Item]:
        """Failed items with no attempt left (``feed.retries``), oldest first."""
        rows = self.db.execute(
            "SELECT * FROM items WHERE status = 'failed' AND attempts >= ? ORDER BY id", (retries,)
        )
        return [Item.from_row(r) for r in rows]

    def items(self, status: str | None = None) -> list[Item]:
        """Every item (or those with ``status``), oldest first."""
        if status is None:
            rows = self.db.execute("SELECT * FROM items ORDER BY id")
        else:
            rows = self.db.execute("SELECT * FROM items WHERE status = ? ORDER BY id", (status,))
        return [Item.from_row(r) for r in rows]

    def recent_done(self, since: str | None, limit: int) -> list[Item]:
        """Items briefed since ``since`` (ISO time; None: ever), newest first, at most ``limit``."""
        rows = self.db.execute(
            "SELECT * FROM items WHERE status = 'done' AND (? IS NULL OR done_at >= ?) "
            "ORDER BY done_at DESC, id DESC LIMIT ?",
            (since, since, limit),
        )
        return [Item.from_row(r) for r in rows]

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def add_run(self, started_at: str, exit_code: int, report: dict[str, Any]) -> None:
        """Keeps a run's report (the JSON report file holds only the last one)."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO runs (started_at, finished_at, exit_code, report) VALUES (?, ?, ?, ?)",
                (started_at, now_iso(), exit_code, json.dumps(report, ensure_ascii=False)),
            )
