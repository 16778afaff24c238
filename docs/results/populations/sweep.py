"""Offline sweep of cohort rules over population-check --cohort-scores dumps (NAME-cohort.tsv).

Usage: python3 sweep.py DIR DATASETS [SEED]     (NAME-cohort.tsv or NAME-cohort.tsv.gz)
  e.g. python3 docs/results/populations/sweep.py /work/runs/i22-s5/pop lfw,jaffe,cfp,asian-faces

Each attempt's row holds the cosine with the claimed template and the probe's and template's
top-100 cosines with the default cohort and with the gallery's other people. From them:
  cohort  union    top k of default cohort + gallery (galleryOnlyAt = infinity)
          gallery  the gallery alone once it has >= k other people, else union (galleryOnlyAt = k)
          rule200  the gallery alone from 200 other people on (the shipped rule)
          default  the default cohort alone
  score   s  adaptive S-norm ((s - mu_a) / sd_a + (s - mu_b) / sd_b) / 2   (what the service does)
          z  template side only (s - mu_b) / sd_b;  t  probe side only (s - mu_a) / sd_a
          m  mean only ((s - mu_a) + (s - mu_b)) / 2 (no division by sd)
  floor   also require raw >= floor (none, 0.85, 0.88, 0.90; env SWEEP_FLOORS for another network)
The target: FAR <= 1 % and FRR <= 5 % on every data set at one setting. The cost of a setting is
max over data sets of max(FAR / 1 %, FRR / 5 %): <= 1 meets the target.
Selection is cross-validated by people: each data set's claimed people are split in two halves
(seeded); the setting (rule, k, score, floor, threshold) is chosen on one half and reported on the
other, both ways.
"""
import csv
import gzip
import os
import sys

import numpy as np

KS = [5, 10, 20, 50, 100]
COHORTS = ['union', 'gallery', 'rule200', 'default']
SCORES = ['s', 'z', 't', 'm']
# raw-cosine floors on the network's own scale (dlib's by default); e.g. SWEEP_FLOORS=0.2,0.25,0.3
FLOORS = [None] + [float(f) for f in os.environ.get('SWEEP_FLOORS', '0.85,0.88,0.90').split(',')]
MIN_SD = 1e-3
FAR_TARGET, FRR_TARGET = 0.01, 0.05


def load(folder, name):
    path = f'{folder}/{name}-cohort.tsv'
    lines = open(path) if os.path.exists(path) else gzip.open(path + '.gz', 'rt')
    rows = list(csv.DictReader(lines, delimiter='\t'))
    lists = {}
    for key in ['probeDefault', 'probeGallery', 'templateDefault', 'templateGallery']:
        lists[key] = [np.array([float(v) for v in r[key].split(',') if v]) for r in rows]
    service = {(r['claimed'], r['photo']): float(r['normalized'])
               for r in csv.DictReader(open(f'{folder}/{name}.tsv'), delimiter='\t')
               if r['normalized']}
    return {
        'claimed': np.array([r['claimed'] for r in rows]),
        'genuine': np.array([r['genuine'] == 'true' for r in rows]),
        'raw': np.array([float(r['raw']) for r in rows]),
        'others': np.array([int(r['otherPeople']) for r in rows]),
        'lists': lists,
        'service': np.array([service.get((r['claimed'], r['photo']), np.nan) for r in rows]),
    }


def stats(default, gallery, others, k, cohort):
    """mean and sd of the top k of the cohort the rule picks, one face per row."""
    mu, sd = np.empty(len(default)), np.empty(len(default))
    for i, (d, g) in enumerate(zip(default, gallery)):
        if cohort == 'default':
            pool = d
        elif (cohort == 'gallery' and others[i] >= k) or (cohort == 'rule200' and others[i] >= 200):
            pool = g
        else:
            pool = np.concatenate([d, g])
        top = np.sort(pool)[::-1][:k]
        mu[i], sd[i] = top.mean(), max(MIN_SD, top.std())
    return mu, sd


def scores(data, k, cohort, score):
    L = data['lists']
    ma, sa = stats(L['probeDefault'], L['probeGallery'], data['others'], k, cohort)
    mb, sb = stats(L['templateDefault'], L['templateGallery'], data['others'], k, cohort)
    s = data['raw']
    return {'s': ((s - ma) / sa + (s - mb) / sb) / 2, 'z': (s - mb) / sb,
            't': (s - ma) / sa, 'm': ((s - ma) + (s - mb)) / 2}[score]


def rates(values, raw, genuine, mask, t, floor):
    accept = values >= t
    if floor is not None:
        accept &= raw >= floor
    g, i = genuine & mask, ~genuine & mask
    return accept[i].mean(), 1 - accept[g].mean()


def wilson(errors, n, z=1.96):
    p = errors / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def cost(far, frr):
    return max(far / FAR_TARGET, frr / FRR_TARGET)


