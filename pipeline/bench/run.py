"""Runs the benchmark: the whole pipeline, then the naive baseline, in one process.

Generation lengths are forced (translation = 1.2 × source tokens, summary = 80 tokens), so
every run decodes the same number of tokens whatever the random weights would prefer. The naive
baseline is one ``generate`` call per sentence (and per article for the summary), fp32, batch
1, same decoding settings; it is sampled for a fixed time budget and compared in tokens/s.
"""

from __future__ import annotations

import logging
import os
import platform
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.backends.base import GenerationSettings
from pipeline.backends.hf_seq2seq import HFSeq2Seq
from pipeline.bench.corpus import bench_articles
from pipeline.bench.lengths import FORCED_ROLES, TRANSLATION_RATIO, ForcedLengths, force_lengths
from pipeline.bench.models import BenchModels
from pipeline.config import BriefConfig, load_config
from pipeline.manifests import resolve_model
from pipeline.registry import MODEL_BACKENDS
from pipeline.runner import Pipeline
from pipeline.runtime import Runtime
from pipeline.workers import peak_rss_mb

log = logging.getLogger(__name__)

__all__ = ["FORCED_ROLES", "TRANSLATION_RATIO", "bench_config", "run_bench"]
SUMMARY_TOKENS = 80


# ``--backend none``: model-free stand-ins, to measure what the stages cost around the models.
STAND_INS = [
    "stages.translate.backend.kind=upper",
    "stages.summarise.backend.kind=lead",
    "stages.summarise.french.backend.kind=identity",
    "stages.translate.guard.enabled=false",
    "stages.translate.cache.enabled=false",
]


def bench_overrides(
    models: BenchModels | None, backend: str, ct2_dirs: dict[str, Path]
) -> list[str]:
    """Config overrides that point the stages at the benchmark models and force lengths."""
    if backend == "none" or models is None:
        return list(STAND_INS)

    def q(path: Path) -> str:
        return '"' + Path(path).as_posix() + '"'

    tr = ct2_dirs.get("translate", models.translate) if backend == "ct2" else models.translate
    su = ct2_dirs.get("summarise", models.summarise) if backend == "ct2" else models.summarise
    bt = (
        ct2_dirs.get("back_translate", models.back_translate)
        if backend == "ct2"
        else models.back_translate
    )
    return [
        f"stages.translate.backend.kind={backend}",
        f"stages.translate.backend.model={q(tr)}",
        f"stages.translate.max_length_ratio={TRANSLATION_RATIO}",
        f"stages.summarise.french.max_length_ratio={TRANSLATION_RATIO}",
        # Random weights trip every guard (their output is gibberish), and a cache would make a
        # second run free: both off, so the run measures decoding.
        "stages.translate.guard.enabled=false",
        "stages.translate.cache.enabled=false",
        f"stages.summarise.backend.kind={backend}",
        f"stages.summarise.backend.model={q(su)}",
        f"stages.summarise.min_new_tokens={SUMMARY_TOKENS}",
        f"stages.summarise.max_new_tokens={SUMMARY_TOKENS}",
        f"stages.summarise.french.backend.kind={backend}",
        f"stages.summarise.french.backend.model={q(bt)}",
    ]


def _backend_report(backend: Any) -> dict[str, Any]:
    """A model backend's counters; nothing for stand-ins and spaCy (no tokens to count)."""
    stats = getattr(backend, "stats", None)
    if stats is None or getattr(backend, "kind", None) not in MODEL_BACKENDS:
        return {}
    out = asdict(stats)
    out["output_tokens_per_s"] = (
        round(stats.output_tokens / stats.seconds, 1) if stats.seconds else 0
    )
    return out


def naive_baseline(
    model_dir: Path,
    texts: list[str],
    generation: GenerationSettings,
    device: str,
    budget_s: float,
    lengths: ForcedLengths | None = None,
) -> dict[str, Any]:
    """One ``generate`` per text, fp32, batch 1, until ``budget_s`` seconds are spent."""
    spec = resolve_model(str(model_dir))
    backend = HFSeq2Seq(spec, generation, device=device, dtype="float32", batch_size=1)
    backend.lengths = lengths
    backend.translate(texts[:1])  # load and warm up outside the measurement
    backend.stats = type(backend.stats)()
    began = time.perf_counter()
    done = 0
    for text in texts:
        backend.translate([text])
        done += 1
        if time.perf_counter() - began > budget_s:
            break
    report = _backend_report(backend)
    report["texts_measured"] = done
    return report


def warm_up(pipeline: Pipeline) -> float:
    """Runs one short article through the pipeline, so that every model is loaded before the
    measurement, then clears the counters. Returns the seconds it took (model loading, mostly).
    """
    began = time.perf_counter()
    (article,) = bench_articles(1, words=40)
    pipeline.run([article])
    for backend in pipeline.backends().values():
        if getattr(backend, "stats", None) is not None:
            backend.stats = type(backend.stats)()
    pipeline.stats = type(pipeline.stats)()
    return time.perf_counter() - began


