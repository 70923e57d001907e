"""``brief config …``: show and check configurations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.config import dump_toml, load_config

app = typer.Typer(help="Show or check a configuration.", no_args_is_help=True)


@app.command("show")
def show(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config.")] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", "-s", help="Dotted override KEY=VALUE.")
    ] = None,
) -> None:
    """Print the filled configuration (defaults + file + overrides) as TOML."""
    cfg = load_config(config, set_ or [])
    typer.echo(dump_toml(cfg), nl=False)
    typer.echo(f"# config hash: {cfg.digest()}")


@app.command("check")
def check(paths: Annotated[list[Path], typer.Argument(help="Config files to validate.")]) -> None:
    """Validate config files; exit 2 on the first invalid one."""
    for path in paths:
        load_config(path)
        typer.echo(f"{path}: ok")
