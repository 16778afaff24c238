"""hnswlib (C++; Debian's python3-hnswlib) on a gallery written by ExportBenchGallery.java.

Prints what `bench --sections identify` prints for the Java graph: the exact top-10's ties, build
time (2 threads), and per ef the mean and p99 of one search on one thread (the Python call
included), recall@1, recall@10 and recall10_eps (found within 0.001 of the exact 10th).

    apt-get install python3-hnswlib python3-numpy
    /usr/bin/python3 hnswlib_bench.py GALLERY.f32 QUERIES.f32 M EF_CONSTRUCTION EF[,EF...]
"""
import sys, time
import numpy as np
import hnswlib

gallery_file, query_file = sys.argv[1], sys.argv[2]
m, efc = int(sys.argv[3]), int(sys.argv[4])
efs = [int(e) for e in sys.argv[5].split(",")]
G = np.fromfile(gallery_file, dtype="<f4").reshape(-1, 128)
Q = np.fromfile(query_file, dtype="<f4").reshape(-1, 128)
print(f"gallery={G.shape[0]} queries={Q.shape[0]} hnswlib={getattr(hnswlib, '__version__', '?')}", flush=True)

t = time.perf_counter()
S = Q @ G.T  # 300 x N
exact = np.argsort(-S, axis=1)[:, :11]
scores = np.take_along_axis(S, exact, axis=1)
tenth = scores[:, 9]
print(f"exact_s={time.perf_counter() - t:.1f} median_10th={np.median(tenth):.4f} "
      f"median_gap_10_11={np.median(scores[:, 9] - scores[:, 10]):.5f} "
      f"mean_within_0.01_of_10th={np.mean((S >= (tenth - 0.01)[:, None]).sum(axis=1)):.1f}", flush=True)
del S

index = hnswlib.Index(space="ip", dim=128)
index.init_index(max_elements=G.shape[0], M=m, ef_construction=efc, random_seed=42)
index.set_num_threads(2)
t = time.perf_counter()
index.add_items(G, np.arange(G.shape[0]))
print(f"M={m} efConstruction={efc} build_s={time.perf_counter() - t:.1f}", flush=True)
index.set_num_threads(1)
for ef in efs:
    index.set_ef(max(ef, 10))
    for q in Q[:50]:
        index.knn_query(q, k=10)
    nanos, hit1, hit10, within = [], 0, 0, 0
    for i, q in enumerate(Q):
        t = time.perf_counter_ns()
        labels, distances = index.knn_query(q, k=10)
        nanos.append(time.perf_counter_ns() - t)
        labels, similarity = labels[0], 1 - distances[0]
        hit1 += labels[0] == exact[i, 0]
        hit10 += len(set(labels.tolist()) & set(exact[i, :10].tolist()))
        within += int((similarity >= tenth[i] - 0.001).sum())
    nanos = np.sort(np.array(nanos)) / 1e6
    n = len(Q)
    print(f"ef={ef} mean_ms={nanos.mean():.3f} p99_ms={nanos[int(np.ceil(0.99 * n)) - 1]:.3f} "
          f"recall1={hit1 / n:.4f} recall10={hit10 / (10 * n):.4f} recall10_eps={within / (10 * n):.4f}",
          flush=True)
