package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SsdMobilenetBlockTest {
  @Test
  void decodesAnEncodingAgainstItsAnchorAsFaceApiDoes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Anchor y 0.2..0.6, x 0.4..0.6: size (0.4, 0.2), centre (0.4, 0.5).
      float[] anchor = {0.2f, 0.4f, 0.6f, 0.6f};
      // Centre y 0.4 + 1/10 * 0.4 = 0.44, x 0.5 - 2/10 * 0.2 = 0.46;
      // height exp(5 ln 2 / 5) * 0.4 = 0.8, width exp(0) * 0.2 = 0.2.
      float[] encoding = {1, -2, (float) (5 * Math.log(2)), 0};
      float[] decoded =
          SsdMobilenetBlock.decode(
                  manager.create(anchor, new Shape(1, 4)),
                  manager.create(encoding, new Shape(1, 1, 4)))
              .toFloatArray();
      assertArrayEquals(new float[] {0.04f, 0.36f, 0.84f, 0.56f}, decoded, 1e-6f);
    }
  }

  @Test
  void anchorRowsFollowTensorFlowsChannelsLastOrder() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // NCHW [1, 2 anchors * 2 values, 1, 2]: channel c at column w holds 10 * c + w.
      float[] nchw = {0, 1, 10, 11, 20, 21, 30, 31};
      float[] rows =
          BoxPredictorBlock.toAnchorRows(manager.create(nchw, new Shape(1, 4, 1, 2)), 2)
              .toFloatArray();
      // NHWC: column 0 (anchors 0, 1), then column 1.
      assertArrayEquals(new float[] {0, 10, 20, 30, 1, 11, 21, 31}, rows);
    }
  }
}
