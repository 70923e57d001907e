"""A time budget per article, so that no input can hold the batch for ever.

``run.article_timeout`` seconds is what one article may take in one stage. :func:`time_budget`
enforces it around a stage's call with a real-time interval timer (``SIGALRM``): when it
fires, the code running in the main thread is interrupted by an exception wherever it is, a
stuck regular expression included (CPython's ``re`` checks for signals while it matches), and
the call ends with :class:`~pipeline.errors.ArticleTimeout`. The runner then fails that article
and the others go on (:func:`pipeline.stages.base.pipe_isolated`).

Limits, all of them those of POSIX signals in CPython:

- Only the main thread of a process can be interrupted. A budget asked for in another thread
  is not enforced (with ``run.workers`` the model stages run in threads of the main process;
  the CPU stages run in the main thread of each worker process, where it is enforced).
- A signal is handled when the interpreter gets back to Python code or when a C extension
  checks for it. ``re`` checks every few thousand steps of its matching loop, so a stuck
  pattern stops within seconds; a C call that never checks (a model's forward pass, a
  CTranslate2 batch) is stopped only once it returns.
- Not on Windows, which has no ``SIGALRM``: there the budget is not enforced.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pipeline.errors import ArticleTimeout

log = logging.getLogger(__name__)


class _Expired(BaseException):
    """Raised by the timer inside the stage's code.

    A ``BaseException``, like ``KeyboardInterrupt``, so that the ``except Exception`` of the
    code it interrupts does not take it for an error of its own and carry on.
    """


def enforceable() -> bool:
    """Whether a budget can interrupt code here: POSIX, in the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(stage: str, seconds: float, articles: int = 1) -> Iterator[None]:
    """Interrupts the code inside once ``seconds`` × ``articles`` have passed.

    Args:
        stage: The stage's name, for the message.
        seconds: The budget of one article; 0 or less: none.
        articles: How many articles the code inside works on (a batch gets the sum of their
            budgets).

    Raises:
        ArticleTimeout: When the budget ran out.
    """
    limit = seconds * articles
    if limit <= 0 or not enforceable():
        yield
        return
    began = time.monotonic()
    # None: a handler not set from Python, which cannot be put back; the default is.
    outer_handler = signal.getsignal(signal.SIGALRM) or signal.SIG_DFL
    # A timer already running (pytest-timeout's, say) is put back afterwards, minus the time
    # spent here; if it falls due first, its handler runs first.
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    armed = True

    def expire(signum: int, frame: Any) -> None:
        if not armed:
            return
        spent = time.monotonic() - began
        if outer_delay and spent >= outer_delay and callable(outer_handler):
            outer_handler(signum, frame)
            if spent < limit:
                signal.setitimer(signal.ITIMER_REAL, limit - spent)
                return
        raise _Expired

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, min(limit, outer_delay) if outer_delay else limit)
    try:
        yield
    except _Expired:
        log.debug("stage %s ran out of its %g s budget", stage, limit)
        raise ArticleTimeout(stage, seconds, articles) from None
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_delay:
            left = outer_delay - (time.monotonic() - began)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), outer_interval)
