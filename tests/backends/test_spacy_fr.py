"""spaCy's French pipeline loads without torch, and torch still imports afterwards."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from pipeline.backends.spacy_fr import SpacyFrench
SpacyFrench().ensure_available()
doc = SpacyFrench().nlp()("Emmanuel Macron est à Berlin. Il pleut.")
assert [e.text for e in doc.ents], "no entities"
assert "torch" not in sys.modules, "spaCy's import brought torch in"
import torch
assert torch.tensor([1, 2]).sum().item() == 3
print("ok")
"""


def test_spacy_loads_without_torch_and_torch_still_imports() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
