#!/usr/bin/env bash
# Instructions the verify checks execute on the first N newstest2014-fr pairs once warm
# (valgrind's callgrind: the same count for the same code, whatever the machine is doing).
# Usage: bash .ci/verify-instructions.sh [N=40]; PYTHON picks the interpreter (.venv's).
# About 7 minutes at N=40 on a 2-core VM (spaCy's parse runs under valgrind too, uncounted).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-40}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \
  --callgrind-out-file="$out" "${PYTHON:-.venv/bin/python}" .ci/verify_instructions.py "$n" 2>&1 \
  | grep -E "I +refs" | sed "s/^==[0-9]*== /checks on $n pairs: /"
