package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * A residual unit of face-api's dlib ResNet ({@code residual} / {@code residualDown} in
 * residualLayer.ts).
 *
 * <p>Plain: {@code relu(x + convNoRelu(conv(x)))}, both 3x3 'same'. Down-sampling: the first
 * convolution is 3x3 stride 2 'valid' and the shortcut is a 2x2 stride 2 average pool. When the
 * convolution path comes out one pixel smaller than the pooled shortcut it gets one zero row and
 * one zero column appended (bottom/right); when it has more channels the shortcut gets zero
 * channels appended. Exactly as the TypeScript does.
 */
final class DlibResidualBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final boolean down;
  private final DlibConvLayer conv1;
  private final DlibConvLayer conv2;

  DlibResidualBlock(int in, int out, boolean down) {
    super(VERSION);
    this.down = down;
    conv1 =
        addChildBlock(
            "conv1",
            down
                ? new DlibConvLayer(in, out, 3, 2, false, true)
                : new DlibConvLayer(in, out, 3, 1, true, true));
    conv2 = addChildBlock("conv2", new DlibConvLayer(out, out, 3, 1, true, false));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList hidden = conv1.forward(store, inputs, training, params);
    NDArray out = conv2.forward(store, hidden, training, params).singletonOrThrow();
    NDArray shortcut = x;
    if (down) {
      shortcut = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
      Shape pooled = shortcut.getShape();
      if (pooled.get(2) != out.getShape().get(2) || pooled.get(3) != out.getShape().get(3)) {
        out = TfConv2dBlock.padAfter(out, 1, 1);
      }
      long missingChannels = out.getShape().get(1) - pooled.get(1);
      if (missingChannels > 0) {
        shortcut = shortcut.concat(shortcut.zerosLike(), 1);
      }
    }
    return new NDList(Activation.relu(out.add(shortcut)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape convolved = conv2.getOutputShapes(conv1.getOutputShapes(inputShapes))[0];
    if (!down) {
      return new Shape[] {convolved};
    }
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), convolved.get(1), in.get(2) / 2, in.get(3) / 2)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    conv1.initialize(manager, dataType, shapes);
    conv2.initialize(manager, dataType, conv1.getOutputShapes(shapes));
  }

  void foldScales() {
    conv1.foldScale();
    conv2.foldScale();
  }

  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    conv1.importTfjs(weights, prefix + "/conv1");
    conv2.importTfjs(weights, prefix + "/conv2");
  }
}
