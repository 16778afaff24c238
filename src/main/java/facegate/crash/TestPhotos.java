package facegate.crash;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Distinct face photos made from a folder of real ones: photo {@code n} is image {@code n % count}
 * cropped at one of 16 offsets and brightened by one of 8 steps, encoded as PNG. Each gives its own
 * embedding, so a search with photo {@code n} must find the person enrolled with it first. The same
 * {@code n} always gives the same bytes.
 */
final class TestPhotos {
  private static final int VARIANTS = 16 * 8;
  private static final int CROP_STEP = 3;

  private final List<BufferedImage> images = new ArrayList<>();

  /** Reads every JPEG and PNG under {@code folder}, in path order. */
  TestPhotos(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(file -> file.toString().matches("(?i).*\\.(jpe?g|png)$"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image != null && image.getWidth() > 64 && image.getHeight() > 64) {
        images.add(image);
      }
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no JPEG or PNG face photos under " + folder);
    }
  }

  /** How many distinct photos there are. */
  int count() {
    return images.size() * VARIANTS;
  }

  /** Photo {@code n}, 0 &le; n &lt; {@link #count()}, as PNG bytes. */
  byte[] photo(int n) {
    BufferedImage source = images.get(n % images.size());
    int variant = n / images.size();
    int dx = (variant % 4) * CROP_STEP;
    int dy = ((variant / 4) % 4) * CROP_STEP;
    int brighten = (variant / 16) * 4;
    int width = source.getWidth() - 4 * CROP_STEP;
    int height = source.getHeight() - 4 * CROP_STEP;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = source.getRGB(x + dx, y + dy);
        int r = Math.min(255, ((rgb >> 16) & 0xff) + brighten);
        int g = Math.min(255, ((rgb >> 8) & 0xff) + brighten);
        int b = Math.min(255, (rgb & 0xff) + brighten);
        out.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
