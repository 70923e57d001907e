"""The prepared GPU benchmark script stays runnable while the config keys change under it.

A GPU machine is lent rarely and for minutes: a script that stops on an unknown key wastes the
loan. Its config file and every ``--set`` it passes are validated here, as ``brief`` would.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from pipeline.config import load_config

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "gpu-bench.sh"


def _common_args() -> list[str]:
    text = SCRIPT.read_text(encoding="utf-8")
    block = re.search(r"^common=\((.*?)\)$", text, re.S | re.M)
    assert block, "gpu-bench.sh has no common=(…) argument list"
    return shlex.split(block.group(1))


def test_the_gpu_benchmark_config_and_overrides_are_valid() -> None:
    args = _common_args()
    config = args[args.index("-c") + 1]
    overrides = [args[i + 1] for i, a in enumerate(args) if a == "--set"]
    assert overrides, "the script passes no --set: the parsing above is out of date"
    loaded = load_config(SCRIPT.parents[1] / config, overrides)
    assert loaded.run.device == "cuda"
    assert loaded.pipeline.stages[0] == "clean"
