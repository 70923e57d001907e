"""Whatever a user feeds ``brief``, the run ends, without a traceback, and touches nothing but
its output folder: a folder of 70-odd bad inputs among good ones, and seeded random inputs.

The inputs are generated here (seeded: the same every run), the models are the fake backends,
and ``run.article_timeout`` is left at its default, so that a hang shows as a failed test (by
pytest-timeout) rather than as an article the budget cut short.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from tests.conftest import SEEDS

runner = CliRunner()

CHINESE = "北京市政府周四通过了明年的城市预算。反对派批评了运营支出的增加。"
JAPANESE = "東京都議会は木曜日に来年度の予算を可決した。野党は支出の増加を批判した。"
ARABIC = "صوت مجلس مدينة نانت يوم الخميس على ميزانية المدينة للعام المقبل. "
FRENCH = (
    "Le conseil municipal de Nantes a voté jeudi le budget de la ville pour l'année prochaine. "
    "L'opposition a dénoncé une hausse des dépenses de fonctionnement, qui atteignent 412 "
    "millions d'euros, et demandé un audit indépendant avant la fin du mois de mars."
)


def _text(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _bad_inputs(rng: random.Random) -> dict[str, bytes]:
    """Inputs that cannot be briefed, by name: each must be named on stderr, none briefed."""
    french = FRENCH.encode()
    html_page = b"<html><head><title>x</title></head><body><nav>Menu</nav></body></html>"
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "spaces.txt": b" " * 5000,
        "newlines.txt": b"\n" * 50_000,
        "tabs-and-crlf.txt": b"\t\r\n" * 3000,
        "nul.txt": b"\x00" * 4096,
        "random-bytes.txt": rng.randbytes(20_000),
        "random-bytes-small.txt": rng.randbytes(64),
        "png.txt": b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000),
        "pdf.txt": b"%PDF-1.7\n" + rng.randbytes(2000),
        "zip.txt": b"PK\x03\x04" + rng.randbytes(2000),
        "gzip.txt": b"\x1f\x8b\x08" + rng.randbytes(2000),
        "elf.txt": b"\x7fELF" + rng.randbytes(2000),
        "word-200k.txt": b"a" * 200_000,
        "word-200k-accents.txt": "é".encode() * 200_000,
        "digits-200k.txt": b"1" * 200_000,
        "digit-groups.txt": b"1 " * 100_000,
        "dotted-numbers.txt": b"1." * 100_000,
        "decimal-runs.txt": b"1.1 " * 50_000,
        "full-stops.txt": b"." * 100_000,
        "exclamations.txt": b"!" * 100_000,
        "dashes.txt": b"a-" * 100_000,
        "apostrophes.txt": b"l'" * 100_000,
        "guillemets.txt": "« ".encode() * 50_000,
        "quotes.txt": b'"' * 100_000,
        "brackets.txt": b"(" * 100_000,
        "emoji.txt": "😀🎉🔥".encode() * 20_000,
        "only-urls.txt": b"\n".join(
            f"https://example.com/{i}/{'a' * 30}?q={i}".encode() for i in range(500)
        ),
        "one-long-url.txt": b"http://" + b"a" * 200_000,
        "dotted-url.txt": b"http://" + b"a." * 100_000,
        "emails.txt": b" ".join(f"user{i}@example.com".encode() for i in range(1000)),
        "at-signs.txt": b"a@" * 100_000,
        "initials.txt": b"A. " * 5_000,
        "abbreviations.txt": b"M. " * 5_000,
        "capitalised.txt": b"Paris " * 3_000,
        "connectors.txt": b"de la " * 3_000,
        "dates.txt": b"12 mars " * 2_000,
        "percent.txt": b"1 % " * 40_000,
        "euros.txt": "€1 ".encode() * 40_000,
        "symbols.txt": _text(rng, "!@#$%^&*()_+-=[]{};:,./<>?|~", 20_000).encode(),
        "digits-and-punct.txt": b"12 345 678\n\n2020 2021 2022\n\n3,14 15 92",
        "english.txt": (
            b"The city council of Nantes voted on Thursday on the budget of the city for "
            b"next year. The opposition criticised a rise in running costs. " * 20
        ),
        "german.txt": (
            "Der Stadtrat von Nantes hat am Donnerstag den Haushalt der Stadt für das nächste "
            "Jahr beschlossen. Die Opposition kritisierte einen Anstieg der Ausgaben. " * 20
        ).encode(),
        "latin-lorem.txt": (
            b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
            b"incididunt ut labore et dolore magna aliqua. " * 20
        ),
        "chinese.txt": (
            "北京市政府周四通过了明年的城市预算。反对派批评了运营支出的增加。" * 40
        ).encode(),
        "japanese.txt": (
            "東京都議会は木曜日に来年度の予算を可決した。野党は支出の増加を批判した。" * 40
        ).encode(),
        "arabic.txt": (
            "صوت مجلس مدينة نانت يوم الخميس على ميزانية المدينة للعام المقبل. " * 40
        ).encode(),
        "russian.txt": (
            "Городской совет Нанта в четверг проголосовал за бюджет города на следующий год. " * 30
        ).encode(),
        "hebrew.txt": ("מועצת העיר נאנט הצביעה ביום חמישי על תקציב העיר לשנה הבאה. " * 40).encode(),
        "random-unicode.txt": _text(
            rng, "".join(chr(c) for c in range(0x2000, 0x2BFF) if chr(c).isprintable()), 20_000
        ).encode(),
        "bidi-controls.txt": ("\u202e\u2066\u200b\u200f" * 20_000).encode(),
        "combining-marks.txt": ("a" + "\u0301" * 5000 + " ").encode() * 20,
        "html-empty-body.html": html_page,
        "html-only-script.html": b"<html><body><script>"
        + b"x=1;" * 20_000
        + b"</script></body></html>",
        "html-deep.html": b"<div>" * 5000 + french + b"</div>" * 5000,
        "html-unclosed.html": b"<p><b><i><u>" * 20_000,
        "html-attrs.html": b'<p class="' + b"a" * 200_000 + b'">x</p>',
        "html-comment.html": b"<!--" + b"-" * 100_000,
        "html-entities.html": b"<html><body><p>" + b"&amp;" * 50_000 + b"</p></body></html>",
        "svg.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>' * 100,
        "xml-bomb.xml": (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            b"<l>&c;&c;&c;&c;&c;&c;&c;&c;</l>"
        ),
        "markdown-only-links.md": b"\n".join(
            b"- [link](https://example.com/%d)" % i for i in range(300)
        ),
        "utf16-be-bom.txt": codecs.BOM_UTF16_BE + "1 2 3 4 5 6 7 8 9".encode("utf-16-be"),
        "utf32.txt": "1 2 3 4 5 6 7 8 9 10".encode("utf-32"),
        "broken-utf8.txt": b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 2000,
        "mixed-controls.txt": bytes(range(0, 32)) * 500,
        "base64-blob.txt": __import__("base64").b64encode(rng.randbytes(60_000)),
        "hex-dump.txt": rng.randbytes(30_000).hex().encode(),
        "minified-js.js": b"var a = function() { return 1 };\n" * 1000,
        "data.json": json.dumps(
            [{"id": i, "titre": "Le conseil a voté"} for i in range(300)]
        ).encode(),
        "data.csv": b"\n".join(b"%d;Nantes;conseil municipal;412" % i for i in range(500)),
        "huge-sparse.txt": b"",  # written sparse below, over the size limit
    }
    return files


# Bad inputs that may still be briefed: text in a language the detector reads as French or
# English (briefing English is by design), or Latin-script text of no language (Lorem ipsum,
# markup). Each must end briefed or named; every other bad input must be refused.
MAY_BE_BRIEFED = {
    "abbreviations.txt",
    "initials.txt",
    "capitalised.txt",
    "connectors.txt",
    "dates.txt",
    "emails.txt",
    "english.txt",
    "latin-lorem.txt",
    "markdown-only-links.md",
    "minified-js.js",
    "xml-bomb.xml",
    "svg.svg",
}


def _good_inputs() -> dict[str, bytes]:
    """French articles: each must be briefed."""
    files = {f"good-{path.name}": path.read_bytes() for path in SEEDS[:3]}
    files["good-short.txt"] = FRENCH.encode()
    files["good-cp1252.txt"] = FRENCH.encode("cp1252")
    files["good.html"] = (
        b"<html><body><article><p>" + FRENCH.encode() + b"</p></article></body></html>"
    )
    return files


def _snapshot(root: Path, skip: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every link's target under ``root``, ``skip`` left out."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        if here == skip or skip in here.parents:
            continue
        for name in [*names, *dirs]:
            path = here / name
            if path == skip:
                continue
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = "dir"
    return found


def _run(paths: list[Path], out: Path, fake_overrides: list[str]) -> tuple[int, str, float]:
    args = [str(p) for p in paths]
    for item in [*fake_overrides, f'run.out="{out.as_posix()}"']:
        args += ["--set", item]
    began = time.monotonic()
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output, time.monotonic() - began


def _lines_naming(output: str, name: str) -> list[str]:
    """The progress lines about the input ``name``: its error, its skip or its brief (not the
    note that may follow a brief, on an input not briefed as French)."""
    return [
        line
        for line in output.splitlines()
        if (f"/{name}:" in line or f"/{name} →" in line) and "note: " not in line
    ]


@pytest.mark.timeout(600)
def test_a_folder_of_bad_inputs_among_good_ones(
    tmp_path: Path, fake_overrides: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _bad_inputs(random.Random(14))
    good = _good_inputs()
    for name, data in {**bad, **good}.items():
        (folder / name).write_bytes(data)
    with (folder / "huge-sparse.txt").open("wb") as handle:
        handle.truncate(6_000_000)
    (folder / "a-directory").mkdir()
    (folder / "link-to-good.txt").symlink_to(folder / "good-short.txt")
    (folder / "dangling-link.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "link-to-directory.txt").symlink_to(folder / "a-directory")
    bad_names = [*bad, "a-directory", "dangling-link.txt", "loop-a.txt", "loop-b.txt"]
    bad_names += ["link-to-directory.txt", "missing.txt"]
    good_names = [*good, "link-to-good.txt"]
    assert len(bad_names) >= 70
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)  # a stray relative write would land here, and show
    out = tmp_path / "out"
    before = _snapshot(tmp_path, out)

    paths = [folder / name for name in sorted([*bad_names, *good_names])]
    code, output, _ = _run(paths, out, fake_overrides)

    assert code == 1
    assert "Traceback" not in output and "internal error" not in output
    assert _snapshot(tmp_path, out) == before
    briefed = {p.stem for p in out.glob("*.json")}
    assert {Path(name).stem for name in good_names} <= briefed, output
    refused = [name for name in bad_names if name not in MAY_BE_BRIEFED]
    assert not {Path(name).stem for name in refused} & briefed, output
    # Each named once: an error or a skip with its reason, or the line of its brief.
    unnamed = [name for name in [*bad_names, *good_names] if len(_lines_naming(output, name)) != 1]
    assert not unnamed, output
    # An English input is briefed and said to be English, on a line of its own.
    assert any("note: " in line and "/english.txt:" in line for line in output.splitlines())
    for name in good_names:
        brief = json.loads((out / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
        assert brief["sentences"], name


def _generated(rng: random.Random, index: int) -> bytes:
    """One random input: bytes, Unicode, or a pathological length or repetition."""
    kind = index % 6
    if kind == 0:
        return rng.randbytes(rng.choice([1, 100, 10_000, 100_000]))
    if kind == 1:
        chars = [chr(rng.randrange(0x20, 0x30000)) for _ in range(rng.choice([10, 1000, 30_000]))]
        text = "".join(c for c in chars if not 0xD800 <= ord(c) < 0xE000)
        return text.encode("utf-8", "replace")
    if kind == 2:
        unit = rng.choice(["a", "1", ".", "1.", "a-", "A. ", "http://", "« ", "\n", "l'", "de la "])
        return (unit * rng.choice([1000, 100_000, 300_000]))[:600_000].encode()
    if kind == 3:
        words = FRENCH.split()
        return " ".join(rng.choice(words) for _ in range(rng.choice([5, 500, 20_000]))).encode()
    if kind == 4:
        pieces = [FRENCH, "\x00", "<p>", "</div>", "&amp;", "\u202e", "é".encode().decode(), "\r"]
        return "".join(rng.choice(pieces) for _ in range(rng.choice([10, 1000]))).encode()
    # French with one pathological token spliced in.
    token = rng.choice(["x", "9", "-", "."]) * rng.choice([150, 50_000, 500_000])
    half = len(FRENCH) // 2
    return (FRENCH[:half] + " " + token + " " + FRENCH[half:]).encode()


@pytest.mark.timeout(600)
def test_generated_inputs_end_without_a_traceback_or_a_stray_write(
    tmp_path: Path, fake_overrides: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(20261129)
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for index in range(36):
        path = folder / f"gen-{index:02d}.txt"
        path.write_bytes(_generated(rng, index))
        paths.append(path)
    monkeypatch.chdir(folder)
    out = tmp_path / "out"
    before = _snapshot(tmp_path, out)

    code, output, seconds = _run(paths, out, fake_overrides)

    assert code in (0, 1), output
    assert "Traceback" not in output and "internal error" not in output
    assert _snapshot(tmp_path, out) == before
    # Every input accounted for: briefed, or named with its reason.
    briefed = {p.stem for p in out.glob("*.json")}
    for path in paths:
        assert path.stem in briefed or len(_lines_naming(output, path.name)) == 1, path.name
    # No article near its time budget: each input is cleaned in linear time.
    assert "took longer than" not in output
    assert seconds < 300
    shutil.rmtree(out, ignore_errors=True)
