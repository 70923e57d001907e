"""``brief eval translate|summarise|verify|segment``: scores on public test sets, printed and saved
as JSON.

Exit status: 0 scored; 2 bad usage or configuration; 3 a model is not available.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline import __version__
from pipeline.cli.logs import setup_logging
from pipeline.cli.options import SetOpt
from pipeline.cli.terminal import printable
from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.evaluation.harness import EvalResult, evaluate_summaries, evaluate_translation
from pipeline.io import atomic_write_text
from pipeline.output_policy import check_file

EXIT_CODES = "Exit status: 0 scored; 2 bad usage or configuration; 3 a model is not available."

app = typer.Typer(
    help="Score translations (BLEU, chrF), summaries (ROUGE), the checks (recall, false alarms), "
    "sentence splitting and key facts (precision, recall).",
    no_args_is_help=True,
    epilog=EXIT_CODES,
)

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="TOML config: the models to evaluate.")
]
DeviceOpt = Annotated[
    str | None,
    typer.Option("--device", "-d", help="auto (CUDA when present), cpu or cuda."),
]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="Score only the first N items.")
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="JSON result file. [default: evals/TASK-TIMESTAMP.json]"),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")]
ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace a result file brief wrote before (-o)."),
]


def _overrides(set_: list[str] | None, device: str | None) -> list[str]:
    out = list(set_ or [])
    if device is not None:
        out.append(f"run.device={device}")
    return out


def _progress(label: str, quiet: bool) -> Callable[[int, int], None]:
    began = time.perf_counter()

    def report(done: int, total: int) -> None:
        if not quiet:
            rate = done / max(time.perf_counter() - began, 1e-9)
            end = "\n" if done >= total else "\r"
            print(f"{label}: {done}/{total} ({rate:.1f}/s)", end=end, file=sys.stderr)

    return report


def result_path(
    task: str, out: Path | None, force: bool = False, inputs: list[Path | None] | None = None
) -> Path:
    """Where the JSON result goes, checked before the work starts (the output policy:
    never an input, a file brief did not write or anything but a regular file)."""
    if out is None:
        return Path("evals") / f"{task}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    return check_file(out, inputs=[p for p in inputs or [] if p], force=force)


def write_result(path: Path, data: dict[str, Any]) -> None:
    """Writes a result as JSON, marked as brief's so that ``--force`` may replace it later."""
    marked = {"written_by": f"brief {__version__} eval", **data}
    atomic_write_text(path, json.dumps(marked, ensure_ascii=False, indent=2) + "\n")


def finish(result: EvalResult, path: Path) -> Path:
    """Prints the table and writes the JSON result; returns its path."""
    for line in result.warnings:
        print(f"warning: {line}", file=sys.stderr)
    write_result(path, result.to_dict())
    typer.echo(result.table())
    typer.echo(f"result → {printable(path)}")
    return path


@app.command("translate")
def translate_command(
    config: ConfigOpt = None,
    set_: SetOpt = None,
    device: DeviceOpt = None,
    limit: LimitOpt = None,
    subset: Annotated[
        str,
        typer.Option(
            "--subset",
            help="fr: the 1,500 segments written in French; all: all 3,003 (as the model card).",
        ),
    ] = "fr",
    out: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """BLEU and chrF (sacreBLEU) of the configured fr→en translation on WMT newstest2014."""
    setup_logging(quiet=quiet)
    path = result_path("translate", out, force, [config])
    cfg = load_config(config, _overrides(set_, device))
    if subset not in ("fr", "all"):
        raise typer.BadParameter("use fr or all", param_hint="--subset")
    result = evaluate_translation(cfg, subset, limit, _progress("segments", quiet))  # type: ignore[arg-type]
    finish(result, path)


# Each command declares its options in its own signature, which is what typer reads.
@app.command("summarise")
def summarise_command(
    config: ConfigOpt = None,
    set_: SetOpt = None,
    device: DeviceOpt = None,
    limit: LimitOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """ROUGE of the brief's French summary against OrangeSum reference abstracts, through the
    whole pipeline (translate → summarise → French side)."""
    setup_logging(quiet=quiet)
    path = result_path("summarise", out, force, [config])
    cfg = load_config(config, _overrides(set_, device))
    result = evaluate_summaries(cfg, limit, _progress("articles", quiet))
    finish(result, path)


@app.command("verify")
def verify_command(
    seed: Annotated[int, typer.Option("--seed", help="Seeds every perturbation.")] = 2014,
    limit: LimitOpt = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help=(
                "A set to measure (repeatable): dev, validation, test, or a set's name. "
                "[default: all]"
            ),
        ),
    ] = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """False alarms (correct human translations flagged) and recall (references perturbed once
    per type, seeded) of the checks, per development, validation and held-out test set;
    validation and test sets give aggregate figures only."""
    from pipeline.evaluation.verify import evaluate_verify, select_sets, table

    setup_logging(quiet=quiet)
    try:
        select_sets(sets)  # an unknown set is a usage error before anything runs
    except ConfigError as exc:
        typer.echo(printable(str(exc)), err=True)
        raise typer.Exit(ConfigError.exit_code) from None
    path = result_path("verify", out, force)
    result = evaluate_verify(seed, limit, _progress("segments", quiet), sets=sets)
    write_result(path, result)
    typer.echo(table(result))
    typer.echo(f"result → {printable(path)}")


@app.command("segment")
def segment_command(
    split: Annotated[str, typer.Option("--split", help="dev, test (held out) or all.")] = "all",
    lang: Annotated[str, typer.Option("--lang", help="fr, en or all.")] = "all",
    seed: Annotated[int, typer.Option("--seed", help="Seeds the paragraph sizes.")] = 2026,
    limit: LimitOpt = None,
    errors: Annotated[
        int,
        typer.Option("--errors", min=0, help="Print up to N of brief's errors (DEV sets only)."),
    ] = 0,
    out: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Sentence-boundary precision, recall and F1 of brief's French and English splitters beside
    pysbd's, on WMT sentences joined into paragraphs, quotes straight, as guillemets and curly."""
    from pipeline.evaluation.segment import evaluate_segment, table

    setup_logging(quiet=quiet)
    path = result_path("segment", out, force)
    result = evaluate_segment(split, lang, seed, limit, errors, _progress("sets", quiet))
    for error in result["errors"]:
        print(printable(f"{error['set']} {error['variant']} {error['kind']}: {error['at']}"),
              file=sys.stderr)  # fmt: skip
    write_result(path, result)
    typer.echo(table(result))
    typer.echo(f"result → {printable(path)}")


@app.command("facts")
def facts_command(
    limit: LimitOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Precision and recall of the key facts by type against facts annotated by hand on French
    Wikinews articles, development and held-out apart (the real clean and facts stages)."""
    from pipeline.evaluation.facts import evaluate_facts, table

    setup_logging(quiet=quiet)
    path = result_path("facts", out, force)
    result = evaluate_facts(limit, _progress("articles", quiet))
    write_result(path, result)
    typer.echo(table(result))
    typer.echo(f"result → {printable(path)}")
