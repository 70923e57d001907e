"""``brief batch``: brief a whole archive into shards of JSON briefs, locally or on Ray.

See :mod:`pipeline.batch.job` (the run), :mod:`pipeline.batch.inputs` (what is read),
:mod:`pipeline.batch.output` (what is written, and how a rerun resumes) and
:mod:`pipeline.batch.ray_engine` (the Ray Data job).
"""

from __future__ import annotations

from pipeline.batch.job import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "run_batch"]
