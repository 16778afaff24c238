"""FAR/FRR of population-check answers (one TSV per data set) at given thresholds.

Usage: python3 analyse.py DIR DATASETS RAW_THRESHOLD NORMALISED_THRESHOLDS
  e.g. python3 docs/results/populations/analyse.py docs/results/populations \
         lfw,jaffe,cfp,asian-faces 0.9122 1.0,2.0,3.0922
Own accuracy: the best balanced accuracy 1 - (FAR + FRR) / 2 over all thresholds (optimistic).
"""
import csv
import sys


def load(path):
    return list(csv.DictReader(open(path), delimiter='\t'))


def rates(rows, key, t):
    g = [float(r[key]) for r in rows if r['genuine'] == 'true']
    i = [float(r[key]) for r in rows if r['genuine'] == 'false']
    return sum(s >= t for s in i) / len(i), sum(s < t for s in g) / len(g), len(g), len(i)


def best(rows, key):
    b = 0
    for t in sorted(set(float(r[key]) for r in rows)):
        far, frr, _, _ = rates(rows, key, t)
        b = max(b, 1 - (far + frr) / 2)
    return b


folder, datasets, raw = sys.argv[1], sys.argv[2].split(','), float(sys.argv[3])
ts = [float(x) for x in sys.argv[4].split(',')]
print("dataset\tgen\timp\townAccRaw\townAccNorm\tFAR@raw\tFRR@raw\t"
      + "\t".join(f"FAR@{t}\tFRR@{t}" for t in ts))
for d in datasets:
    rows = load(f'{folder}/{d}.tsv')
    far, frr, ng, ni = rates(rows, 'score', raw)
    out = [d, ng, ni, "%.4f" % best(rows, 'score'), "%.4f" % best(rows, 'normalized'),
           "%.4f" % far, "%.4f" % frr]
    for t in ts:
        a, b, _, _ = rates(rows, 'normalized', t)
        out += ["%.4f" % a, "%.4f" % b]
    print("\t".join(map(str, out)))
