"""The ``brief`` command line: a typer app, one module per command group."""
