#!/usr/bin/env python3
"""Writes a synthetic sparse data set as a LIBSVM file, the model of `--data synthetic:sparse-logistic`
(or sparse-least-squares): n rows, each with k = max(1, round(density d)) non-zeros N(0, 1) at k distinct
uniformly random positions (1-based, increasing), generating weights w* ~ N(0, scale^2 / k) per entry
(scale 3 for logistic, 1 for least squares), intercept 0.5. Logistic labels are 0/1 ~ Bernoulli(sigmoid(x.w* + b*)),
least-squares labels x.w* + b* + N(0, noise^2). Same law as the Java generator, not the same draws.

usage: sparse_libsvm.py OUT.svm [--kind logistic|least-squares] [--n N] [--d D] [--density P]
                        [--noise S] [--seed SEED] [--weights W.txt]
Needs python3 with numpy.
"""
import argparse
import sys

import numpy as np


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--kind", choices=["logistic", "least-squares"], default="logistic")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--d", type=int, default=50_000)
    ap.add_argument("--density", type=float, default=0.002)
    ap.add_argument("--noise", type=float, default=0.1, help="label noise of least squares (default 0.1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--weights", help="also write w* (d weights, then the intercept), one a line")
    a = ap.parse_args()
    if a.n < 1 or a.d < 1 or not 0 < a.density <= 1:
        sys.exit("sparse_libsvm: need n >= 1, d >= 1 and 0 < density <= 1")
    rng = np.random.default_rng(a.seed)
    k = int(max(1, min(a.d, round(a.density * a.d))))
    scale = 3.0 if a.kind == "logistic" else 1.0
    w = scale * rng.standard_normal(a.d) / np.sqrt(k)
    b = 0.5
    chunk = 10_000
    with open(a.out, "w") as f:
        for lo in range(0, a.n, chunk):
            m = min(chunk, a.n - lo)
            # k distinct positions per row: the k smallest of d uniform keys (argpartition), sorted
            if k * 4 < a.d:
                idx = np.empty((m, k), dtype=np.int64)
                for r in range(m):
                    idx[r] = np.sort(rng.choice(a.d, size=k, replace=False))
            else:
                idx = np.sort(np.argpartition(rng.random((m, a.d)), k - 1, axis=1)[:, :k], axis=1)
            val = rng.standard_normal((m, k))
            s = (val * w[idx]).sum(axis=1) + b
            if a.kind == "logistic":
                y = (rng.random(m) < 1 / (1 + np.exp(-s))).astype(int)
                labels = [str(v) for v in y]
            else:
                labels = [repr(float(v)) for v in s + a.noise * rng.standard_normal(m)]
            for r in range(m):
                f.write(labels[r] + " " + " ".join(f"{j + 1}:{v:.6g}" for j, v in zip(idx[r], val[r])) + "\n")
    if a.weights:
        np.savetxt(a.weights, np.append(w, b))
    print(f"wrote {a.out}: n={a.n} d={a.d} k={k} non-zeros per row (density {k / a.d:.4g}), {a.kind}")


if __name__ == "__main__":
    main()
