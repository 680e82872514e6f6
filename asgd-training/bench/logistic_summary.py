#!/usr/bin/env python3
"""Tables of asgd-training/bench/logistic_matrix.sh: usage logistic_summary.py OUT_DIR."""
import json
import os
import statistics
import sys

out = sys.argv[1]


def load(name):
    p = os.path.join(out, name)
    try:
        with open(p) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def g(v):
    return "n/a" if v is None or v != v else "%.4g" % v


def pct(a, b):
    return "n/a" if a is None or b is None or a != a or b != b or b == 0 else "%+.0f %%" % (100 * (a / b - 1))


tags = ["d%d-M%d" % (d, m) for d in (10, 20) for m in (1, 2, 4)]
print("## (a) late-phase decay per update: measured (DecayFit of f - f*, median of 3 seeds [min, max]) vs predicted")
print()
print("| setting | mean staleness | predicted edge E | eta (share of E) | measured, median [min, max] | predicted -ln rho_ms | measured / predicted | local model over the measured window |")
print("|---|---|---|---|---|---|---|---|")
for t in tags:
    probe, dec = load(t + "-probe.json"), load(t + "-decay.json")
    if not probe or not dec:
        continue
    e = probe["theory"]["measuredLaw"]["meanSquareEdge"]
    for p in dec["points"]:
        rates = [r["decay"]["decayPerUpdate"] for r in p["runs"]]
        rates = [r for r in rates if r is not None and r == r]
        med = statistics.median(rates) if rates else float("nan")
        lo, hi = (min(rates), max(rates)) if rates else (float("nan"), float("nan"))
        print("| %s | %.2f | %s | %s (%.0f %%) | %s [%s, %s] (%d of 3) | %s | %s | %s |" % (
            t, dec["staleness"]["lawMean"], g(e), g(p["eta"]), 100 * p["eta"] / e, g(med), g(lo), g(hi), len(rates),
            g(p["measuredLawDecay"]), "n/a" if not rates else "%.2f" % (med / p["measuredLawDecay"]), g(p.get("measuredLawWindowDecay"))))
print()
print("## (b) the edge: measured (3 seeds per eta, late-loss criterion or 100x) vs the measured law's mean-square edge")
print()
print("| setting | mean staleness | measured edge [bracket] | mean-square edge (sweep's law) | difference | late-loss edge (model) | difference | dynamics' late-loss edge | difference | mean edge | runs past 100x |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for t in tags:
    s = load(t + "-edge.json")
    if not s:
        continue
    ed = s["edges"]
    past = sum(1 for p in s["points"] for r in p["runs"] if r.get("divergedAt") is not None)
    runs = sum(len(p["runs"]) for p in s["points"])
    level = ed.get("measuredLawLateLoss")
    dyn = ed.get("dynamicsLateLoss")
    print("| %s | %.2f | %s [%s, %s] | %s | %s | %s | %s | %s | %s | %s | %d of %d |" % (
        t, s["staleness"]["lawMean"], g(ed["measured"]), g(ed["measuredStableBelow"]), g(ed["measuredUnstableAbove"]),
        g(ed["measuredLawMeanSquare"]), pct(ed["measuredLawMeanSquare"], ed["measured"]), g(level),
        pct(level, ed["measured"]), g(dyn), pct(dyn, ed["measured"]), g(ed["measuredLawMean"]), past, runs))
print()
print("## (c) at and above the predicted edge E (seed 1, 2000 updates): the training loss over the second half")
print()
print("| setting | f* | initial loss | eta / E | late median | late 10th-90th percentile | verdict |")
print("|---|---|---|---|---|---|---|")
for t in tags:
    for f in ("0.5", "1", "2", "4", "10"):
        j = load("%s-above-%s.json" % (t, f))
        if not j:
            print("| %s | | | %s | | | exit 3 (100x the initial loss) or missing |" % (t, f))
            continue
        ser = j["series"]
        last = ser[-1]["step"]
        late = sorted(p["trainLoss"] for p in ser if 2 * p["step"] >= last)
        q = lambda x: late[min(len(late) - 1, int(x * len(late)))]
        med = statistics.median(late)
        init = ser[0]["trainLoss"]
        fs = j["theory"]["lossStar"] if j.get("theory") else float("nan")
        print("| %s | %.4f | %.4f | %s | %.4g | %.4g - %.4g | %s |" % (
            t, fs, init, f, med, q(0.1), q(0.9), "unstable (late median above initial)" if med > init else "stable"))
