#!/usr/bin/env python3
"""Diffs two snapshots of scripts/json-snapshot.sh: per file, the keys only in one of them and the
values that differ (numbers compared exactly unless --rtol is given). Timing fields (names with
'seconds', 'elapsed', 'wall', 'time' of a run) and metadata are listed apart, since they differ
between any two runs."""
import json, math, os, sys

TIMING = ("seconds", "elapsed", "wall", "millis", "nanos", "persec", "throughput", "speed")

def flat(x, p=""):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from flat(v, f"{p}/{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from flat(v, f"{p}[{i}]")
    else:
        yield p, x

def same(a, b, rtol):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if a == b:
            return True
        return rtol > 0 and math.isfinite(a) and abs(a - b) <= rtol * max(abs(a), abs(b))
    return a == b

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rtol = float(next((a.split("=")[1] for a in sys.argv[1:] if a.startswith("--rtol=")), 0))
    before, after = args
    names = sorted(f for f in set(os.listdir(before)) | set(os.listdir(after)) if f.endswith(".json"))
    for n in names:
        try:
            a = dict(flat(json.load(open(os.path.join(before, n)))))
            b = dict(flat(json.load(open(os.path.join(after, n)))))
        except (OSError, ValueError) as e:
            print(f"== {n}: cannot compare ({e})")
            continue
        only_a = sorted(set(a) - set(b)); only_b = sorted(set(b) - set(a))
        changed = [k for k in sorted(set(a) & set(b)) if not same(a[k], b[k], rtol)]
        timing = [k for k in changed if any(t in k.lower() for t in TIMING)]
        changed = [k for k in changed if k not in timing]
        print(f"== {n}: {len(a)} values before, {len(b)} after; {len(changed)} differ"
              f" (+{len(timing)} timing), {len(only_a)} removed, {len(only_b)} added")
        for k in only_a: print(f"  - {k} = {a[k]!r}")
        for k in only_b: print(f"  + {k} = {b[k]!r}")
        for k in changed: print(f"  ~ {k}: {a[k]!r} -> {b[k]!r}")

main()
