"""Cold start: ``brief one.txt`` in a fresh process, timed from its exec.

``brief bench`` runs the real command line (``python -m pipeline.cli.cold_child`` calls the
same ``main`` as ``brief``, with this module's stamps and lengths) on one benchmark article with
the run's config and models, in a child process. The child writes, as JSON, when its imports
were done, when the first call into a model backend began (the backends load lazily, so that
call includes loading its model), when it finished, and its peak RSS; the parent times the
whole process from just before it started. Python's files and the model files are in the page
cache by then (the bench has just read them): this is a second run on a laptop, not the first
after a reboot.

Only the forced output lengths of random-weight models (:mod:`pipeline.bench.lengths`) are
added to the child, so that its model calls decode what a real run would.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline.bench.lengths import FORCED_ROLES, TRANSLATION_RATIO, force_lengths

MODEL_CALLS = ("translate", "summarise", "count_tokens")


def measure_cold_start(
    config_path: Path | None, overrides: list[str], timeout_s: float = 600.0
) -> dict[str, Any]:
    """Runs ``brief`` on one ~600-word benchmark article in a child process.

    Args:
        config_path: The run's config file.
        overrides: The run's dotted overrides (the benchmark models included).
        timeout_s: The child is stopped after this long.

    Returns:
        ``imports_s``, ``first_model_call_s`` and ``total_s`` (seconds from just before the
        child started), the child's ``exit_code`` and ``peak_rss_mb``.
    """
    from pipeline.bench.corpus import bench_articles

    with tempfile.TemporaryDirectory(prefix="brief-cold-") as tmp:
        work = Path(tmp)
        (article,) = bench_articles(1)
        source = work / "one.txt"
        source.write_bytes(article.raw)
        stamps = work / "stamps.json"
        args = [str(source), "--quiet", "--out", str(work / "out")]
        if config_path is not None:
            args += ["--config", str(config_path)]
        for override in overrides:
            args += ["--set", override]
        command = [sys.executable, "-m", "pipeline.cli.cold_child", str(stamps), *args]
        began = time.time()
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout_s, check=False
        )
        total = time.time() - began
        report: dict[str, Any] = {"exit_code": done.returncode, "total_s": round(total, 2)}
        if done.returncode != 0:
            report["stderr"] = done.stderr[-2000:]
        if stamps.is_file():
            child = json.loads(stamps.read_text(encoding="utf-8"))
            for key in ("imports", "first_model_call", "done"):
                if child.get(key) is not None:
                    report[f"{key}_s"] = round(child[key] - began, 2)
            report["peak_rss_mb"] = child.get("peak_rss_mb")
        return report


class Stamps:
    """What the child writes (absolute ``time.time()`` values)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = {"first_model_call": None}

    def mark(self, key: str) -> None:
        if self.data.get(key) is None:
            self.data[key] = time.time()

    def write(self) -> None:
        self.data["peak_rss_mb"] = _own_peak_rss_mb()
        self.path.write_text(json.dumps(self.data), encoding="utf-8")


def _own_peak_rss_mb() -> float | None:
    """This process's peak RSS since its exec (``VmHWM``). Not ``ru_maxrss``: Linux carries
    that across ``execve``, so a child started by a 2.6 GB bench would report 2.6 GB."""
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:  # not Linux
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def instrument(stamps: Stamps) -> None:
    """Forced lengths on the seq2seq backends and a stamp on the first model call, installed
    when the pipeline first runs (its backends exist then, their models not yet loaded)."""
    from pipeline.registry import MODEL_BACKENDS
    from pipeline.runner import Pipeline

    run = Pipeline.run

    def stamped(method: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            stamps.mark("first_model_call")
            return method(*args, **kwargs)

        return call

    def run_instrumented(self: Pipeline, *args: Any, **kwargs: Any) -> Any:
        backends = self.backends()
        force_lengths([backends[r] for r in FORCED_ROLES if r in backends], TRANSLATION_RATIO)
        for backend in backends.values():
            if getattr(backend, "kind", None) in MODEL_BACKENDS:
                for name in MODEL_CALLS:
                    if hasattr(backend, name):
                        setattr(backend, name, stamped(getattr(backend, name)))
        return run(self, *args, **kwargs)

    Pipeline.run = run_instrumented  # type: ignore[method-assign]
