"""``brief config …``: show and check configurations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.options import SetOpt
from pipeline.cli.terminal import printable
from pipeline.config import dump_toml, load_config
from pipeline.errors import BriefError, ConfigError

app = typer.Typer(help="Show or check a configuration.", no_args_is_help=True)


@app.command("show")
def show(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config.")] = None,
    set_: SetOpt = None,
) -> None:
    """Print the filled configuration (defaults + file + overrides) as TOML."""
    cfg = load_config(config, set_ or [])
    typer.echo(dump_toml(cfg), nl=False)
    typer.echo(f"# config hash: {cfg.digest()}")


@app.command("check")
def check(paths: Annotated[list[Path], typer.Argument(help="Config files to validate.")]) -> None:
    """Validate config files, each one: "PATH: ok" or the error; exit 2 if any is invalid."""
    bad = 0
    for path in paths:
        try:
            load_config(path)
        except BriefError as exc:
            bad += 1
            typer.echo(printable(f"{path}: {exc}"), err=True)
        else:
            typer.echo(f"{printable(path)}: ok")
    if bad:
        raise typer.Exit(ConfigError.exit_code)
