"""`brief verify`: reports, exit statuses and clear errors for bad input."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app, main

runner = CliRunner()
SCHEMA = json.loads(
    (resources.files("pipeline") / "schema" / "verify.schema.json").read_text(encoding="utf-8")
)
FR = (
    "Le sportif Jhonathan Florez a sauté jeudi d'un hélicoptère au-dessus de Bogota.\n"
    "Il n'a pas payé les 1 500 euros que la mairie lui réclamait depuis des mois.\n"
)
EN_GOOD = (
    "Sportsman Jhonathan Florez jumped from a helicopter above Bogota on Thursday.\n"
    "He did not pay the 1,500 euros that the town hall had been asking him for for months.\n"
)
EN_BAD = (
    "Sportsman Jhonathan Florez jumped from a helicopter above Bogota on Monday.\n"
    "He paid the 1,600 euros that the town hall had been asking him for for months.\n"
)


def _files(tmp_path: Path, fr: str | bytes, en: str | bytes) -> tuple[Path, Path]:
    paths = tmp_path / "fr.txt", tmp_path / "en.txt"
    for path, content in zip(paths, (fr, en), strict=True):
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return paths


@pytest.mark.parametrize("aligned", [True, False])
def test_a_faithful_translation_exits_0(tmp_path: Path, aligned: bool) -> None:
    fr, en = _files(tmp_path, FR, EN_GOOD)
    args = ["verify", str(fr), str(en), "-q"] + (["--aligned"] if aligned else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "nothing flagged" in result.output


def test_json_report_follows_its_schema_and_flags_each_mismatch(tmp_path: Path) -> None:
    fr, en = _files(tmp_path, FR, EN_BAD)
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["verify", str(fr), str(en), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    first, second = report["sentences"]
    assert {"kind": "date", "fr": "jeudi", "en": "Monday"} in first["flags"]
    assert {f["kind"] for f in second["flags"]} == {"number", "polarity"}
    assert report["counts"]["date"] == 1 and report["counts"]["polarity"] == 1


def test_markdown_shows_french_and_english_side_by_side(tmp_path: Path) -> None:
    fr, en = _files(tmp_path, FR, EN_BAD)
    result = runner.invoke(app, ["verify", str(fr), str(en), "--aligned", "-q"])
    assert result.exit_code == 1
    assert "| **jeudi**" not in result.output and "**jeudi**" in result.output
    assert "**Monday**" in result.output


def test_summary_sentences_are_checked_against_their_sources(tmp_path: Path) -> None:
    fr, en = _files(tmp_path, FR, EN_GOOD)
    summary = tmp_path / "summary.txt"
    summary.write_text("Florez did not jump on Thursday.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["verify", str(fr), str(en), "--summary", str(summary), "--format", "json", "-q"]
    )
    report = json.loads(result.output)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"][0]["sources"] == [0]
    assert [f["kind"] for f in report["summary"][0]["flags"]] == ["polarity"]
    assert result.exit_code == 1


def test_unaligned_sentences_are_reported(tmp_path: Path) -> None:
    fr, en = _files(tmp_path, FR, EN_GOOD + "The mayor declined to comment on the matter today.\n")
    result = runner.invoke(app, ["verify", str(fr), str(en), "--format", "json", "-q"])
    report = json.loads(result.output)
    assert report["unaligned_en"] == ["The mayor declined to comment on the matter today."]


@pytest.mark.parametrize(
    ("fr", "en", "extra", "message"),
    [
        (FR, EN_GOOD + "One more line.\n", ["--aligned"], "has 2 lines but"),
        ("", EN_GOOD, [], "is empty"),
        (FR, "  \n", [], "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), EN_GOOD, [], "binary"),
        (EN_GOOD, FR, [], "reads as English"),
    ],
)
def test_bad_input_is_a_clear_usage_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fr: str | bytes,
    en: str,
    extra: list[str],
    message: str,
) -> None:
    paths = _files(tmp_path, fr, en)
    with pytest.raises(SystemExit) as exc:
        main(["verify", *map(str, paths), "-q", *extra])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err


def test_markdown_says_in_words_what_the_english_says_instead(tmp_path: Path) -> None:
    """It used to say `“3 millions d'euros” ↔ missing` and never name the 5 million."""
    fr, en = _files(
        tmp_path,
        "Le budget atteint 3 millions d'euros cette année.\nIl n'est pas venu jeudi.\n",
        "The budget reaches 5 million euros this year.\nHe came on Monday.\n",
    )
    result = runner.invoke(app, ["verify", str(fr), str(en), "--aligned", "-q"])
    assert result.exit_code == 1
    md = result.output
    assert "↔" not in md and "missing" not in md and "|" not in md  # no table: phones
    first = md[md.index("## Sentence 1") : md.index("## Sentence 2")]
    assert (
        "- The English says **5 million euros**; the French says **3 millions d'euros** "
        "(3 million EUR)."
    ) in first
    assert "> The budget reaches **5 million euros** this year." in first
    second = md[md.index("## Sentence 2") :]
    assert "- The English says **Monday**; the French says **jeudi** (Thursday)." in second
    assert "- The French has a negation (**n'est pas**) that the English lacks." in second
    # The JSON keeps its codes: kinds and spans, no prose.
    data = json.loads(
        runner.invoke(app, ["verify", str(fr), str(en), "--aligned", "-q", "-f", "json"]).output
    )
    jsonschema.validate(data, SCHEMA)
    assert data["sentences"][0]["flags"] == [
        {"kind": "number", "fr": "3 millions d'euros", "en": "5 million euros"}
    ]


def test_markdown_summary_lines_are_explained(tmp_path: Path) -> None:
    fr, en = _files(tmp_path, FR, EN_GOOD)
    summary = tmp_path / "summary.txt"
    summary.write_text("Florez paid 9,000 euros on Thursday.\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", str(fr), str(en), "--summary", str(summary), "-q"])
    assert result.exit_code == 1
    section = result.output[result.output.index("## Summary") :]
    assert "- Summary sentence 1 (sources: " in section
    assert "The summary says **9,000 euros**, which its source sentences do not say." in section


@pytest.mark.parametrize(("subject", "code"), [("Florez", 0), ("Okonkwo", 1)])
def test_a_name_the_source_file_states_elsewhere_is_no_added_name(
    tmp_path: Path, subject: str, code: int
) -> None:
    # "Il" resolved to the name of the line before; an unknown name is still flagged.
    en = EN_GOOD.replace("He did not", f"So {subject} did not")
    fr, en_path = _files(tmp_path, FR, en)
    result = runner.invoke(app, ["verify", str(fr), str(en_path), "--aligned", "-q"])
    assert result.exit_code == code, result.output
