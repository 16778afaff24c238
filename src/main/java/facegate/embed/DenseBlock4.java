package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * face-api's {@code denseBlock4} (faceFeatureExtractor/denseBlock.ts), always down-sampling: a
 * stride-2 first convolution (a plain 3x3 convolution with bias in the first block of the network,
 * a separable one otherwise), then three stride-1 separable convolutions, each fed the ReLU of the
 * sum of all outputs so far; the block returns the ReLU of the sum of all four.
 */
final class DenseBlock4 extends AbstractBlock {
  private static final byte VERSION = 1;

  private final AbstractBlock conv0;
  private final SeparableConvBlock conv1;
  private final SeparableConvBlock conv2;
  private final SeparableConvBlock conv3;

  DenseBlock4(int in, int out, boolean firstLayer) {
    super(VERSION);
    conv0 =
        addChildBlock(
            "conv0",
            firstLayer
                ? TfConv2dBlock.conv(in, out, 3, 2, true)
                : new SeparableConvBlock(in, out, 2));
    conv1 = addChildBlock("conv1", new SeparableConvBlock(out, out, 1));
    conv2 = addChildBlock("conv2", new SeparableConvBlock(out, out, 1));
    conv3 = addChildBlock("conv3", new SeparableConvBlock(out, out, 1));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray out1 = Activation.relu(conv0.forward(store, inputs, training, params).head());
    NDArray out2 = conv1.forward(store, new NDList(out1), training, params).head();
    NDArray in3 = Activation.relu(out1.add(out2));
    NDArray out3 = conv2.forward(store, new NDList(in3), training, params).head();
    NDArray in4 = Activation.relu(out1.add(out2.add(out3)));
    NDArray out4 = conv3.forward(store, new NDList(in4), training, params).head();
    return new NDList(Activation.relu(out1.add(out2.add(out3.add(out4)))));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv0.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    conv0.initialize(manager, dataType, shapes);
    Shape[] inner = conv0.getOutputShapes(shapes);
    conv1.initialize(manager, dataType, inner);
    conv2.initialize(manager, dataType, inner);
    conv3.initialize(manager, dataType, inner);
  }

  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    if (conv0 instanceof TfConv2dBlock plain) {
      plain.importTfjs(weights, prefix + "/conv0/filters", prefix + "/conv0/bias");
    } else {
      ((SeparableConvBlock) conv0).importTfjs(weights, prefix + "/conv0");
    }
    conv1.importTfjs(weights, prefix + "/conv1");
    conv2.importTfjs(weights, prefix + "/conv2");
    conv3.importTfjs(weights, prefix + "/conv3");
  }
}
