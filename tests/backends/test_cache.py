from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from pipeline.backends.base import GenerationSettings, Seq2SeqBackend
from pipeline.backends.cache import (
    CachedBackend,
    cache_info,
    clear_cache,
    default_cache_path,
    normalise,
)
from tests.doubles import Counting

TEXTS = ["Il pleut sur Paris.", "Le budget atteint 7,7 milliards.", "Il pleut sur Paris."]


def test_second_call_translates_nothing(tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedBackend(inner, tmp_path / "c.sqlite")
    first = cached.translate(TEXTS)
    assert inner.texts_translated == 2  # the repeated sentence is translated once
    again = CachedBackend(Counting(), tmp_path / "c.sqlite")
    assert again.translate(TEXTS) == first
    assert again.backend.texts_translated == 0
    assert (again.stats.cache_hits, again.stats.cache_misses) == (3, 0)
    assert (cached.stats.cache_hits, cached.stats.cache_misses) == (1, 2)


def test_whitespace_variants_share_an_entry(tmp_path: Path) -> None:
    cached = CachedBackend(Counting(), tmp_path / "c.sqlite")
    cached.translate(["Il  pleut\n sur Paris. "])
    cached.translate(["Il pleut sur Paris."])
    assert cached.backend.texts_translated == 1
    assert normalise(" a \n b ") == "a b"


def test_decoding_settings_and_model_are_part_of_the_key(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cached = CachedBackend(Counting(), path)
    cached.translate(TEXTS[:1])
    cached.translate(TEXTS[:1], GenerationSettings(num_beams=5))
    assert cached.backend.texts_translated == 2

    class Other(Counting):
        def signature(self) -> dict:
            return {"id": "other-model", "revision": "1", "backend": "counting"}

    other = CachedBackend(Other(), path)
    other.translate(TEXTS[:1])
    assert other.backend.texts_translated == 1


def test_nothing_is_created_before_first_use(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "c.sqlite"
    cached = CachedBackend(Counting(), path)
    assert not path.parent.exists()
    cached.translate(TEXTS)
    assert path.is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unusable_cache_file_falls_back_to_translating(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cached = CachedBackend(Counting(), blocker / "c.sqlite")
    assert cached.translate(TEXTS) == Counting().translate(TEXTS)
    assert cached.backend.texts_translated == 2


def test_corrupt_cache_file_falls_back_to_translating(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not an sqlite database" * 100)
    cached = CachedBackend(Counting(), path)
    assert len(cached.translate(TEXTS)) == 3


def test_wrapper_offers_the_backend_interface(tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedBackend(inner, tmp_path / "c.sqlite")
    assert isinstance(cached, Seq2SeqBackend) and isinstance(inner, Seq2SeqBackend)
    assert cached.signature() == inner.signature()
    assert (cached.kind, cached.abilities) == ("counting", inner.abilities)
    assert cached.max_input_tokens is None
    assert cached.count_tokens(["deux mots"]) == inner.count_tokens(["deux mots"])
    assert cached.stats is inner.stats


def test_wrapper_hides_what_is_not_the_interface(tmp_path: Path) -> None:
    """Only the interface goes through: no attribute of the wrapped backend leaks by name."""
    cached = CachedBackend(Counting(), tmp_path / "c.sqlite")
    with pytest.raises(AttributeError):
        _ = cached.texts_translated


def test_threads_sharing_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    results: dict[int, list[str]] = {}
    texts = [f"Phrase numéro {i} de l'article." for i in range(200)]

    def work(n: int) -> None:
        results[n] = CachedBackend(Counting(), path).translate(texts)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == results[0] for r in results.values())
    assert cache_info(path)["entries"] == 200


def _translate_in_process(path: str, start: int) -> None:
    texts = [f"Phrase numéro {i} de l'article." for i in range(start, start + 300)]
    CachedBackend(Counting(), path).translate(texts)


def test_two_processes_sharing_the_file(tmp_path: Path) -> None:
    path = str(tmp_path / "c.sqlite")
    context = multiprocessing.get_context("spawn")
    procs = [context.Process(target=_translate_in_process, args=(path, s)) for s in (0, 150)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]
    assert cache_info(path)["entries"] == 450
    again = CachedBackend(Counting(), path)
    again.translate([f"Phrase numéro {i} de l'article." for i in range(450)])
    assert again.backend.texts_translated == 0


def test_info_and_clear(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    CachedBackend(Counting(), path).translate(TEXTS)
    info = cache_info(path)
    assert info["entries"] == 2 and info["models"] == {"counting": 2}
    assert clear_cache(path) >= 1
    assert not path.exists()
    assert cache_info(path)["exists"] is False


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "brief" / "translations.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_path() == Path.home() / ".cache" / "brief" / "translations.sqlite"
