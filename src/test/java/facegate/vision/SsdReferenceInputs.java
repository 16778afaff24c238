package facegate.vision;

import facegate.core.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the PNG inputs of the SSD parity check into {@code src/test/resources/reference/ssd},
 * built from the LFW fixtures: the Node script runs face-api on them, {@code
 * facegate.embed.SsdFaceDetectorParityTest} runs the DJL port. Three are 512x512 (the network's
 * input: both sides see identical pixels); one is 500x250, so that face-api and facegate each pad
 * and resize it themselves. Run from the worktree root: {@code java -cp
 * target/facegate.jar:target/test-classes facegate.vision.SsdReferenceInputs}.
 */
final class SsdReferenceInputs {
  static final Path DIR = Path.of("src/test/resources/reference/ssd");
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");

  private SsdReferenceInputs() {}

  public static void main(String[] args) throws IOException {
    Files.createDirectories(DIR);
    RgbImage clay = fixture("Clay_Aiken/Clay_Aiken_0001.jpg");
    RgbImage pair =
        sideBySide(
            fixture("Mick_Jagger/Mick_Jagger_0001.jpg"),
            fixture("Steffi_Graf/Steffi_Graf_0001.jpg"));
    RgbImage small = SquarePadResize.apply(fixture("Woody_Allen/Woody_Allen_0001.jpg"), 125);
    write("clay_aiken_512.png", SquarePadResize.apply(clay, 512));
    write("pair_512.png", SquarePadResize.apply(pair, 512));
    write("small_face_512.png", paste(small, 512, 300, 60));
    write("pair_500x250.png", pair);
  }

  private static RgbImage fixture(String name) throws IOException {
    return new ImageDecoder().decode(Files.readAllBytes(LFW.resolve(name)));
  }

  private static RgbImage sideBySide(RgbImage left, RgbImage right) {
    int width = left.width() + right.width();
    int height = Math.max(left.height(), right.height());
    byte[] rgb = new byte[width * height * 3];
    copy(left, rgb, width, 0, 0);
    copy(right, rgb, width, left.width(), 0);
    return new RgbImage(width, height, rgb);
  }

  private static RgbImage paste(RgbImage image, int side, int x, int y) {
    byte[] rgb = new byte[side * side * 3];
    copy(image, rgb, side, x, y);
    return new RgbImage(side, side, rgb);
  }

  private static void copy(RgbImage from, byte[] to, int toWidth, int x, int y) {
    for (int row = 0; row < from.height(); row++) {
      System.arraycopy(
          from.rgb(), row * from.width() * 3, to, ((y + row) * toWidth + x) * 3, from.width() * 3);
    }
  }

  private static void write(String name, RgbImage image) throws IOException {
    Files.write(DIR.resolve(name), PngWriter.encode(image));
  }
}
