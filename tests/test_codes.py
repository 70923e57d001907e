"""Every flag and warning code is declared once (pipeline/codes.py), in the schema and the docs."""

from __future__ import annotations

import json
import re

from pipeline import codes
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "pipeline" / "schema" / "brief.schema.json").read_text())


def test_the_schema_enums_are_the_declared_codes() -> None:
    defs = SCHEMA["$defs"]
    assert defs["sentenceFlag"]["enum"] == list(codes.SENTENCE_FLAGS)
    assert defs["summaryFlag"]["enum"] == list(codes.SUMMARY_FLAGS)
    assert defs["warningCode"]["enum"] == list(codes.WARNING_CODES)


def test_every_warning_the_code_raises_is_declared() -> None:
    used = set()
    for path in (REPO / "pipeline").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\.warn\(\s*\"([a-z_]+\.[a-z_]+)\"", text))
    assert used, "no warning found: the pattern is wrong"
    assert used <= set(codes.WARNING_CODES), used - set(codes.WARNING_CODES)


def test_every_code_is_documented_with_its_meaning() -> None:
    doc = (REPO / "docs" / "brief-format.md").read_text(encoding="utf-8")
    for code in [*codes.SENTENCE_FLAGS, *codes.SUMMARY_FLAGS, *codes.WARNING_CODES]:
        assert f"`{code}`" in doc, code
