"""Write stage: one Markdown and one JSON brief per article, written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.brief import stamp_briefed, to_dict
from pipeline.brief_md import render
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.errors import OutputError
from pipeline.io import atomic_write_text
from pipeline.output_policy import written_by_brief
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage


class WriteStage(Stage):
    """Writes ``OUT/<stem>.md`` and ``OUT/<stem>.json`` and records them in ``article.outputs``.

    An existing file is replaced only when brief wrote it (an earlier brief), never the
    article's own input or anyone else's file; the CLI refuses such runs at the start, this is
    the last line of defence (the feed job, a file created while the run goes on).
    """

    name = "write"
    parallel = True

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        self.formats = config.stages.write.formats
        self.top_facts = config.stages.write.top_facts
        self.lang = config.run.lang
        self.out = Path(config.run.out)

    # One article at a time, as clean does: a three-line loop, not worth a base-class hook.
    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if article.active:
                self.write(article)
        return articles

    def write(self, article: Article) -> None:
        """Writes the formats configured for one article.

        Raises:
            OutputError: A target exists and is the article's input or not a brief.
            OutputFailed: The disk is full (the run stops).
        """
        targets = {fmt: self.out / f"{article.stem}.{fmt}" for fmt in ("json", "md")}
        stamp_briefed(article)
        for fmt in self.formats:
            _check_replaceable(targets[fmt], Path(article.path))
        data = to_dict(article, self.lang)  # both formats are made from it
        if "json" in self.formats:
            text = json.dumps(data, ensure_ascii=False, indent=2)
            path = atomic_write_text(targets["json"], text + "\n")
            article.outputs["json"] = str(path)
        if "md" in self.formats:
            path = atomic_write_text(targets["md"], render(data, article.stem, self.top_facts))
            article.outputs["md"] = str(path)


def _check_replaceable(target: Path, source: Path) -> None:
    if not (target.exists() or target.is_symlink()):
        return
    try:
        same = os.path.samefile(target, source)
    except OSError:  # no such source: an article from a feed or from memory
        same = False
    if same:
        raise OutputError(f"{target}: is the article's own input; not overwritten")
    if target.is_symlink() or not written_by_brief(target):
        raise OutputError(f"{target}: exists and was not written by brief; not overwritten")
