"""Checks of the configured stage list, made once when the pipeline is built.

As spaCy's ``pipe_analysis`` checks components' declared attributes against ``Doc``: every
field a stage declares must exist on :class:`~pipeline.document.Article`, and every field a stage
requires must be provided by an earlier one.
"""

from __future__ import annotations

from dataclasses import is_dataclass
from typing import Any, get_args, get_origin, get_type_hints

from pipeline.document import Article
from pipeline.errors import StageOrderError
from pipeline.registry import stage_class


def check_order(names: list[str]) -> None:
    """Checks that every stage's required fields are filled by an earlier stage.

    Raises:
        StageOrderError: Naming the stage and the missing field.
    """
    seen: set[str] = set()
    if len(set(names)) != len(names):
        raise StageOrderError(f"pipeline.stages: a stage is listed twice: {names}")
    for name in names:
        cls = stage_class(name)
        for declared in (*cls.requires, *cls.provides):
            check_field(name, declared)
        for need in cls.requires:
            if need not in seen:
                raise StageOrderError(
                    f"pipeline.stages: stage {name!r} needs {need!r}, which no earlier stage "
                    f"provides (stages: {', '.join(names)})"
                )
        seen.update(cls.provides)


def check_field(stage: str, path: str) -> None:
    """Checks a field a stage declares (``sentences.en``) against :class:`Article` itself.

    The first part must be a field of the article; a further part, a field of the records a
    list holds (``Sentence.en``) or any key of a dict (``metadata.quotes``).

    Raises:
        StageOrderError: Naming the stage and the field that does not exist.
    """
    owner: Any = Article
    for part in path.split("."):
        hints = get_type_hints(owner) if is_dataclass(owner) else {}
        if owner is dict or get_origin(owner) is dict:
            return  # a key of a dict: any name will do
        if part not in hints:
            raise StageOrderError(
                f"stage {stage!r} declares {path!r}, but {owner.__name__} has no field {part!r}"
            )
        kind = hints[part]
        args = [a for a in get_args(kind) if a is not type(None)]
        owner = args[0] if get_origin(kind) is list and args else kind
