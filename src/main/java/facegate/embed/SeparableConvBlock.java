package facegate.embed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * TensorFlow's {@code separableConv2d(x, depthwise, pointwise, stride, 'same')} plus bias: a 3x3
 * depthwise convolution with the stride, then a 1x1 pointwise convolution carrying the bias. No
 * activation.
 */
final class SeparableConvBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final TfConv2dBlock depthwise;
  private final TfConv2dBlock pointwise;

  SeparableConvBlock(int in, int out, int stride) {
    super(VERSION);
    depthwise = addChildBlock("depthwise", TfConv2dBlock.depthwise(in, 3, stride));
    pointwise = addChildBlock("pointwise", TfConv2dBlock.conv(in, out, 1, 1, true));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return pointwise.forward(
        store, depthwise.forward(store, inputs, training, params), training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return pointwise.getOutputShapes(depthwise.getOutputShapes(inputShapes));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    depthwise.initialize(manager, dataType, shapes);
    pointwise.initialize(manager, dataType, depthwise.getOutputShapes(shapes));
  }

  /**
   * Reads {@code prefix/depthwise_filter}, {@code prefix/pointwise_filter}, {@code prefix/bias}.
   */
  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    depthwise.importTfjs(weights, prefix + "/depthwise_filter", null);
    pointwise.importTfjs(weights, prefix + "/pointwise_filter", prefix + "/bias");
  }
}
