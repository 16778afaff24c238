/**
 * Records and errors shared by every part of facegate, and the one way files are replaced durably
 * ({@link facegate.core.AtomicFiles}: gallery files, model manifests). JDK types only: no OpenCV,
 * DJL or Micronaut type appears here.
 */
package facegate.core;