def run_bench(
    articles: int,
    models: BenchModels | None,
    config: BriefConfig,
    baseline_seconds: float = 30.0,
    ct2_dirs: dict[str, Path] | None = None,
) -> dict[str, Any]:
    """Runs the pipeline on ``articles`` benchmark articles, then the naive baselines.

    Returns:
        The report (also what ``brief bench -o`` writes as JSON).
    """
    runtime = Runtime.from_config(config)
    items = bench_articles(articles)
    words = sum(len(a.raw.decode("utf-8").split()) for a in items)
    cuda = runtime.device == "cuda"
    with Pipeline(config, runtime) as pipeline:
        backends = pipeline.backends()
        force_lengths([backends[r] for r in FORCED_ROLES if r in backends], TRANSLATION_RATIO)
        load = warm_up(pipeline)  # starts the worker processes too, when there are any
        if cuda:
            import torch

            torch.cuda.reset_peak_memory_stats()
        began, cpu = time.perf_counter(), time.process_time()
        pipeline.run(items)
        total = time.perf_counter() - began
        # CPU time of this process (all its threads): on a shared machine, wall time grows
        # with the other tenants' load and this much less, so both are reported.
        cpu = time.process_time() - cpu
        workers_rss = pipeline.worker_rss_mb()
    failed = [a.error for a in items if a.error]
    report: dict[str, Any] = {
        "brief_version": __version__,
        "device": runtime.device,
        "dtype": runtime.dtype,
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
        },
        "config_hash": config.digest(),
        "articles": articles,
        "words": words,
        "sentences": sum(len(a.sentences) for a in items),
        "failed": len(failed),
        "errors": failed[:3],
        "workers": config.run.workers,
        "load_seconds": round(load, 2),
        "seconds": round(total, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_s": round(articles / total, 3),
        # With workers, a stage's seconds add up its time in every process (they overlap).
        "stage_seconds": {k: round(v, 2) for k, v in pipeline.stats.seconds.items()},
        "models": {
            role: {**b.signature(), **_backend_report(b)} for role, b in pipeline.backends().items()
        },
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if workers_rss:
        report["workers_peak_rss_mb"] = round(sum(workers_rss.values()), 1)
    if cuda:
        import torch

        report["machine"]["gpu"] = torch.cuda.get_device_name(0)
        report["peak_gpu_mb"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    if baseline_seconds > 0 and models is not None:
        report["baseline"] = _baselines_apart(
            items, models, config, runtime.device, baseline_seconds
        )
        for role in ("translate", "summarise"):
            fast = report["models"].get(role, {}).get("output_tokens_per_s")
            slow = report["baseline"].get(role, {}).get("output_tokens_per_s")
            if fast and slow:
                report["baseline"][role]["speedup"] = round(fast / slow, 1)
    return report


def _baselines_apart(
    items: list, models: BenchModels, config: BriefConfig, device: str, budget: float
) -> dict[str, Any]:
    """The naive baselines in a fresh process, as a naive script would run: nothing the
    pipeline loaded (CTranslate2's thread pools, spaCy, lingua) shares it. (Moving it here did
    not cure the slow baselines of 2026-11-29, 1.5 tokens/s instead of 11: see docs/speed.md.)"""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    sentences = [s.fr for a in items for s in a.sentences]
    english = [a.text_en() for a in items if a.sentences]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        job = pool.submit(_baselines, sentences, english, models, config, device, budget)
        return job.result()


def _baselines(
    sentences: list[str],
    english: list[str],
    models: BenchModels,
    config: BriefConfig,
    device: str,
    budget: float,
) -> dict[str, Any]:
    # One call per model, each with its own settings (a length ratio; a fixed summary length).
    tr = config.stages.translate
    translate = naive_baseline(
        models.translate,
        sentences,
        GenerationSettings(
            num_beams=tr.num_beams,
            max_length_ratio=TRANSLATION_RATIO,
            no_repeat_ngram_size=tr.no_repeat_ngram_size,
            repetition_penalty=tr.repetition_penalty,
        ),
        device,
        budget,
        ForcedLengths(TRANSLATION_RATIO),
    )
    su = config.stages.summarise
    summarise = naive_baseline(
        models.summarise,
        english,
        GenerationSettings(
            num_beams=su.num_beams,
            max_new_tokens=SUMMARY_TOKENS,
            max_length_ratio=None,
            min_new_tokens=SUMMARY_TOKENS,
            no_repeat_ngram_size=su.no_repeat_ngram_size,
            length_penalty=su.length_penalty,
        ),
        device,
        budget / 2,
    )
    return {"translate": translate, "summarise": summarise}


def bench_config(
    models: BenchModels | None,
    backend: str,
    config_path: Path | None,
    overrides: list[str],
    ct2_dirs: dict[str, Path] | None = None,
) -> BriefConfig:
    """The run's config: the user's, then the benchmark's models and forced lengths."""
    return load_config(
        config_path,
        [
            *overrides,
            *bench_overrides(models, backend, ct2_dirs or {}),
            'run.out="' + _scratch().as_posix() + '"',
        ],
    )


def bench_model_names(config_path: Path | None, overrides: list[str]) -> dict[str, str]:
    """The manifest names whose architectures the benchmark models copy: the configured
    translation, back-translation and summariser models (``configs/cpu.toml`` picks a smaller
    summariser than the default, so the bench must build that one)."""
    stages = load_config(config_path, overrides).stages
    return {
        "translate": stages.translate.backend.model or "",
        "back_translate": stages.summarise.french.backend.model or "",
        "summarise": stages.summarise.backend.model or "",
    }


def bench_cold_overrides(
    models: BenchModels | None, backend: str, overrides: list[str], ct2_dirs: dict[str, Path]
) -> list[str]:
    """What the cold-start child is given: the run's overrides and the benchmark's."""
    return [*overrides, *bench_overrides(models, backend, ct2_dirs)]


def _scratch() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="brief-bench-"))
