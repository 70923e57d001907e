"""A new stage is one file and one config block: nothing else is edited."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.stages
from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.runner import Pipeline, articles_from_paths
from tests.conftest import FAKE_OVERRIDES, SEED

QUOTES = '''
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipeline.stages.base import Stage


class QuotesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_quotes: int = Field(default=5, ge=0)


class QuotesStage(Stage):
    """Puts the article's quoted sentences in metadata["quotes"]."""

    name = "quotes"
    requires = ("sentences",)
    provides = ("metadata.quotes",)
    parallel = True
    config_schema = QuotesConfig

    def __init__(self, config, runtime=None) -> None:
        self.config = config.stages.table("quotes")

    def pipe(self, articles):
        for article in articles:
            if article.active:
                quotes = [s.fr for s in article.sentences if "«" in s.fr]
                article.metadata["quotes"] = quotes[: self.config.max_quotes]
        return articles
'''


@pytest.fixture
def quotes_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``quotes.py`` in a folder searched as part of ``pipeline.stages`` (as if shipped there)."""
    (tmp_path / "quotes.py").write_text(QUOTES, encoding="utf-8")
    monkeypatch.setattr(pipeline.stages, "__path__", [*pipeline.stages.__path__, str(tmp_path)])
    yield tmp_path
    import sys

    sys.modules.pop("pipeline.stages.quotes", None)


def _config(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        '[pipeline]\nstages = ["clean", "detect", "translate", "summarise", "verify", "quotes",'
        ' "facts", "write"]\n\n' + block,
        encoding="utf-8",
    )
    return path


def test_a_stage_file_and_its_config_block_are_all_it_takes(quotes_stage: Path) -> None:
    out = f'run.out="{(quotes_stage / "out").as_posix()}"'
    config = load_config(
        _config(quotes_stage, "[stages.quotes]\nmax_quotes = 1\n"), [*FAKE_OVERRIDES, out]
    )
    assert config.stages.table("quotes").max_quotes == 1
    (article,) = Pipeline(config).run(articles_from_paths([SEED]))
    assert article.error is None
    assert len(article.metadata["quotes"]) == 1 and "«" in article.metadata["quotes"][0]


def test_without_its_block_the_stage_gets_its_defaults(quotes_stage: Path) -> None:
    config = load_config(_config(quotes_stage, ""), FAKE_OVERRIDES)
    assert config.stages.table("quotes").max_quotes == 5


def test_its_block_is_validated_by_its_own_schema(quotes_stage: Path) -> None:
    with pytest.raises(ConfigError, match="max_quotes"):
        load_config(_config(quotes_stage, "[stages.quotes]\nmax_quotes = -1\n"), FAKE_OVERRIDES)


def test_a_block_for_no_stage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[stages.qoutes]\nmax_quotes = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown stage table 'qoutes'"):
        load_config(path)
