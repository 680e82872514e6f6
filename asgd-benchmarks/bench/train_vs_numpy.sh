#!/usr/bin/env bash
# Side by side, interleaved, in one run: the numpy peer (../shared/bench/numpy_softmax_sgd.py, sequential
# softmax SGD) against `asgd train --workers 1` and `--workers 2` on Fashion-MNIST softmax, batch 32,
# eta 0.1, the same number of updates; then least squares d = 100 batch 16 through
# dev.asgd.benchmarks.TrainingThroughput (sequential loop, async M = 1, 2). Prints medians and ratios.
#
# usage: asgd-benchmarks/bench/train_vs_numpy.sh [REPS=5] [UPDATES=20000] [LS_UPDATES=200000]
# env: PEER (the numpy script), ASGD (the launcher), BENCH_JAR (benchmarks.jar),
#      BEFORE_JAR / BEFORE_BENCH_JAR (optional: an older asgd.jar / benchmarks.jar measured in the same loop)
# Needs python3 with numpy and the Debian package dataset-fashion-mnist.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${1:-5}"
updates="${2:-20000}"
ls_updates="${3:-200000}"
peer="${PEER:-$root/../shared/bench/numpy_softmax_sgd.py}"
[ -f "$peer" ] || { echo "train_vs_numpy: no numpy peer at $peer (set PEER=PATH/TO/numpy_softmax_sgd.py)" >&2; exit 2; }
asgd="${ASGD:-$root/asgd}"
bench="${BENCH_JAR:-$root/asgd-benchmarks/target/benchmarks.jar}"
if [ ! -f "$bench" ]; then
  (cd "$root" && mvn -B -q -DskipTests -Djacoco.skip=true -pl asgd-benchmarks -am package)
fi
"$asgd" --help >/dev/null   # builds the launcher's jar when stale, outside the timed loop
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
args=(train --data fashion-mnist --problem softmax --eta 0.1 --batch 32 --updates "$updates" --quiet)

asgd_run() { # label, then the command; appends "ups acc" to $out/label
  local label="$1"; shift
  "$@" > "$out/last.txt" 2>&1 || { cat "$out/last.txt" >&2; exit 1; }
  local ups acc
  ups="$(sed -n 's/.*(\([0-9.]*\) updates\/s).*/\1/p' "$out/last.txt" | head -1)"
  acc="$(sed -n 's/^test accuracy *\([0-9.]*\).*/\1/p' "$out/last.txt" | head -1)"
  echo "$ups $acc" >> "$out/$label"
  printf '  %-10s %10.0f updates/s  accuracy %s\n' "$label" "$ups" "$acc"
}

labels=(numpy)
[ -n "${BEFORE_JAR:-}" ] && labels+=(before_M1 before_M2)
labels+=(asgd_M1 asgd_M2)
echo "Fashion-MNIST softmax, batch 32, eta 0.1, $updates updates, $reps rounds (interleaved)"
for r in $(seq 1 "$reps"); do
  echo "round $r"
  python3 "$peer" --updates "$updates" > "$out/last.json"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["updatesPerSecond"], d["testAccuracy"])' \
    "$out/last.json" >> "$out/numpy"
  printf '  %-10s %10.0f updates/s  accuracy %s\n' numpy $(tail -1 "$out/numpy")
  if [ -n "${BEFORE_JAR:-}" ]; then
    asgd_run before_M1 java -jar "$BEFORE_JAR" "${args[@]}" --workers 1
    asgd_run before_M2 java -jar "$BEFORE_JAR" "${args[@]}" --workers 2
  fi
  asgd_run asgd_M1 "$asgd" "${args[@]}" --workers 1
  asgd_run asgd_M2 "$asgd" "${args[@]}" --workers 2
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
np="$(cut -d' ' -f1 "$out/numpy" | median)"
m1="$(cut -d' ' -f1 "$out/asgd_M1" | median)"
echo
echo "| run | median updates/s | x numpy | x asgd M=1 | median test accuracy |"
echo "|---|---|---|---|---|"
for l in "${labels[@]}"; do
  u="$(cut -d' ' -f1 "$out/$l" | median)"
  a="$(cut -d' ' -f2 "$out/$l" | median)"
  awk -v l="$l" -v u="$u" -v np="$np" -v m1="$m1" -v a="$a" \
    'BEGIN {printf "| %s | %.0f | %.2f | %.2f | %.4f |\n", l, u, u / np, u / m1, a}'
done

echo
echo "Least squares d = 100, batch 16, $ls_updates updates (TrainingThroughput quick), $reps rounds"
for r in $(seq 1 "$reps"); do
  for jar in ${BEFORE_BENCH_JAR:+before:$BEFORE_BENCH_JAR} "now:$bench"; do
    tag="${jar%%:*}"
    java -cp "${jar#*:}" dev.asgd.benchmarks.TrainingThroughput "$ls_updates" 100 quick 2>&1 \
      | awk -v t="$tag" '$2 == "updates/s" || $3 == "updates/s" {print t "_" $1, $2}' \
      | while read -r k v; do echo "$v" >> "$out/ls_$k"; done
  done
done
echo "| run | median updates/s | x sequential | x async M=1 |"
echo "|---|---|---|---|"
for tag in ${BEFORE_BENCH_JAR:+before} now; do
  seq_m="$(median < "$out/ls_${tag}_sequential")"
  a1="$(median < "$out/ls_${tag}_async_M1")"
  for k in sequential async_M1 async_M2; do
    u="$(median < "$out/ls_${tag}_$k")"
    awk -v l="$tag $k" -v u="$u" -v s="$seq_m" -v a1="$a1" \
      'BEGIN {printf "| %s | %.0f | %.2f | %.2f |\n", l, u, u / s, u / a1}'
  done
done
