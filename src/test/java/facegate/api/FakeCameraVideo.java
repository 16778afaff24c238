package facegate.api;

import facegate.core.RgbImage;
import facegate.vision.ImageDecoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A still photo as a one-frame YUV4MPEG2 video (4:2:0, full-range BT.601), the format Chromium's
 * {@code --use-file-for-fake-video-capture} plays in a loop. Odd widths and heights lose their last
 * column or row.
 */
final class FakeCameraVideo {
  private FakeCameraVideo() {}

  /** Writes {@code photo} (JPEG or PNG) to {@code video}; returns {@code video}. */
  static Path write(Path photo, Path video) throws IOException {
    RgbImage image = new ImageDecoder().decode(Files.readAllBytes(photo));
    int width = image.width() & ~1;
    int height = image.height() & ~1;
    Files.createDirectories(video.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(video)) {
      String header = "YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg\nFRAME\n";
      out.write(header.getBytes(StandardCharsets.US_ASCII));
      out.write(i420(image, width, height));
    }
    return video;
  }

  private static byte[] i420(RgbImage image, int width, int height) {
    byte[] planes = new byte[width * height * 3 / 2];
    int chroma = width * height;
    int quarter = chroma / 4;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double[] rgb = rgb(image, x, y);
        planes[y * width + x] = clamp(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
        if (x % 2 == 0 && y % 2 == 0) {
          int at = (y / 2) * (width / 2) + x / 2;
          planes[chroma + at] = clamp(128 - 0.168736 * rgb[0] - 0.331264 * rgb[1] + 0.5 * rgb[2]);
          planes[chroma + quarter + at] =
              clamp(128 + 0.5 * rgb[0] - 0.418688 * rgb[1] - 0.081312 * rgb[2]);
        }
      }
    }
    return planes;
  }

  private static double[] rgb(RgbImage image, int x, int y) {
    int at = (y * image.width() + x) * 3;
    byte[] pixels = image.rgb();
    return new double[] {pixels[at] & 0xff, pixels[at + 1] & 0xff, pixels[at + 2] & 0xff};
  }

  private static byte clamp(double value) {
    return (byte) Math.max(0, Math.min(255, Math.round(value)));
  }
}
