"""Progress on a terminal: one bar that moves inside a batch; plain lines in a log.

On a terminal, rich draws one bar and prints each article's line above it. The bar counts work,
not only finished articles: a batch of ten articles is done only at its end, so the bar also
moves as the batch goes through its stages, each weighed by the time it takes (a guess for the
first batch, then the time measured per article). Beside it: articles done of all, sentences
done of those seen so far, the stage the current batch is in, the time elapsed and an estimate
of the time left. Anywhere else (a log, a pipe, a test) the lines are printed as they are and
nothing else.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from pipeline.cli.terminal import printable
from pipeline.document import Article

# Relative cost of a stage per article before any is measured: the models dominate.
_GUESS = {"translate": 6.0, "summarise": 3.0}


def is_terminal() -> bool:
    """Whether standard error is a terminal (rich's bar redraws there; a log gets lines)."""
    return sys.stderr.isatty()


def clock_text(seconds: float) -> str:
    """``0:42``, ``12:05``, ``1:02:07``."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """The progress of a run of ``total`` articles through ``stages``.

    Args:
        total: Articles in the run.
        show: Draw the bar (on a terminal, unless ``-q``).
        console: Where rich draws (default: standard error).
        stages: The pipeline's stage names, in order (to tell how far a batch has gone).
        clock: Seconds, monotonic (a test passes a fake one).
    """

    def __init__(
        self,
        total: int,
        show: bool,
        console: Any = None,
        stages: Sequence[str] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stages = list(stages)
        self.clock = clock
        self.began = clock()
        self.done = 0
        self.sentences_done = 0
        self.sentences_seen = 0
        self.current = "loading"  # the stages load what they need first
        self._bar: Any = None
        self._task: Any = None
        self._batch: list[Article] | None = None  # the batch the latest stage event was about
        self._in_flight = 0  # its articles not done yet
        self._position = 0  # stages of that batch already passed
        self._entered: tuple[str, float, int] | None = None  # stage, when, articles
        self._spent: dict[str, float] = {}  # seconds per stage, measured
        self._through: dict[str, int] = {}  # articles per stage, measured
        # The latest batches whose sentences are in sentences_seen (a few are in flight with
        # run.workers; held by identity, not id(), which a later list may reuse).
        self._counted: deque[list[Article]] = deque(maxlen=8)
        self._best = 0.0  # the fraction shown never goes back
        if show:
            from rich.console import Console
            from rich.progress import BarColumn, TextColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("[bold]brief[/]"),
                BarColumn(),
                TextColumn("{task.description}"),
                console=console or Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task(self.status(), total=1.0)

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

    # -- events -------------------------------------------------------------------------------

    def stage(self, name: str, articles: list[Article]) -> None:
        """A batch enters stage ``name`` (``clean+detect``: several run together)."""
        self._leave()
        first = name.split("+")[0]
        position = self.stages.index(first) if first in self.stages else self._position
        if articles is not self._batch:
            self._batch, self._in_flight = articles, len(articles)
        self._position = position
        self._entered = (name, self.clock(), len(articles))
        counted = any(batch is articles for batch in self._counted)
        if not counted and any(a.sentences for a in articles):
            self._counted.append(articles)
            self.sentences_seen += sum(len(a.sentences) for a in articles)
        self.current = name
        self._redraw()

    def advance(self, article: Article | None = None) -> None:
        """One more article done."""
        self._leave()
        self.done += 1
        self._in_flight = max(0, self._in_flight - 1)
        if article is not None:
            self.sentences_done += len(article.sentences)
        self._redraw()

    def line(self, text: str) -> None:
        """One article's line (its brief, its error or why it was skipped)."""
        text = printable(text)
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=sys.stderr)

    # -- what is shown ------------------------------------------------------------------------

    def fraction(self) -> float:
        """The share of the run's work done: finished articles, plus the batch in flight as
        far as its stages have gone (weighed by their cost per article)."""
        if not self.total:
            return 1.0
        weights = [self._weight(name) for name in self.stages] or [1.0]
        passed = sum(weights[: self._position]) / sum(weights)
        fraction = (self.done + self._in_flight * passed) / self.total
        self._best = max(self._best, min(1.0, fraction))
        return self._best

    def left(self) -> float | None:
        """Seconds left, estimated from the pace so far; None before anything is done."""
        fraction = self.fraction()
        elapsed = self.clock() - self.began
        if fraction <= 0 or elapsed <= 0:
            return None
        return elapsed * (1 - fraction) / fraction

    def status(self) -> str:
        """``3/10 articles · 120/400 sentences · translate · 0:42 elapsed · ~1:10 left``."""
        parts = [f"{self.done}/{self.total} articles"]
        if self.sentences_seen:
            parts.append(f"{self.sentences_done}/{self.sentences_seen} sentences")
        parts.append(self.current)
        parts.append(f"{clock_text(self.clock() - self.began)} elapsed")
        left = self.left()
        if left is not None and self.done < self.total:
            parts.append(f"~{clock_text(left)} left")
        return " · ".join(parts)

    def _weight(self, name: str) -> float:
        if self._through.get(name):
            return max(self._spent[name] / self._through[name], 1e-6)
        measured = [self._spent[n] / self._through[n] for n in self._through if self._through[n]]
        if measured:  # unmeasured stages cost as much as the cheapest measured one, at least
            return max(min(measured), 1e-6) * _GUESS.get(name, 1.0)
        return _GUESS.get(name, 1.0)

    def _leave(self) -> None:
        """Books the time of the stage just left against each of the stages it ran."""
        if self._entered is None:
            return
        name, since, articles = self._entered
        self._entered = None
        names = name.split("+")
        for part in names:
            self._spent[part] = self._spent.get(part, 0.0) + (self.clock() - since) / len(names)
            self._through[part] = self._through.get(part, 0) + articles
        if names[-1] in self.stages:
            self._position = self.stages.index(names[-1]) + 1

    def _redraw(self) -> None:
        if self._bar is not None:
            # Drawn now, not at the next tick: a few events a batch, each worth seeing.
            self._bar.update(
                self._task, completed=self.fraction(), description=self.status(), refresh=True
            )
