#!/usr/bin/env bash
# Fetches, on a machine with PyPI, the wheels that .ci/gpu-bench.sh installs on the lent GPU
# machine, whose image (Python 3.12, torch 2.11, transformers 5.17, typer, rich, tokenizers,
# sentencepiece…) lacks these and cannot reach a package index. The list is what the GPU
# benchmark's stages import (clean with the rules splitter, translate, summarise, write),
# found with `python -X importtime` while spaCy, lingua, Babel and english-words were blocked;
# the versions are this checkout's venv's, so both machines run the same code.
# Then: run(command="bash .ci/gpu-bench.sh", carry=[".whl"]).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
packages=(pydantic pydantic-core annotated-types typing-inspection ftfy wcwidth text2num
  tomli-w sacremoses typer)
pins=$("$python" - "${packages[@]}" <<'PY'
import sys
from importlib.metadata import version
print(" ".join(f"{name}=={version(name)}" for name in sys.argv[1:]))
PY
)
grep -qx '/.whl/' .git/info/exclude 2>/dev/null || grep -qx '/.whl/' .gitignore
rm -rf .whl && mkdir .whl
# shellcheck disable=SC2086
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
  --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 -d .whl $pins
ls .whl
du -sh .whl
