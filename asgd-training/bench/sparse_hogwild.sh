#!/usr/bin/env bash
# Hogwild on sparse data, side by side in one run: `asgd train --mode hogwild --workers 1` and `--workers 2`,
# `--mode hogwild:racy --workers 2` (plain adds instead of compare-and-set; one worker writes plainly in both)
# and the sequential engine (`--mode async --workers 1`, the parameter server) on one LIBSVM file written by
# sparse_libsvm.py (synthetic sparse logistic: n rows, d features, density d non-zeros per row), REPS
# interleaved rounds. Prints each run, then medians of updates/s and of the final test loss, and the ratios.
#
# usage: asgd-training/bench/sparse_hogwild.sh [REPS=5] [UPDATES=500000] [BATCH=8]
# Each round also measures the machine's ceiling (CEILING=0 leaves it out): two `--mode hogwild --workers 1`
# processes started at once, which share nothing but the machine (cores, memory bandwidth); their summed
# updates/s over one such process is what two cores deliver over one at that moment.
#
# env: N (100000), D (50000), DENSITY (0.002), ETA (0.01), SVM (the file; written when missing),
#      ASGD (the launcher), ASYNC=0 to leave the sequential engine out, ASGD_JAVA_OPTS (passed on)
# Needs python3 with numpy (for the file).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${1:-5}"
updates="${2:-500000}"
batch="${3:-8}"
n="${N:-100000}"
d="${D:-50000}"
density="${DENSITY:-0.002}"
eta="${ETA:-0.01}"
svm="${SVM:-${TMPDIR:-/tmp}/asgd-sparse-logistic-n$n-d$d-p$density.svm}"
asgd="${ASGD:-$root/asgd}"
if [ ! -f "$svm" ]; then
  python3 "$root/asgd-training/bench/sparse_libsvm.py" "$svm" --n "$n" --d "$d" --density "$density"
fi
"$asgd" --help >/dev/null   # builds the launcher's jar when stale, outside the timed loop
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
args=(train --data "libsvm:$svm" --problem logistic --eta "$eta" --batch "$batch" --updates "$updates"
      --eval-every "$((updates / 10))" --quiet)

run() { # label, then extra arguments; appends "ups testloss" to $out/label
  local label="$1"; shift
  /usr/bin/time -f "cpu %U %S %e" -o "$out/time.txt" "$asgd" "${args[@]}" "$@" > "$out/last.txt" 2>&1 \
    || { cat "$out/last.txt" >&2; exit 1; }
  local ups loss cores
  ups="$(sed -n 's/.*(\([0-9.]*\) updates\/s).*/\1/p' "$out/last.txt" | head -1)"
  loss="$(sed -n 's/^test loss *\([0-9.]*\).*/\1/p' "$out/last.txt" | head -1)"
  # cores the JVM had on average over its whole life (loading the file included): a run whose M = 2
  # got well under 2 shared the machine with another process
  cores="$(awk '$1 == "cpu" {printf "%.2f", ($2 + $3) / $4}' "$out/time.txt")"
  echo "$ups $loss $cores" >> "$out/$label"
  printf '  %-12s %10.0f updates/s  test loss %s  cores used %s\n' "$label" "$ups" "$loss" "$cores"
}

ceiling() { # two hogwild M = 1 processes at once; appends their summed updates/s to $out/ceiling
  "$asgd" "${args[@]}" --mode hogwild --workers 1 > "$out/ceiling_a.txt" 2>&1 &
  local pid=$!
  "$asgd" "${args[@]}" --mode hogwild --workers 1 > "$out/ceiling_b.txt" 2>&1 \
    || { cat "$out/ceiling_b.txt" >&2; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 1; }
  wait "$pid" || { cat "$out/ceiling_a.txt" >&2; exit 1; }
  local a b
  a="$(sed -n 's/.*(\([0-9.]*\) updates\/s).*/\1/p' "$out/ceiling_a.txt" | head -1)"
  b="$(sed -n 's/.*(\([0-9.]*\) updates\/s).*/\1/p' "$out/ceiling_b.txt" | head -1)"
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f\n", a + b}' >> "$out/ceiling"
  printf '  %-12s %10.0f updates/s  (two hogwild --workers 1 processes at once: %.0f + %.0f)\n' ceiling \
    "$(tail -1 "$out/ceiling")" "$a" "$b"
}

labels=(hogwild_M1 hogwild_M2 racy_M2)
[ "${ASYNC:-1}" = 0 ] || labels+=(async_M1)
echo "sparse logistic, LIBSVM $svm (n=$n, d=$d, density $density), batch $batch, eta $eta, $updates updates,"
echo "$reps interleaved rounds; load before: $(uptime | sed 's/.*load average: //')"
for r in $(seq 1 "$reps"); do
  echo "round $r"
  run hogwild_M1 --mode hogwild --workers 1
  run hogwild_M2 --mode hogwild --workers 2
  run racy_M2 --mode hogwild:racy --workers 2
  [ "${CEILING:-1}" = 0 ] || ceiling
  [ "${ASYNC:-1}" = 0 ] || run async_M1 --mode async --workers 1
done
echo "load after: $(uptime | sed 's/.*load average: //')"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
h1="$(cut -d' ' -f1 "$out/hogwild_M1" | median)"
echo
echo "| run | median updates/s | x hogwild M=1 | median test loss | median cores used |"
echo "|---|---|---|---|---|"
for l in "${labels[@]}"; do
  u="$(cut -d' ' -f1 "$out/$l" | median)"
  t="$(cut -d' ' -f2 "$out/$l" | median)"
  c="$(cut -d' ' -f3 "$out/$l" | median)"
  awk -v l="$l" -v u="$u" -v h1="$h1" -v t="$t" -v c="$c" \
    'BEGIN {printf "| %s | %.0f | %.2f | %.4f | %.2f |\n", l, u, u / h1, t, c}'
done
echo
first() { cut -d' ' -f1 "$1"; }
echo "per-round M=2 / M=1: $(paste -d' ' <(first "$out/hogwild_M1") <(first "$out/hogwild_M2") | awk '{printf "%.2f ", $2 / $1}')"
echo "per-round racy M=2 / M=1: $(paste -d' ' <(first "$out/hogwild_M1") <(first "$out/racy_M2") | awk '{printf "%.2f ", $2 / $1}')"
if [ -f "$out/ceiling" ]; then
  rc="$(paste -d' ' <(cut -d' ' -f1 "$out/hogwild_M1") "$out/ceiling" | awk '{printf "%.2f\n", $2 / $1}')"
  re="$(paste -d' ' "$out/ceiling" <(first "$out/hogwild_M2") | awk '{printf "%.2f\n", $2 / $1}')"
  echo "the machine's ceiling, two M=1 processes at once / one: $(echo $rc), median $(median <<< "$rc")"
  echo "M=2 / that ceiling: $(echo $re), median $(median <<< "$re")"
  rr="$(paste -d' ' "$out/ceiling" <(first "$out/racy_M2") | awk '{printf "%.2f\n", $2 / $1}')"
  echo "racy M=2 / that ceiling: $(echo $rr), median $(median <<< "$rr")"
fi
