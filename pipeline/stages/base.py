"""What every stage is: a name, the fields it needs and fills, and ``pipe(articles)``."""

from __future__ import annotations

from typing import Any, ClassVar

from pipeline.document import Article


class Stage:
    """Base class of the pipeline's stages.

    A stage takes a batch of articles and returns them enriched, in the same order. It skips
    articles that are no longer ``active`` (failed or skipped earlier). It raises on a problem
    with the whole batch; the runner then retries article by article to isolate the bad one.

    Attributes:
        name: The stage's registry name.
        requires: Article fields that an earlier stage must fill (checked when the pipeline is
            built).
        provides: Article fields this stage fills.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def backends(self) -> dict[str, Any]:
        """The model backends this stage uses, by role (for preflight and the signature)."""
        return {}

    def pipe(self, articles: list[Article]) -> list[Article]:
        """Processes a batch of articles."""
        raise NotImplementedError
