package facegate.vision;

import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs a {@link FaceDetector} over every {@code .jpg}, {@code .jpeg} and {@code .png} file under a
 * folder (recursively, in path order) and counts how often it finds a face. Files that do not
 * decode are counted as unreadable, not fatal. An empty folder gives a result with zero images.
 */
public final class DetectionRateEvaluator {
  private final FaceDetector detector;
  private final ImageDecoder decoder;

  public DetectionRateEvaluator(FaceDetector detector, ImageDecoder decoder) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
  }

  /**
   * @param directory folder to search
   * @param limit at most this many files, the first in path order; 0 for all
   * @param threads parallel workers, at least 1
   */
  public DetectionRate evaluate(Path directory, int limit, int threads) {
    if (limit < 0 || threads < 1) {
      throw new IllegalArgumentException("limit >= 0 and threads >= 1 required");
    }
    return evaluate(imageFiles(directory, limit), threads);
  }

  /**
   * Runs over {@code files} in the given order.
   *
   * @param threads parallel workers, at least 1
   */
  public DetectionRate evaluate(List<Path> files, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads >= 1 required");
    }
    long start = System.nanoTime();
    List<Outcome> outcomes = runAll(files, threads);
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    return tally(outcomes, seconds);
  }

  static List<Path> imageFiles(Path directory, int limit) {
    try (Stream<Path> paths = Files.walk(directory)) {
      Stream<Path> images =
          paths.filter(Files::isRegularFile).filter(DetectionRateEvaluator::isImage).sorted();
      return (limit > 0 ? images.limit(limit) : images).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list images under " + directory, e);
    }
  }

  private static boolean isImage(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
  }

  private List<Outcome> runAll(List<Path> files, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> examine(file)));
      }
      List<Outcome> outcomes = new ArrayList<>(futures.size());
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("detection failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome examine(Path file) throws IOException {
    RgbImage image = decodeOrNull(Files.readAllBytes(file));
    if (image == null) {
      return new Outcome(true, List.of(), false, false);
    }
    List<FaceBox> faces = detector.detect(image);
    double centreX = image.width() / 2.0;
    double centreY = image.height() / 2.0;
    return new Outcome(
        false,
        faces,
        !faces.isEmpty() && contains(faces.get(0), centreX, centreY),
        faces.stream().anyMatch(face -> contains(face, centreX, centreY)));
  }

  private RgbImage decodeOrNull(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (FaceException e) {
      return null;
    }
  }

  private static boolean contains(FaceBox box, double x, double y) {
    return x >= box.x()
        && x <= box.x() + box.width()
        && y >= box.y()
        && y <= box.y() + box.height();
  }

  private static DetectionRate tally(List<Outcome> outcomes, double seconds) {
    int images = 0;
    int unreadable = 0;
    int detected = 0;
    int frontal = 0;
    int centre = 0;
    int largestCentre = 0;
    long faces = 0;
    for (Outcome outcome : outcomes) {
      if (outcome.unreadable()) {
        unreadable++;
        continue;
      }
      images++;
      faces += outcome.faces().size();
      if (!outcome.faces().isEmpty()) {
        detected++;
        frontal += outcome.faces().get(0).view() == FaceBox.View.FRONTAL ? 1 : 0;
        centre += outcome.anyContainsCentre() ? 1 : 0;
        largestCentre += outcome.largestContainsCentre() ? 1 : 0;
      }
    }
    return new DetectionRate(
        images,
        unreadable,
        detected,
        frontal,
        detected - frontal,
        centre,
        largestCentre,
        faces,
        seconds);
  }

  /** What one file gave; faces largest first. */
  private record Outcome(
      boolean unreadable,
      List<FaceBox> faces,
      boolean largestContainsCentre,
      boolean anyContainsCentre) {}
}
