#!/usr/bin/env python3
"""Re-derives `calibrate --normalized-single-view` from its embedding caches and sweeps the quantile:
per quantile, the margin and, cross-validated by fold (each fold judged with the margin of the other
four), the share of second looks and the decisions differing from the full embedding's.
Usage: margin-sweep.py CACHE (its CACHE.single-view beside) PAIRS IMAGES COHORT THRESHOLD [TOPK]"""
import math, os, struct, sys
import numpy as np

def read_utf(f):
    (n,) = struct.unpack(">H", f.read(2))
    return f.read(n).decode("utf-8")

def read_cache(path):
    entries = {}
    with open(path, "rb") as f:
        struct.unpack(">i", f.read(4)); read_utf(f)
        while True:
            head = f.read(2)
            if len(head) < 2:
                return entries
            (n,) = struct.unpack(">H", head)
            key = f.read(n).decode("utf-8")
            (d,) = struct.unpack(">i", f.read(4))
            entries[key] = np.frombuffer(f.read(4 * d), dtype=">f4").astype(np.float64) if d else None

def read_cohort(path):
    with open(path, "rb") as f:
        read_utf(f)
        count, dim = struct.unpack(">ii", f.read(8))
        rows = []
        for _ in range(count):
            read_utf(f)
            rows.append(np.frombuffer(f.read(4 * dim), dtype=">f4").astype(np.float64))
    return np.array(rows)

def pairs(path, images):
    lines = open(path).read().split("\n")
    folds, per = map(int, lines[0].split())
    out = []
    for i, line in enumerate(l for l in lines[1:] if l.strip()):
        f = line.split("\t")
        img = lambda name, n: os.path.abspath(os.path.join(images, name, "%s_%04d.jpg" % (name, int(n))))
        if len(f) == 3:
            out.append((i // (2 * per), True, img(f[0], f[1]), img(f[0], f[2])))
        else:
            out.append((i // (2 * per), False, img(f[0], f[1]), img(f[2], f[3])))
    return out

def main():
    cache, pairs_file, images, cohort_file, threshold = sys.argv[1:6]
    threshold = float(threshold)
    top_k = int(sys.argv[6]) if len(sys.argv) > 6 else 50
    full, single = read_cache(cache), read_cache(cache + ".single-view")
    cohort = read_cohort(cohort_file)
    def stats(e):
        top = np.sort(cohort @ e)[-top_k:]
        return top.mean(), max(1e-3, top.std())
    def norm(p, t):
        (ma, sa), (mb, sb) = stats(p), stats(t)
        s = float(p @ t)
        return ((s - ma) / sa + (s - mb) / sb) / 2
    combos = []  # fold, same, single, full
    for fold, same, left, right in pairs(pairs_file, images):
        l, r, ls, rs = full.get(left), full.get(right), single.get(left), single.get(right)
        if l is None or r is None or ls is None or rs is None:
            continue
        combos.append((fold, same, norm(ls, r), norm(l, r)))
        combos.append((fold, same, norm(rs, l), norm(r, l)))
    c = np.array([(f, s, a, b) for f, s, a, b in combos])
    fold, same, sv, fv = c[:, 0].astype(int), c[:, 1].astype(bool), c[:, 2], c[:, 3]
    diff = np.abs(sv - fv)
    def quantile(d, q):
        d = np.sort(d)
        rank = math.ceil(q * len(d))
        return d[max(0, min(len(d) - 1, rank - 1))]
    print("combinations %d, threshold %.4f, top-k %d, mean |diff| %.4f, max %.4f"
          % (len(c), threshold, top_k, diff.mean(), diff.max()))
    print("quantile\tmargin\tsecond looks\tdecisions differing (of %d)" % len(c))
    for q in (0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 1.0):
        looks = flips = 0
        for k in sorted(set(fold)):
            held = fold == k
            m = quantile(diff[~held], q)
            look = np.abs(sv[held] - threshold) < m
            decided = np.where(look, fv[held] >= threshold, sv[held] >= threshold)
            looks += look.sum(); flips += (decided != (fv[held] >= threshold)).sum()
        print("%.3f\t%.4f\t%.4f\t%d" % (q, quantile(diff, q), looks / len(c), flips))

main()
