package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.FaceRecord;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.LandmarkTable;
import facegate.pose.PoseEntry;
import facegate.pose.PoseStatistics;
import facegate.pose.PoseTable;
import facegate.pose.SharedDataImages;
import facegate.vision.ImageEncoder;
import facegate.vision.Mirror;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pose}: finds the largest face of every image of the shared data (LFW and CelebA), caches
 * its landmarks and aligned chip, and writes the estimated head pose of each to a table.
 */
@Command(
    name = "pose",
    description =
        "Landmarks, aligned chips and the estimated head pose of every image of the shared data.")
final class PoseCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      description = "Shared data root (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--landmarks",
      defaultValue = "data/pose/landmarks.tsv",
      description = "Landmark cache, appended to and reused (default: ${DEFAULT-VALUE}).")
  Path landmarks;

  @Option(
      names = "--chips",
      defaultValue = "data/pose/chips",
      description = "Folder for the aligned 150 px chips, as JPEG (default: ${DEFAULT-VALUE}).")
  Path chips;

  @Option(
      names = "--out",
      defaultValue = "data/pose/pose.tsv",
      description = "Pose table written (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", defaultValue = "2", description = "Images processed at once.")
  int threads;

  @Option(
      names = "--mirror-sample",
      defaultValue = "0",
      description = "Also check yaw(mirror) = -yaw on this many random faces (runs the pipeline).")
  int mirrorSample;

  @Option(
      names = "--cached-only",
      description = "Only estimate poses of images already in the landmark cache.")
  boolean cachedOnly;

  @Option(names = "--limit", defaultValue = "0", description = "First N images only; 0 for all.")
  int limit;

  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    SharedDataImages shared = new SharedDataImages(data);
    List<String> images = shared.list(limit);
    Map<String, FaceRecord> cached = LandmarkTable.read(landmarks);
    List<String> missing = images.stream().filter(image -> !cached.containsKey(image)).toList();
    System.err.printf(
        "images=%d cached=%d to process=%d%n", images.size(), cached.size(), missing.size());
    if (!missing.isEmpty() && !cachedOnly) {
      locateAll(missing);
    }
    List<PoseEntry> entries = shared.estimate(LandmarkTable.read(landmarks), images);
    PoseTable.write(out, entries);
    System.out.println("pose table: " + out + " rows=" + entries.size());
    PoseStatistics.yawDistribution(entries).forEach(System.out::println);
    PoseStatistics.profileCheck(entries).forEach(System.out::println);
    if (mirrorSample > 0) {
      checkMirrored(entries);
    }
    return 0;
  }

  /**
   * The mirrored-pair check: for a sample of faces, the yaw of the mirrored image should be the
   * negated yaw; prints the mean and median of |yaw + yaw of the mirror|.
   */
  private void checkMirrored(List<PoseEntry> entries) {
    List<PoseEntry> sample = new ArrayList<>(entries);
    java.util.Collections.shuffle(sample, new java.util.Random(5));
    sample = sample.subList(0, Math.min(mirrorSample, sample.size()));
    HeadPoseEstimator estimator = HeadPoseEstimator.shipped();
    List<Double> errors = new ArrayList<>();
    List<Double> magnitudes = new ArrayList<>();
    try (FaceRecognizer recognizer = models.open(1)) {
      for (PoseEntry entry : sample) {
        RgbImage mirrored =
            Mirror.horizontal(recognizer.decode(readBytes(data.resolve(entry.image()))));
        List<AlignedFace> faces = recognizer.alignFaces(mirrored, false);
        if (faces.isEmpty()) {
          continue;
        }
        double yaw = estimator.estimate(faces.get(0).landmarks()).yawDegrees();
        errors.add(Math.abs(entry.pose().yawDegrees() + yaw));
        magnitudes.add(Math.abs(entry.pose().yawDegrees()));
      }
    }
    double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        java.util.Locale.ROOT,
        "mirrored pairs=%d mean-abs(yaw+yaw-mirror)=%.2f median=%.2f p90=%.2f mean-abs-yaw=%.1f%n",
        sorted.length,
        java.util.Arrays.stream(sorted).average().orElse(Double.NaN),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2],
        sorted.length == 0 ? Double.NaN : sorted[(int) (0.9 * (sorted.length - 1))],
        magnitudes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void locateAll(List<String> images) {
    ProgressBar bar = new ProgressBar(System.err, "landmarks", images.size());
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FaceRecognizer recognizer = models.open(threads);
        LandmarkTable table = LandmarkTable.append(landmarks)) {
      List<Future<?>> futures = new ArrayList<>();
      for (String image : images) {
        futures.add(
            pool.submit(
                () -> {
                  table.write(locate(recognizer, image));
                  bar.update(done.incrementAndGet());
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("landmark pass failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private FaceRecord locate(FaceRecognizer recognizer, String image) {
    List<AlignedFace> faces;
    try {
      faces =
          recognizer.alignFaces(recognizer.decode(Files.readAllBytes(data.resolve(image))), false);
    } catch (FaceException e) {
      faces = List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + image, e);
    }
    if (faces.isEmpty()) {
      return new FaceRecord(image, null, null);
    }
    AlignedFace face = faces.get(0);
    ImageEncoder.write(face.chip(), chips.resolve(image));
    return new FaceRecord(image, face.box().view(), face.landmarks());
  }
}
