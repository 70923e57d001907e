from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli.app import app

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "feed" / "pages"


def test_warnings_are_not_repeated_after_a_batch_is_retried(
    tmp_path: Path, fake_overrides: list[str]
) -> None:
    # The HTML page is cleaned (with a warning) before the binary file breaks the batch, so the
    # clean stage is retried article by article on both.
    page = tmp_path / "3ds.html"
    shutil.copy(PAGES / "3ds.html", page)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    sets = [x for item in fake_overrides for x in ("--set", item)]
    result = CliRunner().invoke(app, [str(page), str(binary), *sets])
    assert result.exit_code == 1
    assert "binary" in result.output
    data = json.loads((tmp_path / "out" / "3ds.json").read_text(encoding="utf-8"))
    warnings = [(w["code"], w["message"], w.get("sentence")) for w in data["warnings"]]
    assert "clean.html_extracted" in {code for code, _, _ in warnings}
    assert len(warnings) == len(set(warnings))
