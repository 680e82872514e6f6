#!/usr/bin/env python3
"""Tables of softmax_matrix.sh: the late-phase decay and the edge, measured against the local quadratic model."""
import glob
import json
import os
import statistics
import sys

out = sys.argv[1]


def g(x):
    return "n/a" if x is None or x != x else "%.4g" % x


def pct(pred, meas):
    return "n/a" if not meas or pred is None or pred != pred else "%+.0f %%" % (100 * (pred / meas - 1))


def mean_curve(mr):
    """The mean row's measured decay, with its bootstrap interval over seeds and the seeds' count when given."""
    if not mr:
        return "n/a"
    if len(mr) > 21:
        return "%s [%s, %s] (%s)" % (g(float(mr[6])), g(float(mr[18])), g(float(mr[19])), mr[21])
    return g(float(mr[6]))


tags = sorted({os.path.basename(p).rsplit("-", 1)[0] for pat in ("*-probe.json", "*-late.tsv", "*-edge.json")
               for p in glob.glob(os.path.join(out, pat))})
print("(a) late-phase decay from theta* + delta v: measured DecayFit of f - f* against the model's window decay")
print("| setting | mean staleness | E | share of E | eta | f(theta_0) - f*: real / quadratic model | measured, median [min, max] (measurable) | predicted (window), median | measured / predicted, median [min, max] | dynamics, median | measured / dynamics, median [min, max] | the seeds' mean curve: measured [bootstrap 95 %] (seeds) | / quadratic | / dynamics | / full simulation |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for t in tags:
    f = os.path.join(out, t + "-late.tsv")
    if not os.path.exists(f):
        continue
    head = [l for l in open(f) if l.startswith("#")]
    allrows = [l.rstrip("\n").split("\t") for l in open(f) if not l.startswith("#") and not l.startswith("share")]
    rows = [r for r in allrows if r[2] != "mean"]
    means = {r[0]: r for r in allrows if r[2] == "mean"}
    edge = float(head[0].split("E=")[1].split(";")[0]) if head else float("nan")
    shares = []
    for r in rows:
        if r[0] not in shares:
            shares.append(r[0])
    for s in shares:
        rs = [r for r in rows if r[0] == s]
        meas = [float(r[6]) for r in rs if r[6] != "NaN"]
        pred = [float(r[10]) for r in rs if r[10] != "NaN"]
        ratio = [float(r[12]) for r in rs if r[12] != "NaN"]
        tau = statistics.mean(float(r[3]) for r in rs)
        nl = [float(r[13]) / float(r[4]) for r in rs if len(r) > 13]
        dyn = [float(r[14]) for r in rs if len(r) > 15 and r[14] != "NaN"]
        dratio = [float(r[15]) for r in rs if len(r) > 15 and r[15] != "NaN"]
        mr = means.get(s)
        print("| %s | %.2f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            t, tau, g(edge), s, g(float(rs[0][1])), "%.2f" % statistics.median(nl) if nl else "n/a",
            "none measurable (0)" if not meas else "%s [%s, %s] (%d)" % (g(statistics.median(meas)), g(min(meas)), g(max(meas)), len(meas)),
            g(statistics.median(pred)) if pred else "n/a",
            "n/a" if not ratio else "%.2f [%.2f, %.2f]" % (statistics.median(ratio), min(ratio), max(ratio)),
            g(statistics.median(dyn)) if dyn else "n/a",
            "n/a" if not dratio else "%.2f [%.2f, %.2f]" % (statistics.median(dratio), min(dratio), max(dratio)),
            mean_curve(mr), mr[12] if mr else "n/a", mr[15] if mr else "n/a",
            "%.3f" % (float(mr[6]) / float(mr[20])) if mr and len(mr) > 20 and mr[20] != "NaN" else "n/a"))
print()
print("(b) the edge: real runs, bisection to 3 %, late-loss criterion, against the model's mean-square edge")
print("| setting | mean staleness | measured edge [bracket] | mean-square edge | difference | late-loss edge (model) | difference | dynamics' late-loss edge (directions) | difference | mean edge | runs past 100x |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for t in tags:
    f = os.path.join(out, t + "-edge.json")
    if not os.path.exists(f):
        continue
    try:
        s = json.load(open(f))
    except ValueError:
        continue
    ed = s["edges"]
    past = sum(1 for p in s["points"] for r in p["runs"] if r.get("divergedAt") is not None)
    runs = sum(len(p["runs"]) for p in s["points"])
    lv = os.path.join(out, t + "-level.tsv")
    level = None
    dyn = None
    dirs = "?"
    if os.path.exists(lv) and os.path.getsize(lv) > 0:
        cols = open(lv).read().split("\t")
        level = float(cols[3])
        if len(cols) > 7:
            dyn = float(cols[7])
            dirs = cols[13].strip()
    print("| %s | %.2f | %s [%s, %s] | %s | %s | %s | %s | %s (%s) | %s | %s | %d of %d |" % (
        t, s["staleness"]["lawMean"], g(ed["measured"]), g(ed["measuredStableBelow"]), g(ed["measuredUnstableAbove"]),
        g(ed["measuredLawMeanSquare"]), pct(ed["measuredLawMeanSquare"], ed["measured"]), g(level),
        pct(level, ed["measured"]), g(dyn), dirs, pct(dyn, ed["measured"]), g(ed["measuredLawMean"]), past, runs))
