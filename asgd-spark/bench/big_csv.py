#!/usr/bin/env python3
"""Writes a deterministic synthetic least-squares CSV (label first, then D features) of about SIZE
bytes as a directory of part files: y = x . w + 0.1 * noise, x and w standard normal (NumPy's
PCG64 from SEED, chunk by chunk), every value written with 17 significant digits.

usage: big_csv.py DIR [SIZE_BYTES] [D] [PARTS] [SEED]"""
import os
import sys

import numpy as np


def main():
    out = sys.argv[1]
    size = int(float(sys.argv[2])) if len(sys.argv) > 2 else 2 * 1024 ** 3
    d = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    parts = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(seed)
    w = rng.standard_normal(d)
    per_part = size // parts
    rows = 0
    chunk = 20000
    for p in range(parts):
        name = os.path.join(out, "part-%05d.csv" % p)
        with open(name, "w") as f:
            f.write("y," + ",".join("x%d" % j for j in range(1, d + 1)) + "\n")
            while f.tell() < per_part:
                x = rng.standard_normal((chunk, d))
                y = x @ w + 0.1 * rng.standard_normal(chunk)
                np.savetxt(f, np.column_stack([y, x]), fmt="%.17g", delimiter=",")
                rows += chunk
    total = sum(os.path.getsize(os.path.join(out, n)) for n in os.listdir(out))
    print("%s: %d part files, %d rows, d = %d, %d bytes" % (out, parts, rows, d, total))


if __name__ == "__main__":
    main()
