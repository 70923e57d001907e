"""Files written so that a crash never leaves a half-written one, and the lock a run holds."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import BriefError, OutputError, OutputFailed

# Errors after which every later write fails too: the run stops rather than record one per
# article. EDQUOT: over quota; EROFS: the file system was remounted read-only.
_FATAL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def _umask() -> int:
    # Linux shows it in /proc without changing it; elsewhere it can only be read by setting
    # it (and putting it back at once).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from ``open()``: 0666 less the process's umask."""
    return 0o666 & ~_umask()


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Writes ``text`` to ``path`` through a temporary file in the same folder and a rename.

    Readers see the old file or the new one, never a part of it, even after ``kill -9``. The
    file gets the mode the user's umask gives (``mkstemp`` alone would make it 0600).

    Only a regular file is ever replaced: a folder, a FIFO, a device node or a symbolic link
    at ``path`` is refused, so that the rename can never replace one (the commands check their
    outputs before the work, :mod:`pipeline.output_policy`; this is the last guard).

    Raises:
        OutputFailed: The disk is full (or over quota, or read-only): nothing is left behind,
            and every later write would fail the same way.
        OutputError: Something other than a regular file is at ``path``.
        OSError: Other failures (the temporary file is removed).
    """
    target = Path(path)
    _refuse_special(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        _raise_fatal(exc, target)
        raise
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), file_mode())
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _refuse_special(target)  # it may have appeared while the text was written
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            _raise_fatal(exc, target)
        raise
    return target


def _refuse_special(target: Path) -> None:
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        from pipeline.output_policy import kind

        raise OutputError(f"{target}: is a {kind(mode)}, not a regular file; nothing was written")


def _raise_fatal(exc: OSError, target: Path) -> None:
    if exc.errno in _FATAL:
        raise OutputFailed(
            f"cannot write {target}: {os.strerror(exc.errno)}; the run stops here (the files "
            "written so far are complete; no partial file is left)"
        ) from None


def _check_lock_file(path: Path) -> None:
    # A lock file holds a process id or nothing; anything else is someone's file, which
    # taking the lock would empty.
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: is not a regular file; brief's lock file cannot go there")
    with open(path, "rb") as handle:
        content = handle.read(64)
    if not re.fullmatch(rb"\d*\n?", content):
        raise OutputError(
            f"{path}: exists and is not a lock file brief wrote; brief never changes such files"
        )


@contextmanager
def run_lock(path: str | Path, busy: BriefError) -> Iterator[Path]:
    """Holds an exclusive lock on ``path`` for the length of a run; the kernel frees it if the
    run dies (``flock``), so a stale file never blocks the next run.

    The file (created with its folder) holds the process id, for whoever wonders who holds it.

    Args:
        path: The lock file.
        busy: Raised when another run holds it (a :class:`BriefError` with its exit status).

    Raises:
        BriefError: ``busy``.
    """
    lock_path = Path(path)
    _check_lock_file(lock_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield lock_path
    finally:
        os.close(fd)  # closing releases the lock
