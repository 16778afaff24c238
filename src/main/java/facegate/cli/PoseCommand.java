package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.FaceException;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.FaceRecord;
import facegate.pose.LandmarkTable;
import facegate.vision.ImageEncoder;
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
    if (!missing.isEmpty()) {
      locateAll(missing);
    }
    return 0;
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
