package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Viola-Jones face detection with OpenCV's Haar cascades: a frontal cascade, and optionally the
 * profile cascade run on the image and on its mirror image (the cascade only knows one side).
 * Detections of all runs are merged by {@link OverlapSuppression} and returned largest first.
 *
 * <p>Views: {@link FaceBox.View#PROFILE_LEFT} is a face found by the profile cascade on the image
 * as given, which was trained on faces turned so that the nose points towards the image's left
 * edge; {@link FaceBox.View#PROFILE_RIGHT} one found on the mirror image (nose towards the right
 * edge; boxes are mapped back). Checked by eye on CelebA crops; half-turned faces are often found
 * by both the frontal and a profile run and then keep the stronger box's view. The score is the
 * number of raw overlapping hits OpenCV grouped into the detection (neighbour count, at least
 * {@code minNeighbors}); scores of different cascades are only roughly comparable.
 *
 * <p>Edge cases: an image without a face, a blank image, or one smaller than the 24-pixel detection
 * window gives an empty list. Thread-safe: {@code CascadeClassifier} is not, so each concurrent
 * caller borrows its own set of classifiers from a pool that grows to the number of concurrent
 * callers. {@link #close()} frees the native classifiers; detect after close fails.
 */
public final class CascadeFaceDetector implements FaceDetector, AutoCloseable {
  private static final int MIN_WINDOW_PIXELS = 24;
  private static final int MIRROR_HORIZONTALLY = 1;

  /** Smallest face, as a fraction of the shorter side, of the first pass of detectLargest. */
  static final double LARGE_FACE_FRACTION = 0.2;

  /**
   * The first pass of detectLargest searches an image scaled down so that its smallest face is this
   * many pixels (when it would be more): large faces need no full resolution, and the cascade's
   * cost falls with the pixel count (the landmark network frames the face again anyway).
   */
  static final int LARGE_FACE_SEARCH_PIXELS = 24;

  /**
   * Pyramid step of the first pass of detectLargest: coarser than the full search's, as the box
   * only has to frame the face for the landmark network.
   */
  static final double LARGE_FACE_SCALE_FACTOR = 1.2;

  /**
   * Pyramid step of the second try among large faces, when the first finds none: the coarse step
   * misses some faces between its levels. Measured on 1,500 random LFW photos (one OpenCV thread):
   * the step-1.2 pass (3.7 ms) found no face in 42; a step-1.1 pass on the same scaled-down copy
   * (5.8 ms) found 20 of them, where the full search costs 23 ms.
   */
  static final double LARGE_FACE_RETRY_SCALE_FACTOR = 1.1;

  private final CascadeSettings settings;
  private final Queue<Classifiers> idle = new ConcurrentLinkedQueue<>();
  private final List<Classifiers> created = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** A detector with {@link CascadeSettings#defaults()}. */
  public CascadeFaceDetector() {
    this(CascadeSettings.defaults());
  }

  /** Loads the cascades once now, so that a missing or broken cascade fails here. */
  public CascadeFaceDetector(CascadeSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    idle.add(newClassifiers());
  }

  public CascadeSettings settings() {
    return settings;
  }

  @Override
  public List<FaceBox> detect(RgbImage image) {
    Objects.requireNonNull(image, "image");
    return withClassifiers(classifiers -> detectWith(classifiers, image));
  }

  /**
   * The largest face, searched first among large faces only ({@link #LARGE_FACE_FRACTION} of the
   * shorter side and up, which skips the pyramid's costly fine levels), then, when none is large,
   * by the full {@link #detect}. The search among large faces runs on a copy scaled down to {@link
   * #LARGE_FACE_SEARCH_PIXELS} per smallest face, with pyramid step {@link
   * #LARGE_FACE_SCALE_FACTOR} and, when that finds nothing, {@link #LARGE_FACE_RETRY_SCALE_FACTOR};
   * so its box frames the face a little differently from the full search's (1,500 LFW photos: IoU
   * with the full search's box median 0.94, above 0.75 for 1,481 of 1,492; LFW accuracy unchanged,
   * see the README); it can also keep a large box that a smaller, stronger detection would have
   * suppressed in the full search, or find a face that the full search misses (3 of the 1,500).
   */
  @Override
  public List<FaceBox> detectLargest(RgbImage image) {
    Objects.requireNonNull(image, "image");
    return withClassifiers(classifiers -> largestWith(classifiers, image));
  }

  private List<FaceBox> largestWith(Classifiers classifiers, RgbImage image) {
    if (settings.minFaceFraction() < LARGE_FACE_FRACTION) {
      for (double step : List.of(LARGE_FACE_SCALE_FACTOR, LARGE_FACE_RETRY_SCALE_FACTOR)) {
        List<FaceBox> large = largeFaces(classifiers, image, step);
        if (!large.isEmpty()) {
          return List.of(large.get(0));
        }
      }
    }
    return detectWith(classifiers, image).stream().limit(1).toList();
  }

  /** One search of detectLargest among large faces, with pyramid step {@code step}. */
  List<FaceBox> largeFaces(RgbImage image, double step) {
    return withClassifiers(classifiers -> largeFaces(classifiers, image, step));
  }

  private List<FaceBox> largeFaces(Classifiers classifiers, RgbImage image, double step) {
    boolean profileToo = settings.profile() == CascadeSettings.ProfileSearch.ALWAYS;
    return detectWith(
        classifiers, image, LARGE_FACE_FRACTION, profileToo, LARGE_FACE_SEARCH_PIXELS, step);
  }

  private List<FaceBox> detectWith(Classifiers classifiers, RgbImage image) {
    return detectWith(
        classifiers,
        image,
        settings.minFaceFraction(),
        true,
        Integer.MAX_VALUE,
        settings.scaleFactor());
  }

  /**
   * @param searchPixels when the smallest face searched for is larger than this, the image is
   *     scaled down until it is this large (at least the detection window), and the boxes back up
   * @param scaleFactor the pyramid's step
   */
  private List<FaceBox> detectWith(
      Classifiers classifiers,
      RgbImage image,
      double minFaceFraction,
      boolean allowProfile,
      int searchPixels,
      double scaleFactor) {
    int shorterSide = Math.min(image.width(), image.height());
    if (shorterSide < MIN_WINDOW_PIXELS) {
      return List.of();
    }
    int minSide = (int) Math.max(MIN_WINDOW_PIXELS, Math.round(minFaceFraction * shorterSide));
    int searchSide = Math.max(MIN_WINDOW_PIXELS, searchPixels);
    double scale = minSide > searchSide ? (double) searchSide / minSide : 1;
    double backX = 1;
    double backY = 1;
    List<FaceBox> found = new ArrayList<>();
    try (Mat rgb = MatConversion.toRgbMat(image);
        Mat gray = new Mat();
        Mat small = new Mat();
        Mat equalized = new Mat()) {
      cvtColor(rgb, gray, COLOR_RGB2GRAY);
      if (scale < 1) {
        try (Size size =
            new Size(
                (int) Math.max(1, Math.round(image.width() * scale)),
                (int) Math.max(1, Math.round(image.height() * scale)))) {
          resize(gray, small, size, 0, 0, INTER_AREA);
        }
        equalizeHist(small, equalized);
        minSide = searchSide;
        backX = (double) image.width() / small.cols();
        backY = (double) image.height() / small.rows();
      } else {
        equalizeHist(gray, equalized);
      }
      found.addAll(
          run(classifiers.frontal, equalized, minSide, scaleFactor, FaceBox.View.FRONTAL, false));
      boolean searchProfile =
          allowProfile
              && (settings.profile() == CascadeSettings.ProfileSearch.ALWAYS
                  || (settings.profile() == CascadeSettings.ProfileSearch.WHEN_NO_FRONTAL
                      && found.isEmpty()));
      if (searchProfile) {
        found.addAll(
            run(
                classifiers.profile,
                equalized,
                minSide,
                scaleFactor,
                FaceBox.View.PROFILE_LEFT,
                false));
        try (Mat mirrored = new Mat()) {
          flip(equalized, mirrored, MIRROR_HORIZONTALLY);
          found.addAll(
              run(
                  classifiers.profile,
                  mirrored,
                  minSide,
                  scaleFactor,
                  FaceBox.View.PROFILE_RIGHT,
                  true));
        }
      }
    }
    if (backX != 1 || backY != 1) {
      double factorX = backX;
      double factorY = backY;
      found.replaceAll(box -> scaled(box, factorX, factorY));
    }
    List<FaceBox> faces =
        new ArrayList<>(OverlapSuppression.suppress(found, settings.overlapIouThreshold()));
    faces.sort(Comparator.comparingDouble(FaceBox::area).reversed());
    return List.copyOf(faces);
  }

  private static FaceBox scaled(FaceBox box, double factorX, double factorY) {
    return new FaceBox(
        box.x() * factorX,
        box.y() * factorY,
        box.width() * factorX,
        box.height() * factorY,
        box.score(),
        box.view());
  }

  private List<FaceBox> run(
      CascadeClassifier classifier,
      Mat gray,
      int minSide,
      double scaleFactor,
      FaceBox.View view,
      boolean mirrored) {
    List<FaceBox> boxes = new ArrayList<>();
    try (RectVector rects = new RectVector();
        IntPointer neighbours = new IntPointer();
        Size minSize = new Size(minSide, minSide);
        Size maxSize = new Size()) {
      classifier.detectMultiScale2(
          gray, rects, neighbours, scaleFactor, settings.minNeighbors(), 0, minSize, maxSize);
      for (int i = 0; i < rects.size(); i++) {
        try (Rect rect = rects.get(i)) {
          int x = mirrored ? gray.cols() - rect.x() - rect.width() : rect.x();
          double score = i < neighbours.limit() ? neighbours.get(i) : settings.minNeighbors();
          boxes.add(new FaceBox(x, rect.y(), rect.width(), rect.height(), score, view));
        }
      }
    }
    return boxes;
  }

  /** Runs {@code work} with classifiers borrowed from the pool, and gives them back. */
  private <T> T withClassifiers(Function<Classifiers, T> work) {
    Classifiers classifiers = borrow();
    try {
      return work.apply(classifiers);
    } finally {
      idle.add(classifiers);
    }
  }

  private Classifiers borrow() {
    if (closed) {
      throw new IllegalStateException("this CascadeFaceDetector is closed");
    }
    Classifiers classifiers = idle.poll();
    return classifiers != null ? classifiers : newClassifiers();
  }

  private Classifiers newClassifiers() {
    CascadeClassifier frontal = CascadeLoader.load(settings.frontalCascade().fileName());
    CascadeClassifier profile = null;
    if (settings.profile() != CascadeSettings.ProfileSearch.NEVER) {
      try {
        profile = CascadeLoader.load(CascadeLoader.PROFILE);
      } catch (RuntimeException e) {
        frontal.close();
        throw e;
      }
    }
    Classifiers classifiers = new Classifiers(frontal, profile);
    created.add(classifiers);
    return classifiers;
  }

  /** Frees every classifier; callers still detecting at that moment must have finished first. */
  @Override
  public void close() {
    closed = true;
    for (Classifiers classifiers : created) {
      classifiers.frontal.close();
      if (classifiers.profile != null) {
        classifiers.profile.close();
      }
    }
    created.clear();
    idle.clear();
  }

  /** One caller's classifiers; {@code profile} is null when profile search is off. */
  private record Classifiers(CascadeClassifier frontal, CascadeClassifier profile) {
    Classifiers {
      Objects.requireNonNull(frontal, "frontal");
    }
  }
}
