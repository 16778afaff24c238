package facegate.embed;

import facegate.core.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures {@link DjlFaceEmbedder} throughput (embeddings per second) at several batch sizes on the
 * stored 150x150 parity chips, repeated to {@code chips} images. A benchmark, not a test: run from
 * the project root with the test classes and the fat jar on the class path, e.g. {@code java
 * -Dai.djl.offline=true -cp target/test-classes:target/facegate.jar
 * facegate.embed.EmbedderThroughput 64 1 32}.
 */
public final class EmbedderThroughput {
  private EmbedderThroughput() {}

  /** Arguments: chip count, then batch sizes. */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    List<Integer> batchSizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      batchSizes.add(Integer.parseInt(args[i]));
    }
    if (batchSizes.isEmpty()) {
      batchSizes = List.of(1, 32);
    }
    List<RgbImage> chips = chips(count);
    for (int batchSize : batchSizes) {
      double perSecond = measure(chips, batchSize);
      System.out.printf(
          "batch %d: %.1f embeddings/s (%d chips, %d threads)%n",
          batchSize, perSecond, chips.size(), Runtime.getRuntime().availableProcessors());
    }
  }

  private static double measure(List<RgbImage> chips, int batchSize) {
    try (DjlFaceEmbedder embedder =
        DjlFaceEmbedder.load(Path.of("models/dlib-resnet-faceapi"), 1, batchSize)) {
      embedder.embed(chips.subList(0, Math.min(chips.size(), batchSize))); // warm-up
      long start = System.nanoTime();
      int done = embedder.embed(chips).size();
      return done / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static List<RgbImage> chips(int count) throws IOException {
    List<RgbImage> distinct = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/reference/crops"))) {
      for (Path file : files.filter(f -> f.toString().endsWith("_150.png")).sorted().toList()) {
        distinct.add(FaceApiParityTest.readPng(file.getFileName().toString()));
      }
    }
    List<RgbImage> chips = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chips.add(distinct.get(i % distinct.size()));
    }
    return chips;
  }
}
