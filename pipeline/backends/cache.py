"""A persistent translation cache, wrapped around a translating backend (cached → real).

Composed the way argos-translate composes its translators: the stage talks to
:class:`CachedBackend`, which answers what it has seen before from an SQLite file and hands the
rest, once each, to the real backend. Nothing in the model code knows about it.

An entry is keyed by the model (id, revision, and for a local folder a fingerprint of its
weights), the decoding settings and the normalised source text, so changing any of them misses.
The file is opened on first use (nothing at import or construction), in WAL mode with a busy
timeout, so that two runs can share it; if it cannot be used at all the cache turns itself off
with one warning and translation goes on uncached.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any

from pipeline.backends.base import (
    BackendStats,
    GenerationSettings,
    LengthControl,
    Seq2SeqBackend,
)
from pipeline.errors import OutputError
from pipeline.output_policy import foreign_database

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_CHUNK = 500  # keys per SELECT … IN (…), under SQLite's parameter limit


def _create_table(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS translations ("
            " key TEXT PRIMARY KEY, model TEXT NOT NULL, source TEXT NOT NULL,"
            " target TEXT NOT NULL, created REAL NOT NULL)"
        )
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _create_whole(path: Path) -> None:
    """Creates a missing cache file complete, table and version, in one step: built under a
    temporary name, then linked into place, which fails if another run got there first.

    A file created in place is empty for a moment, and a second run opening it then would take
    it for a file brief did not write (:func:`pipeline.output_policy.foreign_database`) and go
    on without the cache.
    """
    if path.exists() or path.is_symlink():
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # kept in the file's header
            _create_table(conn)
        finally:
            conn.close()
        # FileExistsError: another run created it, and that one is used. Another OSError: a
        # file system without hard links; the file is then created in place, as it opens.
        with contextlib.suppress(OSError):
            os.link(tmp, path)
    finally:
        for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/brief/translations.sqlite`` (XDG_CACHE_HOME defaults to ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brief" / "translations.sqlite"


def normalise(text: str) -> str:
    """The form a source text is cached under: NFC, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _fingerprint(folder: Path) -> str:
    """Names, sizes and modification times of a local model's files: retraining changes it."""
    parts = []
    for path in sorted(folder.glob("*")):
        if path.is_file() and path.suffix in {".safetensors", ".bin", ".json", ".spm", ".model"}:
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def model_identity(backend: Seq2SeqBackend) -> dict[str, Any]:
    """What identifies the model behind ``backend``: id, revision, local fingerprint."""
    sig = backend.signature()
    ident = {k: sig.get(k) for k in ("id", "revision", "backend", "dtype")}
    folder = backend.weights_folder()
    if folder is not None and Path(folder).is_dir():
        ident["fingerprint"] = _fingerprint(Path(folder))
    return ident


