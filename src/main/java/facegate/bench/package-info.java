/**
 * Measurements under load: synthetic galleries for the HNSW benchmark, an HTTP load generator over
 * {@code java.net.http} for verify latency, fuzzing and soak runs against a running server, and
 * heap/RSS sampling. Nothing here starts a server: the CLI does, and passes its address.
 */
package facegate.bench;
