package facegate.train;

import facegate.core.FaceException;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Aligned chips of a dataset, computed once by the real pipeline and kept on disk in a folder named
 * after the dataset and the pipeline's fingerprint, so that a changed pipeline starts a new cache
 * instead of reusing stale crops.
 *
 * <p>Layout: {@code chips.bin} holds raw RGB chips of {@code chipSize² × 3} bytes; {@code
 * index.tsv} one line per image: {@code identity, image path, slot or -1 (no face), 136 chip
 * landmark coordinates}. An interrupted build resumes where it stopped: images already in the index
 * are skipped, and bytes of a chip whose index line was never written are cut off.
 */
public final class CropCache {
  static final String INDEX = "index.tsv";

  /** Held (an OS file lock) while a process adds to the cache: concurrent builders take turns. */
  static final String LOCK = "lock";

  static final String CHIPS = "chips.bin";

  private final Path dir;
  private final int chipSize;

  private CropCache(Path dir, int chipSize) {
    this.dir = dir;
    this.chipSize = chipSize;
  }

  /**
   * The cache folder for a dataset: {@code root/<dataset>-<first 16 characters of fingerprint>}.
   */
  public static CropCache at(Path root, String dataset, String fingerprint, int chipSize) {
    if (chipSize < 8) {
      throw new IllegalArgumentException("chip size must be at least 8: " + chipSize);
    }
    String key = fingerprint.length() > 16 ? fingerprint.substring(0, 16) : fingerprint;
    return new CropCache(root.resolve(dataset + "-" + key), chipSize);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Crops every image not yet in the cache, {@code threads} at a time; unreadable images and images
   * without a face are recorded as such (and counted), not retried.
   *
   * @param progress called with the number of images done, including those cached before
   * @return how many images have a face
   */
  public int build(
      List<LabelledImage> images, FaceCropper cropper, int threads, IntConsumer progress) {
    try {
      Files.createDirectories(dir);
      // the file lock keeps other processes out; a JVM may hold it once, so its threads queue first
      synchronized (CropCache.class) {
        try (FileChannel lock =
                FileChannel.open(
                    dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = lock.lock()) {
          return buildLocked(images, cropper, threads, progress);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write crop cache " + dir, e);
    }
  }

  /** {@link #build} once this process holds the cache's lock file. */
  private int buildLocked(
      List<LabelledImage> images, FaceCropper cropper, int threads, IntConsumer progress)
      throws IOException {
    Map<String, Integer> done = readSlots();
    truncateChips(done);
    List<LabelledImage> todo =
        images.stream().filter(i -> !done.containsKey(i.path().toString())).toList();
    AtomicInteger count = new AtomicInteger(images.size() - todo.size());
    progress.accept(count.get());
    try (RandomAccessFile chips = new RandomAccessFile(dir.resolve(CHIPS).toFile(), "rw");
        Writer index =
            Files.newBufferedWriter(
                dir.resolve(INDEX),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      runAll(
          todo,
          threads,
          image -> {
            Optional<FaceSample> face = cropSafely(cropper, image);
            synchronized (this) {
              append(chips, index, image, face);
            }
            progress.accept(count.incrementAndGet());
          });
    }
    Map<String, Integer> slots = readSlots();
    return (int)
        images.stream().filter(i -> slots.getOrDefault(i.path().toString(), -1) >= 0).count();
  }

  /** Whether every image of {@code images} has been cropped (with or without a face found). */
  public boolean isComplete(List<LabelledImage> images) {
    try {
      Map<String, Integer> done = readSlots();
      return images.stream().allMatch(i -> done.containsKey(i.path().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read crop cache " + dir, e);
    }
  }

  /**
   * The cached faces of {@code images} (images without a face left out), in index order; the cache
   * may hold more images (of an earlier, larger listing), which are not returned.
   */
  public List<FaceSample> load(List<LabelledImage> images) {
    Set<String> wanted = new HashSet<>();
    images.forEach(i -> wanted.add(i.path().toString()));
    Path indexFile = dir.resolve(INDEX);
    if (!Files.isRegularFile(indexFile)) {
      throw new IllegalStateException("no crop cache in " + dir + "; build it first");
    }
    int recordBytes = chipSize * chipSize * 3;
    List<FaceSample> samples = new ArrayList<>();
    try (RandomAccessFile chips = new RandomAccessFile(dir.resolve(CHIPS).toFile(), "r")) {
      for (String line : Files.readAllLines(indexFile, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t");
        if (fields.length != 3 + Landmarks.COUNT * 2) {
          continue;
        }
        long slot = Long.parseLong(fields[2]);
        if (slot < 0 || !wanted.contains(fields[1])) {
          continue;
        }
        byte[] rgb = new byte[recordBytes];
        chips.seek(slot * recordBytes);
        chips.readFully(rgb);
        double[] xy = new double[Landmarks.COUNT * 2];
        for (int i = 0; i < xy.length; i++) {
          xy[i] = Double.parseDouble(fields[3 + i]);
        }
        samples.add(
            new FaceSample(
                fields[0], fields[1], new RgbImage(chipSize, chipSize, rgb), new Landmarks(xy)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read crop cache " + dir, e);
    }
    return samples;
  }

  private void append(
      RandomAccessFile chips, Writer index, LabelledImage image, Optional<FaceSample> face)
      throws IOException {
    StringBuilder line = new StringBuilder();
    line.append(image.identity()).append('\t').append(image.path());
    if (face.isPresent()) {
      RgbImage chip = face.get().chip();
      if (chip.width() != chipSize || chip.height() != chipSize) {
        throw new IllegalStateException(
            "the pipeline cut a " + chip.width() + " px chip; this cache holds " + chipSize);
      }
      long slot = chips.length() / (chipSize * chipSize * 3L);
      chips.seek(slot * chipSize * chipSize * 3L);
      chips.write(chip.rgb());
      line.append('\t').append(slot);
      for (double v : face.get().chipLandmarks().xy()) {
        line.append('\t').append(String.format(Locale.ROOT, "%.3f", v));
      }
    } else {
      line.append("\t-1");
    }
    index.write(line.append('\n').toString());
    index.flush();
  }

  private static Optional<FaceSample> cropSafely(FaceCropper cropper, LabelledImage image) {
    try {
      return cropper.largestFace(image, Files.readAllBytes(image.path()));
    } catch (FaceException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + image.path(), e);
    }
  }

  private Map<String, Integer> readSlots() throws IOException {
    Map<String, Integer> slots = new HashMap<>();
    Path indexFile = dir.resolve(INDEX);
    if (Files.isRegularFile(indexFile)) {
      for (String line : Files.readAllLines(indexFile, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t");
        if (fields.length == 3 || fields.length == 3 + Landmarks.COUNT * 2) {
          slots.put(fields[1], Integer.parseInt(fields[2]));
        }
      }
    }
    return slots;
  }

  /** Cuts chip bytes past the last indexed slot (a build stopped between the two writes). */
  private void truncateChips(Map<String, Integer> done) throws IOException {
    long keep = (done.values().stream().mapToLong(i -> i).max().orElse(-1) + 1);
    try (RandomAccessFile chips = new RandomAccessFile(dir.resolve(CHIPS).toFile(), "rw")) {
      chips.setLength(Math.min(chips.length(), keep * chipSize * chipSize * 3L));
    }
  }

  private interface ImageTask {
    void run(LabelledImage image) throws IOException;
  }

  private static void runAll(List<LabelledImage> images, int threads, ImageTask task) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (LabelledImage image : images) {
        futures.add(
            pool.submit(
                () -> {
                  task.run(image);
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("crop cache build interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("crop cache build failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
