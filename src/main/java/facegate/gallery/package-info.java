/**
 * The enrolled-people gallery: who is enrolled, with which face templates, and who a probe face
 * most resembles. {@link facegate.gallery.Gallery} is the contract; {@link
 * facegate.gallery.HnswGallery} keeps it in a folder on disk (a fsync'd journal plus compacted
 * snapshots) and answers searches from an in-memory HNSW graph (hnswlib), which is rebuilt from the
 * stored vectors whenever its saved copy is missing, stale or fails its checksum; {@link
 * facegate.gallery.PostgresGallery} shares it between nodes through PostgreSQL. Both answer reads
 * from one in-memory read model (people and graph) and differ only in how changes are saved and
 * received. No hnswlib type leaves this package; public signatures speak in {@code facegate.core}
 * records.
 *
 * <p>Beside the gallery, in the same folder: {@link facegate.gallery.AuditLog} (the service's
 * append-only, fsync'd decision log) and {@link facegate.gallery.FaceCrops} (enrolled people's
 * aligned face crops, only when the operator keeps them).
 */
package facegate.gallery;
