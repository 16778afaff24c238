/** The face pipeline facade that the API and the CLI call: image bytes in, embeddings out. */
package facegate.pipeline;
