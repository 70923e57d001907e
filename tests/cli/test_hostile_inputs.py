"""No input, however malformed, makes a run print a traceback; the other files are still briefed."""

from __future__ import annotations

import json
import random
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli.app import app
from tests.conftest import SEED

runner = CliRunner()
FRENCH = (
    "Le conseil municipal de Nantes a voté jeudi le budget de la ville pour l'année prochaine. "
    "L'opposition a dénoncé une hausse des dépenses de fonctionnement."
)


def _hostile(folder: Path) -> dict[str, str | None]:
    """Writes the hostile inputs; maps each name to the error expected, or None for a brief."""
    rng = random.Random(7)
    files: dict[str, bytes] = {
        "random.txt": bytes(rng.randrange(256) for _ in range(8192)),
        "archive.txt": b"PK\x03\x04\x14\x00\x08\x08\x08\x00"
        + bytes(rng.randrange(256) for _ in range(500)),
        "script.html": (
            b"<html><head><script>alert('x');while(1){}</script></head><body>"
            b"<script>document.write('<p>inject</p>')</script><p>"
            + FRENCH.encode()
            + b"</p><img src=x onerror=alert(1)></body></html>"
        ),
        "empty.txt": b"",
        "digits.txt": b"12 345 678\n\n2020 2021 2022\n\n3,14 15 92",
        "mixed.txt": FRENCH.encode("utf-8") + " Été à Noël, déjà réglé.".encode("cp1252"),
        "utf16-nobom.txt": FRENCH.encode("utf-16-le"),
        "nul.txt": b"\x00" * 4096,
        # Deeper than the HTML parser goes: the text is out of its reach.
        "nested.html": b"<div>" * 3000 + FRENCH.encode() + b"</div>" * 3000,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(6_000_000)  # sparse, over the 5 MB default cap
    (folder / "adir").mkdir()
    return {
        "random.txt": "random.txt: binary data or an unknown encoding",
        "archive.txt": "archive.txt: binary data (a ZIP archive",
        "script.html": None,
        "empty.txt": "empty.txt: empty file",
        "digits.txt": "digits.txt: no article text (only numbers, punctuation or symbols)",
        "mixed.txt": None,
        "utf16-nobom.txt": None,
        "nul.txt": "nul.txt: binary data",
        "nested.html": "nested.html: no article text (no main text found in the HTML page)",
        "huge.txt": "huge.txt: 6,000,000 bytes is over the limit of 5,000,000 bytes",
        "adir": "adir: is a directory, not an article",
        "missing.txt": "missing.txt: no such file",
    }


def test_hostile_inputs_get_one_clear_line_each_and_the_rest_are_briefed(
    tmp_path: Path, fake_overrides: list[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = _hostile(inputs)
    args = [str(SEED), *(str(inputs / name) for name in expected)]
    for item in fake_overrides:
        args += ["--set", item]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "trafilatura" not in result.output  # the extractor's own log lines stay quiet
    failing = {name: msg for name, msg in expected.items() if msg}
    for name, message in failing.items():
        lines = [line for line in result.output.splitlines() if f"{name}:" in line]
        assert len(lines) == 1 and message in lines[0], (name, result.output)
        assert lines[0].split("] ", 1)[-1].startswith("error: ")
    briefed = {p.stem for p in (tmp_path / "out").glob("*.json")}
    assert briefed == {SEED.stem, "script", "mixed", "utf16-nobom"}
    assert f"4 briefed, {len(failing)} failed" in result.output


def test_briefs_of_hostile_html_hold_no_markup_or_script(
    tmp_path: Path, fake_overrides: list[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _hostile(inputs)
    args = [str(inputs / "script.html"), str(inputs / "mixed.txt")]
    for item in fake_overrides:
        args += ["--set", item]
    assert runner.invoke(app, args).exit_code == 0
    script = json.loads((tmp_path / "out" / "script.json").read_text(encoding="utf-8"))
    text = " ".join(s["fr"] for s in script["sentences"])
    assert text == FRENCH
    assert script["metadata"]["format"] == "html"
    mixed = json.loads((tmp_path / "out" / "mixed.json").read_text(encoding="utf-8"))
    assert mixed["sentences"][-1]["fr"] == "Été à Noël, déjà réglé."
    assert "clean.mixed_encoding" in [w["code"] for w in mixed["warnings"]]
