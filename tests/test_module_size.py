"""No module of the package over 400 lines: split before it grows (docs/architecture.md)."""

from __future__ import annotations

from pathlib import Path

import pipeline

LIMIT = 400


def test_no_module_over_400_lines() -> None:
    root = Path(pipeline.__file__).parent
    sizes = {
        path.relative_to(root).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert sizes, "no module found"
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
