"""CPU threads of the libraries a run uses, set once by the CLI from ``run.threads``.

Left alone, each library sizes its own pool: torch from the machine's cores, CTranslate2 from
``os.cpu_count()`` (the host's, not the CPUs this process may use), OpenBLAS (numpy, spaCy) and
lingua's rayon pool from theirs. In a container limited to a few CPUs, or on a machine busy with
other work, these pools ask for more threads than there are cores, and OpenMP threads that wait
for each other then spin on cores that are not free.
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
    ``OMP_NUM_THREADS`` when it is imported; when it is already imported it is set directly.

    Returns:
        The number of threads.
    """
    threads = run_threads(config)
    for name in _POOL_VARIABLES:
        os.environ[name] = str(threads)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)
    log.info("threads: %d (run.threads; %d cores available)", threads, available_cores())
    return threads
