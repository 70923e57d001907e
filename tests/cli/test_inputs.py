"""Inputs that cannot be read are errors of their own file; the batch goes on. ``-`` is stdin."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from tests.cli.helpers import run_brief
from tests.conftest import SEED


def test_unreadable_inputs_are_per_file_errors_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loop, a broken link, a folder, a file gone before it is read and one that cannot be
    opened each get their own line; the seed is still briefed (exit 1, not a usage error).

    The tests run as root, whom ``chmod 000`` does not stop, so "permission denied" is made by
    failing ``os.open`` with EACCES for that one path, as the kernel does for another user.
    """
    import pipeline.text.decode as decode

    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "folder.txt").mkdir()
    gone = tmp_path / "gone.txt"
    gone.write_text("Le conseil a voté.", encoding="utf-8")
    gone.unlink()  # listed by the shell, deleted before brief reads it
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SEED.read_bytes())
    real_open = os.open

    def guarded(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == secret:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(decode.os, "open", guarded)
    names = ["loop.txt", "broken.txt", "folder.txt", "gone.txt", "secret.txt"]
    out = tmp_path / "out"
    result = run_brief(str(SEED), *(str(tmp_path / n) for n in names), "-o", str(out))
    assert result.exit_code == 1, result.output
    expected = {
        "loop.txt": "is a symlink loop",
        "broken.txt": "is a broken symlink (to ",
        "folder.txt": "is a directory, not an article",
        "gone.txt": "gone.txt: no such file",
        "secret.txt": "cannot be read (Permission denied)",
    }
    for name, message in expected.items():
        lines = [line for line in result.output.splitlines() if f"{name}:" in line]
        assert len(lines) == 1 and message in lines[0], (name, result.output)
    assert f"1 briefed, {len(names)} failed" in result.output
    assert (out / f"{SEED.stem}.json").is_file()


@pytest.mark.timeout(120)
def test_a_fifo_among_the_inputs_is_refused_and_the_run_finishes(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_brief(str(fifo), str(SEED), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "pipe.txt: is a named pipe (FIFO), not a regular file" in result.output
    assert "1 briefed, 1 failed" in result.output


def test_dash_reads_the_article_from_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_brief("-", "-o", str(out), stdin=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads((out / "stdin.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == "<stdin>"
    assert data["sentences"] and (out / "stdin.md").is_file()


def test_dash_twice_is_a_usage_error(tmp_path: Path) -> None:
    result = run_brief("-", "-", "-o", str(tmp_path / "out"), stdin=b"x")
    assert result.exit_code == 2
    assert "only once" in result.output
