/**
 * The face pipeline facade that the API and the CLI call (image bytes in, embeddings out), the
 * {@link facegate.pipeline.FaceService} decisions over a gallery, and {@link
 * facegate.pipeline.Composition}, the one place that builds both from settings.
 */
package facegate.pipeline;
