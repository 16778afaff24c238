package facegate.vision;

import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.FaceKeypoints;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * MediaPipe's face detector (face_detection_full_range or short_range), as its graph runs it: the
 * photo is letterboxed to the network's square ({@link Letterbox}), each anchor's row of 17 values
 * (score logit, box centre x, y, width, height, 6 keypoints x, y; in pixels of the input square,
 * centre and keypoints relative to the anchor) is decoded against {@link MediaPipeAnchors}, the
 * score is {@code sigmoid(clip(logit, -100, 100))}, anchors under {@link
 * MediaPipeSettings#minScore()} are dropped, overlapping ones merged by weighted suppression
 * ({@link AnchorDetection#weightedSuppression}), and boxes and keypoints are mapped back to the
 * photo. Finds frontal faces and profiles near 90 degrees yaw alike ({@link FaceBox.View#ANY}),
 * with {@link FaceKeypoints}; boxes are clipped to the image, keypoints are not. Largest first,
 * empty when none. Thread-safe when the network is; closing it closes the network.
 */
public final class MediaPipeFaceDetector implements FaceDetector, AutoCloseable {
  private static final int VALUES = 17;
  private static final double LOGIT_CLIP = 100;

  /** Which MediaPipe face detector the network is: its anchor layout. */
  public enum Range {
    /** face_detection_full_range: 192x192, one layer of stride 4. */
    FULL(new int[] {4}, 1),
    /** face_detection_short_range (BlazeFace front): 128x128, strides 8, 16, 16, 16. */
    SHORT(new int[] {8, 16, 16, 16}, 2);

    private final int[] strides;
    private final int anchorsPerLayer;

    Range(int[] strides, int anchorsPerLayer) {
      this.strides = strides;
      this.anchorsPerLayer = anchorsPerLayer;
    }
  }

  private final SquareImageNetwork network;
  private final MediaPipeSettings settings;
  private final float[] anchors;

  /** Wraps an open network of the given range, which this detector then owns and closes. */
  public MediaPipeFaceDetector(
      SquareImageNetwork network, Range range, MediaPipeSettings settings) {
    this.network = Objects.requireNonNull(network, "network");
    this.settings = Objects.requireNonNull(settings, "settings");
    anchors = MediaPipeAnchors.centers(network.inputSize(), range.strides, range.anchorsPerLayer);
  }

  @Override
  public List<FaceBox> detect(RgbImage image) {
    int size = network.inputSize();
    Letterbox letterbox = Letterbox.of(image.width(), image.height(), size, settings.fill());
    float[] rows = network.run(letterbox.apply(image));
    int count = anchors.length / 2;
    if (rows.length != count * VALUES) {
      throw new IllegalStateException(
          "expected " + count + " x " + VALUES + " network values, got " + rows.length);
    }
    List<AnchorDetection> candidates = new ArrayList<>();
    for (int anchor = 0; anchor < count; anchor++) {
      double logit = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, rows[anchor * VALUES]));
      double score = 1 / (1 + Math.exp(-logit));
      if (score >= settings.minScore()) {
        candidates.add(decode(rows, anchor, score, size));
      }
    }
    List<FaceBox> faces = new ArrayList<>();
    for (AnchorDetection detection :
        AnchorDetection.weightedSuppression(
            candidates, settings.overlapIouThreshold(), settings.maxResults())) {
      FaceBox face = toImage(detection, letterbox, image);
      if (face != null) {
        faces.add(face);
      }
    }
    faces.sort(Comparator.comparingDouble(FaceBox::area).reversed());
    return faces;
  }

  private AnchorDetection decode(float[] rows, int anchor, double score, int size) {
    int row = anchor * VALUES;
    double anchorX = anchors[anchor * 2];
    double anchorY = anchors[anchor * 2 + 1];
    double centerX = rows[row + 1] / size + anchorX;
    double centerY = rows[row + 2] / size + anchorY;
    double halfWidth = rows[row + 3] / size / 2;
    double halfHeight = rows[row + 4] / size / 2;
    double[] values = new double[4 + 2 * FaceKeypoints.COUNT];
    values[0] = centerX - halfWidth;
    values[1] = centerY - halfHeight;
    values[2] = centerX + halfWidth;
    values[3] = centerY + halfHeight;
    for (int k = 0; k < FaceKeypoints.COUNT; k++) {
      values[4 + 2 * k] = rows[row + 5 + 2 * k] / size + anchorX;
      values[5 + 2 * k] = rows[row + 6 + 2 * k] / size + anchorY;
    }
    return new AnchorDetection(score, values);
  }

  /** The detection in image pixels, its box clipped to the image; null when nothing is left. */
  private static FaceBox toImage(AnchorDetection detection, Letterbox letterbox, RgbImage image) {
    double left = Math.max(0, letterbox.toImageX(detection.value(0)));
    double top = Math.max(0, letterbox.toImageY(detection.value(1)));
    double right = Math.min(image.width(), letterbox.toImageX(detection.value(2)));
    double bottom = Math.min(image.height(), letterbox.toImageY(detection.value(3)));
    if (!(right > left && bottom > top)) {
      return null;
    }
    double[] xy = new double[2 * FaceKeypoints.COUNT];
    for (int k = 0; k < FaceKeypoints.COUNT; k++) {
      xy[2 * k] = letterbox.toImageX(detection.value(4 + 2 * k));
      xy[2 * k + 1] = letterbox.toImageY(detection.value(5 + 2 * k));
    }
    return new FaceBox(
        left,
        top,
        right - left,
        bottom - top,
        detection.score(),
        FaceBox.View.ANY,
        new FaceKeypoints(xy));
  }

  @Override
  public void close() {
    network.close();
  }
}
