"""Faults injected into Ray's workers (imported there by name: keep it importable)."""

from __future__ import annotations

import os
from pathlib import Path


def crash_at(marker: str) -> None:
    """Kills this process at the Nth call, N read from ``marker`` (counted down across
    processes, so that the restarted actor does not crash again); does nothing once it is gone."""
    path = Path(marker)
    if not path.exists():
        return
    left = int(path.read_text(encoding="utf-8"))
    if left <= 1:
        path.unlink()
        os._exit(1)  # as a killed worker: no exception, no clean-up
    path.write_text(str(left - 1), encoding="utf-8")
