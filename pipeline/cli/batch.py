"""``brief batch INPUT -o OUTPUT``: brief a whole archive, locally or on a Ray cluster."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.cli.logs import setup_logging
from pipeline.cli.options import SetOpt
from pipeline.cli.terminal import printable
from pipeline.config import load_config

EXIT_CODES = """Exit status: 0 every article briefed or deliberately skipped; 1 some articles
failed (each is a row with its reason; the others were briefed); 2 bad usage, configuration,
INPUT or OUTPUT (or --engine ray without Ray); 3 a model is not available; 75 another run is
writing to OUTPUT; 70 internal error; 130 interrupted."""


def batch_command(
    input_: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A folder of .txt/.html articles, or a .jsonl/.parquet/.csv dataset file or "
            "folder (s3:// and gs:// too), with a text column like `brief feed` reads.",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder (new, or one brief batch wrote).")
    ],
    engine: Annotated[
        str, typer.Option("--engine", "-e", help="local (this machine) or ray (Ray Data).")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to join, e.g. auto; default RAY_ADDRESS or a new one."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML config (only the keys it changes).")
    ] = None,
    set_: SetOpt = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Also write OUTPUT/markdown/NAME.md.")
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", help="Shards of briefs: jsonl or parquet.")
    ] = "jsonl",
    shard_rows: Annotated[int, typer.Option(min=1, help="Rows per shard.")] = 1000,
    model_actors: Annotated[
        int | None,
        typer.Option(min=1, help="Ray: actors per model stage [default: one per GPU]."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    """Brief every article of INPUT into OUTPUT: shards of JSON briefs (one row each, failures
    with their reason), optional Markdown, and a manifest of the run. A rerun skips what is
    already briefed."""
    setup_logging(verbose=verbose, quiet=quiet)
    from pipeline.batch import BatchOptions, run_batch

    if engine not in ("local", "ray"):
        raise typer.BadParameter("local or ray", param_hint="--engine")
    if fmt not in ("jsonl", "parquet"):
        raise typer.BadParameter("jsonl or parquet", param_hint="--format")
    cfg = load_config(config, list(set_ or []))
    seen = {"n": 0}

    def progress(row: dict[str, Any]) -> None:
        seen["n"] += 1
        if row["status"] == "failed":
            print(f"[{seen['n']}] failed: {printable(row['reason'])}", file=sys.stderr)
        elif not quiet and seen["n"] % 100 == 0:
            print(f"[{seen['n']}] articles written", file=sys.stderr)

    # Keyword arguments, alike others (testing/builders.py) only in shape.
    options = BatchOptions(
        engine=engine,
        fmt=fmt,
        markdown=markdown,
        shard_rows=shard_rows,
        address=address,
        model_actors=model_actors,
        progress=progress,
    )
    result = run_batch(input_, out, cfg, options)
    m = result.manifest
    if not quiet:
        c = m["counts"]
        print(
            f"{c['done']} briefed, {c['failed']} failed, {c['skipped']} skipped, "
            f"{m.get('already_done', 0)} already done, in {m['seconds']:.1f} s "
            f"({m['articles_per_s']:.2f} articles/s, {engine}) → {printable(out)}/manifest.json",
            file=sys.stderr,
        )
    raise typer.Exit(result.exit_code)
