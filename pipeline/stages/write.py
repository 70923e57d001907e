"""Write stage: one Markdown and one JSON brief per article, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.brief import to_dict, to_markdown
from pipeline.config import BriefConfig
from pipeline.document import Article
from pipeline.io import atomic_write_text
from pipeline.runtime import Runtime
from pipeline.stages.base import Stage


class WriteStage(Stage):
    """Writes ``OUT/<stem>.md`` and ``OUT/<stem>.json`` and records them in ``article.outputs``."""

    name = "write"
    parallel = True

    def __init__(self, config: BriefConfig, runtime: Runtime) -> None:
        self.formats = config.stages.write.formats
        self.top_k = config.stages.facts.top_k
        self.lang = config.run.lang
        self.out = Path(config.run.out)

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if article.active:
                self.write(article)
        return articles

    def write(self, article: Article) -> None:
        """Writes the formats configured for one article."""
        if "json" in self.formats:
            text = json.dumps(to_dict(article, self.lang), ensure_ascii=False, indent=2)
            path = atomic_write_text(self.out / f"{article.stem}.json", text + "\n")
            article.outputs["json"] = str(path)
        if "md" in self.formats:
            path = atomic_write_text(
                self.out / f"{article.stem}.md", to_markdown(article, self.lang, self.top_k)
            )
            article.outputs["md"] = str(path)
