package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DlibConvLayerTest {
  @Test
  void foldingTheScaleIntoTheConvolutionKeepsTheOutput() {
    try (NDManager manager = NDManager.newBaseManager()) {
      DlibConvLayer layer = new DlibConvLayer(3, 4, 3, 1, true, false);
      Shape input = new Shape(2, 3, 6, 5);
      layer.setInitializer(Initializer.ONES, parameter -> true);
      layer.initialize(manager, DataType.FLOAT32, input);
      Random random = new Random(3);
      for (Parameter parameter : layer.getParameters().values()) {
        NDArray array = parameter.getArray();
        float[] values = new float[(int) array.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) random.nextGaussian();
        }
        array.set(values);
      }
      NDArray x = manager.randomNormal(input);
      ParameterStore store = new ParameterStore(manager, false);
      float[] before = layer.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();

      layer.foldScale();
      float[] after = layer.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();

      assertEquals(2 * 4 * 6 * 5, after.length);
      assertArrayEquals(before, after, 1e-4f);
      // no ReLU here: the scale's negative factors must have come through the fold
      assertTrue(after[0] != 0 || after[1] != 0);
    }
  }
}
