"""Summarises asgd-training/bench/edge_matrix.sh's JSON files as the tables of asgd-training/README.md."""
import glob
import json
import os
import sys

out = sys.argv[1]


def rel(x, m):
    if x is None or m is None:
        return "-"
    return "%.4g (%+.1f %%)" % (x, 100 * (x / m - 1))


print("| setting | mean staleness | measured edge [bracket] | measured law, i.i.d. | each run's law, median"
      " | replay, median of 3 | shuffled replay | Markov chain replay | geometric (paper) |")
print("|---|---|---|---|---|---|---|---|---|")
for f in sorted(glob.glob(os.path.join(out, "*-edge.json"))):
    j = json.load(open(f))
    e = j["edges"]
    m = e["measured"]
    tag = os.path.basename(f)[:-10]
    print("| %s | %.2f | %.4g [%.4g, %.4g] | %s | %s | %s | %s | %s | %s |" % (
        tag, j["staleness"]["lawMean"], m, e["measuredStableBelow"], e["measuredUnstableAbove"],
        rel(e["measuredLawMeanSquare"], m), rel(e.get("measuredLawPerRunMedian"), m),
        rel((e["replay"] or {}).get("edge"), m), rel((e["shuffledReplay"] or {}).get("edge"), m),
        rel((e.get("markovReplay") or {}).get("edge"), m), rel(e["geometricMean"], m)))
print()
print("| setting | eta / edge | measured decay [95 %] | measured law: window (asymptotic) | agrees"
      " | geometric (paper) |")
print("|---|---|---|---|---|---|")
ok = total = 0
for f in sorted(glob.glob(os.path.join(out, "*-decay.json"))):
    j = json.load(open(f))
    tag = os.path.basename(f)[:-11]
    edge = json.load(open(os.path.join(out, tag + "-edge.json")))["edges"]["measured"]
    for p in j["points"]:
        md, lo, hi = p["measuredDecay"], p["measuredLower"], p["measuredUpper"]
        law, win = p["measuredLawDecay"], p.get("measuredLawWindowDecay")
        # asgd's own verdict: the prediction inside the measured interval widened by 15 % of the decay
        good = bool(p["agrees"])
        ok += good
        total += 1
        print("| %s | %.2f | %s | %s (%.4g) | %s | %.4g |" % (
            tag, p["eta"] / edge, "%.4g [%.4g, %.4g]" % (md, lo, hi) if md is not None else "n/a",
            "%.4g" % win if win is not None else "-", law, "yes" if good else "**no**", p["geometricDecay"]))
print()
measurable = sum(1 for f in glob.glob(os.path.join(out, "*-decay.json"))
                 for p in json.load(open(f))["points"] if p["measuredDecay"] is not None)
print("decay predictions that agree: %d of %d (%d measurable: at least 3 metric points above the floor)"
      % (ok, total, measurable))
