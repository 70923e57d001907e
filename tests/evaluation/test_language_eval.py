from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluation.language import FILES, main, measure

FIXTURE = Path(__file__).parents[1] / "fixtures" / "detect" / "flores200_devtest_10-24.json"


def _folder(tmp_path: Path) -> Path:
    sentences = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for code, name in FILES.items():
        lines = sentences.get(code, sentences["es"])  # no Italian in the fixture
        (tmp_path / f"{name}.devtest").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_each_language_is_counted_by_sentence_and_paragraph(tmp_path: Path) -> None:
    found = measure(_folder(tmp_path), 0, 15)
    assert found["fr"]["paragraphs"]["fr"] == 3 and sum(found["fr"]["sentences"].values()) == 15
    assert found["ht"]["paragraphs"]["ht"] == 3
    assert found["oc"]["paragraphs"].get("en", 0) == 0


def test_the_command_prints_a_line_per_language_and_unit(tmp_path: Path, capsys) -> None:
    assert main([str(_folder(tmp_path)), "--end", "10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 * len(FILES)
    assert lines[0].startswith("oc sentences: ")
