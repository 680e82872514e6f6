#!/usr/bin/env bash
# Writes the JSON of every command on the README's examples (deterministic settings) and the quick
# reproduce suite's results.json into DIR, one file per command, keys sorted, so that two snapshots
# (before and after a refactoring) diff line by line:
#   scripts/json-snapshot.sh /tmp/before ; ...change... ; scripts/json-snapshot.sh /tmp/after
#   scripts/json-diff.py /tmp/before /tmp/after
# Threaded training is not deterministic in its interleaving, so `train` is snapshot with one worker
# (sequential), sync and replay modes, which are; timing fields differ between any two runs.
set -euo pipefail
out="${1:?usage: json-snapshot.sh DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
a() { "$root/asgd" "$@"; }
run() { # name, then the command's arguments
  local name="$1"; shift
  if a "$@" --format json >"$out/$name.raw" 2>"$out/$name.err"; then :; else echo "exit $?" >>"$out/$name.err"; fi
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=1, sort_keys=True))' \
    "$out/$name.raw" >"$out/$name.json" 2>>"$out/$name.err" || cp "$out/$name.raw" "$out/$name.json"
  rm -f "$out/$name.raw"
}
run rate-scalar rate --eta 0.05 --kappa 0.9 --omega0 1 --workers 8
run rate-vector rate --eta 0.01 --kappa 0.5 --omega0 0.5,1,4
run moments moments --eta 0.01 --kappa 0.9 --omega0 1 --steps 1000000 --every 200000
run moments-uniform moments --eta 0.01 --kappa 0 --staleness uniform:4 --omega0 1,2 --steps 2000 --every 500
run simulate simulate --eta 0.01 --kappa 0.9 --omega0 1 --runs 20000 --steps 1000 --every 100 --threads 2
run simulate-data simulate --eta 0.01 --kappa 0.5 --data synthetic:least-squares,n=500,d=5 --runs 2000 --steps 400 --every 100
run sme sme --eta 0.01 --kappa 0.9 --omega0 1 --runs 5000 --steps 1000 --every 100
run compare compare --eta 0.01 --kappa 0.9 --omega0 1 --runs 20000 --steps 1000
run compare-diverging compare --eta 1 --kappa 0.9 --omega0 1 --runs 2000 --steps 200
run compare-sweep compare --eta 0.01 --kappa 0.9 --omega0 1 --runs 4000 --steps 400 --sweep-eta 0.005,0.01,0.02,0.04
run fokker-planck fokker-planck --eta 0.05 --kappa 0.9 --omega0 1
run train-sequential train --data synthetic:least-squares,n=20000,d=20 --workers 1 --eta 0.002 --updates 3000 --eval-every 500
run train-sync train --data synthetic:least-squares,n=20000,d=20 --workers 4 --mode sync --eta 0.002 --updates 2000 --eval-every 500
run train-logistic train --data synthetic:logistic,n=5000,d=10 --workers 1 --eta 0.05 --updates 2000 --eval-every 500
a reproduce --quick --out "$out/reproduce" >"$out/reproduce.txt" 2>&1 || echo "exit $?" >>"$out/reproduce.txt"
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=1, sort_keys=True))' \
  "$out/reproduce/results.json" >"$out/reproduce-results.json"
echo "snapshot in $out"
