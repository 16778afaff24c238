/**
 * Records and errors shared by every part of facegate, and the one way files are replaced durably
 * ({@link facegate.core.AtomicFiles}: gallery files, model manifests). Also the interfaces through
 * which packages of the same layer meet without importing each other: {@link
 * facegate.core.FaceDetector}, {@link facegate.core.FaceViewSynthesizer}, and {@link
 * facegate.core.DetectionNetwork} with its {@link facegate.core.AnchorScores} (implemented in
 * embed/, used by vision/'s SSD detector). JDK types only: no OpenCV, DJL or Micronaut type appears
 * here.
 */
package facegate.core;
