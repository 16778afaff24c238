package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Round trips through OpenCV's encoders: every format's header parser and decoder path. */
class ImageFormatsTest {
  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void decodesBmpGifPngAndBothWebpFlavours() {
    assertRoundTrip(".bmp", CV_8UC3, new int[0]);
    assertRoundTrip(".gif", CV_8UC3, new int[0]);
    assertRoundTrip(".png", CV_16UC3, new int[0]);
    assertRoundTrip(".webp", CV_8UC3, new int[] {IMWRITE_WEBP_QUALITY, 90}); // VP8, lossy
    assertRoundTrip(".webp", CV_8UC3, new int[] {IMWRITE_WEBP_QUALITY, 101}); // VP8L, lossless
  }

  private void assertRoundTrip(String extension, int type, int[] params) {
    // BGR (40, 80, 200) in 8 bits; 16-bit samples are the 8-bit value times 257.
    double scale = type == CV_16UC3 ? 257 : 1;
    byte[] bytes;
    try (Mat bgr = new Mat(30, 50, type, new Scalar(40 * scale, 80 * scale, 200 * scale, 0));
        BytePointer encoded = new BytePointer();
        IntPointer flags = new IntPointer(params)) {
      boolean written =
          params.length == 0
              ? imencode(extension, bgr, encoded)
              : imencode(extension, bgr, encoded, flags);
      assertTrue(written, "OpenCV cannot encode " + extension);
      bytes = new byte[(int) encoded.limit()];
      encoded.get(bytes);
    }
    RgbImage image = decoder.decode(bytes);
    assertEquals(50, image.width(), extension);
    assertEquals(30, image.height(), extension);
    // GIF stores a 256-colour palette: the encoder's quantisation moves colours a long way.
    int tolerance = extension.equals(".gif") ? 50 : 6;
    assertEquals(200, image.channel(25, 15, 0), tolerance, extension + " red");
    assertEquals(80, image.channel(25, 15, 1), tolerance, extension + " green");
    assertEquals(40, image.channel(25, 15, 2), tolerance, extension + " blue");
  }
}
