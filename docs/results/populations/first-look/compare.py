#!/usr/bin/env python3
"""Per data set: run C's answers (docs/results/populations/NAME.tsv: the probe always embedded with
its mirror image) vs a run with the normalised single-view first look (first-look/NAME.tsv), joined
on (claimed, photo). Counts decisions that differ and bounds the share of second looks.
Usage: python3 compare.py docs/results/populations docs/results/populations/first-look"""
import csv, sys
old_dir, new_dir = sys.argv[1], sys.argv[2]
for name in ["lfw", "jaffe", "cfp", "asian-faces"]:
    def rows(path):
        with open(path) as f:
            return {(r["claimed"], r["photo"]): r for r in csv.DictReader(f, delimiter="\t")}
    try:
        old, new = rows(f"{old_dir}/{name}.tsv"), rows(f"{new_dir}/{name}.tsv")
    except FileNotFoundError as e:
        print(name, "missing", e); continue
    keys = [k for k in old if k in new and old[k]["normalized"] not in ("", "null") and new[k]["normalized"] not in ("", "null")]
    differ = [k for k in keys if old[k]["match"] != new[k]["match"]]
    maxdiff = max(abs(float(old[k]["normalized"]) - float(new[k]["normalized"])) for k in keys)
    print(f"{name}\tattempts {len(keys)} (run C {len(old)}, new {len(new)})"
          f"\tdecisions differing {len(differ)}\tmax |normalised diff| {maxdiff:.4f}")
    for k in differ:
        print("   differs:", k, old[k]["normalized"], new[k]["normalized"], old[k]["match"], new[k]["match"])

# second looks: an answer whose normalised score lies within the margin of the threshold was
# certainly re-scored (lower bound); adding those outside it whose score equals run C's to 1e-3
# (the full embedding's, up to batching noise) gives an upper bound.
THRESHOLD, MARGIN = 3.0921910130140913, 2.5368818651003338
print("second looks (lower, upper bound):")
for name in ["lfw", "jaffe", "cfp", "asian-faces"]:
    def rows(path):
        with open(path) as f:
            return {(r["claimed"], r["photo"]): r for r in csv.DictReader(f, delimiter="\t")}
    old, new = rows(f"{old_dir}/{name}.tsv"), rows(f"{new_dir}/{name}.tsv")
    within = [k for k in new if abs(float(new[k]["normalized"]) - THRESHOLD) < MARGIN]
    same = [k for k in new if k not in within and abs(float(old[k]["normalized"]) - float(new[k]["normalized"])) < 1e-3]
    g = lambda ks: sum(1 for k in ks if new[k]["genuine"] == "true")
    print(f"{name}\t{len(within)}..{len(within)+len(same)} of {len(new)} ({len(within)/len(new):.3f}..{(len(within)+len(same))/len(new):.3f}); genuine among the certain {g(within)}")
