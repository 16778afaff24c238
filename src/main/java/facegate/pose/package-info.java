/**
 * Pose: yaw (and pitch, roll) of a face from its 68 landmarks against a generic 3D face ({@link
 * facegate.pose.HeadPoseEstimator}, {@link facegate.pose.PoseBucket}), the cached pose table, the
 * 3D re-rendering of a face at other yaws ({@link facegate.pose.FaceRenderer3d}), and the pose GAN:
 * its networks, trainer, training faces and loaded generator ({@link facegate.pose.PoseGanTrainer},
 * {@link facegate.pose.PoseGan}), with the Fréchet distance used to measure it.
 */
package facegate.pose;
