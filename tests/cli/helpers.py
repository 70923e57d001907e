"""Running ``brief`` in-process the way the console script does (errors to one line + code)."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from pipeline.cli.app import main
from tests.conftest import FAKE_OVERRIDES


@dataclass
class Ran:
    """A finished run: its exit status and what it printed (stdout and stderr together)."""

    exit_code: int
    output: str


def run_brief(*args: str, fake: bool = True, stdin: bytes | None = None) -> Ran:
    """``brief ARGS`` through :func:`pipeline.cli.app.main`, with model-free stand-ins.

    Args:
        args: The command line.
        fake: Add the overrides that swap every model for a stand-in.
        stdin: Bytes for standard input (for ``-``).
    """
    import sys

    argv = list(args)
    if fake:
        for item in FAKE_OVERRIDES:
            argv += ["--set", item]
    buffer = io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    code = 0
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin = old_stdin
    return Ran(code, buffer.getvalue())
