"""Progress on a terminal: a bar per article, with the stage its batch is in; plain lines in a log.

On a terminal, rich draws one bar (articles done of all, and the stage the current batch is in,
so that a long article shows it is alive) and prints each article's line above it. Anywhere else
(a log, a pipe, a test) the lines are printed as they are and nothing else.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

from pipeline.cli.terminal import printable


def is_terminal() -> bool:
    """Whether standard error is a terminal (rich's bar redraws there; a log gets lines)."""
    return sys.stderr.isatty()


class Progress:
    """The progress of a run of ``total`` articles.

    Args:
        total: Articles in the run.
        show: Draw the bar (on a terminal, unless ``-q``).
        console: Where rich draws (default: standard error).
    """

    def __init__(self, total: int, show: bool, console: Any = None) -> None:
        self.total = total
        self._bar: Any = None
        self._task: Any = None
        if show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("[bold]brief[/]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=console or Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("starting", total=total)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def stage(self, name: str, articles: int) -> None:
        """A batch of ``articles`` enters stage ``name``."""
        if self._bar is not None:
            plural = "" if articles == 1 else "s"
            self._bar.update(
                self._task, description=f"{name} · batch of {articles} article{plural}"
            )

    def line(self, text: str) -> None:
        """One article's line (its brief, its error or why it was skipped)."""
        text = printable(text)
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=sys.stderr)

    def advance(self) -> None:
        """One more article done."""
        if self._bar is not None:
            self._bar.advance(self._task)
