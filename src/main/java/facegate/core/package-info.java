/**
 * Records and errors shared by every part of facegate, and the one way files are replaced durably
 * ({@link facegate.core.AtomicFiles}: gallery files, model manifests). Also the interfaces through
 * which packages of the same layer meet without importing each other: {@link
 * facegate.core.FaceDetector}, {@link facegate.core.FaceViewSynthesizer}, and {@link
 * facegate.core.DetectionNetwork} with its {@link facegate.core.AnchorScores} (implemented in
 * embed/, used by vision/'s SSD detector); and {@link facegate.core.TrainingLoop}, the one training
 * loop with its listeners, which train/'s embedding trainer and pose/'s GAN trainer both run on
 * (pose/ may not import train/). JDK types only: no OpenCV, DJL or Micronaut type appears here.
 */
package facegate.core;
