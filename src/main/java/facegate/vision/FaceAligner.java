package facegate.vision;

import facegate.core.AlignedFace;
import facegate.core.ChipAlignment;
import facegate.core.FaceBox;
import facegate.core.Landmarks;
import facegate.core.RgbImage;

/**
 * Aligns a face to the chip the dlib ResNet face network was trained on: a similarity transform
 * (rotation, uniform scale, translation) that best maps the landmarks of the eyes, nose and upper
 * mouth onto dlib's mean face shape, with dlib's padding of 0.25 of the face size on each side
 * (dlib {@code get_face_chip_details(shape, 150, 0.25)}). Resampling is bilinear; when the face
 * must shrink by more than half, the image is box-filtered first so that the chip does not alias.
 *
 * <p>With {@link ChipAlignment#ARCFACE} ({@link #forNetwork}), the transform instead maps five
 * points -- the two eye centres (means of landmarks 36-41 and 42-47), the nose tip (30) and the
 * mouth corners (48, 54) -- onto InsightFace's 112x112 template scaled to the chip, as the ArcFace
 * training crops were cut; the padding then only sizes {@link #cropFallback}.
 */
public final class FaceAligner {
  /**
   * InsightFace's {@code arcface_dst} in a 112-pixel chip: left eye, right eye, nose tip, left and
   * right mouth corner (image left first), x0, y0, x1, y1, ...
   */
  private static final double[] ARCFACE_112 = {
    38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041
  };

  private final ChipAlignment alignment;
  private final int chipSize;
  private final double padding;

  /**
   * An aligner to dlib's mean face shape ({@link ChipAlignment#DLIB}).
   *
   * @param chipSize side of the output chip in pixels, at least 8
   * @param padding fraction of the face size added on each side, in [0, 1]
   */
  public FaceAligner(int chipSize, double padding) {
    this(ChipAlignment.DLIB, chipSize, padding);
  }

  private FaceAligner(ChipAlignment alignment, int chipSize, double padding) {
    this.alignment = java.util.Objects.requireNonNull(alignment, "alignment");
    if (chipSize < 8) {
      throw new IllegalArgumentException("chip size must be at least 8: " + chipSize);
    }
    if (!(padding >= 0 && padding <= 1)) {
      throw new IllegalArgumentException("padding must be in [0, 1]: " + padding);
    }
    this.chipSize = chipSize;
    this.padding = padding;
  }

  /**
   * The chip a network with this input side and alignment takes: {@link ChipAlignment#DLIB} with
   * dlib's padding of 0.25, or {@link ChipAlignment#ARCFACE}.
   */
  public static FaceAligner forNetwork(ChipAlignment alignment, int chipSize) {
    return new FaceAligner(alignment, chipSize, 0.25);
  }

  /** The dlib recognition chip: 150 pixels, padding 0.25. */
  public static FaceAligner dlibChip() {
    return new FaceAligner(150, 0.25);
  }

  public int chipSize() {
    return chipSize;
  }

  /** Which template this aligner maps faces onto. */
  public ChipAlignment alignment() {
    return alignment;
  }

  /** Aligns the face with these landmarks (in {@code image} pixels) to the chip. */
  public AlignedFace align(RgbImage image, FaceBox box, Landmarks landmarks) {
    return new AlignedFace(warp(image, toChip(landmarks)), box, landmarks, false);
  }

  private SimilarityTransform toChip(Landmarks landmarks) {
    if (alignment == ChipAlignment.ARCFACE) {
      return toArcFaceChip(landmarks);
    }
    double[] source = new double[MeanFaceShape.ALIGNMENT_POINTS.length * 2];
    double[] target = new double[source.length];
    for (int i = 0; i < MeanFaceShape.ALIGNMENT_POINTS.length; i++) {
      int point = MeanFaceShape.ALIGNMENT_POINTS[i];
      source[i * 2] = landmarks.x(point);
      source[i * 2 + 1] = landmarks.y(point);
      target[i * 2] = (padding + MeanFaceShape.x(point)) / (2 * padding + 1) * chipSize;
      target[i * 2 + 1] = (padding + MeanFaceShape.y(point)) / (2 * padding + 1) * chipSize;
    }
    return SimilarityTransform.estimate(source, target);
  }

