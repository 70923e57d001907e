"""``brief batch`` on the local engine, with model-free stand-ins (fast, exact)."""

from __future__ import annotations

import gc
import json
import re
import weakref
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch import BatchOptions, run_batch
from pipeline.batch.output import MARK
from pipeline.cli.app import app
from pipeline.config import BriefConfig, load_config
from pipeline.document import Article
from pipeline.errors import BatchError, ModelUnavailable
from tests.batch.conftest import BAD, dataset_rows, read_rows, shard_lines, write_dataset
from tests.conftest import FAKE_OVERRIDES


def test_a_folder_becomes_one_row_per_article_with_failures_as_rows(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path
) -> None:
    out = tmp_path / "b"
    result = run_batch(str(articles_dir), out, fake_config, BatchOptions(markdown=True))
    rows = read_rows(out)
    assert len(rows) == 10
    failed = {Path(r["path"]).name: r["reason"] for r in rows if r["status"] == "failed"}
    assert set(failed) == set(BAD)
    assert "PNG" in failed["binary.txt"] and "empty" in failed["empty.txt"]
    done = [r for r in rows if r["status"] == "done"]
    assert len(done) == 7
    for row in done:
        assert row["brief"]["source"]["sha256"] == row["sha256"]
        assert row["brief"]["signature"]["config_hash"] == fake_config.digest()
        # the row is the brief: it carries when it was briefed, as a written brief does
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["brief"]["briefed_at"])
        assert (out / "markdown" / f"{row['stem']}.md").read_text(encoding="utf-8").startswith("# ")
    assert result.exit_code == 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"done": 7, "failed": 3, "skipped": 0}
    assert {f["key"] for f in manifest["failures"]} == {str(articles_dir / n) for n in BAD}
    assert manifest["config_hash"] == fake_config.digest()
    assert manifest["signature"]["config_hash"] == fake_config.digest()
    assert manifest["config"]["stages"]["translate"]["backend"]["kind"] == "upper"
    # The write stage's files are replaced by the rows: nothing written under run.out.
    assert not Path(fake_config.run.out).exists()


def test_a_rerun_skips_what_is_done_and_tries_the_failures_again(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path
) -> None:
    out = tmp_path / "b"
    run_batch(str(articles_dir), out, fake_config)
    first = shard_lines(out)
    (articles_dir / "new.txt").write_text("Le maire de Lyon a inauguré un pont.\n", "utf-8")
    again = run_batch(str(articles_dir), out, fake_config)
    assert again.manifest["already_done"] == 7
    assert again.manifest["counts"] == {"done": 1, "failed": 3, "skipped": 0}
    # Shards are added, never rewritten.
    assert {k: v for k, v in shard_lines(out).items() if k in first and "done" in v[:20]} == {
        k: v for k, v in first.items() if "done" in v[:20]
    }
    # Another config is another brief: nothing is skipped.
    other = load_config(None, [*FAKE_OVERRIDES, "stages.write.top_facts=3"])
    assert run_batch(str(articles_dir), out, other).manifest["already_done"] == 0


def test_a_run_killed_mid_line_loses_only_that_line(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path
) -> None:
    out = tmp_path / "b"
    run_batch(str(articles_dir), out, fake_config)
    (shard,) = (out / "briefs").glob("part-*.jsonl")
    lines = shard.read_text(encoding="utf-8").splitlines(keepends=True)
    done_last = next(i for i in range(len(lines) - 1, -1, -1) if '"done"' in lines[i][:20])
    # As a kill would leave it: the rows before, and half of one row.
    shard.write_text("".join(lines[:done_last]) + lines[done_last][:50], encoding="utf-8")
    again = run_batch(str(articles_dir), out, fake_config)
    assert again.manifest["counts"]["done"] == 1  # the torn row, briefed again
    assert all(line.endswith("}") for line in shard.read_text(encoding="utf-8").splitlines())
    assert len([r for r in read_rows(out) if r["status"] == "done"]) == 7


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv"])
def test_a_dataset_is_read_with_the_columns_brief_feed_reads(
    suffix: str, fake_config: BriefConfig, tmp_path: Path
) -> None:
    data = write_dataset(dataset_rows(4), tmp_path / f"articles{suffix}")
    run_batch(str(data), tmp_path / "b", fake_config)
    rows = read_rows(tmp_path / "b")
    assert [r["status"] for r in rows] == ["done"] * 4 + ["failed"]
    brief = rows[0]["brief"]
    assert brief["title"]["fr"] == "Dépêche 0"  # the title column, laid out as the first line
    assert brief["metadata"]["author"] == "AFP"
    assert rows[0]["key"] == f"{data.resolve().as_uri()}#a0"


def _untimed(rows: list[dict]) -> list[dict]:
    """Rows without the time of briefing: the one field two runs may differ in."""
    for row in rows:
        if row["brief"] is not None:
            assert row["brief"].pop("briefed_at")
    return rows


def test_jsonl_and_parquet_output_hold_the_same_rows(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path
) -> None:
    run_batch(str(articles_dir), tmp_path / "j", fake_config)
    run_batch(str(articles_dir), tmp_path / "p", fake_config, BatchOptions(fmt="parquet"))
    assert _untimed(read_rows(tmp_path / "j")) == _untimed(read_rows(tmp_path / "p"))
    again = run_batch(str(articles_dir), tmp_path / "p", fake_config, BatchOptions(fmt="parquet"))
    assert again.manifest["already_done"] == 7


