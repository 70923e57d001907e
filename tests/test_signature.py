"""The readable signature: one line that says what produced a brief or an eval result."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import BriefConfig
from pipeline.runner import Pipeline, articles_from_paths
from pipeline.signature import readable
from tests.conftest import SEED

SIG = {
    "package": "brief",
    "version": "0.1.0",
    "config_hash": "3f2a9c1d0b7e55aa",
    "device": "cpu",
    "dtype": "fp32",
    "models": {
        "translate": {
            "id": "Helsinki-NLP/opus-mt-fr-en",
            "revision": "b4a9a384c2ec68a224bbd2ee3fd5df0c71ca5b1b",
            "backend": "hf",
            "dtype": "fp32",
        },
        "summarise": {
            "id": "sshleifer/distilbart-cnn-12-6",
            "revision": None,
            "backend": "ct2",
            "dtype": "int8",
        },
    },
}


def test_readable_signature_names_each_model_revision_and_setting() -> None:
    text = readable(SIG, {"translate": 4, "summarise": 2})
    assert text == (
        "brief:0.1.0|cfg:3f2a9c1d0b7e|tr:opus-mt-fr-en@b4a9a384c2ec|tr.backend:hf|tr.beams:4|"
        "sum:distilbart-cnn-12-6@-|sum.backend:ct2|sum.dtype:int8|sum.beams:2|dev:cpu|dtype:fp32"
    )


@pytest.mark.parametrize(
    ("change", "shows"),
    [
        (lambda s: s["models"]["translate"].update(revision="0123456789abcdef"), "@0123456789ab"),
        (lambda s: s.update(device="cuda"), "dev:cuda"),
        (lambda s: s.update(config_hash="ffff00001111"), "cfg:ffff00001111"),
    ],
)
def test_two_signatures_that_differ_show_why(change, shows) -> None:
    import copy

    other = copy.deepcopy(SIG)
    change(other)
    assert readable(other) != readable(SIG)
    assert shows in readable(other) and shows not in readable(SIG)


def test_every_brief_carries_the_readable_signature(fake_config: BriefConfig) -> None:
    (article,) = Pipeline(fake_config).run(articles_from_paths([SEED]))
    text = article.signature["text"]
    assert text.startswith("brief:") and f"cfg:{fake_config.digest()[:12]}" in text
    assert f"tr.beams:{fake_config.stages.translate.num_beams}" in text
    markdown = Path(article.outputs["md"]).read_text(encoding="utf-8")
    assert f"`{text}`" in markdown
