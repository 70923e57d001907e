"""``brief cache …``: where the translation cache is, what it holds, and clearing it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.backends.cache import cache_info, clear_cache, default_cache_path
from pipeline.config import load_config

app = typer.Typer(help="Inspect or clear the translation cache.", no_args_is_help=True)

ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="TOML config.")]


def cache_path(config: Path | None = None) -> Path:
    """The cache file a run with this config uses (``stages.translate.cache.path``)."""
    cfg = load_config(config)
    return Path(cfg.stages.translate.cache.path or default_cache_path()).expanduser()


@app.command("info")
def info(config: ConfigOption = None) -> None:
    """Print the cache file's path, size and entries per model."""
    data = cache_info(cache_path(config))
    typer.echo(f"path: {data['path']}")
    if not data["exists"]:
        typer.echo("empty (no file yet)")
        return
    typer.echo(f"entries: {data['entries']:,} ({data['bytes'] / 1e6:.1f} MB)")
    for model, n in sorted(data["models"].items()):
        typer.echo(f"  {model}: {n:,}")


@app.command("clear")
def clear(config: ConfigOption = None) -> None:
    """Delete the cache file; the next run translates everything again."""
    path = cache_path(config)
    removed = clear_cache(path)
    typer.echo(f"removed {path}" if removed else f"nothing to remove at {path}")