def test_shards_roll_over_at_shard_rows(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path
) -> None:
    result = run_batch(str(articles_dir), tmp_path / "b", fake_config, BatchOptions(shard_rows=3))
    assert len(result.manifest["shards"]) == 4
    assert len(read_rows(tmp_path / "b")) == 10


def test_no_article_outlives_its_batch(articles_dir: Path, tmp_path: Path) -> None:
    config = load_config(None, [*FAKE_OVERRIDES, "run.batch_articles=4"])
    alive: list[weakref.ref[Article]] = []
    most = {"n": 0}

    def count(row: dict) -> None:
        gc.collect()
        most["n"] = max(most["n"], sum(1 for ref in alive if ref() is not None))

    import pipeline.batch.job as job

    original = job.article_row

    def spy(article: Article, *args: object) -> dict:
        alive.append(weakref.ref(article))
        return original(article, *args)

    job.article_row = spy  # type: ignore[assignment]
    try:
        run_batch(str(articles_dir), tmp_path / "b", config, BatchOptions(progress=count))
    finally:
        job.article_row = original  # type: ignore[assignment]
    assert len(alive) == 10
    assert most["n"] <= 4  # at most the batch being written, not the 10 of the run


def test_a_folder_brief_did_not_write_is_refused(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BatchError, match="not written by `brief batch`"):
        run_batch(str(articles_dir), theirs, fake_config)
    assert sorted(p.name for p in theirs.iterdir()) == ["notes.txt"]
    assert (theirs / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "no such file or folder"),
        (lambda p: (p / "x.docx").write_bytes(b"x") and p / "x.docx", "not an article"),
        (lambda p: write_dataset([{"words": "a"}], p / "d.jsonl"), "no text column"),
    ],
)
def test_inputs_that_cannot_be_read_stop_before_any_work(
    make, message: str, fake_config: BriefConfig, tmp_path: Path
) -> None:
    with pytest.raises(BatchError, match=message):
        run_batch(str(make(tmp_path)), tmp_path / "b", fake_config)
    assert not (tmp_path / "b" / "manifest.json").exists()


def test_cli_exit_codes(articles_dir: Path, fake_overrides: list[str], tmp_path: Path) -> None:
    sets = [x for o in fake_overrides for x in ("--set", o)]
    runner = CliRunner()
    out = tmp_path / "b"
    result = runner.invoke(app, ["batch", str(articles_dir), "-o", str(out), *sets])
    assert result.exit_code == 1, result.output  # three bad inputs
    assert "7 briefed, 3 failed" in result.output
    assert (out / MARK).is_file()
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text("Le maire de Lyon a inauguré un pont hier.\n", "utf-8")
    result = runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "o2"), *sets])
    assert result.exit_code == 0, result.output


def test_a_model_that_cannot_load_stops_the_run_with_exit_3(
    articles_dir: Path, tmp_path: Path
) -> None:
    config = load_config(None, [*FAKE_OVERRIDES, 'language.spacy_model="fr_core_news_absent"'])
    with pytest.raises(ModelUnavailable, match="fr_core_news_absent") as caught:
        run_batch(str(articles_dir), tmp_path / "b", config)
    assert caught.value.exit_code == 3
    # Found before any article is read: no row, no run.
    assert not read_rows(tmp_path / "b")
    assert not (tmp_path / "b" / "runs").exists()


def test_engine_ray_without_ray_says_how_to_get_it(
    articles_dir: Path, fake_config: BriefConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    with pytest.raises(BatchError, match=r"pip install 'brief\[ray\]'") as caught:
        run_batch(str(articles_dir), tmp_path / "b", fake_config, BatchOptions(engine="ray"))
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("device", "gpus", "expected"),
    [
        ("auto", True, ("cuda", "bfloat16")),
        ("auto", False, ("cpu", "float32")),
        ("cpu", True, ("cpu", "float32")),
        ("cuda", True, ("cuda", "bfloat16")),
    ],
)
def test_ray_models_run_on_the_clusters_device_not_the_drivers(
    device: str, gpus: bool, expected: tuple[str, str]
) -> None:
    from pipeline.batch.ray_engine import cluster_runtime

    runtime = cluster_runtime(load_config(None, [f"run.device={device}"]), gpus)
    assert (runtime.device, runtime.dtype) == expected


def test_cuda_on_a_cluster_without_gpus_is_a_config_error() -> None:
    from pipeline.batch.ray_engine import cluster_runtime
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="Ray cluster has no GPU"):
        cluster_runtime(load_config(None, ["run.device=cuda"]), False)


def test_a_brief_error_in_a_ray_worker_comes_back_with_its_exit_status() -> None:
    from pipeline.batch.ray_engine import _brief_error

    lost = ModelUnavailable("some/model", "abc", "gone")
    try:
        try:
            raise lost
        except ModelUnavailable as inner:
            raise RuntimeError("task failed") from inner  # as Ray wraps a worker's error
    except RuntimeError as outer:
        found = _brief_error(outer)
    assert isinstance(found, ModelUnavailable) and found.exit_code == 3
    assert str(found) == str(lost)
    assert _brief_error(RuntimeError("other")) is None
    wrapped = RuntimeError("task failed")
    wrapped.__cause__ = BatchError("f.jsonl: no text column")
    assert isinstance(_brief_error(wrapped), BatchError)
