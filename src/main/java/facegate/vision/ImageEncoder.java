package facegate.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import facegate.core.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Encodes images as PNG or JPEG (OpenCV's codecs). Stateless and thread-safe. */
public final class ImageEncoder {
  private static final int JPEG_QUALITY = 95;

  private ImageEncoder() {}

  /**
   * The encoded bytes of {@code image}.
   *
   * @param extension {@code png}, {@code jpg} or {@code jpeg} (JPEG at quality 95)
   */
  public static byte[] encode(RgbImage image, String extension) {
    String ext = extension.toLowerCase(Locale.ROOT);
    if (!ext.equals("png") && !ext.equals("jpg") && !ext.equals("jpeg")) {
      throw new IllegalArgumentException("cannot encode '" + extension + "': use png or jpg");
    }
    try (Mat rgb = MatConversion.toRgbMat(image);
        Mat bgr = new Mat();
        BytePointer buffer = new BytePointer();
        IntPointer params =
            ext.equals("png")
                ? new IntPointer()
                : new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
      cvtColor(rgb, bgr, COLOR_RGB2BGR);
      if (!imencode("." + ext, bgr, buffer, params)) {
        throw new IllegalStateException("OpenCV could not encode a " + ext + " image");
      }
      byte[] bytes = new byte[(int) buffer.limit()];
      buffer.get(bytes);
      return bytes;
    }
  }

  /** Writes {@code image} to {@code file}, encoded by the file's extension; creates parents. */
  public static void write(RgbImage image, Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("no image extension in " + file);
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, encode(image, name.substring(dot + 1)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
