package facegate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropCacheTest {
  private static final int CHIP = 8;

  @TempDir Path temp;

  /** A cropper whose chip is filled with the image's number, so each slot says whose it is. */
  private static Optional<FaceSample> numbered(LabelledImage image, byte[] bytes) {
    int number = Integer.parseInt(new String(bytes, StandardCharsets.UTF_8));
    if (number % 7 == 0) {
      return Optional.empty();
    }
    byte[] rgb = new byte[CHIP * CHIP * 3];
    Arrays.fill(rgb, (byte) number);
    return Optional.of(
        new FaceSample(
            image.identity(),
            image.path().toString(),
            new RgbImage(CHIP, CHIP, rgb),
            new Landmarks(new double[Landmarks.COUNT * 2])));
  }

  private List<LabelledImage> images(int count) throws IOException {
    List<LabelledImage> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = temp.resolve("image-" + i + ".jpg");
      Files.writeString(file, Integer.toString(i));
      images.add(new LabelledImage("person" + (i % 5), file));
    }
    return images;
  }

  @Test
  void concurrentBuildersOfOneCacheWriteEachImageOnceIntoItsOwnSlot() throws Exception {
    List<LabelledImage> images = images(60);
    Path root = temp.resolve("crops");
    ExecutorService builders = Executors.newFixedThreadPool(3);
    List<Future<Integer>> faces = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      CropCache cache = CropCache.at(root, "set", "fingerprint", CHIP);
      faces.add(builders.submit(() -> cache.build(images, CropCacheTest::numbered, 2, n -> {})));
    }
    for (Future<Integer> face : faces) {
      assertEquals(60 - 9, face.get(), "images 0, 7, ..., 56 have no face");
    }
    builders.shutdown();

    CropCache cache = CropCache.at(root, "set", "fingerprint", CHIP);
    List<String> lines = Files.readAllLines(cache.dir().resolve(CropCache.INDEX));
    assertEquals(60, lines.size(), "one index line per image");
    List<FaceSample> samples = cache.load(images);
    assertEquals(51, samples.size());
    Set<String> sources = new HashSet<>();
    for (FaceSample sample : samples) {
      sources.add(sample.source());
      int number = Integer.parseInt(Files.readString(Path.of(sample.source())));
      assertEquals((byte) number, sample.chip().rgb()[0], "the slot holds " + sample.source());
    }
    assertEquals(51, sources.size());
  }
}
