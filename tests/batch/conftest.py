"""Inputs for ``brief batch`` tests: a folder of ~30 articles with bad ones among them, the same
articles as datasets, and a local Ray instance shared by the Ray tests."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS

# What a folder of articles holds besides good ones: each must become a failed row, not a stop.
BAD = {
    "binary.txt": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
    "empty.txt": b"",
    "blank.html": b"<html><body>   </body></html>",
}


def seed_texts(count: int) -> list[str]:
    """``count`` distinct French articles cut from the seeds (short: tiny models stay fast)."""
    texts = []
    for i in range(count):
        lines = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8").split("\n\n")
        body = "\n\n".join(lines[: 3 + i % 3])
        texts.append(f"{body}\n\nC'est la dépêche numéro {i}, publiée le {i % 28 + 1} mars.")
    return texts


def make_articles(folder: Path, good: int) -> Path:
    """``good`` articles and the bad ones of BAD in ``folder``."""
    folder.mkdir()
    for i, text in enumerate(seed_texts(good)):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """Seven good articles and three bad ones."""
    return make_articles(tmp_path / "in", 7)


def dataset_rows(count: int = 12) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, text in enumerate(seed_texts(count)):
        rows.append({"id": f"a{i}", "title": f"Dépêche {i}", "text": text, "author": "AFP"})
    rows.append({"id": "nothing", "title": None, "text": "", "author": None})  # a failed row
    return rows


def write_dataset(rows: list[dict[str, Any]], path: Path) -> Path:
    """The rows as a .jsonl, .parquet or .csv file (by the path's suffix)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    else:
        import pyarrow as pa

        table = pa.Table.from_pylist(rows)
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            pq.write_table(table, path)
        else:
            import pyarrow.csv as pacsv

            pacsv.write_csv(table, path)
    return path


def read_rows(output: Path) -> list[dict[str, Any]]:
    """Every row of OUTPUT's shards, in shard order (JSON Lines or Parquet)."""
    rows: list[dict[str, Any]] = []
    for shard in sorted((output / "briefs").glob("part-*")):
        if shard.suffix == ".jsonl":
            rows += [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines()]
        else:
            import pyarrow.parquet as pq

            for row in pq.read_table(shard).to_pylist():
                row["brief"] = json.loads(row["brief"]) if row["brief"] else None
                rows.append(row)
    return rows


# When an article was briefed: the one thing two runs of the same batch may differ in.
_BRIEFED = re.compile(
    r'(?<="briefed_at": ")\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'
    r"|(?<=briefed )\d{4}-\d\d-\d\d \d\d:\d\d UTC"
)


def untimed(text: str) -> str:
    """``text`` with the time of briefing (JSON and Markdown) written as ``(time)``."""
    return _BRIEFED.sub("(time)", text)


def shard_lines(output: Path) -> dict[str, str]:
    """Each JSON Lines row as written, by key, the time of briefing aside (for byte-for-byte
    comparisons)."""
    out = {}
    for shard in sorted((output / "briefs").glob("part-*.jsonl")):
        for line in shard.read_text(encoding="utf-8").splitlines():
            out[json.loads(line)["key"]] = untimed(line)
    return out


@pytest.fixture(scope="session")
def ray_local() -> Iterator[Any]:
    """A local Ray instance: 2 CPUs, no dashboard, a small object store."""
    ray = pytest.importorskip("ray")
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    # The workers import the package from this checkout, as the tests do.
    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = root + (os.pathsep + path if path else "")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=200 * 2**20,
        logging_level="warning",
        log_to_driver=False,
    )
    import ray.data

    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()
