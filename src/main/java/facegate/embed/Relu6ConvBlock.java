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
 * face-api's SSD {@code pointwiseConvLayer}: a TensorFlow 'same' convolution (despite the name, 1x1
 * or 3x3, stride 1 or 2) plus the folded batch-norm offset as bias, clipped to [0, 6] (ReLU6).
 */
final class Relu6ConvBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final TfConv2dBlock conv;

  Relu6ConvBlock(int in, int out, int kernel, int stride) {
    super(VERSION);
    conv = addChildBlock("conv", TfConv2dBlock.conv(in, out, kernel, stride, true));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(conv.forward(store, inputs, training, params).head().clip(0, 6));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    conv.initialize(manager, dataType, shapes);
  }

  /** Reads {@code prefix/weights} and {@code prefix/convolution_bn_offset}. */
  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    conv.importTfjs(weights, prefix + "/weights", prefix + "/convolution_bn_offset");
  }
}
