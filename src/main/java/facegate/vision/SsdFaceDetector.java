package facegate.vision;

import facegate.core.AnchorScores;
import facegate.core.DetectionNetwork;
import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * face-api's SSD-MobileNetV1 face detector: the image is padded at right/bottom to a square and
 * resized to the network's input ({@link SquarePadResize}), the network scores its anchors, {@link
 * OverlapSuppression#selectAnchors} keeps the strongest non-overlapping boxes above the minimum
 * confidence, and the boxes are mapped back to image pixels and clipped to the image. Boxes lying
 * wholly in the padding are dropped. Faces are {@link FaceBox.View#ANY}, score = face probability,
 * largest first; empty when none. Thread-safe; closing it closes the network.
 *
 * <p>The network itself is DJL's business: {@code facegate.embed.DjlSsdMobilenet} loads face-api's
 * converted model and implements {@link DetectionNetwork}; whoever wires the two (pipeline, cli)
 * passes it in here.
 */
public final class SsdFaceDetector implements FaceDetector, AutoCloseable {
  private final DetectionNetwork network;
  private final SsdSettings settings;

  /** Wraps an open network, which this detector then owns and closes. */
  public SsdFaceDetector(DetectionNetwork network, SsdSettings settings) {
    this.network = Objects.requireNonNull(network, "network");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public List<FaceBox> detect(RgbImage image) {
    AnchorScores anchors = network.detect(SquarePadResize.apply(image, network.inputSize()));
    List<Integer> kept =
        OverlapSuppression.selectAnchors(
            anchors.boxes(),
            anchors.scores(),
            settings.minConfidence(),
            settings.overlapIouThreshold(),
            settings.maxResults());
    double side = Math.max(image.width(), image.height());
    List<FaceBox> faces = new ArrayList<>();
    for (int index : kept) {
      // Relative to the padded square, clipped to it (as face-api), then to the image.
      double top = clip(anchors.box(index, 0), 0, 1) * side;
      double left = clip(anchors.box(index, 1), 0, 1) * side;
      double bottom = Math.min(clip(anchors.box(index, 2), 0, 1) * side, image.height());
      double right = Math.min(clip(anchors.box(index, 3), 0, 1) * side, image.width());
      if (right > left && bottom > top) {
        faces.add(
            new FaceBox(
                left, top, right - left, bottom - top, anchors.score(index), FaceBox.View.ANY));
      }
    }
    faces.sort(Comparator.comparingDouble(FaceBox::area).reversed());
    return faces;
  }

  private static double clip(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }

  @Override
  public void close() {
    network.close();
  }
}
