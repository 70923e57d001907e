from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import BatchBusy, StateBusy
from pipeline.io import run_lock


def test_a_held_lock_refuses_a_second_run_with_its_error(tmp_path: Path) -> None:
    lock = tmp_path / "deep" / "run.lock"
    with run_lock(lock, BatchBusy("busy")) as held:
        assert held == lock
        assert lock.read_text() == f"{os.getpid()}\n"
        with pytest.raises(BatchBusy, match="busy"), run_lock(lock, BatchBusy("busy")):
            pass
    with run_lock(lock, BatchBusy("busy")):  # released on the way out
        pass


def test_the_feed_and_the_batch_take_the_one_lock(tmp_path: Path) -> None:
    from pipeline.batch.output import LOCK, Output
    from pipeline.feed.state import run_lock as feed_lock

    state = tmp_path / "state.sqlite"
    with (
        run_lock(f"{state}.lock", BatchBusy("x")),
        pytest.raises(StateBusy, match="brief feed"),
        feed_lock(state),
    ):
        pass
    out = tmp_path / "out"
    with (
        run_lock(out / LOCK, StateBusy("x")),
        pytest.raises(BatchBusy, match="brief batch"),
        Output(out, "hash").locked(),
    ):
        pass