class CachedBackend:
    """A translating backend with a persistent cache in front of it.

    Args:
        backend: The real backend (anything with ``translate``, ``signature`` and
            ``ensure_available``).
        path: The SQLite file (created with its folder on first use).
        busy_timeout: Seconds to wait for another process holding the write lock.

    Attributes:
        stats: The wrapped backend's :class:`BackendStats` (or a new one), with ``cache_hits``
            and ``cache_misses`` counted here.
    """

    def __init__(
        self, backend: Seq2SeqBackend, path: str | Path, busy_timeout: float = 30.0
    ) -> None:
        self.backend = backend
        self.path = Path(path).expanduser()
        self.busy_timeout = busy_timeout
        self.stats: BackendStats = backend.stats
        self.kind = backend.kind
        self.abilities = backend.abilities
        self.generation = backend.generation
        self._local = threading.local()
        self._disabled = False
        self._model_key: str | None = None

    # -- the interface: the wrapped backend's, translations answered from the cache ----------

    def ensure_available(self) -> None:
        """The wrapped backend's check (the cache itself can always be done without)."""
        self.backend.ensure_available()

    def signature(self) -> dict[str, Any]:
        """The wrapped backend's signature: a cached translation is the model's translation."""
        return self.backend.signature()

    @property
    def max_input_tokens(self) -> int | None:
        return self.backend.max_input_tokens

    @property
    def lengths(self) -> LengthControl | None:
        """The wrapped backend's imposed lengths (set there: it is the one that decodes)."""
        return self.backend.lengths

    @lengths.setter
    def lengths(self, control: LengthControl | None) -> None:
        self.backend.lengths = control

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.backend.count_tokens(texts)

    def weights_folder(self) -> Path | None:
        return self.backend.weights_folder()

    def summarise(self, texts: list[str], max_new_tokens: int | None = None) -> list[str]:
        """Summaries are not cached: the wrapped backend's."""
        return self.backend.summarise(texts, max_new_tokens)

    def translate(
        self, texts: list[str], generation: GenerationSettings | None = None
    ) -> list[str]:
        """Translations of ``texts``: from the cache where there, else from the backend.

        Args:
            texts: Source texts.
            generation: Decoding settings for this call (part of the key), or the backend's.

        Returns:
            One translation per text, in order.
        """
        if not texts:
            return []
        sources = [normalise(t) for t in texts]
        keys = [self._key(s, generation) for s in sources]
        found = self._lookup(set(keys))
        missing: dict[str, str] = {}
        for key, source in zip(keys, sources, strict=True):
            if key not in found:
                missing.setdefault(key, source)
        if missing:
            todo = list(missing.items())
            outputs = self._call([s for _, s in todo], generation)
            fresh = {key: out for (key, _), out in zip(todo, outputs, strict=True)}
            self._store([(k, missing[k], v) for k, v in fresh.items()])
            found.update(fresh)
        self.stats.cache_misses += len(missing)
        self.stats.cache_hits += len(texts) - len(missing)
        return [found[k] for k in keys]

    def _call(self, texts: list[str], generation: GenerationSettings | None) -> list[str]:
        return self.backend.translate(texts, generation)

    # -- keys ---------------------------------------------------------------------------------

    def _key(self, source: str, generation: GenerationSettings | None) -> str:
        if self._model_key is None:
            self._model_key = json.dumps(model_identity(self.backend), sort_keys=True)
        chosen = generation if generation is not None else self.backend.generation
        settings = dataclasses.asdict(chosen) if chosen is not None else None
        blob = json.dumps([self._model_key, settings, source], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    # -- storage ------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._initialise()
        except (sqlite3.Error, OSError) as exc:
            self._disable(exc)
            return None
        self._local.conn = conn
        return conn

    def _initialise(self) -> sqlite3.Connection:
        """Opens the file in WAL mode and creates the table.

        Two runs that open a new file at the same moment can get "database is locked" from the
        journal-mode switch at once, without SQLite's busy handler (it refuses to wait where
        waiting could deadlock), so the set-up is retried until ``busy_timeout``.
        """
        _create_whole(self.path)
        if (why := foreign_database(self.path, {"translations"})) is not None:
            raise sqlite3.OperationalError(why)  # the run goes on without the cache
        deadline = time.monotonic() + self.busy_timeout
        while True:
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout)
            try:
                conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                _create_table(conn)
                return conn
            except sqlite3.OperationalError as exc:
                conn.close()
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _disable(self, exc: BaseException) -> None:
        if not self._disabled:
            log.warning("translation cache %s disabled for this run: %s", self.path, exc)
        self._disabled = True

    def _lookup(self, keys: set[str]) -> dict[str, str]:
        conn = self._connection()
        if conn is None or not keys:
            return {}
        found: dict[str, str] = {}
        ordered = sorted(keys)
        try:
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, target FROM translations WHERE key IN ({marks})", chunk
                )
                found.update(rows.fetchall())
        except sqlite3.Error as exc:
            self._disable(exc)
            return {}
        return found

    def _store(self, rows: list[tuple[str, str, str]]) -> None:
        conn = self._connection()
        if conn is None or not rows:
            return
        model = self.backend.signature().get("id") or ""
        now = time.time()
        try:
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO translations (key, model, source, target, created)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(k, str(model), s, t, now) for k, s, t in rows],
                )
        except sqlite3.Error as exc:
            self._disable(exc)


def cache_info(path: str | Path) -> dict[str, Any]:
    """Entries and size of a cache file, per model (for ``brief cache info``).

    Raises:
        OutputError: The file is not brief's cache.
    """
    path = Path(path).expanduser()
    if (why := foreign_database(path, {"translations"})) is not None:
        raise OutputError(f"{why} (stages.translate.cache.path)")
    if not path.is_file():
        return {"path": str(path), "exists": False, "entries": 0, "bytes": 0, "models": {}}
    with sqlite3.connect(path, timeout=30.0) as conn:
        rows = conn.execute("SELECT model, COUNT(*) FROM translations GROUP BY model").fetchall()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    return {
        "path": str(path),
        "exists": True,
        "entries": sum(n for _, n in rows),
        "bytes": size,
        "models": dict(rows),
    }


def clear_cache(path: str | Path) -> int:
    """Deletes the cache file (and its WAL companions); returns the number of files removed.

    Raises:
        OutputError: The file is not brief's cache (it is never deleted).
    """
    path = Path(path).expanduser()
    if (why := foreign_database(path, {"translations"})) is not None:
        raise OutputError(f"{why}; not deleted (stages.translate.cache.path)")
    removed = 0
    for suffix in ("", "-wal", "-shm"):
        target = path.with_name(path.name + suffix)
        if target.is_file():
            target.unlink()
            removed += 1
    return removed