def best_threshold(per_set, masks, floor):
    """(cost, threshold) minimising the worst data set's cost over the masked attempts."""
    candidates = np.unique(np.concatenate([v[m] for (v, _, _), m in zip(per_set, masks)]))
    if len(candidates) > 600:
        candidates = np.quantile(candidates, np.linspace(0, 1, 600))
    keyed = []
    for t in candidates:
        costs = [cost(*rates(v, raw, gen, m, t, floor)) for (v, raw, gen), m in zip(per_set, masks)]
        keyed.append((max(costs), float(np.mean(costs)), t))
    key = min(keyed)[:2]
    tied = [t for w, m, t in keyed if (w, m) == key]
    return key[0], key[1], tied[len(tied) // 2]  # the middle of the tied thresholds


def main():
    folder, names = sys.argv[1], sys.argv[2].split(',')
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    data = {n: load(folder, n) for n in names}
    for n, d in data.items():
        check = scores(d, 50, 'rule200', 's')
        ok = ~np.isnan(d['service'])
        print(f'# {n}: {len(d["raw"])} attempts ({d["genuine"].sum()} genuine); recomputed k=50'
              f' rule200 S-norm vs the service: max |diff| {np.abs(check - d["service"])[ok].max():.2e}')
    rng = np.random.default_rng(seed)
    halves = {}
    for n, d in data.items():
        people = np.unique(d['claimed'])
        first = set(rng.permutation(people)[:len(people) // 2])
        halves[n] = np.array([c in first for c in d['claimed']])
    everything = {n: np.ones(len(d['raw']), bool) for n, d in data.items()}
    table = []
    for k in KS:
        for cohort in COHORTS:
            for score in SCORES:
                values = {n: scores(d, k, cohort, score) for n, d in data.items()}
                per_set = [(values[n], data[n]['raw'], data[n]['genuine']) for n in names]
                for floor in FLOORS:
                    row = {'k': k, 'cohort': cohort, 'score': score, 'floor': floor}
                    for split, masks in [('all', everything), ('A', halves),
                                         ('B', {n: ~h for n, h in halves.items()})]:
                        row[split] = best_threshold(per_set, [masks[n] for n in names], floor)
                    # own-threshold ceiling: FRR at the lowest threshold with FAR <= 1 %
                    for n in names:
                        v, gen, raw = values[n], data[n]['genuine'], data[n]['raw']
                        imp = v[~gen] if floor is None else v[~gen & (raw >= floor)]
                        allowed = int(np.floor(FAR_TARGET * (~gen).sum()))
                        if len(imp) <= allowed:
                            t = -np.inf
                        else:
                            t = np.nextafter(np.sort(imp)[::-1][allowed], np.inf)
                        accept = (v >= t) if floor is None else (v >= t) & (raw >= floor)
                        row['own_' + n] = 1 - accept[gen].mean()
                    row['values'] = per_set
                    table.append(row)
    print('# chosen on all attempts (optimistic): the 15 best rules, each at its best floor')
    print('k\tcohort\tscore\tfloor\tthreshold\tworst cost\t' + '\t'.join(f'{n} FAR/FRR' for n in names))
    shown = {}
    for row in sorted(table, key=lambda r: r['all'][:2]):  # the best floor of each rule
        shown.setdefault((row['k'], row['cohort'], row['score']), row)
    for row in list(shown.values())[:15]:
        c, _, t = row['all']
        cells = ['%.1f/%.1f%%' % tuple(100 * x for x in rates(v, raw, gen, np.ones(len(v), bool), t, row['floor']))
                 for v, raw, gen in row['values']]
        print(f"{row['k']}\t{row['cohort']}\t{row['score']}\t{row['floor']}\t{t:.4f}\t{c:.2f}\t" + '\t'.join(cells))
    print('# the rules the service implements (S-norm, galleryOnlyAt = k / infinity / 200), no floor')
    for row in table:
        if row['score'] == 's' and row['floor'] is None and row['cohort'] != 'default':
            c, _, t = row['all']
            cells = ['%.1f/%.1f%%' % tuple(100 * x for x in rates(v, raw, gen, np.ones(len(v), bool), t, None))
                     for v, raw, gen in row['values']]
            print(f"{row['k']}\t{row['cohort']}\t{t:.4f}\t{c:.2f}\t" + '\t'.join(cells))
    print('# cross-validated by people: chosen on one half, reported on the other')
    for chosen, report in [('A', False), ('B', True)]:
        row = min(table, key=lambda r: r[chosen][:2])
        c, _, t = row[chosen]
        masks = [(~halves[n] if not report else halves[n]) for n in names]
        cells = ['%.1f/%.1f%%' % tuple(100 * x for x in rates(v, raw, gen, m, t, row['floor']))
                 for (v, raw, gen), m in zip(row['values'], masks)]
        worst = max(cost(*rates(v, raw, gen, m, t, row['floor'])) for (v, raw, gen), m in zip(row['values'], masks))
        print(f"chosen on half {chosen}: k={row['k']} cohort={row['cohort']} score={row['score']}"
              f" floor={row['floor']} threshold={t:.4f} cost there {c:.2f}; on the other half cost"
              f" {worst:.2f}: " + ', '.join(f'{n} {x}' for n, x in zip(names, cells)))
    print('# own threshold per data set (FAR <= 1 % on its own impostors): FRR, best over all rules and floors (optimistic) and shipped')
    for n in names:
        d = data[n]
        imp = np.sort(d['raw'][~d['genuine']])[::-1]
        t = np.nextafter(imp[int(np.floor(FAR_TARGET * len(imp)))], np.inf)
        print(f"{n}: raw cosine at its own threshold {t:.4f}: FRR {100 * (d['raw'][d['genuine']] < t).mean():.2f}%")
        b = min(table, key=lambda r: r['own_' + n])
        shipped = next(r for r in table if (r['k'], r['cohort'], r['score'], r['floor'])
                       == (50, 'rule200', 's', None))
        genuine = d['genuine'].sum()
        low, high = wilson(round(b['own_' + n] * genuine), genuine)
        print(f"{n}: best FRR {100 * b['own_' + n]:.2f}% (95% Wilson {100 * low:.1f}-{100 * high:.1f}%,"
              f" k={b['k']} {b['cohort']} {b['score']} floor {b['floor']});"
              f" shipped rule (k=50 rule200 s) {100 * shipped['own_' + n]:.2f}%")


if __name__ == '__main__':
    main()
