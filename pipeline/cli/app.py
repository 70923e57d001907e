"""The typer app: ``brief FILES…`` by default, plus command groups.

``brief seeds/*.txt`` runs the default ``run`` command; ``brief config show`` and other groups are
reached by name. Errors the user can act on are one line on stderr, never a traceback.
"""

from __future__ import annotations

import logging
import sys
import traceback
from typing import Any

import click
import typer
from typer.core import TyperGroup

from pipeline import __version__
from pipeline.cli import batch, bench, cache_cmd, config_cmd, feed, models
from pipeline.cli import eval as eval_cmd
from pipeline.cli.run import EXIT_CODES, run_command
from pipeline.cli.terminal import printable
from pipeline.cli.verify import EXIT_CODES as VERIFY_EXIT_CODES
from pipeline.cli.verify import verify_command
from pipeline.errors import BriefError, ExitCode

_GROUP_OPTIONS = {"--help", "-h", "--version"}

SHORT_USAGE = """brief FILES... [--lang en|fr] [-c CONFIG] [-o DIR] [--force] [-q] [-v] [...]

Brief French articles (.txt, .html; - for standard input) into DIR/<name>.md and .json.
Other commands: config, models, feed, eval, bench, cache. Every option: brief --help"""


class DefaultGroup(TyperGroup):
    """A group whose unknown first argument means "run the default command with these"."""

    default_command = "run"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:
            # A short usage, not the whole help: what to type first.
            click.echo(SHORT_USAGE, err=True)
            ctx.exit(2)
        if args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # `brief --help` documents the main command's every option, then the other commands.
        command = self.commands[self.default_command]
        sub = click.Context(command, info_name=ctx.info_name, parent=None)
        formatter.write_usage(ctx.info_name or "brief", "[OPTIONS] FILES...")
        command.format_help_text(sub, formatter)
        command.format_options(sub, formatter)
        formatter.write_dl([("--version", "Print the version and exit.")])
        self.format_commands(ctx, formatter)
        with formatter.section("Exit status"):
            formatter.write_text(EXIT_CODES.split(": ", 1)[1])
        formatter.write_paragraph()
        formatter.write_text(
            "Commands other than the default are called by name, e.g. `brief config show --help`."
        )


app = typer.Typer(
    cls=DefaultGroup,
    help="French news in, bilingual English/French briefs out.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"brief {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """French news in, bilingual English/French briefs out."""


app.command("run", help=run_command.__doc__, epilog=EXIT_CODES)(run_command)
app.add_typer(config_cmd.app, name="config")
app.command("bench")(bench.bench)
app.add_typer(models.app, name="models")
app.add_typer(eval_cmd.app, name="eval")
app.add_typer(feed.app, name="feed")
app.add_typer(cache_cmd.app, name="cache")
app.command("batch", epilog=batch.EXIT_CODES)(batch.batch_command)
app.command("verify", epilog=VERIFY_EXIT_CODES)(verify_command)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: runs the app, turning errors into one-line messages.

    Known errors (bad input, config, missing model) exit with their own status; anything else is
    an internal error (exit 70) whose traceback is shown only with ``-v``.
    """
    try:
        return app(args=argv, standalone_mode=True)
    except BriefError as exc:
        print(f"error: {printable(exc)}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(ExitCode.INTERRUPTED) from None
    except Exception as exc:
        if logging.getLogger().isEnabledFor(logging.INFO):
            traceback.print_exc()
        print(
            f"internal error: {type(exc).__name__}: {printable(exc)} "
            "(run with -v for the traceback)",
            file=sys.stderr,
        )
        raise SystemExit(ExitCode.INTERNAL) from None


if __name__ == "__main__":  # pragma: no cover
    main()
