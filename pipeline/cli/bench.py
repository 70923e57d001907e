"""``brief bench``: speed of the whole pipeline against the naive baseline, measured."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline import __version__
from pipeline.cli.logs import setup_logging
from pipeline.cli.options import SetOpt
from pipeline.cli.terminal import printable
from pipeline.io import atomic_write_text
from pipeline.output_policy import check_file

DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "brief" / "bench"


def bench(
    articles: Annotated[int, typer.Option("--articles", "-n", help="Articles of ~600 words.")] = 20,
    device: Annotated[str, typer.Option("--device", "-d", help="auto, cpu or cuda.")] = "auto",
    backend: Annotated[
        str,
        typer.Option(
            "--backend",
            "-b",
            help="hf (transformers), ct2 (CTranslate2 int8) or none (model-free stand-ins: "
            "what the stages cost around the models).",
        ),
    ] = "hf",
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config.")] = None,
    set_: SetOpt = None,
    baseline_seconds: Annotated[
        float, typer.Option(help="Time spent sampling the naive baseline (0: skip it).")
    ] = 30.0,
    cache: Annotated[Path, typer.Option(help="Where the random-weight models are kept.")] = (
        DEFAULT_CACHE
    ),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report as JSON.")] = (
        None
    ),
    force: Annotated[
        bool, typer.Option("--force", help="Replace a report brief wrote before (-o).")
    ] = False,
    cold_start: Annotated[
        bool | None,
        typer.Option(
            help="Also time `brief one.txt` in a fresh process, from exec to its first model "
            "call and to its exit. [default: on for a CPU run, off on a GPU]",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
    engine: Annotated[
        str,
        typer.Option(
            help="local: the pipeline in this process; ray: `brief batch` on Ray against the "
            "local engine, same articles, same run (articles/s and the overhead per article)."
        ),
    ] = "local",
    verify_cost: Annotated[
        bool,
        typer.Option(
            "--verify-cost",
            help="Only measure what the verify checks cost beyond spaCy's parse (CPU ms a "
            "sentence and a 30-sentence article, on the shipped newstest2014 pairs).",
        ),
    ] = False,
) -> None:
    """Benchmark the pipeline with random-weight models of the real architectures."""
    setup_logging(verbose=verbose)
    if out:
        check_file(out, inputs=[config] if config else [], force=force)
    if verify_cost:
        from pipeline.bench.verify_cost import format_verify_cost, measure_verify_cost

        report = measure_verify_cost()
        print(format_verify_cost(report))
        if out:
            marked = {"written_by": f"brief {__version__} bench", "verify_cost": report}
            atomic_write_text(out, json.dumps(marked, indent=2) + "\n")
        return
    from pipeline.bench.run import bench_cold_overrides, bench_config, bench_model_names, run_bench

    if backend not in {"hf", "ct2", "none"}:
        raise typer.BadParameter("hf, ct2 or none", param_hint="--backend")
    if engine not in {"local", "ray"}:
        raise typer.BadParameter("local or ray", param_hint="--engine")
    models, ct2_dirs = None, {}
    overrides = [*(set_ or []), f"run.device={device}"]
    if backend != "none":
        names = bench_model_names(config, overrides)
        print(f"building/loading random-weight models in {cache} …", file=sys.stderr)
        # Built (and converted) in a child process: the measured process then holds only what
        # the pipeline loads, so its peak RSS is the pipeline's.
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            models, ct2_dirs = pool.submit(prepare_models, cache, backend, names).result()
    cfg = bench_config(models, backend, config, overrides, ct2_dirs)
    if engine == "ray":
        from pipeline.bench.engines import compare_engines, format_engines

        report = compare_engines(articles, cfg)
        print(format_engines(report))
    else:
        report = run_bench(articles, models, cfg, baseline_seconds, ct2_dirs)
        # Off by default on a GPU: the lent machine's time is counted, and the laptop is the
        # case.
        if cold_start or (cold_start is None and report["device"] == "cpu"):
            from pipeline.bench.cold import measure_cold_start

            cold = bench_cold_overrides(models, backend, overrides, ct2_dirs)
            report["cold_start"] = measure_cold_start(config, cold)
        print(format_report(report))
    if out:
        marked = {"written_by": f"brief {__version__} bench", **report}
        atomic_write_text(out, json.dumps(marked, indent=2) + "\n")
        print(f"report written to {printable(out)}", file=sys.stderr)


def prepare_models(
    cache: Path, backend: str, names: dict[str, str] | None = None
) -> tuple[Any, dict[str, Path]]:
    """The benchmark models, built when missing, and their CTranslate2 conversions for ct2
    (``names``: the configured manifest names, by role)."""
    from pipeline.bench.models import bench_names, build_bench_models

    models = build_bench_models(cache, **bench_names(names or {}))
    return models, _converted(models, cache) if backend == "ct2" else {}


def _converted(models: Any, cache: Path) -> dict[str, Path]:
    from pipeline.backends.ct2 import convert
    from pipeline.manifests import resolve_model

    out = {}
    for role in ("translate", "back_translate", "summarise"):
        source = getattr(models, role)
        target = cache / "ct2" / f"{source.name}-int8"
        if not (target / "model.bin").is_file():
            convert(resolve_model(str(source)), target, "int8", force=True)
        out[role] = target
    return out


def format_cold_start(cold: dict[str, Any]) -> str:
    """The cold-start line: a fresh `brief one.txt`, timed from its exec."""
    if cold.get("exit_code") != 0:
        return f"cold start: `brief one.txt` failed (exit {cold.get('exit_code')})"
    first = cold.get("first_model_call_s")
    return (
        f"cold start (`brief one.txt`, fresh process): imports {cold.get('imports_s', 0):.2f} s, "
        + (f"first model call at {first:.2f} s, " if first is not None else "no model call, ")
        + f"exit at {cold['total_s']:.2f} s · peak RSS {cold.get('peak_rss_mb') or 0:.0f} MB"
    )


def format_report(report: dict[str, Any]) -> str:
    """The report as a few aligned lines."""
    hardware = report["machine"].get("gpu") or report["machine"]["cpu"]
    lines = [
        f"brief bench: {report['articles']} articles ({report['words']:,} words) on "
        f"{report['device']} {report['dtype']} ({hardware})",
        f"models loaded in {report['load_seconds']:.2f} s (one short article, not counted)",
        f"total {report['seconds']:.2f} s (CPU {report.get('cpu_seconds', 0):.2f} s) · "
        f"{report['articles_per_s']:.2f} articles/s · "
        f"failed {report['failed']} · peak RSS {report['peak_rss_mb']:.0f} MB"
        + (
            f" + {report['workers']} workers {report['workers_peak_rss_mb']:.0f} MB"
            if "workers_peak_rss_mb" in report
            else ""
        )
        + (f" · peak GPU {report['peak_gpu_mb']:.0f} MB" if "peak_gpu_mb" in report else ""),
        "",
        "stage seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in report["stage_seconds"].items()),
    ]
    if "cold_start" in report:
        lines.insert(2, format_cold_start(report["cold_start"]))
    if not any("output_tokens" in m for m in report["models"].values()):
        return "\n".join(lines)  # model-free stand-ins: no model figures
    lines += [
        "",
        f"{'model':<18}{'backend':<9}{'dtype':<10}{'out tokens':>11}{'tokens/s':>11}"
        f"{'baseline/s':>12}{'speedup':>9}",
    ]
    base = report.get("baseline", {})
    for role, m in report["models"].items():
        if "output_tokens" not in m:
            continue
        b = base.get(role, {})
        lines.append(
            f"{role:<18}{m.get('backend', ''):<9}{str(m.get('dtype', '')):<10}"
            f"{m['output_tokens']:>11,}{m['output_tokens_per_s']:>11,.0f}"
            f"{b.get('output_tokens_per_s', 0):>12,.0f}"
            f"{(str(b['speedup']) + '×') if 'speedup' in b else '–':>9}"
        )
    if base:
        lines.append("")
        lines.append(
            "baseline: one generate() per sentence / per article, fp32, batch 1, same "
            "decoding; sampled on "
            + ", ".join(f"{k} {v.get('texts_measured', 0)} texts" for k, v in base.items())
        )
    return "\n".join(lines)
