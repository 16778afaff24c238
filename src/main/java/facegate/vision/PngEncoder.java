package facegate.vision;

import facegate.core.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Encodes an {@link RgbImage} as a PNG file (lossless, 8-bit RGB). */
public final class PngEncoder {
  private PngEncoder() {}

  /** The PNG bytes of {@code image}. */
  public static byte[] encode(RgbImage image) {
    BufferedImage buffered =
        new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int rgb =
            image.channel(x, y, 0) << 16 | image.channel(x, y, 1) << 8 | image.channel(x, y, 2);
        buffered.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(buffered, "png", out)) {
        throw new IllegalStateException("the JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG in memory", e);
    }
    return out.toByteArray();
  }
}
