/**
 * Everything that touches pixels through OpenCV (JavaCV): decoding uploaded bytes with size limits
 * ({@link facegate.vision.ImageDecoder}), finding faces ({@link facegate.core.FaceDetector}, {@link
 * facegate.vision.CascadeFaceDetector}, {@link facegate.embed.SsdFaceDetector} over the network
 * behind {@link facegate.embed.DetectionNetwork}), aligning them ({@link
 * facegate.vision.FaceAligner}) and cutting them out ({@link facegate.vision.FaceCropper}).
 * OpenCV's {@code Mat} never leaves this package: public signatures speak in {@link
 * facegate.core.RgbImage} and {@link facegate.core.FaceBox}, and every Mat is closed by the method
 * that created it.
 */
package facegate.vision;
