"""Summarises asgd-training/bench/edge_matrix.sh's JSON files as the two tables of asgd-training/README.md."""
import glob
import json
import os
import sys

out = sys.argv[1]
print("| setting | mean staleness | measured edge | measured law (mean square) | replay | shuffled replay | geometric (mean) |")
print("|---|---|---|---|---|---|---|")
for f in sorted(glob.glob(os.path.join(out, "*-edge.json"))):
    j = json.load(open(f))
    e = j["edges"]
    m = e["measured"]

    def rel(x):
        if x is None or m is None:
            return "-"
        return "%.4g (%+.1f %%)" % (x, 100 * (x / m - 1))

    tag = os.path.basename(f)[:-10]
    print("| %s | %.2f | %.4g [%.4g, %.4g] | %s | %s | %s | %s |" % (
        tag, j["staleness"]["lawMean"], m, e["measuredStableBelow"], e["measuredUnstableAbove"],
        rel(e["measuredLawMeanSquare"]), rel((e["replay"] or {}).get("edge")),
        rel((e["shuffledReplay"] or {}).get("edge")), rel(e["geometricMean"])))
print()
print("| setting | eta / edge | measured decay [95 %] | measured law | within 15 % or inside | geometric |")
print("|---|---|---|---|---|---|")
ok = total = 0
for f in sorted(glob.glob(os.path.join(out, "*-decay.json"))):
    j = json.load(open(f))
    tag = os.path.basename(f)[:-11]
    edge = json.load(open(os.path.join(out, tag + "-edge.json")))["edges"]["measured"]
    for p in j["points"]:
        md, lo, hi, law = p["measuredDecay"], p["measuredLower"], p["measuredUpper"], p["measuredLawDecay"]
        good = md is not None and (abs(law / md - 1) <= 0.15 or lo <= law <= hi)
        ok += good
        total += 1
        print("| %s | %.2f | %s | %.4g | %s | %.4g |" % (
            tag, p["eta"] / edge, "%.4g [%.4g, %.4g]" % (md, lo, hi) if md is not None else "n/a",
            law, "yes" if good else "**no**", p["geometricDecay"]))
print()
print("decay predictions within 15 %% or inside the interval: %d of %d" % (ok, total))
