package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.FaceBox;
import facegate.core.FaceBox.View;
import facegate.core.RgbImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaceCropperTest {
  /** 100x80 image whose pixel (x, y) is (x, y, 7). */
  private static RgbImage gradient() {
    byte[] rgb = new byte[100 * 80 * 3];
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 100; x++) {
        int i = (y * 100 + x) * 3;
        rgb[i] = (byte) x;
        rgb[i + 1] = (byte) y;
        rgb[i + 2] = 7;
      }
    }
    return new RgbImage(100, 80, rgb);
  }

  @Test
  void cropsExactPixelsAtNativeSize() {
    FaceBox box = new FaceBox(30, 20, 40, 40, 1, View.FRONTAL);
    RgbImage crop = FaceCropper.crop(gradient(), box, 0, 40);
    assertEquals(40, crop.width());
    assertEquals(40, crop.height());
    assertEquals(30, crop.channel(0, 0, 0));
    assertEquals(20, crop.channel(0, 0, 1));
    assertEquals(69, crop.channel(39, 39, 0));
    assertEquals(59, crop.channel(39, 39, 1));
  }

  @Test
  void usesLongerSideAroundTheCentreWithPadding() {
    // Box 20 wide, 10 high, centre (50, 40); side 20 * 1.5 = 30: x 35..64, y 25..54.
    FaceBox box = new FaceBox(40, 35, 20, 10, 1, View.FRONTAL);
    RgbImage crop = FaceCropper.crop(gradient(), box, 0.5, 30);
    assertEquals(35, crop.channel(0, 0, 0));
    assertEquals(25, crop.channel(0, 0, 1));
    assertEquals(64, crop.channel(29, 29, 0));
    assertEquals(54, crop.channel(29, 29, 1));
  }

  @Test
  void fillsOutsideTheImageWithBlack() {
    FaceBox corner = new FaceBox(-10, -10, 20, 20, 1, View.FRONTAL);
    RgbImage crop = FaceCropper.crop(gradient(), corner, 0, 20);
    assertEquals(0, crop.channel(5, 5, 2), "outside is black");
    assertEquals(7, crop.channel(15, 15, 2), "inside is the image");
    assertEquals(5, crop.channel(15, 15, 0));
    FaceBox outside = new FaceBox(500, 500, 20, 20, 1, View.FRONTAL);
    byte[] black = new byte[16 * 16 * 3];
    assertArrayEquals(black, FaceCropper.crop(gradient(), outside, 0, 16).rgb());
  }

  @Test
  void resizesDownAndUp() {
    byte[] solid = new byte[60 * 60 * 3];
    Arrays.fill(solid, (byte) 90);
    RgbImage image = new RgbImage(60, 60, solid);
    FaceBox box = new FaceBox(10, 10, 40, 40, 1, View.FRONTAL);
    RgbImage small = FaceCropper.crop(image, box, 0, 10);
    RgbImage large = FaceCropper.crop(image, box, 0, 112);
    assertEquals(10, small.width());
    assertEquals(112, large.height());
    assertEquals(90, small.channel(5, 5, 1));
    assertEquals(90, large.channel(100, 3, 2));
  }

  @Test
  void refusesBadArguments() {
    FaceBox box = new FaceBox(10, 10, 40, 40, 1, View.FRONTAL);
    assertThrows(IllegalArgumentException.class, () -> FaceCropper.crop(gradient(), box, -0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> FaceCropper.crop(gradient(), box, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> FaceCropper.crop(gradient(), box, Double.NaN, 10));
  }

  @Test
  void flipsHorizontally() {
    RgbImage flipped = FaceCropper.flipHorizontal(gradient());
    assertEquals(100, flipped.width());
    assertEquals(99, flipped.channel(0, 3, 0));
    assertEquals(3, flipped.channel(0, 3, 1));
    assertEquals(0, flipped.channel(99, 3, 0));
    assertArrayEquals(gradient().rgb(), FaceCropper.flipHorizontal(flipped).rgb());
  }
}
