/**
 * Everything that touches pixels: decoding uploaded bytes with size limits ({@link
 * facegate.vision.ImageDecoder}), finding faces with OpenCV's cascades ({@link
 * facegate.vision.CascadeFaceDetector}, combined with the SSD network by {@link
 * facegate.vision.FallbackFaceDetector}), aligning and cropping them ({@link
 * facegate.vision.FaceAligner}) and mirroring ({@link facegate.vision.Mirror}). OpenCV's {@code
 * Mat} never leaves this package: public signatures speak in {@link facegate.core.RgbImage} and
 * {@link facegate.core.FaceBox}, and every Mat is closed by the method that created it.
 */
package facegate.vision;
