"""The output folder: nothing a user owns is overwritten, a bad folder is found at the start,
a full disk stops the run cleanly, and files get the user's umask."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.output_policy import MARKDOWN_MARKER, RUN_FILE_HEADER, written_by_brief
from tests.cli.helpers import run_brief as _run
from tests.conftest import SEED, SEEDS


def test_briefs_never_overwrite_their_own_markdown_input(tmp_path: Path) -> None:
    """`brief notes/*.md -o notes/` wrote X.md over the user's X.md."""
    notes = tmp_path / "notes"
    notes.mkdir()
    mine = notes / "article.md"
    mine.write_bytes(SEED.read_bytes())
    result = _run(str(mine), "-o", str(notes), "--force")
    assert result.exit_code == 2, result.output
    assert "would overwrite the run's own input" in result.output
    assert str(mine) in result.output
    assert mine.read_bytes() == SEED.read_bytes()
    assert not (notes / "article.json").exists()


def test_a_file_brief_did_not_write_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    theirs = out / f"{SEED.stem}.json"
    theirs.write_text('{"mine": true}\n', encoding="utf-8")
    for extra in ([], ["--force"]):
        result = _run(str(SEED), "-o", str(out), *extra)
        assert result.exit_code == 2, result.output
        assert "not written by brief" in result.output
        assert theirs.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert not (out / f"{SEED.stem}.md").exists()


def test_earlier_briefs_are_replaced_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(str(SEED), "-o", str(out)).exit_code == 0
    first = (out / f"{SEED.stem}.json").stat().st_mtime_ns
    again = _run(str(SEED), "-o", str(out))
    assert again.exit_code == 2
    assert "2 briefs from an earlier run exist" in again.output
    assert "pass --force" in again.output
    assert (out / f"{SEED.stem}.json").stat().st_mtime_ns == first
    forced = _run(str(SEED), "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / f"{SEED.stem}.json").stat().st_mtime_ns != first
    # Another article into the same folder: the earlier briefs stay, brief-run.toml is updated.
    other = SEEDS[1]
    assert _run(str(other), "-o", str(out)).exit_code == 0
    assert (out / f"{SEED.stem}.json").is_file() and (out / f"{other.stem}.json").is_file()


def test_briefs_and_the_run_file_are_recognisable_as_written_by_brief(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(str(SEED), "-o", str(out)).exit_code == 0
    md = (out / f"{SEED.stem}.md").read_text(encoding="utf-8")
    assert md.rstrip("\n").splitlines()[-1].startswith(MARKDOWN_MARKER)
    assert (out / "brief-run.toml").read_text(encoding="utf-8").startswith(RUN_FILE_HEADER)
    for name in (f"{SEED.stem}.md", f"{SEED.stem}.json", "brief-run.toml"):
        assert written_by_brief(out / name), name
    others = {
        "notes.md": "# My notes\n\nSignature: none\n",
        "data.json": json.dumps({"schema_version": "1.0", "signature": {"package": "other"}}),
        "list.json": "[1, 2]",
        "brief-run.toml": "title = 'mine'\n",
    }
    for name, text in others.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert not written_by_brief(tmp_path / name), name


def test_an_output_path_that_is_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    """It used to surface per article as a raw FileExistsError after all the work."""
    target = tmp_path / "out"
    target.write_text("not a folder\n", encoding="utf-8")
    result = _run(str(SEED), "-o", str(target))
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        f"error: output folder (-o/--out, run.out) {target}: is a regular file, not a folder: "
        "give a folder path"
    ]
    assert "briefed" not in result.output


def test_an_unwritable_output_folder_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder cannot be made here: the tests run as root, which writes anyway. The
    probe file's creation is made to fail with EACCES, as it does for a user on a 0555 folder."""
    import pipeline.cli.outputs as outputs

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(outputs.tempfile, "mkstemp", denied)
    result = _run(str(SEED), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "cannot be written (Permission denied)" in result.output
    assert "briefed" not in result.output


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A real 96 KiB file system, for a disk that fills up (needs root and mount)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root and mount for a tiny tmpfs")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_disk_that_fills_up_stops_the_run_and_leaves_no_partial_file(tiny_tmpfs: Path) -> None:
    """Each seed's briefs take ~25 KB: the 96 KiB disk fills up within a few articles."""
    result = _run(*map(str, SEEDS), "-o", str(tiny_tmpfs))
    assert result.exit_code == 74, result.output
    assert "No space left on device; the run stops here" in result.output
    assert "Traceback" not in result.output
    assert not list(tiny_tmpfs.glob(".*.tmp"))
    for path in tiny_tmpfs.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # complete, not cut off
    assert len(list(tiny_tmpfs.glob("*.json"))) < len(SEEDS)


def test_a_full_disk_mid_run_stops_it_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same without a tmpfs: the third file written fails with ENOSPC, as on a full disk."""
    import pipeline.io as io

    real_fsync = os.fsync
    calls = {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] >= 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(io.os, "fsync", fsync)
    out = tmp_path / "out"
    result = _run(*map(str, SEEDS), "-o", str(out))
    assert result.exit_code == 74, result.output
    errors = [line for line in result.output.splitlines() if "error" in line]
    assert len(errors) == 1 and "No space left on device; the run stops here" in errors[0]
    # The first article's two briefs, whole; nothing of the second, no temporary file.
    assert sorted(p.name for p in out.iterdir()) == [f"{SEEDS[0].stem}.json", f"{SEEDS[0].stem}.md"]
    assert calls["n"] == 3  # nothing was tried after the failure


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_get_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    """mkstemp made every brief and brief-run.toml 0600, whatever the umask."""
    old = os.umask(umask)
    try:
        assert _run(str(SEED), "-o", str(tmp_path / "out")).exit_code == 0
    finally:
        os.umask(old)
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 3
    assert {p.name: p.stat().st_mode & 0o777 for p in written} == {p.name: mode for p in written}
