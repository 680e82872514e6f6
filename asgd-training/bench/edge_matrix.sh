#!/usr/bin/env bash
# The theory of the user's own run against real runs, on the issue's matrix: synthetic least squares
# n=20000, d=20, batch 16, 4000 updates; M = 2, 4, 8 workers; --worker-delay none, exp:0.2, slow:0:4.
# Per setting:
#   1. the measured edge: real threaded runs on a grid of eta, 3 seeds each, refined by bisection to 2 %,
#      beside the geometric, measured-law (i.i.d., exact) and replay edges (metrics every 50 updates);
#   2. the decay at 5 learning rates from 1 % to 80 % of the measured edge, 3 seeds each (metrics every
#      5 updates, so that fast transients have points), against the measured-law prediction.
# Usage: asgd-training/bench/edge_matrix.sh [OUT_DIR] [WORKERS...]   (default OUT_DIR target/edge-matrix)
# A phase whose JSON is already in OUT_DIR is skipped, so an interrupted run resumes. About 15 minutes
# on a 2-core machine; run it on a quiet machine (staleness depends on the load).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/target/edge-matrix}"
shift || true
workers=("$@")
[ ${#workers[@]} -gt 0 ] || workers=(2 4 8)
delays=(${EDGE_DELAYS:-none exp:0.2 slow:0:4})
mkdir -p "$out"
data="synthetic:least-squares,n=20000,d=20,seed=7"
common=(--data "$data" --batch 16 --updates 4000 --repeats 3 --quiet --format json)
valid() { [ -s "$1" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null; }
for m in "${workers[@]}"; do
  for delay in "${delays[@]}"; do
    tag="M${m}-${delay//:/_}"
    if ! valid "$out/$tag-edge.json"; then
      echo "edge-matrix: $tag: edge" >&2
      "$root/asgd" train "${common[@]}" --eval-every 50 --workers "$m" --worker-delay "$delay" \
        --sweep-eta 0.05,0.1,0.2,0.3,0.4,0.5,0.7,1.0 --find-edge --edge-tolerance 0.02 >"$out/$tag-edge.json.tmp"
      mv "$out/$tag-edge.json.tmp" "$out/$tag-edge.json"
    fi
    if ! valid "$out/$tag-decay.json"; then
      edge="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["edges"]["measured"])' "$out/$tag-edge.json")"
      grid="$(python3 -c 'import sys; e=float(sys.argv[1]); print(",".join("%.6g" % (f*e) for f in (0.01, 0.05, 0.2, 0.5, 0.8)))' "$edge")"
      echo "edge-matrix: $tag: decay at $grid" >&2
      "$root/asgd" train "${common[@]}" --eval-every 5 --workers "$m" --worker-delay "$delay" --no-replay-edge \
        --sweep-eta "$grid" >"$out/$tag-decay.json.tmp"
      mv "$out/$tag-decay.json.tmp" "$out/$tag-decay.json"
    fi
  done
done
python3 "$root/asgd-training/bench/edge_summary.py" "$out"
