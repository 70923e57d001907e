"""Options every command that reads a config shares: one definition, one help text."""

from __future__ import annotations

from typing import Annotated

import typer

SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set", "-s", help="Dotted override KEY=VALUE, e.g. stages.translate.num_beams=2."
    ),
]
