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
import java.util.stream.Stream;
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
  /** The image folders of the shared data, relative to the data root. */
  static final List<String> IMAGE_FOLDERS = List.of("celeba-299/images", "lfw/images");

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
    List<String> images = listImages();
    Map<String, FaceRecord> cached = LandmarkTable.read(landmarks);
    List<String> missing = images.stream().filter(image -> !cached.containsKey(image)).toList();
    System.err.printf(
        "images=%d cached=%d to process=%d%n", images.size(), cached.size(), missing.size());
    if (!missing.isEmpty() && !cachedOnly) {
      locateAll(missing);
    }
    List<PoseEntry> entries = estimateAll(LandmarkTable.read(landmarks), images);
    PoseTable.write(out, entries);
    System.out.println("pose table: " + out + " rows=" + entries.size());
    PoseStatistics.yawDistribution(entries).forEach(System.out::println);
    PoseStatistics.profileCheck(entries).forEach(System.out::println);
    if (mirrorSample > 0) {
      checkMirrored(entries);
    }
    return 0;
  }

  private List<PoseEntry> estimateAll(Map<String, FaceRecord> records, List<String> images) {
    HeadPoseEstimator estimator = HeadPoseEstimator.shipped();
    Map<String, String> celebaIdentities = celebaIdentities();
    List<PoseEntry> entries = new ArrayList<>();
    for (String image : images) {
      FaceRecord record = records.get(image);
      if (record == null || !record.hasFace()) {
        continue;
      }
      entries.add(
          new PoseEntry(
              image,
              identity(image, celebaIdentities),
              record.view(),
              estimator.estimate(record.landmarks())));
    }
    return entries;
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

  /** LFW: the person's folder; CelebA: the identity number from identities.txt. */
  static String identity(String image, Map<String, String> celebaIdentities) {
    String[] parts = image.split("/");
    if (parts[0].equals("lfw") && parts.length >= 4) {
      return parts[2];
    }
    return celebaIdentities.getOrDefault(parts[parts.length - 1], "unknown");
  }

  private Map<String, String> celebaIdentities() {
    Map<String, String> identities = new java.util.HashMap<>();
    Path file = data.resolve("celeba-299/identities.txt");
    if (!Files.exists(file)) {
      return identities;
    }
    for (String line :
        new String(readBytes(file), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        identities.put(f[0], f[1]);
      }
    }
    return identities;
  }

  private List<String> listImages() {
    List<String> images = new ArrayList<>();
    for (String folder : IMAGE_FOLDERS) {
      Path root = data.resolve(folder);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().toLowerCase().endsWith(".jpg"))
            .map(f -> data.relativize(f).toString().replace('\\', '/'))
            .sorted()
            .forEach(images::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return limit > 0 ? images.subList(0, Math.min(limit, images.size())) : images;
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
