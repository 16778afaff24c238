package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.FaceBox;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import org.junit.jupiter.api.Test;

class MediaPipeFaceMeshTest {
  /** A 100x100 image whose red channel is the column and green channel the row. */
  private static RgbImage ramps() {
    return MirrorTest.gradient(100, 100);
  }

  /** A network that returns {@code flag} after 1404 mesh values 0, 1, 2, ... */
  private static SquareImageNetwork network(float flag, int outputs) {
    return new SquareImageNetwork() {
      @Override
      public int inputSize() {
        return 192;
      }

      @Override
      public float[] run(RgbImage square) {
        assertEquals(192, square.width());
        float[] out = new float[outputs];
        for (int i = 0; i < out.length; i++) {
          out[i] = i;
        }
        out[out.length - 1] = flag;
        return out;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void cropsTheBoxEnlargedAndSquaredAsTfjsCropAndResize() {
    // box 20 wide, 10 high, centre (50, 40): square side 1.4 * 20 = 28 -> x 36..64, y 26..54;
    // cropAndResize samples start * 99/100 to end * 99/100
    RgbImage crop =
        MediaPipeFaceMesh.crop(ramps(), new FaceBox(40, 35, 20, 10, 1, FaceBox.View.ANY), 192);
    assertEquals(192, crop.width());
    assertEquals(Math.round(36 * 0.99), crop.channel(0, 0, 0));
    assertEquals(Math.round(64 * 0.99), crop.channel(191, 0, 0));
    assertEquals(Math.round(26 * 0.99), crop.channel(0, 0, 1));
    assertEquals(Math.round(54 * 0.99), crop.channel(0, 191, 1));
  }

  @Test
  void keepsTheMeshOnlyAboveTheFaceFlagThreshold() {
    FaceBox box = new FaceBox(30, 30, 40, 40, 1, FaceBox.View.ANY);
    float[] mesh = new MediaPipeFaceMesh(network(0.9f, 1405)).mesh(ramps(), box).orElseThrow();
    assertEquals(1404, mesh.length);
    assertEquals(1403f, mesh[1403]);
    assertTrue(new MediaPipeFaceMesh(network(0.204f, 1405)).mesh(ramps(), box).isEmpty());
    assertTrue(new MediaPipeFaceMesh(network(0.206f, 1405)).mesh(ramps(), box).isPresent());
    assertThrows(
        IllegalStateException.class,
        () -> new MediaPipeFaceMesh(network(0.9f, 1404)).mesh(ramps(), box));
  }
}
