"""Markdown code blocks and tables: out of the translation, shown as they are in the brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.text.verbatim import split_verbatim
from tests.cli.helpers import run_brief
from tests.conftest import SEED

CODE = "```python\nprint('Bonjour, le monde')\n```"
TABLE = "| Ville | Habitants |\n|---|---|\n| Lyon | 522 000 |"


def test_code_blocks_and_tables_are_set_aside_in_order() -> None:
    text = f"Un paragraphe.\n\n{CODE}\n\nUn autre paragraphe.\n\n{TABLE}\n\nLa fin.\n"
    kept, blocks = split_verbatim(text)
    assert [(b.kind, b.text) for b in blocks] == [("code", CODE), ("table", TABLE)]
    assert "print" not in kept and "Lyon" not in kept
    assert [p for p in kept.split("\n") if p] == [
        "Un paragraphe.",
        "Un autre paragraphe.",
        "La fin.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Un article ordinaire, sans code ni tableau.",
        "    Un paragraphe indenté n'est pas du code dans un article.",
        "Le score était de 3 | 2 selon les arbitres.",
        "- une liste\n\n  ```\n  un bloc dans la liste reste où il est\n  ```",
    ],
)
def test_prose_stays(text: str) -> None:
    assert split_verbatim(text) == (text, [])


def test_a_markdown_article_is_briefed_without_translating_its_code(tmp_path: Path) -> None:
    article = SEED.read_text(encoding="utf-8").split("\n\n")
    note = tmp_path / "note.md"
    note.write_text(
        "\n\n".join([article[0], CODE, *article[1:3], TABLE, *article[3:]]), encoding="utf-8"
    )
    out = tmp_path / "out"
    ran = run_brief(str(note), "-o", str(out), "-q")
    assert ran.exit_code == 0, ran.output
    brief = json.loads((out / "note.json").read_text(encoding="utf-8"))
    assert brief["metadata"]["verbatim"] == [
        {"kind": "code", "text": CODE},
        {"kind": "table", "text": TABLE},
    ]
    english = " ".join(s["en"] for s in brief["sentences"])
    # The stand-in translator upper-cases: none of the code or the table went through it.
    assert "PRINT" not in english and "HABITANTS" not in english and "print" not in english
    assert any(w["code"] == "clean.verbatim" for w in brief["warnings"])
    markdown = (out / "note.md").read_text(encoding="utf-8")
    # Fenced longer than the backticks it holds, so the code's own fence cannot end it.
    assert f"\n````markdown\n{CODE}\n````\n" in markdown
    assert f"```markdown\n{TABLE}\n```" in markdown


def test_a_text_file_is_never_read_as_markdown(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(SEED.read_text(encoding="utf-8") + f"\n\n{TABLE}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_brief(str(note), "-o", str(out), "-q").exit_code == 0
    brief = json.loads((out / "note.json").read_text(encoding="utf-8"))
    assert "verbatim" not in brief["metadata"]
