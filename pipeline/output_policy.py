"""The one output policy of every command that writes where the user says.

Whatever the command (``brief``, ``brief verify``, ``brief batch``, ``brief feed``, ``brief eval``,
``brief bench``, ``brief models convert``), a file it writes is checked before any work starts:

- never one of the run's own inputs (compared by device and inode, so a hard link or a symbolic
  link to an input is caught too);
- never anything but a regular file: a folder, a FIFO, a socket, a device node or a symbolic
  link is refused (renaming a new file over ``/dev/full`` would replace the device node);
- never a file brief did not write (:func:`written_by_brief`), not even with
  ``--force``;
- a file brief wrote before only with ``--force``.

A folder it writes into must be a folder (or not exist yet). Output names are kept short
enough for the file system (:func:`fit_stem`). :func:`pipeline.io.atomic_write_text` refuses to
rename over anything but a regular file as a last guard, should something appear between the
check and the write.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.errors import OutputError

# The Markdown brief's last line: invisible when rendered, it tells a brief from a person's
# notes, so that a run never overwrites a file brief did not write.
MARKDOWN_MARKER = "<!-- brief:"
RUN_FILE = "brief-run.toml"
RUN_FILE_HEADER = "# brief-run.toml: written by brief"

# What a file name may hold beyond the stem: the longest suffix brief adds (".json", ".html")
# and the temporary name of an atomic write (".NAME.XXXXXXXX.tmp"), with room to spare.
_NAME_RESERVE = 24
# Bytes kept for the "-N" that tells two inputs with the same stem apart.
_UNIQUE_RESERVE = 6
_DEFAULT_NAME_MAX = 255


def identity(path: str | Path) -> tuple[int, int] | None:
    """``(device, inode)`` of what ``path`` leads to, or None when it leads nowhere."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def identities(paths: Iterable[str | Path]) -> set[tuple[int, int]]:
    """The identities of the inputs that exist (a missing input is reported elsewhere)."""
    return {i for path in paths if (i := identity(path)) is not None}


