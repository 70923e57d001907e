"""CPU threads of the libraries a run uses, set once by the CLI from ``run.threads``.

Left alone, each library sizes its own pool: torch from the machine's cores, OpenBLAS (numpy,
spaCy) and lingua's rayon pool from theirs. In a container limited to a few CPUs they can ask
for more threads than there are cores. On a machine busy with other work, OpenMP threads that
wait for each other spin on cores other jobs hold: the seed run with the tiny models took 4–6×
longer with torch's two threads than with one (docs/usage.md, "Threads"). OpenMP's passive wait
policy (threads sleep instead of spinning) removes that cost, and is the default here.
"""

from __future__ import annotations

import logging
import os
import sys

from pipeline.config import BriefConfig

log = logging.getLogger(__name__)

# Read by the libraries when their pools start (on import or first use).
_POOL_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "RAYON_NUM_THREADS",  # lingua's language detector
)


def available_cores() -> int:
    """The CPUs this process may run on (its affinity; ``os.cpu_count()`` counts the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def run_threads(config: BriefConfig) -> int:
    """``run.threads``, or the available cores when it is 0."""
    return config.run.threads or available_cores()


def limit_threads(config: BriefConfig) -> int:
    """Sets the thread pools of torch, CTranslate2, OpenMP/BLAS and lingua to ``run.threads``.

    Call before the models load: the pools read the environment when they start. torch reads
    ``OMP_NUM_THREADS`` and ``OMP_WAIT_POLICY`` when it is imported; when it is already imported
    its thread count is set directly (the wait policy can no longer change).

    Returns:
        The number of threads.
    """
    threads = run_threads(config)
    for name in _POOL_VARIABLES:
        os.environ[name] = str(threads)
    # Read by torch's OpenMP runtime when torch is imported; a user's own setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)
    log.info("threads: %d (run.threads; %d cores available)", threads, available_cores())
    return threads
