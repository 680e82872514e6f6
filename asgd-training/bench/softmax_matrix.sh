#!/usr/bin/env bash
# The local quadratic model at theta* for softmax (and logistic at large d) against real runs: the model in
# the top Hessian eigendirections (Lanczos with Hessian-vector products, LocalQuadraticTheory's subspace
# path). Settings (batch 16, --worker-delay exp:0.2 for the synthetic ones, threads engine):
#   smx-M{1,2,4}: synthetic softmax n=20000 (16000 training rows), d=10, 4 classes (p = 44), data seed 1;
#   lgd100-M2:    synthetic logistic n=20000, d=100 (p = 101);
#   lgd10-M2:     synthetic logistic n=20000, d=10 (p = 11: the exact model, every coordinate);
#   fm-M{1,2}:    Fashion-MNIST softmax (60000 training rows, p = 7850), --l2 1e-3, no delay (late phase at 10 % and
#                 30 % of E only, 2 seeds, 2000 updates, metrics every 20: at 1 % the decay, ~3e-4 per update, needs
#                 far longer runs; edge on {0.5, 1, 2, 4, 8} x E, 2 seeds, 1500 updates, metrics every 50, to 10 %).
# Per setting:
#   0. a probe run (`asgd train`, small eta) for the predicted mean-square edge E of its measured staleness law;
#   1. the late-phase decay (LatePhaseStudy): real runs started at theta* + delta v (v the slowest kept
#      eigendirection, f(theta_0) - f* = 10 x the model's stationary excess) at SHARES of E, 3 seeds, against
#      the model's decay over the run's fitted window from the same theta_0; LATE_SEEDS=N runs N seeds instead
#      (the decay of one run scatters by 1.5-2x between seeds: the mean curve of 3 is uncertain by about 20 %,
#      of 30 by about 10 %, LatePhaseStudy's bootstrap interval says how much);
#   2. the measured edge: `--sweep-eta` on {0.25, 0.5, 1, 2, 4} x E, 3 seeds, bisection to 3 %, the late-loss
#      criterion, against the model's mean-square edge at the sweep's staleness law;
#   3. the model's late-loss edge at that law (where its stationary loss reaches the initial loss, the
#      criterion's own level; `LatePhaseStudy level-edge`), and the late-loss edge of the dynamics with the exact
#      loss in the model's directions and their curvature directions (SubspaceDynamics: simulated runs as the
#      sweep's, same updates, metric points, seeds and tolerance). Phase 1 also prints the dynamics' decay.
# Usage: asgd-training/bench/softmax_matrix.sh [OUT_DIR] [SETTINGS...]   (default target/softmax-matrix, all
# settings); a phase whose output is in OUT_DIR is skipped. Prints the tables (softmax_summary.py).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/target/softmax-matrix}"
shift || true
mkdir -p "$out"
"$root/asgd" --version >/dev/null
# a copy: edits to the sources during the bench would make ./asgd rebuild the jar under the running phases
[ -s "$out/asgd.jar" ] || cp "$root/asgd-cli/target/asgd.jar" "$out/asgd.jar"
jar="$out/asgd.jar"
asgd() { java -jar "$jar" "$@"; }
valid() { [ -s "$1" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null; }
get() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("/"): j=j[k]
print(j)' "$1" "$2"; }
settings=("${@:-smx-M1 smx-M2 smx-M4 fm-M1 fm-M2 lgd100-M2}")
for tag in ${settings[*]}; do
  m="${tag##*-M}"
  case "$tag" in
    smx-*) data="synthetic:softmax,n=20000,d=10,classes=4,seed=1"; prob=softmax; l2=0; delay=exp:0.2
           probe_eta=0.1; dec_updates=1500; dec_every=1; edge_updates=2000; edge_every=20; shares=0.01,0.1,0.3
           seeds=3; edge_grid="0.25 0.5 1 2 4"; edge_repeats=3; edge_tol=0.03;;
    lgd10-*) data="synthetic:logistic,n=20000,d=10,seed=1"; prob=logistic; l2=0; delay=exp:0.2
           probe_eta=0.02; dec_updates=1500; dec_every=1; edge_updates=2000; edge_every=20; shares=0.01,0.1,0.3
           seeds=3; edge_grid="0.25 0.5 1 2 4"; edge_repeats=3; edge_tol=0.03;;
    lgd*)  data="synthetic:logistic,n=20000,d=100,seed=1"; prob=logistic; l2=0; delay=exp:0.2
           probe_eta=0.02; dec_updates=1500; dec_every=1; edge_updates=2000; edge_every=20; shares=0.01,0.1
           seeds=3; edge_grid="0.25 0.5 1 2 4"; edge_repeats=3; edge_tol=0.03;;
    fm-*)  data="fashion-mnist"; prob=softmax; l2=1e-3; delay=none
           probe_eta=0.01; dec_updates=2000; dec_every=20; edge_updates=1500; edge_every=50; shares=0.1,0.3
           seeds=2; edge_grid="0.5 1 2 4 8"; edge_repeats=2; edge_tol=0.1;;
  esac
  common=(--data "$data" --problem "$prob" --l2 "$l2" --batch 16 --workers "$m" --worker-delay "$delay" --theory full --quiet)
  if ! valid "$out/$tag-probe.json"; then
    echo "softmax-matrix: $tag: probe" >&2
    asgd train "${common[@]}" --eta "$probe_eta" --updates 3000 --eval-every 100 --format json >"$out/$tag-probe.json.tmp"
    mv "$out/$tag-probe.json.tmp" "$out/$tag-probe.json"
  fi
  e="$(get "$out/$tag-probe.json" theory/measuredLaw/meanSquareEdge)"
  scaled() { python3 -c 'import sys; e=float(sys.argv[1]); print(",".join("%.6g" % (float(f)*e) for f in sys.argv[2:]))' "$e" "$@"; }
  if [ ! -s "$out/$tag-late.tsv" ]; then
    echo "softmax-matrix: $tag: late phase at $shares of E" >&2
    java -cp "$jar" dev.asgd.training.run.LatePhaseStudy "$data" "$prob" "$l2" "$m" "$delay" 16 "$dec_updates" \
      "$dec_every" "$shares" "${LATE_SEEDS:-$seeds}" 10 >"$out/$tag-late.tsv.tmp"
    mv "$out/$tag-late.tsv.tmp" "$out/$tag-late.tsv"
  fi
  if ! valid "$out/$tag-edge.json"; then
    grid="$(scaled $edge_grid)"
    echo "softmax-matrix: $tag: edge from $grid" >&2
    asgd train "${common[@]}" --updates "$edge_updates" --eval-every "$edge_every" --sweep-eta "$grid" \
      --repeats "$edge_repeats" --find-edge --edge-tolerance "$edge_tol" --format json >"$out/$tag-edge.json.tmp"
    mv "$out/$tag-edge.json.tmp" "$out/$tag-edge.json"
  fi
  if [ ! -s "$out/$tag-level.tsv" ]; then
    hist="$(python3 -c 'import json,sys; print(",".join(map(str, json.load(open(sys.argv[1]))["staleness"]["histogram"])))' "$out/$tag-edge.json")"
    java -cp "$jar" dev.asgd.training.run.LatePhaseStudy level-edge "$data" "$prob" "$l2" 16 "$hist" \
      "$edge_updates" "$edge_every" "$edge_repeats" "$edge_tol" >"$out/$tag-level.tsv"
  fi
done
python3 "$root/asgd-training/bench/softmax_summary.py" "$out"
