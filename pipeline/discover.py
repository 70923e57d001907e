"""Stages found by name, beyond the registry: one file and one config block make a stage.

A stage ``quotes`` is the class named ``quotes`` in ``pipeline/stages/quotes.py``; its config
block ``[stages.quotes]`` is validated by the class's ``config_schema``. Nothing else needs
editing (see docs/architecture.md, "Adding a stage").
"""

from __future__ import annotations

import importlib
from typing import Any


def stage_class_by_module(name: str) -> Any | None:
    """The stage class ``pipeline.stages.<name>`` defines under that name, or None."""
    if not name.isidentifier():
        return None
    module_name = f"pipeline.stages.{name}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and getattr(value, "name", None) == name
            and hasattr(value, "pipe")
        ):
            return value
    return None
