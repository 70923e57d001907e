#!/usr/bin/env bash
# GPU figures for docs/speed.md: `brief bench` on CUDA, run on a lent GPU machine whose image has
# torch and transformers but not every dependency: the few it lacks travel as wheels in .whl/,
# fetched beforehand where PyPI is reachable by `bash .ci/gpu-wheels.sh` (then carry .whl).
# spaCy (segmentation, names, facts) and lingua (language detection) are too large to carry, so
# this run uses the rules segmenter and leaves out the detect, verify and facts stages; their
# CPU cost is measured by the CPU benchmark (`brief bench --backend none`).
set -uo pipefail
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
  --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD HF_HUB_OFFLINE=1 PYTHONUNBUFFERED=1 TRANSFORMERS_VERBOSITY=error
OUT=${OUT:-/tmp/brief-gpu}
mkdir -p "$OUT"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c "import torch, transformers; print('torch', torch.__version__, 'transformers', \
transformers.__version__, 'cuda', torch.cuda.is_available())"
common=(--device cuda -c configs/gpu.toml
  --set 'pipeline.stages=["clean","translate","summarise","write"]'
  --set stages.clean.segmenter=rules
  --cache /tmp/bench)
echo "== 50 articles (smoke, models built)"
timeout 200 python3 -m pipeline bench -n "${SMOKE:-50}" "${common[@]}" --baseline-seconds 5 \
  -o "$OUT/bench-gpu-smoke.json" 2>&1 | grep -v "Loading weights\|Writing model"
echo "== ${ARTICLES:-1000} articles"
timeout "${LIMIT:-330}" python3 -m pipeline bench -n "${ARTICLES:-1000}" "${common[@]}" \
  --baseline-seconds 20 -o "$OUT/bench-gpu.json" 2>&1 | grep -v "Loading weights\|Writing model"
