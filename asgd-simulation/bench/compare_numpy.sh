#!/usr/bin/env bash
# Runs `asgd simulate` and the numpy peer side by side on the same machine, with the same model,
# and prints both throughputs (member-steps per second), their ratio, and the agreement of the
# ensemble mean and second moment at the steps both report (z = difference over the combined
# standard error; the two use different random streams, so |z| < 3 is agreement).
#
# usage: asgd-simulation/bench/compare_numpy.sh PATH/TO/numpy_asgd.py [RUNS] [STEPS] [THREADS]
# e.g.   asgd-simulation/bench/compare_numpy.sh ../shared/bench/numpy_asgd.py 100000 1000
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 PATH/TO/numpy_asgd.py [RUNS] [STEPS] [THREADS]" >&2
  exit 2
fi
peer="$1"
runs="${2:-100000}"
steps="${3:-1000}"
threads="${4:-}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
model=(--eta 0.01 --kappa 0.9 --omega0 1 --sigma 1 --theta0 1)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "numpy peer: $peer --runs $runs --steps $steps ${model[*]}" >&2
python3 "$peer" --runs "$runs" --steps "$steps" "${model[@]}" --seed 0 > "$tmp/numpy.json"
echo "asgd simulate --runs $runs --steps $steps --every 10 ${model[*]} ${threads:+--threads $threads}" >&2
"$root/asgd" simulate --runs "$runs" --steps "$steps" --every 10 "${model[@]}" --seed 1 \
  ${threads:+--threads "$threads"} --quiet --format json > "$tmp/asgd.json"

python3 - "$tmp/numpy.json" "$tmp/asgd.json" <<'PY'
import json, math, sys
peer = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))
p_rate = peer["memberStepsPerSecond"]
o_rate = ours["performance"]["memberStepsPerSecond"]
print(f"numpy : {p_rate:.3e} member-steps/s ({peer['seconds']:.2f} s)")
print(f"asgd  : {o_rate:.3e} member-steps/s ({ours['performance']['seconds']:.2f} s, "
      f"{ours['performance']['threads']} threads)")
print(f"ratio : {o_rate / p_rate:.1f}x")
series = {r["step"]: r for r in ours["series"]}
worst = 0.0
for s, m2 in peer["secondMoment"].items():
    k = int(s)
    if k == 0 or k not in series:
        continue
    r = series[k]
    # the peer reports no standard errors; with the same N its are about ours
    se_m = r["meanStdErr"][0] * math.sqrt(2)
    se_2 = r["secondMomentStdErr"] * math.sqrt(2)
    zm = (r["mean"][0] - peer["mean"][s]) / se_m
    z2 = (r["secondMoment"] - m2) / se_2
    worst = max(worst, abs(zm), abs(z2))
    print(f"step {k:6d}: mean {r['mean'][0]:.6f} vs {peer['mean'][s]:.6f} (z {zm:+.2f}); "
          f"second moment {r['secondMoment']:.6f} vs {m2:.6f} (z {z2:+.2f})")
print("agreement: " + ("yes" if worst < 3 else "NO") + f" (max |z| = {worst:.2f})")
PY
