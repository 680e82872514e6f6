#!/usr/bin/env bash
# The tuner against a grid of real runs, side by side in one JVM (after the probe's JIT warm-up):
# asgd tune's probe and recommendation, the recommendation run R times (--verify), and every setting of
# the grid eta x M run R times, each run timed to the target the same way (TargetTimer: parameter
# versions sampled while the workers run, evaluated afterwards). Prints the text report (probe time,
# predicted and measured time to target, the grid's median times, the tuner / best-grid ratio) and
# writes the JSON and the surface plot into OUT_DIR.
#
# usage: asgd-training/bench/tune_vs_grid.sh [OUT_DIR] [REPEATS] [ROUNDS]
#   default: Fashion-MNIST softmax, batch 32, target test accuracy 0.80, grid eta in
#   {0.025, 0.05, 0.1, 0.2, 0.4} x M in {1, 2, 4}, 5 runs per setting, 1 round (one JVM per round).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-tune-vs-grid}"
repeats="${2:-5}"
rounds="${3:-1}"
data="${TUNE_DATA:-fashion-mnist}"
target="${TUNE_TARGET:---target-accuracy 0.8}"
grid_eta="${TUNE_GRID_ETA:-0.025,0.05,0.1,0.2,0.4}"
grid_workers="${TUNE_GRID_WORKERS:-1,2,4}"
mkdir -p "$out"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for r in $(seq 1 "$rounds"); do
  # shellcheck disable=SC2086
  "$root/asgd" tune --data "$data" --batch 32 $target --verify --repeats "$repeats" \
    --grid-eta "$grid_eta" --grid-workers "$grid_workers" --plot "$out" -q --format json > "$out/tune-$r.json"
  python3 - "$out/tune-$r.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
p, rec, v = j["probe"], j["recommendation"], j["verification"]
print(f"round {sys.argv[1]}: probe {p['seconds']:.1f} s, probe + recommendation {j['recommendSeconds']:.1f} s "
      f"(data {j['dataSeconds']:.1f} s); model {p['model'][:40]}...")
for w in p["workers"]:
    print(f"  probe M={w['workers']}: {w['updatesPerSecond']:.0f} upd/s, mean tau {sum(i*x for i,x in enumerate(w['law']['pmf'])):.2f}, "
          f"edge {w['edge']:.4g}, eta {w['eta']:.4g}, median updates to target {w['updatesToTarget']}")
print(f"  recommendation M={rec['workers']} eta={rec['eta']:.4g}: predicted {rec['predictedSeconds']:.4f} s "
      f"({rec['predictedUpdates']:.0f} updates)")
print(f"  verify: measured median {v['medianSeconds']:.4f} s ({v['medianUpdates']} updates); "
      f"measured / predicted {v['measuredOverPredicted']:.3f}")
for c in j["grid"]:
    ts = sorted(r["secondsToTarget"] if r["secondsToTarget"] is not None else float("inf") for r in c["runs"])
    print(f"  grid M={c['workers']} eta={c['eta']:<6}: median {c['medianSeconds'] if c['medianSeconds'] is not None else 'not met'} s, "
          f"runs {[round(t, 4) for t in ts]}")
b = j["bestCell"]
print(f"  best grid M={b['workers']} eta={b['eta']}: {b['medianSeconds']:.4f} s; tuner / best = {j['ratioToBest']:.3f}")
PY
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
