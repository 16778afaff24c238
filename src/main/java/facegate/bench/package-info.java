/**
 * Measurements under load: synthetic galleries for the HNSW benchmark, an HTTP load generator over
 * {@code java.net.http} for verify latency, fuzzing and soak runs against a running server, and
 * heap/RSS sampling. Also the benchmark sections of {@code bench} (embed throughput, verify
 * latency, identify at scale; the HNSW measurement itself is {@code gallery.IndexBenchmark}, which
 * keeps hnswlib types inside gallery/) and the soak workload. Nothing here starts a server: the CLI
 * does, and passes its address or clients.
 */
package facegate.bench;
