#!/usr/bin/env bash
# The package as a wheel, not the checkout: built, installed in a fresh virtualenv (not editable)
# and run from outside the repository, so that manifests, schema and tiny-model corpora must come
# from the package data. `brief models list` must know the default models and a tiny-model run
# must write a brief.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip wheel -q --no-deps -w "$work/dist" . 2>&1 | grep -v '^WARNING: Location' || true
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q torch==2.13.0 "$work"/dist/brief-*.whl 2>&1 | grep -v '^WARNING: Location' || true
cd "$work"
"$work/venv/bin/python" - <<'PY'
import pipeline, sys
where = pipeline.__file__
print("pipeline imported from", where)
sys.exit(0 if "site-packages" in where else "pipeline was not imported from the installed wheel")
PY
"$work/venv/bin/brief" models list | tee "$work/models.txt"
grep -q "opus-mt-fr-en" "$work/models.txt"
"$work/venv/bin/python" -m pipeline.testing.tiny "$work/tiny" >/dev/null
"$work/venv/bin/brief" "$repo/seeds/000_aed5cb58e19504b7.txt" -c "$work/tiny/config.toml" -o "$work/briefs" -q
test -s "$work/briefs/000_aed5cb58e19504b7.json"
echo "wheel check: installed wheel lists the default models and wrote a tiny-model brief"
