/**
 * Passive single-image liveness (presentation attack detection): texture and colour features of the
 * face region and its surroundings, scored by a linear model trained on live and printed-photo
 * frames. Implements {@link facegate.core.LivenessDetector}; depends on core and vision only.
 */
package facegate.liveness;
