"""``brief bench --engine ray``: ``brief batch`` on Ray Data against the local engine, same run.

The benchmark articles are written to a folder and briefed twice by :func:`run_batch`, first
with the local engine, then on Ray (a local instance unless ``RAY_ADDRESS`` or an address says
otherwise). Both timings include loading the models; Ray's start is measured apart. On one
machine Ray cannot be faster: what this measures is what the Ray plumbing costs per article
(pickling articles between stages, the object store, scheduling), to weigh against what many
machines give back.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.batch import BatchOptions, run_batch
from pipeline.bench.corpus import bench_articles
from pipeline.config import BriefConfig


def compare_engines(
    articles: int, config: BriefConfig, address: str | None = None, words: int = 600
) -> dict[str, Any]:
    """Briefs ``articles`` benchmark articles with both engines; returns the report."""
    from pipeline.batch.ray_engine import require_ray

    ray = require_ray()
    with tempfile.TemporaryDirectory(prefix="brief-bench-engines-") as scratch:
        folder = Path(scratch) / "in"
        folder.mkdir()
        for article in bench_articles(articles, words=words):
            (folder / f"{article.stem}.txt").write_bytes(article.raw or b"")
        report: dict[str, Any] = {
            "brief_version": __version__,
            "articles": articles,
            "config_hash": config.digest(),
            "batch_articles": config.run.batch_articles,
            "machine": {
                "cpu": platform.processor() or platform.machine(),
                "cores": os.cpu_count(),
            },
        }
        began = time.perf_counter()
        local = run_batch(str(folder), Path(scratch) / "local", config)
        report["local"] = _timing(local.manifest, time.perf_counter() - began)
        began = time.perf_counter()
        started = not ray.is_initialized()
        if started:
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            ray.init(address=address, include_dashboard=False, logging_level="warning")
        report["ray_start_seconds"] = round(time.perf_counter() - began, 2)
        try:
            report["ray_resources"] = {
                k: v for k, v in ray.cluster_resources().items() if k in ("CPU", "GPU")
            }
            began = time.perf_counter()
            remote = run_batch(
                str(folder), Path(scratch) / "ray", config, BatchOptions(engine="ray")
            )
            report["ray"] = _timing(remote.manifest, time.perf_counter() - began)
        finally:
            if started:
                ray.shutdown()
        report["identical_rows"] = _identical(Path(scratch) / "local", Path(scratch) / "ray")
    per_article = (report["ray"]["seconds"] - report["local"]["seconds"]) / max(articles, 1)
    report["ray_overhead_s_per_article"] = round(per_article, 3)
    return report


def _timing(manifest: dict[str, Any], seconds: float) -> dict[str, Any]:
    return {
        "seconds": round(seconds, 2),
        "articles_per_s": round(manifest["counts"]["done"] / seconds, 3) if seconds else 0.0,
        "counts": manifest["counts"],
    }


def _identical(local: Path, remote: Path) -> str:
    """``N/M``: rows byte for byte the same in both outputs."""

    def lines(folder: Path) -> dict[str, str]:
        out = {}
        for shard in sorted((folder / "briefs").glob("part-*.jsonl")):
            for line in shard.read_text(encoding="utf-8").splitlines():
                out[json.loads(line)["key"]] = line
        return out

    mine, theirs = lines(local), lines(remote)
    same = sum(1 for key, line in mine.items() if theirs.get(key) == line)
    return f"{same}/{len(mine)}"


def format_engines(report: dict[str, Any]) -> str:
    """The comparison as a few lines."""
    local, ray = report["local"], report["ray"]
    cpus = report.get("ray_resources", {})
    return "\n".join(
        [
            f"brief bench --engine ray: {report['articles']} articles, batches of "
            f"{report['batch_articles']}, {report['machine']['cores']} cores "
            f"(Ray: {cpus.get('CPU', 0):.0f} CPU, {cpus.get('GPU', 0):.0f} GPU)",
            f"local  {local['seconds']:8.2f} s   {local['articles_per_s']:.3f} articles/s",
            f"ray    {ray['seconds']:8.2f} s   {ray['articles_per_s']:.3f} articles/s   "
            f"(+ {report['ray_start_seconds']:.1f} s to start Ray)",
            f"Ray overhead: {report['ray_overhead_s_per_article']:+.3f} s per article; "
            f"identical rows {report['identical_rows']}",
        ]
    )
