package facegate.vision;

import facegate.core.FaceBox;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import java.util.Objects;
import java.util.Optional;

/**
 * MediaPipe FaceMesh on a detected face, as human ({@code @vladmandic/human}, {@code
 * src/face/facemesh.ts}) runs it: the detector's box enlarged {@value #BOX_SCALE} times about its
 * centre ({@code config.face.detector.scale}), squared to its longer side, cut out and resized
 * bilinearly to the network's input ({@code tf.image.cropAndResize}: sample points spread over the
 * box's corner pixels, outside the image black), values {@code x / 255}; the face is kept when the
 * network's face flag (a sigmoid, rounded to two decimals) exceeds {@value #MIN_FACE_FLAG} ({@code
 * config.face.detector.minConfidence}). The network is a {@link SquareImageNetwork} whose output is
 * the 468 x 3 mesh values followed by the face flag. Thread-safe, as the network is; closing this
 * closes it.
 */
public final class MediaPipeFaceMesh implements AutoCloseable {
  /** Mesh points. */
  public static final int POINTS = 468;

  /** human's enlargement of the detector box before the crop. */
  public static final double BOX_SCALE = 1.4;

  /** human's threshold on the face flag: a lower flag is no face. */
  public static final double MIN_FACE_FLAG = 0.2;

  private final SquareImageNetwork network;

  /** Wraps {@code network} (1405 outputs: 468 x (x, y, z), then the face flag). */
  public MediaPipeFaceMesh(SquareImageNetwork network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /**
   * The mesh of the face in {@code box} on {@code image}: 468 x (x, y, z) row-major in the
   * network's input pixels (x right, y down, z depth in about the same scale; the crop's own frame,
   * not the image's); empty when the face flag, rounded to two decimals as human does, is at most
   * {@link #MIN_FACE_FLAG}.
   *
   * @throws IllegalStateException when the network does not return 1405 values
   */
  public Optional<float[]> mesh(RgbImage image, FaceBox box) {
    float[] out = network.run(crop(image, box, network.inputSize()));
    if (out.length != POINTS * 3 + 1) {
      throw new IllegalStateException(
          "expected " + (POINTS * 3 + 1) + " FaceMesh outputs, got " + out.length);
    }
    // human rounds the flag to two decimals (faceScore) before comparing
    if (!(Math.round(100.0 * out[POINTS * 3]) / 100.0 > MIN_FACE_FLAG)) {
      return Optional.empty();
    }
    return Optional.of(java.util.Arrays.copyOf(out, POINTS * 3));
  }

  /**
   * human's crop: {@code box} enlarged by {@link #BOX_SCALE}, squared (corners rounded to pixels),
   * resized to {@code side} as {@code tf.image.cropAndResize} does with human's box normalised by
   * the image size (output pixel {@code i} samples {@code (start + i * (end - start) / (side - 1))
   * * (size - 1) / size}).
   */
  static RgbImage crop(RgbImage image, FaceBox box, int side) {
    double half = BOX_SCALE * Math.max(box.width(), box.height()) / 2;
    double left = Math.round(box.centerX() - half);
    double top = Math.round(box.centerY() - half);
    double right = Math.round(box.centerX() + half);
    double bottom = Math.round(box.centerY() + half);
    double toSampleX = (image.width() - 1.0) / image.width();
    double toSampleY = (image.height() - 1.0) / image.height();
    double stepX = (right - left) / (side - 1) * toSampleX;
    double stepY = (bottom - top) / (side - 1) * toSampleY;
    left *= toSampleX;
    top *= toSampleY;
    byte[] rgb = new byte[side * side * 3];
    for (int row = 0; row < side; row++) {
      for (int column = 0; column < side; column++) {
        Bilinear.sample(
            image, left + column * stepX, top + row * stepY, rgb, (row * side + column) * 3);
      }
    }
    return new RgbImage(side, side, rgb);
  }

  @Override
  public void close() {
    network.close();
  }
}
