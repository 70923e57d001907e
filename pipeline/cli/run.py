"""``brief FILES…``: the main command, and the plain function behind it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from pipeline import __version__
from pipeline.backends.cache import CachedBackend
from pipeline.brief import run_file_text
from pipeline.cli.logs import setup_logging
from pipeline.cli.options import SetOpt
from pipeline.cli.outputs import check_outputs, check_writable, planned_outputs
from pipeline.cli.progress import Progress, is_terminal
from pipeline.cli.terminal import printable
from pipeline.cli.threads import limit_threads
from pipeline.config import dump_toml, load_config
from pipeline.document import Article
from pipeline.errors import ExitCode
from pipeline.io import atomic_write_text
from pipeline.output_policy import RUN_FILE, check_folder
from pipeline.runner import Pipeline, articles_from_paths, unique_stems

EXIT_CODES = """Exit status: 0 every input briefed; 1 some input failed or was skipped (the others
were still briefed); 2 bad usage or configuration, or an output folder that cannot be written
or holds files the run would overwrite; 3 a model is not available; 70 internal error; 74 an
output could not be written (disk full): the run stopped; 130 interrupted."""

STDIN = "-"
STDIN_STEM = "stdin"


def read_inputs(files: list[Path], stdin: BinaryIO | None, max_bytes: int) -> list[Article]:
    """One article per input; ``-`` is standard input (read at once, at most ``max_bytes + 1``
    bytes: the clean stage refuses more), briefed as ``stdin.md``/``stdin.json``."""
    articles = articles_from_paths(Path(f) for f in files if str(f) != STDIN)
    if not any(str(f) == STDIN for f in files):
        return articles
    if sum(str(f) == STDIN for f in files) > 1:
        from pipeline.errors import ConfigError

        raise ConfigError("`-` (standard input) can be given only once")
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    piped = Article(path="<stdin>", stem=STDIN_STEM, raw=data)
    unique_stems([*articles, piped])  # the files keep their stems; stdin gets the next free one
    position = [str(f) for f in files].index(STDIN)
    articles.insert(position, piped)
    return articles


def brief_files(
    files: list[Path],
    config_path: Path | None = None,
    overrides: list[str] | None = None,
    quiet: bool = False,
    force: bool = False,
    stdin: BinaryIO | None = None,
) -> int:
    """Briefs each file; returns the exit status.

    Args:
        files: Input articles; ``-`` reads one from standard input.
        config_path: Optional TOML config.
        overrides: ``KEY=VALUE`` dotted overrides (the CLI's options end up here too).
        quiet: No progress on stderr (errors are still reported).
        force: Replace briefs an earlier run wrote in the output folder (files brief did not
            write, and the inputs, are never replaced).
        stdin: Where ``-`` is read from (default: the process's standard input).

    Raises:
        BriefError: Configuration, output-folder or model problems that stop the whole run.
    """
    config = load_config(config_path, overrides or [])
    limit_threads(config)
    out = check_folder(config.run.out, option="output folder (-o/--out, run.out)")
    articles = read_inputs(files, stdin, config.stages.clean.max_bytes)
    formats = config.stages.write.formats if "write" in config.pipeline.stages else []
    check_outputs(
        planned_outputs(articles, out, formats),
        [Path(f) for f in files if str(f) != STDIN],
        force,
    )
    pipeline = Pipeline(config)
    for line in pipeline.licence_warnings():
        print(f"warning: {printable(line)}", file=sys.stderr)
    pipeline.preflight()
    check_writable(out)
    total = len(articles)
    began = time.perf_counter()
    counter = {"n": 0}

    progress = Progress(
        total, show=not quiet and is_terminal(), stages=list(config.pipeline.stages)
    )

    def report(article: Article) -> None:
        counter["n"] += 1
        progress.advance(article)
        where = f"[{counter['n']}/{total}] " if total > 1 else ""
        if article.error:
            progress.line(f"{where}error: {article.error}")
        elif article.skipped:
            progress.line(f"{where}skipped {article.path}: {article.skipped}")
        else:
            if not quiet and total > 1:
                outputs = ", ".join(article.outputs.values()) or "no output"
                progress.line(f"{where}{article.path} → {outputs}")
            note = not_french(article)
            if note and not quiet:
                progress.line(f"{where}note: {article.path}: {note}")

    try:
        with progress:
            pipeline.run(articles, on_article=report, on_stage=progress.stage)
    finally:
        pipeline.close()
    if pipeline.stats.done:
        atomic_write_text(out / RUN_FILE, run_file_text(dump_toml(config), __version__))
    stats = pipeline.stats
    if not quiet:
        print(
            f"{stats.done} briefed, {stats.failed} failed, {stats.skipped} skipped in "
            f"{time.perf_counter() - began:.1f} s → {printable(out)}/{cache_summary(pipeline)}",
            file=sys.stderr,
        )
    return ExitCode.OK if stats.failed == 0 and stats.skipped == 0 else ExitCode.FAILED


# The detect stage's warnings for an input it did not brief as plain French.
_NOT_FRENCH = ("detect.already_english", "detect.other_language", "detect.unsure")


def not_french(article: Article) -> str | None:
    """Why an input that was briefed was not briefed as French (in English, in another
    language, or unclear), as the detect stage said it; None for a French one."""
    for warning in article.warnings:
        if warning.code in _NOT_FRENCH:
            return warning.message
    return None


def cache_summary(pipeline: Pipeline) -> str:
    """ " (translations: N from cache, M translated)" for each cached backend, or ""."""
    parts = []
    for role, backend in pipeline.backends().items():
        if isinstance(backend, CachedBackend):
            hits, misses = backend.stats.cache_hits, backend.stats.cache_misses
            label = "translations" if role == "translate" else role
            parts.append(f"{label}: {hits} from cache, {misses} translated")
    return f" ({'; '.join(parts)})" if parts else ""


def run_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="French articles (.txt or .html), one brief each; - reads one from standard "
            "input (briefed as stdin.md/.json)."
        ),
    ],
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "-l", help="Reader's language, shown first: en or fr. [default: en]"
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML config (only the keys it changes).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder. [default: briefs]")
    ] = None,
    device: Annotated[
        str | None,
        typer.Option(
            "--device", "-d", help="auto (CUDA when present), cpu or cuda. [default: auto]"
        ),
    ] = None,
    set_: SetOpt = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace briefs an earlier run wrote in the output folder. Files brief did "
            "not write, and the inputs, are never replaced.",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    """Brief French articles: clean, translate to English, summarise, extract key facts, and
    write DIR/<name>.md and DIR/<name>.json for each."""
    setup_logging(verbose=verbose, quiet=quiet)
    overrides = list(set_ or [])
    for key, value in (("run.lang", lang), ("run.device", device)):
        if value is not None:
            overrides.append(f"{key}={value!s}")
    if out is not None:
        overrides.append(f"run.out={json.dumps(out.as_posix())}")
    raise typer.Exit(brief_files(files, config, overrides, quiet=quiet, force=force))
