#!/usr/bin/env bash
# Logistic regression's local quadratic model at theta* against real runs: synthetic logistic
# n=20000 (16000 training rows), d = 10 and 20 (data seed 1), batch 16, M = 1, 2, 4 workers with
# --worker-delay exp:0.2. Per setting:
#   0. a probe run (eta 0.1, 3000 updates) for the predicted mean-square edge E of its measured staleness law;
#   1. the late-phase decay: real runs at 10 %, 30 % and 60 % of E, 3 seeds each, 1500 updates, metrics at
#      every update (the transients are tens of updates long): each run's DecayFit of f - f* (as
#      `asgd train` reports it) beside the predicted -ln rho_ms and the local model's decay over the window;
#   2. the measured edge: real runs on eta in {0.25, 0.5, 1, 2, 4} x E, 3 seeds each, 2000 updates, metrics
#      every 20, bisection to 3 %; a run is unstable when its loss passes 100x its initial value or the
#      median of its loss over the second half of the run is above its initial loss (the late-loss criterion);
#   3. above the edge: one run (seed 1) at 0.5, 1, 2, 4 and 10 x E, 2000 updates, metrics every 20: the late
#      loss (median, 10th and 90th percentiles of the second half) against the initial loss.
# Usage: asgd-training/bench/logistic_matrix.sh [OUT_DIR]   (default target/logistic-matrix); a phase whose
# output is already in OUT_DIR is skipped. Prints the tables (logistic_summary.py). About 10 minutes on a
# 2-core machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/target/logistic-matrix}"
mkdir -p "$out"
valid() { [ -s "$1" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null; }
get() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("/"): j=j[k]
print(j)' "$1" "$2"; }
for d in 10 20; do
  data="synthetic:logistic,n=20000,d=$d,seed=1"
  for m in 1 2 4; do
    tag="d$d-M$m"
    common=(--data "$data" --batch 16 --workers "$m" --worker-delay exp:0.2 --quiet)
    if ! valid "$out/$tag-probe.json"; then
      echo "logistic-matrix: $tag: probe" >&2
      "$root/asgd" train "${common[@]}" --eta 0.1 --updates 3000 --eval-every 100 --format json >"$out/$tag-probe.json.tmp"
      mv "$out/$tag-probe.json.tmp" "$out/$tag-probe.json"
    fi
    e="$(get "$out/$tag-probe.json" theory/measuredLaw/meanSquareEdge)"
    scaled() { python3 -c 'import sys; e=float(sys.argv[1]); print(",".join("%.6g" % (float(f)*e) for f in sys.argv[2:]))' "$e" "$@"; }
    if ! valid "$out/$tag-decay.json"; then
      grid="$(scaled 0.1 0.3 0.6)"
      echo "logistic-matrix: $tag: decay at $grid" >&2
      "$root/asgd" train "${common[@]}" --updates 1500 --eval-every 1 --sweep-eta "$grid" --repeats 3 --format json \
        >"$out/$tag-decay.json.tmp"
      mv "$out/$tag-decay.json.tmp" "$out/$tag-decay.json"
    fi
    if ! valid "$out/$tag-edge.json"; then
      grid="$(scaled 0.25 0.5 1 2 4)"
      echo "logistic-matrix: $tag: edge from $grid" >&2
      "$root/asgd" train "${common[@]}" --updates 2000 --eval-every 20 --sweep-eta "$grid" --repeats 3 --find-edge \
        --edge-tolerance 0.03 --format json >"$out/$tag-edge.json.tmp"
      mv "$out/$tag-edge.json.tmp" "$out/$tag-edge.json"
    fi
    for f in 0.5 1 2 4 10; do
      if ! valid "$out/$tag-above-$f.json"; then
        "$root/asgd" train "${common[@]}" --eta "$(scaled "$f")" --updates 2000 --eval-every 20 --seed 1 --format json \
          >"$out/$tag-above-$f.json.tmp" || true
        mv "$out/$tag-above-$f.json.tmp" "$out/$tag-above-$f.json"
      fi
    done
  done
done
python3 "$root/asgd-training/bench/logistic_summary.py" "$out"
