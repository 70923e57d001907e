"""Checks on the output folder made before any article is worked on.

A run never overwrites its own inputs or a file brief did not write (``brief notes/*.md -o
notes/`` would otherwise replace ``notes/X.md`` with its brief), and replaces earlier briefs only
when asked (``--force``). A folder that cannot be written is found at the start, not after the
work.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from pipeline.document import Article
from pipeline.errors import OutputError
from pipeline.output_policy import (
    RUN_FILE,
    check_folder,
    identities,
    identity,
    kind,
    written_by_brief,
)

# Files named in a message before "and N more".
_LISTED = 5


def planned_outputs(articles: list[Article], out: Path, formats: list[str]) -> list[Path]:
    """Every file the run may write: each article's briefs, then ``brief-run.toml``."""
    suffixes = [f".{fmt}" for fmt in ("json", "md") if fmt in formats]
    paths = [out / f"{article.stem}{suffix}" for article in articles for suffix in suffixes]
    return [*paths, out / RUN_FILE]


def _listed(paths: list[Path] | list[str]) -> str:
    shown = ", ".join(str(p) for p in paths[:_LISTED])
    more = len(paths) - _LISTED
    return shown + (f" and {more} more" if more > 0 else "")


def check_outputs(planned: list[Path], inputs: list[Path], force: bool) -> None:
    """Refuses a run that would overwrite an input, a file brief did not write, or (without
    ``force``) an earlier brief. A ``brief-run.toml`` brief wrote is replaced: it records the
    latest run in the folder.

    Args:
        planned: The files the run may write (:func:`planned_outputs`).
        inputs: The run's input files.
        force: Whether earlier briefs (files brief wrote) may be replaced.

    Raises:
        OutputError: Listing the files concerned and what to do.
    """
    taken = identities(inputs)
    own, special, foreign, earlier = [], [], [], []
    for path in planned:
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue
        if identity(path) in taken:
            own.append(path)
        elif not stat.S_ISREG(mode):
            special.append(f"{path} ({kind(mode)})")
        elif written_by_brief(path):
            # brief-run.toml records the latest run in the folder, not a brief: replaced.
            if path.name != RUN_FILE:
                earlier.append(path)
        else:
            foreign.append(path)
    if own:
        raise OutputError(
            f"the briefs would overwrite the run's own input{'s' if len(own) > 1 else ''}: "
            f"{_listed(own)}; write them to another folder with -o"
        )
    if special:
        raise OutputError(
            f"{_listed(special)}: not a regular file; brief writes only regular files and never "
            "replaces a folder, a link, a FIFO or a device: write to another folder with -o"
        )
    if foreign:
        raise OutputError(
            f"{_listed(foreign)}: already exist{'s' if len(foreign) == 1 else ''} and "
            f"{'was' if len(foreign) == 1 else 'were'} not written by brief, which never "
            "overwrites such files (not even with --force); write to another folder with -o"
        )
    if earlier and not force:
        one = len(earlier) == 1
        raise OutputError(
            f"{len(earlier)} brief{'' if one else 's'} from an earlier run "
            f"exist{'s' if one else ''}: {_listed(earlier)}; pass --force to replace "
            f"{'it' if one else 'them'}, or write to another folder with -o"
        )


def check_writable(out: Path) -> None:
    """Creates the output folder when needed and checks that a file can be written in it.

    Raises:
        OutputError: One line: the folder is a file, cannot be created or cannot be written.
    """
    where = f"output folder {out}"
    check_folder(out, option="output folder (-o/--out, run.out)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{where}: cannot be created ({exc.strerror or exc})") from None
    # os.access says yes to root on a read-only folder, and nothing of a full disk or a
    # read-only mount: only writing tells.
    try:
        fd, probe = tempfile.mkstemp(prefix=".brief-probe.", dir=out)
    except OSError as exc:
        raise OutputError(f"{where}: cannot be written ({exc.strerror or exc})") from None
    try:
        os.write(fd, b"\n")
    except OSError as exc:
        raise OutputError(f"{where}: cannot be written ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
        Path(probe).unlink(missing_ok=True)
