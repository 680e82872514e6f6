#!/usr/bin/env bash
# Hogwild's measured edge against the measured law's mean-square edge at its (global) staleness: least squares
# d = 20, n = 20000, batch 16, 4000 updates, metrics every 20, M = 2 and 4, --worker-delay exp:0.2 and none,
# 3 seeds per rate, bisection to 1 %. Usage: asgd-training/bench/hogwild_edge.sh [OUT_DIR] (default
# target/hogwild-edge); a setting whose output is in OUT_DIR is skipped. Prints one line per setting.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/target/hogwild-edge}"
mkdir -p "$out"
"$root/asgd" --version >/dev/null
[ -s "$out/asgd.jar" ] || cp "$root/asgd-cli/target/asgd.jar" "$out/asgd.jar"
for m in 2 4; do
  for dl in exp:0.2 none; do
    tag="M$m-${dl/:/_}"
    [ -s "$out/$tag-edge.json" ] && continue
    java -jar "$out/asgd.jar" train --data synthetic:least-squares,n=20000,d=20,seed=1 --mode hogwild --workers "$m" \
      --worker-delay "$dl" --batch 16 --updates 4000 --eval-every 20 --sweep-eta 0.1,0.2,0.4,0.8,1.6 --repeats 3 \
      --find-edge --edge-tolerance 0.01 --no-replay-edge -q --format json >"$out/$tag-edge.json.tmp"
    mv "$out/$tag-edge.json.tmp" "$out/$tag-edge.json"
  done
done
python3 - "$out" <<'PY'
import glob, json, os, sys
print("| setting | mean staleness | max staleness | measured edge [bracket] | measured law, mean square | difference |")
print("|---|---|---|---|---|---|")
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*-edge.json"))):
    j = json.load(open(f)); e = j["edges"]; h = j["staleness"]["histogram"]
    mx = max(i for i, c in enumerate(h) if c > 0)
    print("| hogwild %s | %.2f | %d | %.4g [%.4g, %.4g] | %.4g | %+.1f %% |" % (os.path.basename(f)[:-10], j["staleness"]["lawMean"], mx,
          e["measured"], e["measuredStableBelow"], e["measuredUnstableAbove"], e["measuredLawMeanSquare"],
          100 * (e["measuredLawMeanSquare"] / e["measured"] - 1)))
PY
