"""``brief`` in a child process, stamped for the cold-start benchmark.

``python -m pipeline.cli.cold_child STAMPS BRIEF-ARGS…`` runs ``brief BRIEF-ARGS…`` with the
stamps and forced lengths of :mod:`pipeline.bench.cold`, which starts it. It lives here, with the
command line it runs, so that the bench package imports nothing from the CLI (the CLI's
``brief bench`` imports the bench).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.bench.cold import Stamps, instrument


def main(argv: list[str]) -> int:
    """Runs ``brief`` on ``argv[1:]``, writing the stamps to ``argv[0]``; returns its status."""
    stamps = Stamps(Path(argv[0]))
    from pipeline.cli.app import main as brief

    stamps.mark("imports")
    instrument(stamps)
    code = 0
    try:
        brief(argv[1:])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    stamps.mark("done")
    stamps.write()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
