/**
 * Everything that touches pixels: decoding uploaded bytes with size limits ({@link
 * facegate.vision.ImageDecoder}), aligning and cropping faces ({@link facegate.vision.FaceAligner})
 * and mirroring ({@link facegate.vision.Mirror}).
 *
 * <p>Every face detector lives here, whatever runs it: OpenCV's cascades ({@link
 * facegate.vision.CascadeFaceDetector}), face-api's SSD ({@link facegate.vision.SsdFaceDetector},
 * whose network runs on DJL in {@code facegate.embed} and reaches this package only through {@link
 * facegate.core.DetectionNetwork}), MediaPipe's short- and full-range detectors ({@link
 * facegate.vision.MediaPipeFaceDetector}: letterbox, anchors, weighted suppression, keypoints; the
 * network reaches it through {@link facegate.core.SquareImageNetwork}), the one non-maximum
 * suppression the cascades and SSD use ({@link facegate.vision.OverlapSuppression}), the
 * combination of two detectors ({@link facegate.vision.FallbackFaceDetector}) and their detection
 * rate ({@link facegate.vision.DetectionRateEvaluator}).
 *
 * <p>OpenCV's {@code Mat} never leaves this package and no DJL type enters it: public signatures
 * speak in {@link facegate.core.RgbImage} and {@link facegate.core.FaceBox}, and every Mat is
 * closed by the method that created it.
 */
package facegate.vision;