def kind(mode: int) -> str:
    """What a file of this mode is, in words, for messages."""
    for test, name in (
        (stat.S_ISREG, "regular file"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISLNK, "symbolic link"),
        (stat.S_ISFIFO, "FIFO (named pipe)"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return "special file"


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot be checked ({exc.strerror or exc})") from None


def check_file(
    path: str | Path,
    *,
    inputs: Iterable[str | Path] = (),
    force: bool = False,
    option: str = "-o/--out",
) -> Path:
    """Refuses an output file that the policy forbids (see the module docstring).

    Args:
        path: The file the command will write.
        inputs: The command's input files (and its config file, if any).
        force: Whether a file brief wrote before may be replaced.
        option: The option that named ``path``, for the message.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        OutputError: Naming the file, what it is and what to do.
    """
    target = Path(path)
    st = _lstat(target)
    if st is None:
        check_folder(target.parent, option=f"the folder of {option}")
        check_name(target, option=option)
        return target
    if identity(target) in identities(inputs):
        raise OutputError(
            f"{option} {target}: is an input of this command; brief never overwrites its "
            "inputs: write elsewhere"
        )
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(
            f"{option} {target}: is a {kind(st.st_mode)}, not a regular file; brief writes "
            "only regular files: give a file path"
        )
    if not written_by_brief(target):
        raise OutputError(
            f"{option} {target}: already exists and was not written by brief, which never "
            "overwrites such files (not even with --force): write elsewhere"
        )
    if not force:
        raise OutputError(
            f"{option} {target}: exists (written by an earlier brief run); pass --force to "
            "replace it, or write elsewhere"
        )
    return target


def foreign_database(path: str | Path, tables: set[str]) -> str | None:
    """Why ``path`` is not a SQLite file of brief's (one with ``tables`` and a schema version),
    or None when it is one or does not exist. Opening someone else's database would add
    brief's tables to it; clearing it would delete it.

    Args:
        path: The database file.
        tables: Tables every version of brief's file has.
    """
    import sqlite3

    target = Path(path)
    st = _lstat(target)
    if st is None:
        return None
    if not stat.S_ISREG(st.st_mode):
        return f"{target}: is a {kind(st.st_mode)}, not a regular file"
    try:
        db = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            found = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        finally:
            db.close()
    except sqlite3.DatabaseError:
        version, found = 0, set()
    if version < 1 or not tables <= found:
        return f"{target}: exists and was not written by brief, which never changes such files"
    return None


def check_folder(path: str | Path, *, option: str = "-o/--out") -> Path:
    """Refuses an output folder that exists as something else than a folder.

    Raises:
        OutputError: ``path`` is a file, a FIFO, a device node…
    """
    folder = Path(path)
    st = _lstat(folder)
    if st is not None and stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(folder)
        except OSError:
            raise OutputError(f"{option} {folder}: is a broken symbolic link") from None
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise OutputError(
            f"{option} {folder}: is a {kind(st.st_mode)}, not a folder: give a folder path"
        )
    return folder


def name_max(folder: str | Path) -> int:
    """The longest file name (in bytes) the file system of ``folder`` takes; the nearest
    existing parent answers for a folder not made yet."""
    here = Path(folder).absolute()
    for candidate in (here, *here.parents):
        try:
            return int(os.pathconf(candidate, "PC_NAME_MAX"))
        except (OSError, ValueError):
            continue
    return _DEFAULT_NAME_MAX


def check_name(path: str | Path, *, option: str = "-o/--out") -> None:
    """Refuses a file name the file system cannot hold (with an atomic write's temporary name).

    Raises:
        OutputError: The name is too long.
    """
    target = Path(path)
    limit = name_max(target.parent) - _NAME_RESERVE + len(".json")
    if len(os.fsencode(target.name)) > limit:
        raise OutputError(
            f"{option}: the file name {target.name[:40]}… is {len(os.fsencode(target.name))} "
            f"bytes, more than this file system takes ({limit} with the temporary name of a "
            "safe write): give a shorter name"
        )


def fit_stem(stem: str, folder: str | Path = ".") -> str:
    """``stem``, or for one too long for a file name in ``folder``, its start and a short hash
    of the whole (``long-name…-1a2b3c4d``), so that every output name fits the file system and
    two long names that start alike still differ."""
    limit = name_max(folder) - _NAME_RESERVE - _UNIQUE_RESERVE
    raw = os.fsencode(stem)
    if len(raw) <= limit:
        return stem
    digest = hashlib.sha256(raw).hexdigest()[:8]
    head = raw[: limit - len(digest) - 1].decode("utf-8", errors="ignore")
    return f"{head}-{digest}"


def written_by_brief(path: Path) -> bool:
    """Whether an existing file is one brief wrote: a brief, a ``brief-run.toml``, a report of
    ``brief verify``, ``brief eval``, ``brief bench`` or ``brief feed``, or a digest page.

    A JSON file names brief in its signature (``{"package": "brief"}`` or ``"brief:…"``), its
    ``written_by`` or its ``brief_version``; a Markdown file ends with :data:`MARKDOWN_MARKER`
    (or, written before the marker existed, has a brief signature line); an HTML page has
    brief's ``generator`` meta tag; ``brief-run.toml`` starts with :data:`RUN_FILE_HEADER` (or
    is a config with ``[run]`` and ``[pipeline]`` tables). Anything else, or a file that cannot
    be read, is not brief's.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
            size = handle.seek(0, 2)
            handle.seek(max(0, size - 4096))
            tail = handle.read()
    except OSError:
        return False
    try:
        if path.suffix == ".json":
            data = json.loads(path.read_bytes())
            return isinstance(data, dict) and _signed_by_brief(data)
        if path.suffix == ".md":
            text = tail.decode("utf-8", errors="replace")
            lines = text.rstrip("\n").splitlines()
            return bool(lines) and (
                lines[-1].startswith(MARKDOWN_MARKER)
                or any(line.startswith("Signature: brief ") for line in lines)
            )
        if path.suffix == ".html":
            return b'<meta name="generator" content="brief' in head
        if path.name == RUN_FILE:
            if head.startswith(RUN_FILE_HEADER.encode()):
                return True
            import tomllib

            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return isinstance(data.get("run"), dict) and isinstance(data.get("pipeline"), dict)
    except (OSError, ValueError):
        return False
    return False


def _signed_by_brief(data: dict[str, Any]) -> bool:
    signature = data.get("signature")
    if isinstance(signature, dict):
        return signature.get("package") == "brief"
    if isinstance(signature, str) and signature.startswith("brief"):
        return True
    written_by = data.get("written_by")
    return (isinstance(written_by, str) and written_by.startswith("brief")) or (
        "brief_version" in data
    )
