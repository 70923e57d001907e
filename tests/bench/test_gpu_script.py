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


def _overrides(args: list[str]) -> list[str]:
    return [args[i + 1] for i, a in enumerate(args) if a == "--set"]


def test_the_gpu_benchmark_config_and_overrides_are_valid() -> None:
    args = _common_args()
    config = args[args.index("-c") + 1]
    overrides = _overrides(args)
    assert overrides, "the script passes no --set: the parsing above is out of date"
    loaded = load_config(SCRIPT.parents[1] / config, overrides)
    assert loaded.run.device == "cuda"
    assert loaded.pipeline.stages[0] == "clean"


# Not on the GPU image and too large to carry (.ci/gpu-wheels.sh lists what is carried).
ABSENT_ON_GPU = ("spacy", "lingua", "babel", "english_words", "trafilatura", "ctranslate2", "ray")

_BLOCKED_RUN = """
import sys
for name in {absent!r}:
    sys.modules[name] = None  # an import of it now raises ImportError
from pipeline.cli.app import main
main({argv!r})
"""


def test_the_gpu_benchmark_stages_run_without_the_packages_the_gpu_image_lacks(
    tmp_path: Path,
) -> None:
    """The GPU run's stages (stand-in models here) import nothing the GPU image lacks: a module
    import added to that path would stop the lent machine's run at once."""
    import subprocess
    import sys

    overrides = _overrides(_common_args())
    argv = ["bench", "--device", "cpu", "--backend", "none", "-n", "2", "--baseline-seconds", "0"]
    argv += ["--no-cold-start", "-c", str(SCRIPT.parents[1] / "configs" / "gpu.toml")]
    argv += [x for o in overrides for x in ("--set", o)] + ["--set", "run.workers=0"]
    argv += ["--cache", str(tmp_path), "-o", str(tmp_path / "bench.json")]
    code = _BLOCKED_RUN.format(absent=ABSENT_ON_GPU, argv=argv)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "bench.json").is_file()
