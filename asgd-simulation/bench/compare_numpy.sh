#!/usr/bin/env bash
# Runs `asgd simulate` and the numpy peer side by side on the same machine, with the same model,
# and prints both throughputs (member-steps per second of wall time, as each program reports it),
# their ratio, the CPU seconds each process used (user + sys, from getrusage: a load-robust
# measure on a shared machine), and the agreement of the ensemble mean and second moment at the
# steps both report (z = difference over the combined standard error; the two use different
# random streams, so |z| < 3 is agreement).
#
# usage: asgd-simulation/bench/compare_numpy.sh PATH/TO/numpy_asgd.py [RUNS] [STEPS] [THREADS]
# e.g.   asgd-simulation/bench/compare_numpy.sh ../shared/bench/numpy_asgd.py 100000 1000
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 PATH/TO/numpy_asgd.py [RUNS] [STEPS] [THREADS]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# build the jar first (if stale) so that the build is not timed
"$root/asgd" --version > /dev/null
exec python3 - "$root" "$@" <<'PY'
import json, math, os, resource, subprocess, sys

root, peer = sys.argv[1], sys.argv[2]
runs = sys.argv[3] if len(sys.argv) > 3 else "100000"
steps = sys.argv[4] if len(sys.argv) > 4 else "1000"
threads = sys.argv[5] if len(sys.argv) > 5 else None
model = ["--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--sigma", "1", "--theta0", "1"]

def timed(cmd):
    print("$ " + " ".join(cmd), file=sys.stderr)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(out), cpu

peer_json, peer_cpu = timed(["python3", peer, "--runs", runs, "--steps", steps, "--seed", "0"] + model)
cmd = [os.path.join(root, "asgd"), "simulate", "--runs", runs, "--steps", steps, "--every", "10", "--seed", "1",
       "--quiet", "--format", "json"] + model + (["--threads", threads] if threads else [])
ours, our_cpu = timed(cmd)

member_steps = int(runs) * int(steps)
p_rate = peer_json["memberStepsPerSecond"]
o_rate = ours["performance"]["memberStepsPerSecond"]
print(f"load average before/after: {os.getloadavg()[0]:.2f} (1 min)")
print(f"numpy : {p_rate:.3e} member-steps/s ({peer_json['seconds']:.2f} s; process CPU {peer_cpu:.2f} s,"
      f" {member_steps / peer_cpu:.3e} member-steps per CPU second)")
print(f"asgd  : {o_rate:.3e} member-steps/s ({ours['performance']['seconds']:.2f} s, "
      f"{ours['performance']['threads']} threads; process CPU {our_cpu:.2f} s incl. JVM start and JIT,"
      f" {member_steps / our_cpu:.3e} member-steps per CPU second)")
print(f"ratio : {o_rate / p_rate:.1f}x (wall-clock throughput), {peer_cpu / our_cpu:.1f}x (CPU efficiency)")
series = {r["step"]: r for r in ours["series"]}
worst = 0.0
for s, m2 in peer_json["secondMoment"].items():
    k = int(s)
    if k == 0 or k not in series:
        continue
    r = series[k]
    # the peer reports no standard errors; with the same N its are about ours
    se_m = r["meanStdErr"][0] * math.sqrt(2)
    se_2 = r["secondMomentStdErr"] * math.sqrt(2)
    zm = (r["mean"][0] - peer_json["mean"][s]) / se_m
    z2 = (r["secondMoment"] - m2) / se_2
    worst = max(worst, abs(zm), abs(z2))
    print(f"step {k:6d}: mean {r['mean'][0]:.6f} vs {peer_json['mean'][s]:.6f} (z {zm:+.2f}); "
          f"second moment {r['secondMoment']:.6f} vs {m2:.6f} (z {z2:+.2f})")
print("agreement: " + ("yes" if worst < 3 else "NO") + f" (max |z| = {worst:.2f})")
PY
