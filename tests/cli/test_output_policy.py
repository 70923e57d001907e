"""The output policy, command by command: no command can be made to change a file it did not
create, whatever its output options are aimed at (its own inputs, an unrelated file, a device
node, a FIFO, a folder, a link to an input). Every case is refused before any work, with exit
status 2, and every file of the case is byte for byte (and kind for kind) as it was."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.output_policy import check_file, fit_stem, name_max
from tests.cli.helpers import run_brief
from tests.conftest import FAKE_OVERRIDES, SEED

FEED_PAGES = Path(__file__).parents[1] / "fixtures" / "feed" / "pages"
FEED_ARTICLES = Path(__file__).parents[1] / "fixtures" / "feed" / "articles.jsonl"


def _snapshot(paths: list[Path]) -> dict[str, tuple[str, bytes | None]]:
    """What each path is, and the bytes of each regular file."""
    seen = {}
    for path in paths:
        mode = os.lstat(path).st_mode
        kind = stat.filemode(mode)[0]
        data = path.read_bytes() if stat.S_ISREG(mode) else None
        seen[str(path)] = (kind, data)
    return seen


def _device(path: Path) -> Path:
    """A character device like /dev/null, made in the test's folder (root only)."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


class Case:
    """The files of one command's run: its inputs, and where its outputs may be aimed."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.fr = tmp / "source.fr.txt"
        self.en = tmp / "translation.en.txt"
        self.fr.write_text("Le 3 mai, 12 personnes sont venues.\n", encoding="utf-8")
        self.en.write_text("On 3 May, 12 people came.\n", encoding="utf-8")
        self.config = tmp / "config.toml"
        self.config.write_text("[run]\nlang = 'en'\n", encoding="utf-8")
        self.article = tmp / "article.txt"
        shutil.copy(SEED, self.article)
        self.dataset = tmp / "articles.jsonl"
        shutil.copy(FEED_ARTICLES, self.dataset)
        self.unrelated = tmp / "notes.json"
        self.unrelated.write_text('{"mine": true}\n', encoding="utf-8")
        self.fifo = tmp / "pipe"
        os.mkfifo(self.fifo)
        self.device = _device(tmp / "null")
        self.folder = tmp / "folder"
        self.folder.mkdir()
        (self.folder / "keep.txt").write_text("keep\n", encoding="utf-8")
        self.link = tmp / "link-to-source"
        self.link.symlink_to(self.fr)
        self.hardlink = tmp / "hardlink-to-translation"
        os.link(self.en, self.hardlink)

    def files(self) -> list[Path]:
        return sorted(p for p in self.tmp.rglob("*"))


# Each command, as a function of the case and the path its output option is aimed at.
COMMANDS: dict[str, Callable[[Case, Path], list[str]]] = {
    "verify": lambda c, o: ["verify", str(c.fr), str(c.en), "--aligned", "-o", str(o)],
    "verify --force": lambda c, o: [
        "verify", str(c.fr), str(c.en), "--aligned", "-o", str(o), "--force",
    ],
    "eval verify": lambda c, o: ["eval", "verify", "--limit", "5", "-q", "-o", str(o)],
    "eval translate": lambda c, o: [
        "eval", "translate", "-c", str(c.config), "--limit", "1", "-o", str(o), "--force",
    ],
    "eval summarise": lambda c, o: ["eval", "summarise", "-c", str(c.config), "-o", str(o)],
    "bench": lambda c, o: ["bench", "-n", "1", "-b", "none", "-c", str(c.config), "-o", str(o)],
    "feed --report": lambda c, o: [
        "feed", "run", str(FEED_PAGES), "--state", str(c.tmp / "s.sqlite"),
        "-o", str(c.tmp / "fb"), "--digest", str(c.tmp / "fd"), "--report", str(o),
    ],
    "feed --state": lambda c, o: [
        "feed", "run", str(FEED_PAGES), "--state", str(o),
        "-o", str(c.tmp / "fb"), "--digest", str(c.tmp / "fd"), "--report", str(c.tmp / "r.json"),
    ],
}  # fmt: skip

# Targets for a command that writes one file.
FILE_TARGETS: dict[str, Callable[[Case], Path]] = {
    "its French input": lambda c: c.fr,
    "its English input": lambda c: c.en,
    "its config": lambda c: c.config,
    "a link to an input": lambda c: c.link,
    "a hard link to an input": lambda c: c.hardlink,
    "an unrelated file": lambda c: c.unrelated,
    "a FIFO": lambda c: c.fifo,
    "a device node": lambda c: c.device,
    "a folder": lambda c: c.folder,
}

# Commands that write into a folder, with the option aimed at it.
FOLDER_COMMANDS: dict[str, Callable[[Case, Path], list[str]]] = {
    "brief": lambda c, o: [str(c.article), "-o", str(o), *_fake()],
    "brief --force": lambda c, o: [str(c.article), "-o", str(o), "--force", *_fake()],
    "batch": lambda c, o: ["batch", str(c.dataset), "-o", str(o), *_fake()],
    "feed -o": lambda c, o: [
        "feed", "run", str(FEED_PAGES), "--state", str(c.tmp / "s.sqlite"), "-o", str(o),
        "--digest", str(c.tmp / "fd"), "--report", str(c.tmp / "r.json"), *_fake(),
    ],
    "feed --digest": lambda c, o: [
        "feed", "run", str(FEED_PAGES), "--state", str(c.tmp / "s.sqlite"),
        "-o", str(c.tmp / "fb"), "--digest", str(o), "--report", str(c.tmp / "r.json"), *_fake(),
    ],
}  # fmt: skip

FOLDER_TARGETS: dict[str, Callable[[Case], Path]] = {
    "its input": lambda c: c.article,
    "its dataset": lambda c: c.dataset,
    "an unrelated file": lambda c: c.unrelated,
    "a FIFO": lambda c: c.fifo,
    "a device node": lambda c: c.device,
}


def _fake() -> list[str]:
    return [arg for item in FAKE_OVERRIDES for arg in ("--set", item)]


def _refused(args: list[str], case: Case) -> str:
    before = _snapshot(case.files())
    ran = run_brief(*args, fake=False)
    assert ran.exit_code == 2, ran.output
    assert "error:" in ran.output
    assert _snapshot([Path(p) for p in before]) == before
    return ran.output


@pytest.mark.parametrize("target", list(FILE_TARGETS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_output_option_changes_a_file_the_command_did_not_create(
    tmp_path: Path, command: str, target: str
) -> None:
    case = Case(tmp_path)
    _refused(COMMANDS[command](case, FILE_TARGETS[target](case)), case)


@pytest.mark.parametrize("target", list(FOLDER_TARGETS))
@pytest.mark.parametrize("command", list(FOLDER_COMMANDS))
def test_no_output_folder_option_changes_a_file_the_command_did_not_create(
    tmp_path: Path, command: str, target: str
) -> None:
    case = Case(tmp_path)
    _refused(FOLDER_COMMANDS[command](case, FOLDER_TARGETS[target](case)), case)


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("fr", "is an input of this command"),
        ("link", "is an input of this command"),
        ("hardlink", "is an input of this command"),
        ("unrelated", "was not written by brief"),
        ("fifo", "is a FIFO (named pipe), not a regular file"),
        ("device", "is a character device, not a regular file"),
        ("folder", "is a folder, not a regular file"),
    ],
)
def test_verify_says_why_an_output_is_refused(tmp_path: Path, target: str, says: str) -> None:
    case = Case(tmp_path)
    output = _refused(COMMANDS["verify"](case, getattr(case, target)), case)
    assert says in output


def test_verify_replaces_its_own_report_only_with_force(tmp_path: Path) -> None:
    case = Case(tmp_path)
    report = tmp_path / "report.md"
    first = run_brief(*COMMANDS["verify"](case, report), fake=False)
    assert first.exit_code in (0, 1), first.output
    written = report.read_bytes()
    again = run_brief(*COMMANDS["verify"](case, report), fake=False)
    assert again.exit_code == 2 and "pass --force" in again.output
    assert report.read_bytes() == written
    forced = run_brief(*COMMANDS["verify --force"](case, report), fake=False)
    assert forced.exit_code in (0, 1), forced.output


def test_a_lock_file_that_is_someone_elses_is_never_emptied(tmp_path: Path) -> None:
    case = Case(tmp_path)
    lock = tmp_path / "s.sqlite.lock"
    lock.write_text("my notes\n", encoding="utf-8")
    output = _refused(COMMANDS["feed --report"](case, tmp_path / "r.json"), case)
    assert "not a lock file brief wrote" in output


def test_a_foreign_digest_index_is_never_replaced(tmp_path: Path) -> None:
    case = Case(tmp_path)
    (tmp_path / "fd").mkdir()
    (tmp_path / "fd" / "index.html").write_text("<html>mine</html>\n", encoding="utf-8")
    output = _refused([*FOLDER_COMMANDS["feed --digest"](case, tmp_path / "fd")], case)
    assert "index.html: already exists and was not written by brief" in output


def test_the_atomic_write_never_renames_over_a_special_file(tmp_path: Path) -> None:
    from pipeline.errors import OutputError
    from pipeline.io import atomic_write_text

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="FIFO"):
        atomic_write_text(fifo, "text")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left


@pytest.mark.parametrize(
    "stem",
    ["a" * 300, "é" * 200, "x" * 230 + "é" * 10, "short"],
)
def test_output_stems_fit_the_file_system(tmp_path: Path, stem: str) -> None:
    fitted = fit_stem(stem, tmp_path)
    assert len(os.fsencode(fitted)) <= name_max(tmp_path) - 24
    check_file(tmp_path / f"{fitted}.json")  # the policy's own name check takes it
    (tmp_path / f".{fitted}.json.abcdefgh.tmp").write_text("fits")  # so does the temporary
    assert fitted == stem or fitted != fit_stem(stem + "b", tmp_path)


def test_a_255_byte_file_name_is_briefed_under_a_shortened_name(tmp_path: Path) -> None:
    source = tmp_path / ("a" * 251 + ".txt")
    shutil.copy(SEED, source)
    ran = run_brief(str(source), "-o", str(tmp_path / "out"), "-q")
    assert ran.exit_code == 0, ran.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 3 and all(len(os.fsencode(n)) <= 255 for n in names)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("evil\x1b[2J.txt", "evil\\x1b[2J.txt"),
        ("two\nlines.txt", "two\\nlines.txt"),
        ("rtl\u202eexe.txt", "rtl\\u202eexe.txt"),
        ("bell\x07.txt", "bell\\x07.txt"),
    ],
)
def test_file_names_reach_the_terminal_with_control_characters_escaped(
    tmp_path: Path, name: str, shown: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(b"")  # empty: an error line that names the file
    ran = run_brief(str(bad), str(SEED), "-o", str(tmp_path / "out"))
    assert ran.exit_code == 1, ran.output
    assert shown in ran.output
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in ran.output
    assert not any(line.startswith("lines.txt") for line in ran.output.splitlines())


@pytest.mark.parametrize("command", [["cache", "clear"], ["cache", "info"]])
def test_cache_commands_never_touch_a_file_that_is_not_the_cache(
    tmp_path: Path, command: list[str]
) -> None:
    case = Case(tmp_path)
    config = tmp_path / "cache.toml"
    config.write_text(
        f"[stages.translate.cache]\npath = {str(case.unrelated)!r}\n", encoding="utf-8"
    )
    output = _refused([*command, "-c", str(config)], case)
    assert "was not written by brief" in output


@pytest.mark.parametrize("theirs", [b'{"mine": true}\n', b"", b"SQLite format 3\x00" + bytes(84)])
def test_a_cache_path_that_is_someone_elses_file_is_left_alone(
    tmp_path: Path, theirs: bytes
) -> None:
    from pipeline.backends.cache import CachedBackend
    from tests.doubles import Counting

    path = tmp_path / "notes.db"
    path.write_bytes(theirs)
    inner = Counting()
    cached = CachedBackend(inner, path)
    assert cached.translate(["Bonjour."]) == inner.translate(["Bonjour."])
    assert path.read_bytes() == theirs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_foreign_page_in_the_digest_is_neither_replaced_nor_removed(tmp_path: Path) -> None:
    case = Case(tmp_path)
    pages = tmp_path / "fd" / "pages"
    pages.mkdir(parents=True)
    (pages / "mine.html").write_text("<html>mine</html>\n", encoding="utf-8")
    output = _refused([*FOLDER_COMMANDS["feed --digest"](case, tmp_path / "fd")], case)
    assert "mine.html: already exists and was not written by brief" in output
