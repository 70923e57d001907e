"""``brief verify SOURCE_FR TRANSLATION_EN``: flag what an English text gets wrong against its
French source (numbers, dates, names, negations), whatever produced the English.

Exit status: 0 nothing flagged; 1 something flagged; 2 bad usage or input; 3 a model is missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.cli.logs import setup_logging
from pipeline.cli.terminal import printable
from pipeline.errors import ExitCode, InputError, VerifyInputError
from pipeline.io import atomic_write_text
from pipeline.output_policy import check_file

EXIT_CODES = (
    "Exit status: 0 nothing flagged; 1 something flagged; 2 bad usage or input; "
    "3 a model is missing."
)
_MAX_BYTES = 20_000_000
_SOURCE_SAMPLE = 3000  # characters of the source the language check reads


def read_text(path: Path, role: str) -> str:
    """A text file's content, refusing empty and binary files with a usage error."""
    from pipeline.text.decode import decode, read_bytes

    try:
        text = decode(read_bytes(path, _MAX_BYTES), str(path)).text
    except InputError as exc:
        raise VerifyInputError(f"{role}: {exc}") from None
    if not text.strip():
        raise VerifyInputError(f"{role}: {path} is empty")
    return text


def check_source_language(text: str, path: Path) -> None:
    """Refuses a source that reads as English (the two files given the wrong way round)."""
    from pipeline.backends.language_id import best_language

    language, confidence = best_language(text[:_SOURCE_SAMPLE], ("fr", "en"))
    if language == "en" and confidence >= 0.5:
        raise VerifyInputError(
            f"SOURCE_FR: {path} reads as English, not French (confidence {confidence:.2f}); "
            "give the French source first, then the English translation"
        )


def verify_files(
    source: Path, translation: Path, summary: Path | None = None, aligned: bool = False
) -> dict[str, Any]:
    """The report of ``brief verify`` as a dict (see :mod:`pipeline.verify.report`).

    Raises:
        VerifyInputError: Empty, binary or mismatched files, or an English source.
        ModelUnavailable: The spaCy model is not installed.
    """
    from pipeline.text.segment import split_english
    from pipeline.verify import align, report

    french = read_text(source, "SOURCE_FR")
    english = read_text(translation, "TRANSLATION_EN")
    summary_text = read_text(summary, "--summary") if summary else None
    check_source_language(french, source)
    if aligned:
        n_fr, n_en = len(french.splitlines()), len(english.splitlines())
        if n_fr != n_en:
            raise VerifyInputError(
                f"--aligned: {source} has {n_fr} lines but {translation} has {n_en}; line i of "
                "the translation must translate line i of the source"
            )
        alignment = align.by_lines(french, english)
    else:
        alignment = align.automatic(french, english)
    lines = None
    if summary_text:
        lines = [s for line in summary_text.splitlines() for s in split_english(line) if s.strip()]
    return report.check_alignment(alignment, lines)


def verify_command(
    source_fr: Annotated[Path, typer.Argument(help="The French source, UTF-8 text.")],
    translation_en: Annotated[Path, typer.Argument(help="Its English translation.")],
    summary: Annotated[
        Path | None, typer.Option("--summary", help="An English summary of the text to check.")
    ] = None,
    aligned: Annotated[
        bool,
        typer.Option(
            "--aligned", help="Line i of the translation translates line i of the source."
        ),
    ] = False,
    format_: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report here.")] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace a report brief wrote before (never another file or an input)."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
) -> None:
    """Flag numbers, dates, names and negations that an English translation (from any system)
    does not carry over from its French source; optionally a summary against its sources."""
    from pipeline.verify.report import flagged, to_markdown

    setup_logging(quiet=quiet)
    if format_ not in ("md", "json"):
        raise typer.BadParameter("use md or json", param_hint="--format")
    if out:
        check_file(out, inputs=[p for p in (source_fr, translation_en, summary) if p], force=force)
    result = verify_files(source_fr, translation_en, summary, aligned)
    text = (
        json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        if format_ == "json"
        else to_markdown(result)
    )
    if out:
        atomic_write_text(out, text)
        print(f"report → {printable(out)}", file=sys.stderr)
    else:
        typer.echo(text, nl=False)
    raise typer.Exit(ExitCode.FAILED if flagged(result) else ExitCode.OK)
