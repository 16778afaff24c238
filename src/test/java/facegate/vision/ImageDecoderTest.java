package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void decodesEveryFixtureAsRgb() {
    for (var path : Fixtures.lfwImages()) {
      RgbImage image = decoder.decode(Fixtures.bytes(path));
      assertEquals(250, image.width(), path.toString());
      assertEquals(250, image.height(), path.toString());
    }
  }

  @Test
  void refusesEmptyBytes() {
    assertCode(ErrorCode.IMAGE_EMPTY, () -> decoder.decode(new byte[0]));
    assertCode(ErrorCode.IMAGE_EMPTY, () -> decoder.decode(null));
  }

  @Test
  void refusesTooManyBytesBeforeLookingAtThem() {
    ImageDecoder small = new ImageDecoder(1000, ImageDecoder.DEFAULT_MAX_PIXELS);
    assertCode(ErrorCode.IMAGE_TOO_LARGE, () -> small.decode(Fixtures.firstJpeg()));
    assertCode(ErrorCode.IMAGE_TOO_LARGE, () -> small.decode(new byte[1001]));
  }

  @Test
  void refusesText() {
    byte[] text = "<html><body>not a picture</body></html>".getBytes(StandardCharsets.UTF_8);
    FaceException e = assertCode(ErrorCode.NOT_AN_IMAGE, () -> decoder.decode(text));
    assertTrue(e.getMessage().contains("JPEG, PNG"), e.getMessage());
  }

  @Test
  void refusesTruncatedJpeg() {
    byte[] jpeg = Fixtures.firstJpeg();
    byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);
    FaceException e = assertCode(ErrorCode.NOT_AN_IMAGE, () -> decoder.decode(half));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    byte[] headerOnly = Arrays.copyOf(jpeg, 30);
    assertCode(ErrorCode.NOT_AN_IMAGE, () -> decoder.decode(headerOnly));
  }

  @Test
  void refusesTruncatedPng() throws IOException {
    byte[] png = encode(solid(64, 48, Color.RED, BufferedImage.TYPE_INT_RGB), "png");
    byte[] cut = Arrays.copyOf(png, png.length - 20);
    assertCode(ErrorCode.NOT_AN_IMAGE, () -> decoder.decode(cut));
  }

  @Test
  void refusesJpegWhoseFrameHeaderIsCorrupt() {
    byte[] corrupt = Fixtures.firstJpeg().clone();
    int sof = new ByteReader(corrupt).indexOfPair(2, 0xFF, 0xC0);
    assertTrue(sof > 0, "fixture is a baseline JPEG");
    corrupt[sof + 4] = 3; // sample precision: 3 bits does not exist
    assertCode(ErrorCode.NOT_AN_IMAGE, () -> decoder.decode(corrupt));
  }

  @Test
  void refusesHugePngBeforeDecoding() {
    ByteBuffer png = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII));
    png.putInt(100_000).putInt(100_000).put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
    FaceException e =
        assertCode(ErrorCode.IMAGE_TOO_MANY_PIXELS, () -> decoder.decode(png.array()));
    assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
  }

  @Test
  void refusesHugeJpegBeforeDecoding() {
    byte[] jpeg = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC0,
      0,
      11,
      8,
      (byte) 0xEA,
      0x60,
      (byte) 0xEA,
      0x60,
      1,
      1,
      0x11,
      0
    };
    FaceException e = assertCode(ErrorCode.IMAGE_TOO_MANY_PIXELS, () -> decoder.decode(jpeg));
    assertTrue(e.getMessage().contains("60000x60000"), e.getMessage());
  }

  @Test
  void refusesHugeBmpGifAndWebpBeforeDecoding() {
    ByteBuffer bmp = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
    bmp.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
    bmp.putInt(40).putInt(100_000).putInt(-100_000).putShort((short) 1).putShort((short) 24);
    assertCode(ErrorCode.IMAGE_TOO_MANY_PIXELS, () -> decoder.decode(bmp.array()));

    byte[] gif = {'G', 'I', 'F', '8', '9', 'a', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertCode(ErrorCode.IMAGE_TOO_MANY_PIXELS, () -> decoder.decode(gif));

    ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22);
    webp.put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
    int side = 100_000 - 1;
    webp.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
    webp.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
    assertCode(ErrorCode.IMAGE_TOO_MANY_PIXELS, () -> decoder.decode(webp.array()));
  }

  @Test
  void budgetsPngByDecodedBytesNotPixelsAlone() {
    // 2800x2800 is within the pixel limit; at 16-bit RGBA it decodes to 60 MiB: refused unread
    FaceException e =
        assertCode(ErrorCode.IMAGE_TOO_LARGE, () -> decoder.decode(pngHeader(2800, 2800, 16, 6)));
    assertTrue(e.getMessage().contains("2800x2800 pixels of 8 bytes"), e.getMessage());
    // the same size at 8-bit RGB (22.4 MiB) passes the budget and fails later, on its missing data
    assertCode(ErrorCode.NOT_AN_IMAGE, () -> decoder.decode(pngHeader(2800, 2800, 8, 2)));
  }

  @Test
  void decodesLargeJpegAtReducedSizeAndScalesOtherFormatsDown() {
    byte[] jpeg = Fixtures.firstJpeg(); // 250x250
    ImageDecoder small =
        new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, 250 * 250, 1 << 20, 3_000);
    RgbImage reduced = small.decode(jpeg);
    // decoded at 1/4 (3,906 pixels, the last reduction above 3,000), then scaled to 54x54
    assertEquals(54, reduced.width(), "JPEG reduced, then scaled to at most 3,000 pixels");
    assertEquals(54, reduced.height());
    ImageDecoder half =
        new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, 250 * 250, 1 << 20, 15_625);
    assertEquals(125, half.decode(jpeg).width(), "exactly 1/2 fits: decoded at 1/2, not scaled");
    small = new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, 250 * 250, 1 << 20, 20_000);
    RgbImage scaled = small.decode(PngWriter.encode(decoder.decode(jpeg)));
    assertEquals(141, scaled.width(), "PNG scaled by sqrt(20,000 / 62,500)");
    assertEquals(141, scaled.height());
    assertEquals(250, decoder.decode(jpeg).width(), "the default working size leaves it alone");
  }

  /** A PNG signature and IHDR (no data, no IEND) of this size, bit depth and colour type. */
  private static byte[] pngHeader(int width, int height, int bitDepth, int colourType) {
    ByteBuffer png = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII));
    png.putInt(width).putInt(height);
    png.put(new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0}).putInt(0);
    return png.array();
  }

  @Test
  void appliesConfiguredPixelLimit() {
    ImageDecoder tiny = new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, 250 * 250 - 1);
    assertCode(ErrorCode.IMAGE_TOO_MANY_PIXELS, () -> tiny.decode(Fixtures.firstJpeg()));
  }

  @Test
  void decodesGrayscalePngToThreeEqualChannels() throws IOException {
    BufferedImage gray = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(3, 4, 0, 200);
    RgbImage image = decoder.decode(encode(gray, "png"));
    assertEquals(30, image.width());
    assertEquals(20, image.height());
    for (int c = 0; c < 3; c++) {
      assertEquals(200, image.channel(3, 4, c));
      assertEquals(0, image.channel(0, 0, c));
    }
  }

  @Test
  void decodesRgbaPngOverWhite() throws IOException {
    BufferedImage rgba = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0xFFFF0000); // opaque red
    rgba.setRGB(1, 0, 0x00000000); // fully transparent black
    rgba.setRGB(2, 0, 0x80000000); // half-transparent black
    RgbImage image = decoder.decode(encode(rgba, "png"));
    assertPixel(image, 0, 0, 255, 0, 0);
    assertPixel(image, 1, 0, 255, 255, 255);
    assertEquals(127, image.channel(2, 0, 1), 1);
  }

  @Test
  void keepsRgbChannelOrder() throws IOException {
    RgbImage image =
        decoder.decode(encode(solid(8, 8, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png"));
    assertPixel(image, 4, 4, 0, 0, 255);
  }

  @Test
  void rotatesJpegByExifOrientationSixExactlyOnce() throws IOException {
    RgbImage image = decoder.decode(withExifOrientation(leftRedRightBlueJpeg(), 6));
    assertEquals(20, image.width());
    assertEquals(40, image.height());
    // 90 degrees clockwise: the left (red) half becomes the top half.
    assertTrue(image.channel(10, 5, 0) > 200 && image.channel(10, 5, 2) < 60);
    assertTrue(image.channel(10, 35, 2) > 200 && image.channel(10, 35, 0) < 60);
  }

  @Test
  void rotatesJpegByExifOrientationThreeExactlyOnce() throws IOException {
    RgbImage image = decoder.decode(withExifOrientation(leftRedRightBlueJpeg(), 3));
    assertEquals(40, image.width());
    assertEquals(20, image.height());
    // Rotated 180 degrees once: red is now on the right (twice would put it back on the left).
    assertTrue(image.channel(35, 10, 0) > 200 && image.channel(35, 10, 2) < 60);
    assertTrue(image.channel(5, 10, 2) > 200 && image.channel(5, 10, 0) < 60);
  }

  @Test
  void ignoresMissingOrUprightExif() throws IOException {
    RgbImage plain = decoder.decode(leftRedRightBlueJpeg());
    RgbImage upright = decoder.decode(withExifOrientation(leftRedRightBlueJpeg(), 1));
    assertEquals(40, plain.width());
    assertEquals(40, upright.width());
    assertTrue(upright.channel(5, 10, 0) > 200);
  }

  static byte[] leftRedRightBlueJpeg() throws IOException {
    BufferedImage image = solid(40, 20, Color.BLUE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        image.setRGB(x, y, Color.RED.getRGB());
      }
    }
    return encode(image, "jpg");
  }

  /** Inserts, right after SOI, an APP1 Exif segment whose IFD0 holds only the orientation tag. */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0).putInt(0);
    byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + exif.length + tiff.capacity();
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
    out.put(exif).put(tiff.array()).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  static BufferedImage solid(int width, int height, Color color, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, color.getRGB());
      }
    }
    return image;
  }

  static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), "no ImageIO writer for " + format);
    return out.toByteArray();
  }

  private static void assertPixel(RgbImage image, int x, int y, int r, int g, int b) {
    assertEquals(r, image.channel(x, y, 0), "red at " + x + "," + y);
    assertEquals(g, image.channel(x, y, 1), "green at " + x + "," + y);
    assertEquals(b, image.channel(x, y, 2), "blue at " + x + "," + y);
  }

  private static FaceException assertCode(ErrorCode code, Runnable action) {
    FaceException e = assertThrows(FaceException.class, action::run);
    assertEquals(code, e.errorCode(), e.getMessage());
    return e;
  }
}
