"""``brief feed SOURCE…``: the nightly job (and ``brief feed status``), thin over
:mod:`pipeline.feed`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from pipeline.cli.logs import setup_logging
from pipeline.cli.options import SetOpt
from pipeline.cli.terminal import printable
from pipeline.config import BriefConfig, load_config
from pipeline.errors import ExitCode

FEED_EXIT_CODES = """Exit status: 0 every article worked on was briefed (or deliberately skipped,
e.g. a duplicate) and every source was read; 1 some article or source failed (recorded with its
reason; the others were briefed); 2 bad usage or configuration; 3 a model is not available
(nothing was worked on); 75 another run holds the state (try later); 70 internal error; 130
interrupted (the next run picks up where it stopped)."""


class _FeedGroup(TyperGroup):
    """``brief feed X`` runs the job on X unless X names a sub-command (``status``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # `brief feed --help` documents the job's options (what `brief feed SOURCE...` takes),
        # then the other sub-commands.
        command = self.commands["run"]
        sub = click.Context(command, info_name=ctx.info_name, parent=ctx.parent)
        formatter.write_usage(ctx.command_path, "[OPTIONS] SOURCE...")
        command.format_help_text(sub, formatter)
        command.format_options(sub, formatter)
        self.format_commands(ctx, formatter)
        command.format_epilog(sub, formatter)


app = typer.Typer(
    cls=_FeedGroup,
    help="The nightly job: feeds in, briefs and a bilingual digest out, resumable. "
    "`brief feed SOURCE...` runs it; `brief feed status` shows the state.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _overrides(set_: list[str] | None, **options: str | Path | None) -> list[str]:
    """``--set`` items plus the options given (``run__out`` → ``run.out``), quoted as TOML."""
    out = list(set_ or [])
    for key, value in options.items():
        if value is not None:
            text = value.as_posix() if isinstance(value, Path) else str(value)
            out.append(f"{key.replace('__', '.')}={json.dumps(text)}")
    return out


@app.command("run", epilog=FEED_EXIT_CODES)
def run_cmd(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE",
            help="RSS/Atom feed URLs, feed files, folders of .txt/.html pages, single pages, "
            "or .jsonl/.parquet files of articles.",
        ),
    ],
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML config (only the keys it changes).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder of the briefs.")] = None,
    state: Annotated[Path | None, typer.Option("--state", help="SQLite state file.")] = None,
    digest: Annotated[Path | None, typer.Option("--digest", help="Digest folder.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="JSON run report.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Brief every article found again, done or not.")
    ] = False,
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="Reader's language.")] = None,
    device: Annotated[str | None, typer.Option("--device", "-d", help="auto, cpu or cuda.")] = None,
    set_: SetOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    """Fetch the sources, brief what is new (or failed before), write the digest and a report."""
    setup_logging(verbose=verbose, quiet=quiet)
    overrides = _overrides(
        set_,
        run__out=out,
        run__lang=lang,
        run__device=device,
        feed__state=state,
        feed__digest_dir=digest,
    )
    cfg = load_config(config, overrides)
    raise typer.Exit(feed(sources, cfg, report=report, force=force, quiet=quiet))


def feed(
    sources: list[str],
    config: BriefConfig,
    *,
    report: Path | None = None,
    force: bool = False,
    quiet: bool = False,
) -> int:
    """Runs the job, printing each article's outcome and the summary on stderr.

    Returns:
        The exit status (see ``FEED_EXIT_CODES``).
    """
    from pipeline.feed.job import Outcome, run_feed
    from pipeline.feed.report import summary_lines

    def progress(outcome: Outcome) -> None:
        if outcome.status == "failed":
            print(printable(f"failed: {outcome.key}: {outcome.error}"), file=sys.stderr)
        elif not quiet:
            detail = outcome.outputs.get("json") or outcome.error or ""
            print(printable(f"{outcome.status}: {outcome.key} {detail}".rstrip()), file=sys.stderr)

    try:
        result = run_feed(sources, config, force=force, report_path=report, on_outcome=progress)
    except KeyboardInterrupt:
        print("interrupted; the next run picks up where this one stopped", file=sys.stderr)
        return ExitCode.INTERRUPTED
    for line in summary_lines(result.report, str(report or config.feed.report)):
        print(printable(line), file=sys.stderr)
    return result.exit_code


@app.command("status")
def status_cmd(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config.")] = None,
    state: Annotated[Path | None, typer.Option("--state", help="SQLite state file.")] = None,
    set_: SetOpt = None,
) -> None:
    """Counts by status, and the articles that failed (or were given up) with their last error."""
    from pipeline.feed.report import status_lines
    from pipeline.feed.state import State

    cfg = load_config(config, _overrides(set_, feed__state=state))
    path = Path(cfg.feed.state)
    if not path.is_file():
        typer.echo(f"{printable(path)}: no state yet (no run so far)", err=True)
        raise typer.Exit(ExitCode.FAILED)
    with State(path) as db:
        for line in status_lines(db, cfg.feed.retries):
            typer.echo(line)