  private SimilarityTransform toArcFaceChip(Landmarks landmarks) {
    double[] leftEye = landmarks.centroid(36, 6);
    double[] rightEye = landmarks.centroid(42, 6);
    double[] source = {
      leftEye[0],
      leftEye[1],
      rightEye[0],
      rightEye[1],
      landmarks.x(30),
      landmarks.y(30),
      landmarks.x(48),
      landmarks.y(48),
      landmarks.x(54),
      landmarks.y(54)
    };
    double[] target = new double[ARCFACE_112.length];
    for (int i = 0; i < target.length; i++) {
      target[i] = ARCFACE_112[i] * chipSize / 112.0;
    }
    return SimilarityTransform.estimate(source, target);
  }

  /**
   * Where the landmarks of a face (in source-image pixels) lie in the chip that {@link #align} cuts
   * from that face, in chip pixels.
   */
  public Landmarks chipLandmarks(Landmarks landmarks) {
    SimilarityTransform toChip = toChip(landmarks);
    double[] xy = new double[Landmarks.COUNT * 2];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xy[2 * i] = toChip.applyX(landmarks.x(i), landmarks.y(i));
      xy[2 * i + 1] = toChip.applyY(landmarks.x(i), landmarks.y(i));
    }
    return new Landmarks(xy);
  }

  /**
   * The fallback when no landmarks are available: a square crop around the box (the box side plus
   * the padding on each side, whatever the alignment), flagged as such.
   */
  public AlignedFace cropFallback(RgbImage image, FaceBox box) {
    double side = Math.max(box.width(), box.height()) * (1 + 2 * padding);
    RgbImage chip = cropSquare(image, box.centerX(), box.centerY(), side, chipSize);
    return new AlignedFace(chip, box, null, true);
  }

  /**
   * A square chip resampled to {@code size} x {@code size} (the whole chip, as the aligner would
   * have cut it at that size); the chip itself when it has that size already.
   */
  public static RgbImage resampled(RgbImage chip, int size) {
    if (chip.width() == size && chip.height() == size) {
      return chip;
    }
    return cropSquare(
        chip, (chip.width() - 1) / 2.0, (chip.height() - 1) / 2.0, chip.width(), size);
  }

  /**
   * An axis-aligned square crop of side {@code side} pixels centred on ({@code centerX}, {@code
   * centerY}), resampled to {@code size} x {@code size}; parts outside the image are black. Point
   * {@code p} of the crop, in edge coordinates (0 at the left edge, {@code size} at the right),
   * lies at {@code centerX - side / 2 + p * side / size} in the image's pixel-centre coordinates.
   */
  public static RgbImage cropSquare(
      RgbImage image, double centerX, double centerY, double side, int size) {
    if (!(side > 0) || size < 1) {
      throw new IllegalArgumentException("crop side and size must be positive");
    }
    // Pixel centres sit at integer coordinates, the crop's edges at centre +- side / 2, and
    // crop pixel k covers crop edge coordinates [k, k + 1).
    double scale = size / side;
    double left = centerX - side / 2;
    double top = centerY - side / 2;
    SimilarityTransform toCrop =
        new SimilarityTransform(scale, 0, -left * scale - 0.5, -top * scale - 0.5);
    return warp(image, toCrop, size);
  }

  private RgbImage warp(RgbImage image, SimilarityTransform toChip) {
    return warp(image, toChip, chipSize);
  }

  /** Samples the output: each output pixel centre is mapped back into the image. */
  static RgbImage warp(RgbImage image, SimilarityTransform toChip, int chipSize) {
    int shrink = (int) Math.floor(1 / toChip.scale());
    RgbImage source = image;
    SimilarityTransform transform = toChip;
    if (shrink >= 2) {
      source = BoxFilter.shrink(image, shrink);
      transform = toChip.afterScaling(shrink);
    }
    SimilarityTransform toImage = transform.inverse();
    byte[] out = new byte[chipSize * chipSize * 3];
    for (int y = 0; y < chipSize; y++) {
      for (int x = 0; x < chipSize; x++) {
        double sx = toImage.applyX(x, y);
        double sy = toImage.applyY(x, y);
        Bilinear.sample(source, sx, sy, out, (y * chipSize + x) * 3);
      }
    }
    return new RgbImage(chipSize, chipSize, out);
  }
}
