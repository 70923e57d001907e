"""``python -m pipeline`` is the ``brief`` command."""

from pipeline.cli.app import main

main()
