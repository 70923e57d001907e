"""The briefs of the seed articles, with the model-free stand-ins, against reviewed copies.

A change that is meant to leave behaviour alone (a restructuring) must leave these byte for byte
as they are, the signature aside. A change that is meant to change a brief regenerates them and
shows the difference in review::

    BRIEF_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import pytest

from tests.cli.helpers import run_brief
from tests.conftest import SEEDS

GOLDEN = Path(__file__).parent / "fixtures" / "golden"


def _briefs(out: Path) -> dict[str, str]:
    """The run's briefs, the signature and the checkout's own path left out."""
    ran = run_brief(*[str(p) for p in SEEDS], "-o", str(out), "-q")
    assert ran.exit_code == 0, ran.output
    here = str(SEEDS[0].parent)
    found = {}
    for path in sorted(out.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        del data["signature"], data["briefed_at"]
        data["source"]["path"] = data["source"]["path"].replace(here, "seeds")
        found[path.name] = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    for path in sorted(out.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text[: text.rindex("\n---\n")]  # the signature follows
        body = re.sub(r"· briefed \d{4}-\d\d-\d\d \d\d:\d\d UTC", "· briefed (time)", body)
        found[path.name] = body.replace(here.replace("_", "\\_"), "seeds").replace(here, "seeds")
    return found


def test_seed_briefs_are_as_reviewed(tmp_path: Path) -> None:
    found = _briefs(tmp_path / "out")
    if os.environ.get("BRIEF_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.glob("*"):
            old.unlink()
        for name, text in found.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
        pytest.skip(f"golden briefs written to {GOLDEN}")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*"))}
    assert sorted(found) == sorted(expected)
    for name, text in found.items():
        if text != expected[name]:
            diff = difflib.unified_diff(
                expected[name].splitlines(), text.splitlines(), "golden", "now", lineterm="", n=1
            )
            pytest.fail(
                f"{name} differs from tests/fixtures/golden:\n" + "\n".join(list(diff)[:60])
            )
