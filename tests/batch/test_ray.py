"""``brief batch --engine ray`` on a local Ray instance, with the tiny models.

One end-to-end test runs by default; the heavier ones are marked ``ray_heavy`` (deselected by
default: ``pytest -m ray_heavy`` runs them).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.config import BriefConfig, load_config
from tests.batch.conftest import (
    BAD,
    dataset_rows,
    make_articles,
    read_rows,
    shard_lines,
    untimed,
    write_dataset,
)
from tests.batch.faults import crash_at
from tests.conftest import FAST_TINY

pytest.importorskip("ray")


def tiny_config(tiny_dir: Path, *more: str) -> BriefConfig:
    # The translation cache off: each engine must translate, not read the other's results.
    return load_config(
        tiny_dir / "config.toml",
        [*FAST_TINY, "stages.translate.cache.enabled=false", "run.batch_articles=4", *more],
    )


def both(given: Path, tmp_path: Path, config: BriefConfig, **ray: Any) -> tuple[Path, Path]:
    """Runs INPUT on both engines; returns their OUTPUT folders."""
    local, remote = tmp_path / "local", tmp_path / "ray"
    run_batch(str(given), local, config, BatchOptions(markdown=True))
    run_batch(str(given), remote, config, BatchOptions(engine="ray", markdown=True, **ray))
    return local, remote


def assert_same_output(local: Path, remote: Path) -> None:
    mine, theirs = shard_lines(local), shard_lines(remote)
    assert list(mine) == list(theirs)  # same rows, same order
    assert mine == theirs  # byte for byte: briefs, signatures, reasons
    md = sorted(p.name for p in (local / "markdown").glob("*.md"))
    assert md and md == sorted(p.name for p in (remote / "markdown").glob("*.md"))
    for name in md:
        mine_md, theirs_md = (
            (d / "markdown" / name).read_text(encoding="utf-8") for d in (local, remote)
        )
        assert untimed(mine_md) == untimed(theirs_md)


def test_ray_briefs_a_folder_as_the_local_engine_does_and_resumes(
    ray_local: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    given = make_articles(tmp_path / "in", 9)
    config = tiny_config(tiny_dir)
    local, remote = both(given, tmp_path, config)
    assert_same_output(local, remote)
    rows = read_rows(remote)
    assert [r["status"] for r in rows].count("done") == 9
    assert {Path(r["path"]).name for r in rows if r["status"] == "failed"} == set(BAD)
    assert rows[0]["brief"]["summary"]["en"]  # the tiny models wrote something
    first = json.loads((remote / "manifest.json").read_text(encoding="utf-8"))
    assert first["engine"] == "ray" and first["counts"] == {"done": 9, "failed": 3, "skipped": 0}
    # A rerun leaves out what is briefed; only the failures are tried again.
    again = run_batch(str(given), remote, config, BatchOptions(engine="ray"))
    assert again.manifest["already_done"] == 9
    assert again.manifest["counts"] == {"done": 0, "failed": 3, "skipped": 0}


@pytest.mark.ray_heavy
def test_a_model_worker_killed_mid_run_loses_nothing(
    ray_local: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    given = make_articles(tmp_path / "in", 27)
    config = tiny_config(tiny_dir)
    marker = tmp_path / "crash"
    marker.write_text("3", encoding="utf-8")  # the actor dies at its third batch, once
    hook = functools.partial(crash_at, str(marker))
    local, remote = both(given, tmp_path, config, before_model_batch=hook)
    assert not marker.exists()  # it did crash
    assert_same_output(local, remote)
    assert len(read_rows(remote)) == 30


@pytest.mark.ray_heavy
@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_ray_reads_datasets_as_the_local_engine_does(
    ray_local: Any, tiny_dir: Path, tmp_path: Path, suffix: str
) -> None:
    folder = tmp_path / "data"
    write_dataset(dataset_rows(6), folder / f"a{suffix}")
    write_dataset(dataset_rows(9)[6:], folder / f"b{suffix}")
    local, remote = both(folder, tmp_path, tiny_config(tiny_dir))
    assert_same_output(local, remote)
    rows = read_rows(remote)
    assert [r["status"] for r in rows] == ["done"] * 6 + ["failed"] + ["done"] * 3 + ["failed"]
    assert rows[7]["key"].endswith("b" + suffix + "#a6")


@pytest.mark.ray_heavy
def test_ray_writes_parquet_shards_and_resumes_from_them(
    ray_local: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    given = make_articles(tmp_path / "in", 5)
    config = tiny_config(tiny_dir)
    out = tmp_path / "out"
    options = BatchOptions(engine="ray", fmt="parquet", shard_rows=4)
    first = run_batch(str(given), out, config, options)
    assert len(first.manifest["shards"]) == 2
    again = run_batch(str(given), out, config, options)
    assert again.manifest["already_done"] == 5
    assert len(read_rows(out)) == 8 + 3


@pytest.mark.ray_heavy
def test_bench_compares_the_engines_on_the_same_articles(
    ray_local: Any, fake_config: BriefConfig
) -> None:
    from pipeline.bench.engines import compare_engines, format_engines

    report = compare_engines(3, fake_config, words=80)
    assert report["identical_rows"] == "3/3"
    assert report["local"]["counts"]["done"] == report["ray"]["counts"]["done"] == 3
    assert report["ray"]["articles_per_s"] > 0
    assert "overhead" in format_engines(report)
